/**
 * The language status item ({} in the status bar, beside the language mode) on the files the server
 * checks: what the file was checked as ("kolla-ansible inventory", "nova.conf (oslo.config)"), the
 * manifest, environment and release it was checked against, and its error and warning counts. The
 * server answers `openstackHa/fileStatus` (server/src/lsp/file-status.ts); on a file it does not
 * check (an unrelated YAML) it answers null and no item is shown.
 */
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import type { FileStatus } from '../../server/src/lsp/file-status';

export const FILE_STATUS_REQUEST = 'openstackHa/fileStatus';

/** The server's answer (a type only: the client bundle takes none of the server's code). */
export type { FileStatus };

/** What the item shows, for the extension-host tests (the API offers no way to read another extension's items). */
export interface ShownStatus {
  uri: string;
  text: string;
  detail: string;
  severity: 'error' | 'warning' | 'information';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The item's text and detail for a file's status. */
export function describe(s: FileStatus, relative: (uri: string) => string): Omit<ShownStatus, 'uri'> {
  const against = s.kind === 'manifest' ? undefined : s.manifest ? `checked against ${relative(s.manifest)}` : 'no HA manifest found';
  const context = [s.environment ?? 'production', s.release].filter(Boolean).join(', ');
  const counts = `${plural(s.counts.errors, 'error')}, ${plural(s.counts.warnings, 'warning')}`;
  return {
    text: `$(shield) ${s.label}`,
    detail: [against, context, counts].filter(Boolean).join(' · '),
    severity: s.counts.errors ? 'error' : s.counts.warnings ? 'warning' : 'information',
  };
}

const SEVERITY = {
  error: vscode.LanguageStatusSeverity.Error,
  warning: vscode.LanguageStatusSeverity.Warning,
  information: vscode.LanguageStatusSeverity.Information,
};

export class LanguageStatus implements vscode.Disposable {
  private item: vscode.LanguageStatusItem | undefined;
  private readonly subs: vscode.Disposable[] = [];
  /** Answers arrive out of order: only the latest request's is shown. */
  private asked = 0;
  /** What the item shows now (undefined: no item). */
  shown: ShownStatus | undefined;

  constructor(private readonly client: LanguageClient) {
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      // the server publishes a file's diagnostics once it has checked it: its status is then current
      vscode.languages.onDidChangeDiagnostics((e) => {
        const doc = vscode.window.activeTextEditor?.document;
        if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) void this.refresh();
      }),
      client.onDidChangeState(() => void this.refresh()),
    );
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const n = ++this.asked;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || this.client.state !== State.Running) return this.hide();
    let s: FileStatus | null = null;
    try {
      s = await this.client.sendRequest<FileStatus | null>(FILE_STATUS_REQUEST, { uri: doc.uri.toString() });
    } catch {
      s = null;
    }
    if (n !== this.asked) return;
    if (!s) return this.hide();
    const d = describe(s, (u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u)));
    // one item, for the active document's language (a LanguageStatusItem shows where its selector matches)
    if (!this.item || this.shown?.uri !== doc.uri.toString()) {
      this.item?.dispose();
      this.item = vscode.languages.createLanguageStatusItem('openstackHa.fileStatus', { language: doc.languageId });
      this.item.name = 'OpenStack HA';
      this.item.command = { title: 'Show Output', command: 'openstackHa.showOutput' };
    }
    this.item.text = d.text;
    this.item.detail = d.detail;
    this.item.severity = SEVERITY[d.severity];
    this.item.accessibilityInformation = { label: `OpenStack HA: ${s.label}, ${d.detail}` };
    this.shown = { uri: doc.uri.toString(), ...d };
  }

  private hide(): void {
    this.item?.dispose();
    this.item = undefined;
    this.shown = undefined;
  }

  dispose(): void {
    this.hide();
    this.subs.forEach((s) => s.dispose());
  }
}
