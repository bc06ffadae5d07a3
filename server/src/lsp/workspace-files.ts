/**
 * The workspace folders on disk, as the language server follows them: reads their files into the
 * engine's Workspace (through the AnalysisCache), follows files and folders created, changed or
 * deleted, leaves out what `files.exclude` and `openstackHa.workspace.ignore` name, and forgets what
 * is gone. Open buffers win over the disk: their files are left to the buffer until closed.
 */
import { statSync } from 'fs';
import picomatch from 'picomatch';
import { AnalysisCache } from './analysis';
import { collectFiles, enginePath, readForCheck, SKIP_DIRS } from '../node/files';
import { isWithin } from '../engine/text/paths';

/** The language server reads at most this many files of a workspace. */
export const MAX_WORKSPACE_FILES = 20000;

export interface WorkspaceFilesHost {
  /** Is this file open in the editor (its buffer speaks for it)? */
  isOpen(key: string): boolean;
  /** A file the workspace no longer holds: its diagnostics are cleared. */
  cleared(key: string): void;
  /** A file read anew: it is checked again after `delay`. */
  changed(key: string): void;
}

export class WorkspaceFiles {
  /** The workspace folders, as host paths. */
  roots: string[] = [];
  private ignoreKey = '';
  private ignoredBy: (key: string) => boolean = () => false;

  constructor(
    private readonly analyses: AnalysisCache,
    private readonly host: WorkspaceFilesHost,
  ) {}

  inWorkspace(key: string): boolean {
    return this.roots.some((r) => isWithin(enginePath(r), key));
  }

  ignored(key: string): boolean {
    return this.ignoredBy(key);
  }

  /** Sets the globs of files to leave out; true when they changed (the folders are then read again). */
  setIgnored(globs: string[], exclude: string[]): boolean {
    const all = [...globs, ...exclude];
    const key = JSON.stringify(all);
    if (key === this.ignoreKey) return false;
    this.ignoreKey = key;
    const match = all.length ? picomatch(all, { dot: true }) : undefined;
    this.ignoredBy = match
      ? (k) =>
          this.roots.some((r) => {
            const root = enginePath(r);
            return isWithin(root, k) && k !== root && match(k.slice(root.length + 1));
          })
      : () => false;
    return true;
  }

  /**
   * Reads every file of the folders (no dependents worked out: every file is checked afterwards) and
   * forgets what the workspace held that is no longer there. Returns how many files were read.
   */
  readAll(): number {
    const { files } = collectFiles(this.roots, { maxFiles: MAX_WORKSPACE_FILES });
    const seen = new Set<string>();
    for (const file of files) {
      const key = enginePath(file);
      if (this.host.isOpen(key) || this.ignored(key)) continue;
      const text = this.read(file);
      if (text === undefined) continue;
      this.analyses.setText(key, text, false);
      seen.add(key);
    }
    // deleted unseen, now ignored, its folder removed: it goes
    for (const key of this.analyses.workspace.paths()) if (!seen.has(key) && !this.host.isOpen(key)) this.drop(key);
    this.analyses.workspaceEpoch++;
    return files.length;
  }

  /** Folders added to or removed from the workspace. */
  changeFolders(added: string[], removed: string[]): void {
    this.roots = [...new Set([...this.roots.filter((r) => !removed.includes(r)), ...added])];
    for (const r of removed) for (const k of this.analyses.workspace.pathsUnder(enginePath(r))) if (!this.inWorkspace(k)) this.drop(k);
    for (const r of added) this.readFolder(r);
  }

  /** A file or folder created, changed or deleted on disk (not open: its buffer speaks for it). */
  onDisk(file: string, deleted: boolean): void {
    const key = enginePath(file);
    if (this.host.isOpen(key)) return;
    // a file, or a whole folder: everything the workspace holds under it goes
    if (deleted) {
      for (const k of this.analyses.workspace.pathsUnder(key)) this.drop(k);
      return;
    }
    if (this.ignored(key) || !this.inWorkspace(key) || key.split('/').some((seg) => SKIP_DIRS.has(seg))) return;
    let folder = false;
    try {
      folder = statSync(file).isDirectory();
    } catch {
      this.drop(key);
      return;
    }
    // a folder created or moved in: everything under it
    if (folder) this.readFolder(file);
    else this.take(file, key);
  }

  /**
   * A buffer closed (saved or not): the workspace goes back to the file on disk. True when the file
   * stays in the workspace with findings to show; false when it is gone from it.
   */
  closed(file: string | undefined, key: string): boolean {
    const text = file && this.inWorkspace(key) && !this.ignored(key) ? this.read(file) : undefined;
    if (text === undefined) {
      if (file) this.analyses.remove(key);
      return false;
    }
    this.analyses.setText(key, text);
    return !!this.analyses.workspace.kindOf(key);
  }

  private readFolder(dir: string): void {
    const { files } = collectFiles([dir], { maxFiles: MAX_WORKSPACE_FILES });
    for (const file of files) {
      const key = enginePath(file);
      if (!this.host.isOpen(key) && !this.ignored(key)) this.take(file, key);
    }
  }

  /** Reads one file into the workspace and has it checked, if it is one the product checks. */
  private take(file: string, key: string): void {
    const text = this.read(file);
    if (text === undefined) return this.drop(key);
    this.analyses.setText(key, text);
    if (this.analyses.workspace.kindOf(key)) this.host.changed(key);
  }

  private drop(key: string): void {
    if (!this.analyses.workspace.has(key)) return;
    this.analyses.remove(key);
    if (!this.host.isOpen(key)) this.host.cleared(key);
  }

  /**
   * The text the workspace takes from disk, or undefined: unreadable, too large to check, or not a
   * regular file (a FIFO is never opened, so it cannot block the server).
   */
  private read(file: string): string | undefined {
    const r = readForCheck(file);
    return r.status === 'ok' ? r.text : undefined;
  }
}
