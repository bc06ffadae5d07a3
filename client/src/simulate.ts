/**
 * "OpenStack HA: Simulate failures…" (the code lenses' command): pick nodes, failure domains or an
 * enumeration of the file's deployment, and read what happens in a Markdown preview. The server runs
 * the simulation (openstackHa/simulateReport); this only asks and shows.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const SIMULATE_COMMAND = 'openstackHa.simulate';
/** Read-only documents holding the reports, so closing a preview asks nothing. */
const SCHEME = 'openstack-ha-simulation';
/** Reports kept for their previews to render again (a theme change re-reads the document); older ones are dropped. */
const KEEP = 20;

type Enumeration = 'single' | 'pairs' | 'domains';
interface Target {
  kind: 'cluster' | 'service';
  name: string;
}
interface Nodes {
  nodes: string[];
  domains: string[];
  members?: string[];
}
interface Report {
  markdown: string;
  failing: boolean;
}
/** One report to ask for: a scenario (nodes and domains failing at once) or an enumeration. */
interface Ask {
  fail?: string[];
  failDomains?: string[];
  all?: Enumeration;
}
interface Item extends vscode.QuickPickItem {
  all?: Enumeration;
  node?: string;
  domain?: string;
}

const ENUMERATIONS: { all: Enumeration; label: string; detail: string }[] = [
  { all: 'single', label: 'Every single node', detail: 'each node failing alone, worst first' },
  { all: 'pairs', label: 'Every pair of nodes', detail: 'each two nodes failing together, worst first' },
  { all: 'domains', label: 'Every failure domain', detail: 'each rack, room or power feed failing, worst first' },
];

/** The picker's items: the enumerations, then the target's members, the other nodes and the failure domains. */
export function pickItems(n: Nodes, target?: Target): Item[] {
  const members = new Set(n.members ?? []);
  const sep = (label: string): Item => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items: Item[] = [sep('Enumerations'), ...ENUMERATIONS.map((e) => ({ label: e.label, detail: e.detail, all: e.all }))];
  const ordered = [...n.nodes.filter((x) => members.has(x)), ...n.nodes.filter((x) => !members.has(x))];
  if (ordered.length) items.push(sep('Nodes that fail'));
  for (const node of ordered) items.push({ label: node, description: members.has(node) && target ? `in ${target.name}` : undefined, node });
  if (n.domains.length) items.push(sep('Failure domains that fail'));
  for (const domain of n.domains) items.push({ label: domain, description: 'failure domain', domain });
  return items;
}

export function registerSimulate(client: () => LanguageClient | undefined): vscode.Disposable[] {
  const reports = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  let count = 0;
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => reports.get(uri.toString()) ?? '',
  };

  /** Asks the user what fails, as the report requests to send; none when the picker is dismissed. */
  const ask = async (c: LanguageClient, uri: string, target?: Target): Promise<Ask[]> => {
    const n = await c.sendRequest<Nodes>('openstackHa/deploymentNodes', { uri, target });
    const picked = await vscode.window.showQuickPick(pickItems(n, target), {
      canPickMany: true,
      title: `What if it fails${target ? ` (${target.kind} ${target.name})` : ''}?`,
      placeHolder: 'Pick an enumeration, or the nodes and failure domains that fail at once',
    });
    if (!picked?.length) return [];
    const asks: Ask[] = picked.flatMap((p) => (p.all ? [{ all: p.all }] : []));
    const fail = picked.flatMap((p) => (p.node ? [p.node] : []));
    const failDomains = picked.flatMap((p) => (p.domain ? [p.domain] : []));
    if (fail.length || failDomains.length) asks.unshift({ fail, failDomains });
    return asks;
  };

  /**
   * `given` (a keybinding's or a test's arguments) skips the picker: e.g. [{ fail: ['ctl2'] }, { all: 'domains' }].
   * Resolves with the report's document, previewed.
   */
  const run = async (uriArg?: string | vscode.Uri, target?: Target, given?: Ask[]): Promise<vscode.Uri | undefined> => {
    const c = client();
    // a lens's argument is the server's URI already; an editor's is converted as the client converts (the web build maps schemes)
    const fromEditor = typeof uriArg === 'string' ? undefined : (uriArg ?? vscode.window.activeTextEditor?.document.uri);
    const uri = typeof uriArg === 'string' ? uriArg : fromEditor && c ? c.code2ProtocolConverter.asUri(fromEditor) : undefined;
    if (!c || !uri) {
      void vscode.window.showErrorMessage(
        'OpenStack HA: open a file of a deployment (a manifest, an inventory, corosync.conf) to simulate its failures.',
      );
      return;
    }
    try {
      const asks = Array.isArray(given) ? given : await ask(c, uri, target);
      if (!asks.length) return undefined;
      const results = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'OpenStack HA: simulating' },
        () => Promise.all(asks.map((a) => c.sendRequest<Report>('openstackHa/simulateReport', { ...a, uri }))),
      );
      const doc = vscode.Uri.from({ scheme: SCHEME, path: `/simulation-${++count}.md` });
      reports.set(doc.toString(), results.map((r) => r.markdown).join('\n---\n\n'));
      if (reports.size > KEEP) reports.delete(reports.keys().next().value!);
      changed.fire(doc);
      await vscode.commands.executeCommand('markdown.showPreview', doc);
      return doc;
    } catch (e) {
      void vscode.window.showErrorMessage(`OpenStack HA: ${(e as Error).message}`);
      return undefined;
    }
  };

  return [
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.commands.registerCommand(SIMULATE_COMMAND, run),
  ];
}

/** The lenses when `openstackHa.codeLens.enable` is off: none (the server's refresh re-asks on a settings change). */
export function codeLensMiddleware() {
  return {
    provideCodeLenses: (
      document: vscode.TextDocument,
      token: vscode.CancellationToken,
      next: (d: vscode.TextDocument, t: vscode.CancellationToken) => vscode.ProviderResult<vscode.CodeLens[]>,
    ) =>
      vscode.workspace.getConfiguration('openstackHa', document.uri).get<boolean>('codeLens.enable', true) ? next(document, token) : [],
  };
}
