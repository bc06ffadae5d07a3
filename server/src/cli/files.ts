/** Which files a PATH argument stands for: folders are walked, files taken as given. */
import * as fs from 'fs';
import * as path from 'path';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.tox', '.venv', '__pycache__']);

export class PathError extends Error {}

/** Files under the given paths, sorted; `explicit` holds those named directly on the command line. */
export function collectFiles(paths: string[]): { files: string[]; explicit: Set<string> } {
  const files = new Set<string>();
  const explicit = new Set<string>();
  const walk = (dir: string, depth: number) => {
    if (depth > 40) return;
    let ents: fs.Dirent[];
    try { ents = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { throw new PathError(`cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
    for (const e of ents) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (!SKIP_DIRS.has(e.name)) walk(p, depth + 1); }
      else if (e.isFile()) files.add(p);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try { st = fs.statSync(p); } catch (e) { throw new PathError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`); }
    if (st.isDirectory()) walk(p, 0);
    else { files.add(path.normalize(p)); explicit.add(path.normalize(p)); }
  }
  return { files: [...files].sort(), explicit };
}

/** The start of a file, enough to recognise it by content without reading a large file whole. */
export function readHead(file: string, bytes = 4096): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally { fs.closeSync(fd); }
}
