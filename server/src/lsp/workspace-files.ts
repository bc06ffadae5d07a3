/**
 * The workspace folders on disk, as the language server follows them: reads their files into the
 * engine's Workspace (through the AnalysisCache), follows files and folders created, changed or
 * deleted, leaves out what `files.exclude` and `openstackHa.workspace.ignore` name, and forgets what
 * is gone. Open buffers win over the disk: their files are left to the buffer until closed.
 */
import { statSync } from 'fs';
import { IgnoreGlobs } from './ignore-globs';
import { AnalysisCache } from './analysis';
import { collectFiles, enginePath, notReadFinding, readForCheck, SKIP_DIRS, tooLargeFinding } from '../node/files';
import { detectKind, FACT_SOURCES, headOf } from '../engine/languages';
import type { Finding } from '../engine/types';
import { isWithin } from '../engine/text/paths';

/** The language server reads at most this many files of a workspace. */
export const MAX_WORKSPACE_FILES = 20000;

/**
 * Whether the workspace keeps a file's text: a file of a kind the product checks, or one other files
 * are checked against (sysctl, clustercheck). Nothing reads the others again, so a workspace of
 * unrelated files (4,000 Kubernetes manifests) costs one read of each, not their text held in memory.
 */
export function worthHolding(key: string, text: string): boolean {
  if (detectKind(key, text)) return true;
  const head = headOf(text);
  return FACT_SOURCES.some((s) => s.recognise(key, head));
}

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
  /** How many files the last readAll found in each folder (for the server's log). */
  readCounts = new Map<string, number>();
  private readonly ignore = new IgnoreGlobs();
  /**
   * Files the workspace does not hold but the CLI reports: over the size bound (of a kind the product
   * checks, by their head) or not readable. The server shows their one finding as the CLI does.
   */
  private readonly unchecked = new Map<string, { finding: Finding; head: string }>();

  /** The finding of a file left unread, and the head it was read from. */
  uncheckedOf(key: string): { finding: Finding; head: string } | undefined {
    return this.unchecked.get(key);
  }

  uncheckedKeys(): string[] {
    return [...this.unchecked.keys()];
  }

  constructor(
    private readonly analyses: AnalysisCache,
    private readonly host: WorkspaceFilesHost,
  ) {}

  inWorkspace(key: string): boolean {
    return this.roots.some((r) => isWithin(enginePath(r), key));
  }

  ignored(key: string): boolean {
    return this.ignore.ignores(key, this.roots.map(enginePath));
  }

  /** Sets the globs of files to leave out; true when they changed (the folders are then read again). */
  setIgnored(globs: string[], exclude: string[]): boolean {
    return this.ignore.set(globs, exclude);
  }

  /**
   * Reads every file of the folders (no dependents worked out: every file is checked afterwards) and
   * forgets what the workspace held that is no longer there. Returns how many files were read.
   */
  readAll(): number {
    const { files } = collectFiles(this.roots, { maxFiles: MAX_WORKSPACE_FILES });
    this.readCounts = new Map(this.roots.map((r) => [r, files.filter((f) => isWithin(enginePath(r), enginePath(f))).length]));
    const seen = new Set<string>();
    const before = new Set(this.unchecked.keys());
    for (const file of files) {
      const key = enginePath(file);
      if (this.host.isOpen(key) || this.ignored(key)) continue;
      const text = this.read(file, key);
      before.delete(key);
      if (text === undefined || !worthHolding(key, text)) continue;
      this.analyses.setText(key, text, false);
      seen.add(key);
    }
    // deleted unseen, now ignored, its folder removed: it goes
    for (const key of this.analyses.workspace.paths()) if (!seen.has(key) && !this.host.isOpen(key)) this.drop(key);
    for (const key of before) this.forget(key);
    this.analyses.workspaceEpoch++;
    return files.length;
  }

  /** Folders added to or removed from the workspace. */
  changeFolders(added: string[], removed: string[]): void {
    this.roots = [...new Set([...this.roots.filter((r) => !removed.includes(r)), ...added])];
    for (const r of removed) for (const k of this.pathsUnder(enginePath(r))) if (!this.inWorkspace(k)) this.drop(k);
    for (const r of added) this.readFolder(r);
  }

  /** A file or folder created, changed or deleted on disk (not open: its buffer speaks for it). */
  onDisk(file: string, deleted: boolean): void {
    const key = enginePath(file);
    if (this.host.isOpen(key)) return;
    // a file, or a whole folder: everything the workspace holds under it goes
    if (deleted) {
      for (const k of this.pathsUnder(key)) this.drop(k);
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
    const text = file && this.inWorkspace(key) && !this.ignored(key) ? this.read(file, key) : undefined;
    if (text === undefined || !worthHolding(key, text)) {
      if (file) this.analyses.remove(key);
      return this.unchecked.has(key);
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
    const wasUnchecked = this.unchecked.has(key);
    const text = this.read(file, key);
    if (text === undefined) {
      const held = this.analyses.workspace.has(key);
      if (held) this.analyses.remove(key);
      // left unread now (grown past the bound, made unreadable): its one finding; else whatever it showed goes
      if (this.unchecked.has(key)) this.host.changed(key);
      else if ((held || wasUnchecked) && !this.host.isOpen(key)) this.host.cleared(key);
      return;
    }
    if (!worthHolding(key, text)) {
      // no longer a file the product reads (or never one): whatever it showed goes
      const held = this.analyses.workspace.has(key);
      if (held) this.analyses.remove(key);
      if ((held || wasUnchecked) && !this.host.isOpen(key)) this.host.cleared(key);
      return;
    }
    this.analyses.setText(key, text);
    if (this.analyses.workspace.kindOf(key)) this.host.changed(key);
    else if (wasUnchecked) this.host.cleared(key);
  }

  /** Forgets a file, read or left unread; its diagnostics are cleared. */
  private drop(key: string): void {
    if (this.unchecked.has(key)) this.forget(key);
    if (!this.analyses.workspace.has(key)) return;
    this.analyses.remove(key);
    if (!this.host.isOpen(key)) this.host.cleared(key);
  }

  private forget(key: string): void {
    this.unchecked.delete(key);
    if (!this.host.isOpen(key)) this.host.cleared(key);
  }

  /** What the workspace holds under a path, read or left unread. */
  private pathsUnder(dir: string): string[] {
    return [...this.analyses.workspace.pathsUnder(dir), ...this.uncheckedKeys().filter((k) => isWithin(dir, k))];
  }

  /**
   * The text the workspace takes from disk, or undefined: unreadable, too large to check, or not a
   * regular file (a FIFO is never opened, so it cannot block the server).
   */
  private read(file: string, key: string): string | undefined {
    const r = readForCheck(file);
    if (r.status === 'ok') {
      this.unchecked.delete(key);
      return r.text;
    }
    if (r.status === 'refused') this.unchecked.set(key, { finding: notReadFinding(r.reason), head: '' });
    else if (detectKind(key, r.head)) this.unchecked.set(key, { finding: tooLargeFinding(r.size), head: r.head });
    else this.unchecked.delete(key);
    return undefined;
  }
}
