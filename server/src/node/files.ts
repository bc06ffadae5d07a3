/** Which files a PATH stands for, and how a file is read for checking: ONE walker for the CLI and the editor. */
import * as fs from 'fs';
import * as path from 'path';
import { HEAD_CHARS } from '../engine/languages';
import { toEnginePath } from '../engine/text/paths';

/** Folders never walked: tools' caches and checkouts of dependencies. */
export const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.tox', '.venv', '__pycache__']);

export class PathError extends Error {}

/**
 * Files under the given paths, sorted; `explicit` holds those named directly. A folder that cannot
 * be read throws a PathError (`strict`, the CLI) or is passed over (the editor).
 */
export function collectFiles(
  paths: string[],
  opts: { strict?: boolean; maxFiles?: number } = { strict: true },
): { files: string[]; explicit: Set<string> } {
  const files = new Set<string>();
  const explicit = new Set<string>();
  const max = opts.maxFiles ?? Infinity;
  const walk = (dir: string, depth: number) => {
    if (depth > 40 || files.size >= max) return;
    let ents: fs.Dirent[];
    try {
      ents = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if (opts.strict) throw new PathError(`cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return;
    }
    for (const e of ents) {
      if (files.size >= max) return;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p, depth + 1);
      } else if (e.isFile()) files.add(p);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      if (!opts.strict) continue;
      throw new PathError(
        `cannot read ${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`,
      );
    }
    if (st.isDirectory()) walk(p, 0);
    else {
      files.add(path.normalize(p));
      explicit.add(path.normalize(p));
    }
  }
  return { files: [...files].sort(), explicit };
}

/** Larger files are recognised by their head only (and reported too large when they are a kind we check). */
export const MAX_READ_BYTES = 4 * 1024 * 1024;

/** A file's text for the workspace: whole when it is not huge, else its head (enough to recognise it). */
export function readForCheck(file: string): { text: string; truncated: boolean } {
  const size = fs.statSync(file).size;
  if (size <= MAX_READ_BYTES) return { text: fs.readFileSync(file, 'utf8'), truncated: false };
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_CHARS * 4);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return { text: buf.subarray(0, n).toString('utf8'), truncated: true };
  } finally {
    fs.closeSync(fd);
  }
}

/** The engine's name of a host path: absolute, with '/'. */
export function enginePath(file: string): string {
  return toEnginePath(path.resolve(file));
}
/** The host's name of an engine path. */
export function hostPath(p: string): string {
  return path.sep === '/' ? p : p.split('/').join(path.sep);
}
