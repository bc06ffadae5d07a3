/** The status bar item: server state, and the problem count of the manifest in the active editor. */
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('openstackHa.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'OpenStack HA';
    this.item.command = 'openstackHa.showOutput';
    this.subs.push(
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      client.onDidChangeState(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const running = this.client.state === State.Running;
    const doc = vscode.window.activeTextEditor?.document;
    const diags = doc ? vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'openstack-ha') : [];
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = !running ? '$(circle-slash) OpenStack HA' : diags.length ? `$(shield) HA: ${errors} $(error) ${warnings} $(warning)` : '$(shield) OpenStack HA';
    this.item.tooltip = running ? 'OpenStack HA language server is running. Click to show its output.' : 'OpenStack HA language server is not running.';
    if (doc?.languageId === 'yaml' || !running) this.item.show(); else this.item.hide();
  }

  dispose(): void { this.item.dispose(); this.subs.forEach((s) => s.dispose()); }
}
