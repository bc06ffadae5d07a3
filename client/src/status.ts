/**
 * The status bar item: the server's state, and the error and warning counts of the file in view, at
 * a glance. What the file was checked as and against (kind, manifest, environment, release) is the
 * language status item's (language-status.ts), which VS Code shows beside the file's language; this
 * item keeps the counts in sight and sets the context keys the topology command's menus read.
 */
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('openstackHa.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subs: vscode.Disposable[] = [];
  /** What the server said of each open file: its kind, manifest, environment and release. */
  private readonly contexts = new Map<string, FileContext>();
  /** Whether the server was ever started: never started (no work in this workspace), the item stays hidden. */
  private everStarted = false;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'OpenStack HA';
    this.item.command = 'openstackHa.showOutput';
    this.subs.push(
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      client.onDidChangeState(() => this.update()),
      client.onNotification('openstackHa/fileContext', (c: FileContext) => {
        // the server's URIs as the editor names the files (the web build's server sees the workspace's as file:)
        const asUri = (u: string) => client.protocol2CodeConverter.asUri(u).toString();
        this.contexts.set(asUri(c.uri), { ...c, manifest: c.manifest && asUri(c.manifest) });
        this.update();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.contexts.delete(d.uri.toString())),
    );
    this.update();
  }

  private update(): void {
    const running = this.client.state === State.Running;
    if (this.client.state !== State.Stopped) this.everStarted = true;
    const doc = vscode.window.activeTextEditor?.document;
    const diags = doc ? vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'openstack-ha') : [];
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = !running
      ? '$(circle-slash) OpenStack HA'
      : diags.length
        ? `$(shield) HA: ${errors} $(error) ${warnings} $(warning)`
        : '$(shield) OpenStack HA';
    const ctx = doc ? this.contexts.get(doc.uri.toString()) : undefined;
    this.item.tooltip = !running
      ? 'OpenStack HA language server is not running.'
      : ctx?.label
        ? `${ctx.label}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (what it was checked against: the {} item beside the language). Click to show the output.`
        : 'OpenStack HA language server is running. Click to show its output.';
    // on the files the server checks (and whenever it is not running), nowhere else
    if ((!running && this.everStarted) || ctx?.kind) this.item.show();
    else this.item.hide();
    // what the active file was checked as: the topology command is offered on those files only
    const kind = (running && ctx?.kind) || null;
    if (kind !== this.kind) {
      this.kind = kind;
      void vscode.commands.executeCommand('setContext', 'openstackHa.checkedFile', !!kind);
      void vscode.commands.executeCommand('setContext', 'openstackHa.fileKind', kind ?? '');
    }
  }
  private kind: string | null | undefined;

  dispose(): void {
    this.item.dispose();
    this.subs.forEach((s) => s.dispose());
  }
}

interface FileContext {
  uri: string;
  kind: string | null;
  label: string | null;
  manifest: string | null;
  environment: string | null;
  release: string | null;
}
