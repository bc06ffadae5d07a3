/**
 * "OpenStack HA: Show Topology": a webview of the deployment the active file belongs to. The server
 * computes the picture and its layout (openstackHa/topology) and a scenario's overlay
 * (openstackHa/whatIf); the page (client/media/topology.js) only draws it and reports clicks.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TopologyGraph, TopologyResponse, WhatIfResponse } from '../../server/src/lsp/topology';

export const SHOW_TOPOLOGY_COMMAND = 'openstackHa.showTopology';
const VIEW_TYPE = 'openstackHa.topology';
/** Diagnostics arrive in bursts while typing and on a workspace check: the picture follows their last one. */
const REFRESH_DEBOUNCE_MS = 400;

interface Picks {
  fail: string[];
  failDomains: string[];
}

/** Messages from the page. */
type FromPage = { type: 'ready' } | { type: 'reveal'; id: string } | { type: 'whatIf' } | { type: 'clear' };

export class TopologyView implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  /** The file whose deployment is shown. */
  private uri?: vscode.Uri;
  /** The editor column a clicked element's definition opens in (the panel sits beside it). */
  private column = vscode.ViewColumn.One;
  private graph?: TopologyGraph;
  /** The deployment's files: a change of their diagnostics redraws the picture. */
  private files = new Set<string>();
  private picks?: Picks;
  private timer?: NodeJS.Timeout;
  /** Answers to an older request than the latest are dropped. */
  private seq = 0;
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly media: vscode.Uri,
  ) {
    this.subs.push(
      vscode.commands.registerCommand(SHOW_TOPOLOGY_COMMAND, (uri?: vscode.Uri) => this.show(uri)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => this.concerns(u))) this.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.concerns(d.uri)) this.schedule();
      }),
    );
  }

  private concerns(u: vscode.Uri): boolean {
    return !!this.panel && (this.files.has(u.toString()) || u.toString() === this.uri?.toString());
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  async show(uri?: vscode.Uri): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    // with the view itself focused there is no text editor: the file shown so far
    const target = uri instanceof vscode.Uri ? uri : (editor?.document.uri ?? this.uri);
    if (!target) {
      void vscode.window.showInformationMessage(
        'Open a file of a deployment (a manifest, an inventory, corosync.conf) to see its topology.',
      );
      return;
    }
    if (target.toString() !== this.uri?.toString()) this.picks = undefined;
    this.uri = target;
    if (editor?.viewColumn) this.column = editor.viewColumn;
    if (this.panel) {
      this.panel.reveal(undefined, true);
      await this.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'Topology',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [this.media], retainContextWhenHidden: false },
    );
    this.panel = panel;
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((m: FromPage) => void this.onMessage(m), undefined, this.subs);
    panel.onDidDispose(
      () => {
        this.panel = undefined;
        this.graph = undefined;
        this.files.clear();
        clearTimeout(this.timer);
      },
      undefined,
      this.subs,
    );
    // the page asks for the picture once its script runs ('ready'), and again each time it is shown
  }

  private async onMessage(m: FromPage): Promise<void> {
    switch (m.type) {
      case 'ready':
        return this.refresh();
      case 'reveal':
        return this.reveal(m.id);
      case 'whatIf':
        return this.whatIf();
      case 'clear':
        this.picks = undefined;
        return this.refresh();
    }
  }

  /** Asks the server for the picture (with the what-if overlay when one is picked) and posts it to the page. */
  private async refresh(): Promise<void> {
    const panel = this.panel;
    const uri = this.uri?.toString();
    if (!panel || !uri) return;
    const seq = ++this.seq;
    try {
      const base = await this.client.sendRequest<TopologyResponse | null>('openstackHa/topology', { uri });
      let overlay: WhatIfResponse | null = null;
      if (base && this.picks) {
        try {
          overlay = await this.client.sendRequest<WhatIfResponse | null>('openstackHa/whatIf', { uri, ...this.picks });
        } catch (e) {
          // a picked node renamed or removed since: the plain picture, and why the overlay went
          if (seq !== this.seq) return;
          this.picks = undefined;
          void vscode.window.showWarningMessage(`What if… no longer applies: ${(e as Error).message}`);
        }
      }
      if (seq !== this.seq || this.panel !== panel) return;
      if (!base) {
        this.graph = undefined;
        this.files.clear();
        panel.title = 'Topology';
        void panel.webview.postMessage({
          type: 'message',
          text: `${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))} belongs to no deployment the checker knows (a manifest, a kolla-ansible or OpenStack-Ansible inventory, a corosync, Galera or keepalived file).`,
        });
        return;
      }
      this.files = new Set(base.files);
      this.graph = overlay?.graph ?? base.graph;
      panel.title = `Topology: ${base.name}`;
      void panel.webview.postMessage({
        type: 'graph',
        name: base.name,
        source: shown(base.source),
        graph: this.graph,
        result: overlay?.result,
      });
    } catch (e) {
      if (seq === this.seq)
        void panel.webview.postMessage({ type: 'message', text: `The topology could not be computed: ${(e as Error).message}` });
    }
  }

  /** Opens a clicked element's definition, its place selected. */
  private async reveal(id: string): Promise<void> {
    const node = this.graph?.nodes.find((n) => n.id === id);
    if (!node) return;
    if (!node.location) {
      void vscode.window.showInformationMessage(`${node.label} is not written in any file (the model assumed it).`);
      return;
    }
    const { start, end } = node.location.range;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(node.location.uri));
    await vscode.window.showTextDocument(doc, {
      viewColumn: this.column,
      selection: new vscode.Range(start.line, start.character, end.line, end.character),
    });
  }

  /** "What if…": nodes and failure domains to fail, then the picture with the verdicts overlaid. */
  private async whatIf(): Promise<void> {
    if (!this.graph) return;
    const nodes = this.graph.nodes.filter((n) => n.kind === 'node');
    const domains = this.graph.nodes.filter((n) => n.kind === 'domain');
    const picked = new Set([
      ...(this.picks?.fail ?? []).map((n) => `node:${n}`),
      ...(this.picks?.failDomains ?? []).map((d) => `domain:${d}`),
    ]);
    type Item = vscode.QuickPickItem & { id?: string };
    const item = (n: TopologyGraph['nodes'][number], description: string): Item => ({
      label: n.label,
      description,
      id: n.id,
      picked: picked.has(n.id),
    });
    const inDomain = (d: string) => nodes.filter((n) => n.parent === d).length;
    const items: Item[] = [
      ...(domains.length ? [{ label: 'Failure domains', kind: vscode.QuickPickItemKind.Separator }] : []),
      ...domains.map((d) => item(d, `failure domain · ${inDomain(d.id) === 1 ? '1 node' : `${inDomain(d.id)} nodes`}`)),
      { label: 'Nodes', kind: vscode.QuickPickItemKind.Separator },
      ...nodes.map((n) => item(n, n.detail ?? '')),
    ];
    const chosen = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title: 'What if… these fail',
      placeHolder: 'Pick the nodes or failure domains that fail at once',
    });
    if (!chosen) return;
    const name = (prefix: string) => chosen.filter((c) => c.id?.startsWith(prefix)).map((c) => c.id!.slice(prefix.length));
    const picks = { fail: name('node:'), failDomains: name('domain:') };
    this.picks = picks.fail.length || picks.failDomains.length ? picks : undefined;
    await this.refresh();
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('hex');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'topology.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'topology.css'));
    // nothing remote and nothing inline: the page's own script (by its nonce) and stylesheet only
    const csp = `default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Topology</title>
</head>
<body>
<header><h1 id="title">Topology</h1><span id="source"></span><button id="what-if" type="button">What if…</button><button id="clear" type="button" hidden>Clear</button></header>
<p id="scenario"></p>
<ul id="summary"></ul>
<p id="message"></p>
<div id="canvas"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    this.subs.forEach((s) => s.dispose());
  }
}

/** The model's source with the workspace folders' paths left out ("site.ha.yaml", "kolla-ansible files in etc/kolla"). */
function shown(source: string): string {
  let out = source;
  for (const f of vscode.workspace.workspaceFolders ?? []) out = out.split(`${f.uri.fsPath}/`).join('');
  return out;
}
