/**
 * The workspace's files in the browser build: the worker has no disk, so it asks the client
 * (READ_FILES_REQUEST) for every file of the workspace folders, and again for a file the client
 * reports created or changed. The node build's counterpart is lsp/workspace-files.ts.
 */
import type { Connection } from 'vscode-languageserver';
import { AnalysisCache } from '../lsp/analysis';
import type { WorkspaceSource } from '../lsp/session';
import type { WorkspaceFilesHost } from '../lsp/workspace-files';
import { URI } from '../lsp/uri';
import { isWithin } from '../engine/text/paths';
import { forgetConfigsUnder, isConfigFile, setConfigText } from './host/config-files';
import { READ_FILES_REQUEST, ReadFile, ReadFilesParams, ReadFilesResult } from './protocol';
import { IgnoreGlobs } from '../lsp/ignore-globs';

export class BrowserWorkspace implements WorkspaceSource {
  roots: string[] = [];
  private readonly ignore = new IgnoreGlobs();

  constructor(
    private readonly analyses: AnalysisCache,
    private readonly host: WorkspaceFilesHost,
    private readonly connection: Connection,
  ) {}

  private inWorkspace(key: string): boolean {
    return this.roots.some((r) => isWithin(r, key));
  }

  setIgnored(globs: string[], exclude: string[]): boolean {
    return this.ignore.set(globs, exclude);
  }

  private async request(uris?: string[]): Promise<ReadFile[]> {
    const params: ReadFilesParams = uris ? { uris } : {};
    try {
      const r = await this.connection.sendRequest<ReadFilesResult>(READ_FILES_REQUEST, params);
      if (r.truncated) this.connection.console.warn(`workspace: the client read only the first ${r.files.length} files`);
      return r.files;
    } catch (e) {
      this.connection.console.error(`workspace: the client could not read the files: ${(e as Error).message}`);
      return [];
    }
  }

  /** What the workspace should take of a file the client read: its key and text, or nothing. */
  private accept(f: ReadFile): { key: string; text: string | undefined } | undefined {
    const file = URI.toPath(f.uri);
    if (!file) return undefined;
    const key = AnalysisCache.keyOf(f.uri);
    if (!this.inWorkspace(key) || this.ignored(key)) return undefined;
    if (isConfigFile(key)) {
      setConfigText(key, f.text);
      return undefined;
    }
    return { key, text: f.text };
  }

  ignored(key: string): boolean {
    return this.ignore.ignores(key, this.roots);
  }

  async readAll(): Promise<number> {
    const files = await this.request();
    const seen = new Set<string>();
    for (const f of files) {
      const a = this.accept(f);
      if (!a || a.text === undefined || this.host.isOpen(a.key)) continue;
      this.analyses.setText(a.key, a.text, false);
      seen.add(a.key);
    }
    for (const key of this.analyses.workspace.paths()) if (!seen.has(key) && !this.host.isOpen(key)) this.drop(key);
    this.analyses.workspaceEpoch++;
    return files.length;
  }

  changeFolders(added: string[], removed: string[]): void {
    this.roots = [...new Set([...this.roots.filter((r) => !removed.includes(r)), ...added])];
    for (const r of removed) for (const k of this.analyses.workspace.pathsUnder(r)) if (!this.inWorkspace(k)) this.drop(k);
    if (added.length) void this.take(added.map((r) => AnalysisCache.uriOf(r)));
  }

  onDisk(file: string, deleted: boolean): void {
    // host and engine paths are the same here (browser/host/files.ts)
    const key = file;
    if (this.host.isOpen(key)) return;
    if (deleted) {
      if (isConfigFile(key)) setConfigText(key, undefined);
      forgetConfigsUnder(key);
      for (const k of this.analyses.workspace.pathsUnder(key)) this.drop(k);
      return;
    }
    void this.take([AnalysisCache.uriOf(key)]);
  }

  async configChanged(file: string): Promise<void> {
    const uri = AnalysisCache.uriOf(file);
    const [f] = await this.request([uri]);
    this.accept(f ?? { uri });
  }

  /** A buffer closed: the workspace keeps what it held until the client has read the file as saved. */
  closed(file: string | undefined, key: string): boolean {
    if (!file || !this.inWorkspace(key) || this.ignored(key)) {
      if (file) this.analyses.remove(key);
      return false;
    }
    void this.take([AnalysisCache.uriOf(key)]);
    return !!this.analyses.workspace.kindOf(key);
  }

  /** Reads files (or folders) through the client; each one the product checks is checked again. */
  private async take(uris: string[]): Promise<void> {
    const files = await this.request(uris);
    // a single file asked for and not read (deleted, too large): the workspace forgets it
    if (uris.length === 1 && !files.length) files.push({ uri: uris[0] });
    for (const f of files) {
      const a = this.accept(f);
      if (!a || this.host.isOpen(a.key)) continue;
      if (a.text === undefined) {
        this.drop(a.key);
        continue;
      }
      this.analyses.setText(a.key, a.text);
      if (this.analyses.workspace.kindOf(a.key)) this.host.changed(a.key);
    }
  }

  private drop(key: string): void {
    if (!this.analyses.workspace.has(key)) return;
    this.analyses.remove(key);
    if (!this.host.isOpen(key)) this.host.cleared(key);
  }

  /** Files too large are left out by the client, not reported: there is no head to tell their kind by. */
  uncheckedOf(): undefined {
    return undefined;
  }
  uncheckedKeys(): string[] {
    return [];
  }
}
