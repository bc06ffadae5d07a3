/**
 * Which files a PATH stands for, and how a file is read for checking: ONE walker and ONE reader for
 * the CLI and the editor. Nothing is opened before lstat/stat say it is a regular file small enough
 * to check, so a FIFO, a device or a huge file can neither hang nor exhaust the process.
 */
import * as fs from 'fs';
import * as path from 'path';
import { HEAD_CHARS } from '../engine/languages';
import { MAX_MANIFEST_BYTES } from '../engine/documents/manifest/parse';
import { toEnginePath } from '../engine/text/paths';
import { decodeText, encodeText, TextEncoding } from './text-encoding';
import { ruleMeta } from '../engine/rules';
import type { Finding } from '../engine/types';

export type { TextEncoding } from './text-encoding';
export { encodeText } from './text-encoding';

/** A path the CLI cannot go on without (its --config file). */
export class PathError extends Error {}

/** Folders never walked: tools' caches and checkouts of dependencies. */
export const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.tox', '.venv', '__pycache__']);

/** How deep below a PATH the walk goes; a deeper folder is reported, not walked. */
export const MAX_WALK_DEPTH = 40;

/** How often one real folder is walked again through symbolic links (layouts where many nodes link one shared folder). */
export const MAX_LINK_VISITS = 256;

/** A path named or found that the walk could not follow: a folder unreadable, too deep, a link loop, a PATH missing. */
export interface PathProblem {
  path: string;
  reason: string;
  /** Named on the command line (as opposed to found by the walk). */
  explicit: boolean;
  /** Nothing is there at all: there is no file to attach a diagnostic to. */
  missing: boolean;
  /** A folder that was not walked (else a path that was not read). */
  folder: boolean;
}

/**
 * Files under the given paths, sorted; `explicit` holds those named directly; `problems` what could
 * not be walked. Regular files, symbolic links (to files, followed) and special files (FIFOs,
 * sockets, devices: listed so that readForCheck refuses them by name) all come back as files.
 */
export function collectFiles(
  paths: string[],
  opts: { maxFiles?: number } = {},
): { files: string[]; explicit: Set<string>; problems: PathProblem[] } {
  const files = new Set<string>();
  const explicit = new Set<string>();
  const problems: PathProblem[] = [];
  const max = opts.maxFiles ?? Infinity;
  const linkVisits = new Map<string, number>();
  // `chain`: the real paths of the folders being walked, outermost first; a link back into one of them is a loop
  const walk = (dir: string, depth: number, chain: string[]) => {
    let ents: fs.Dirent[];
    try {
      ents = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      // depth 0: the folder is a PATH named on the command line
      problems.push({ path: dir, reason: errorReason(e), explicit: depth === 0, missing: false, folder: true });
      return;
    }
    ents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of ents) {
      if (files.size >= max) return;
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let real: string | undefined;
      // some file systems do not give the type with the name: ask
      const typed = isDir || e.isFile() || e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice();
      if (e.isSymbolicLink() || !typed) {
        try {
          isDir = fs.statSync(p).isDirectory();
          if (isDir) real = fs.realpathSync(p);
        } catch {
          isDir = false; // a loop or a dangling link: readForCheck says which
        }
      }
      if (!isDir) {
        files.add(p);
        continue;
      }
      if (SKIP_DIRS.has(e.name)) continue;
      if (depth + 1 > MAX_WALK_DEPTH) {
        problems.push({
          path: p,
          reason: `it is nested more than ${MAX_WALK_DEPTH} folders deep`,
          explicit: false,
          missing: false,
          folder: true,
        });
        continue;
      }
      if (real !== undefined) {
        if (chain.includes(real)) {
          problems.push({
            path: p,
            reason: 'it is a symbolic link to a folder that contains it (a loop)',
            explicit: false,
            missing: false,
            folder: true,
          });
          continue;
        }
        const n = (linkVisits.get(real) ?? 0) + 1;
        linkVisits.set(real, n);
        if (n > MAX_LINK_VISITS) {
          problems.push({
            path: p,
            reason: `it is a symbolic link to a folder already walked through ${MAX_LINK_VISITS} other links`,
            explicit: false,
            missing: false,
            folder: true,
          });
          continue;
        }
        walk(p, depth + 1, [...chain, real]);
      } else walk(p, depth + 1, [...chain, path.join(chain[chain.length - 1], e.name)]);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      const missing = !lexists(p);
      problems.push({
        path: path.normalize(p),
        reason: missing ? 'no such file or directory' : statFailure(p, e),
        explicit: true,
        missing,
        folder: false,
      });
      continue;
    }
    if (st.isDirectory()) walk(p, 0, [realOr(p)]);
    else {
      files.add(path.normalize(p));
      explicit.add(path.normalize(p));
    }
  }
  return { files: [...files].sort(), explicit, problems };
}

/** Files of more bytes than this are not read: the engine's own bound, checked on the size stat gives. */
export const MAX_READ_BYTES = MAX_MANIFEST_BYTES;

/** A file as read for checking. */
export type FileRead =
  | { status: 'ok'; text: string; encoding: TextEncoding }
  /** Over MAX_READ_BYTES: only its head was read, enough to tell its kind. */
  | { status: 'too-large'; size: number; head: string }
  /** Not read: why ('permission denied', 'it is a FIFO ...'), from the file system alone (no content, so no secret). */
  | { status: 'refused'; reason: string };

/** The finding of a file or folder the host could not read (the CLI and the language server state it alike). */
export function notReadFinding(reason: string, folder = false): Finding {
  return bare('file-unreadable', `this ${folder ? 'folder is not walked' : 'file is not read'}: ${reason}`);
}

/** The finding of a file over MAX_READ_BYTES on disk: only its head was read, to tell its kind. */
export function tooLargeFinding(size: number): Finding {
  return bare('file-too-large', `the file has ${size} bytes; files over ${MAX_READ_BYTES} bytes are not analysed`);
}

function bare(rule: string, message: string): Finding {
  return { rule, severity: ruleMeta(rule)!.severity, message, span: { start: 0, end: 0 }, fixes: [] };
}

/**
 * A file's text for the workspace. stat first (following links): anything but a regular file is
 * refused unopened; a file over MAX_READ_BYTES gives its head only. What is opened is checked again
 * (O_NONBLOCK: a FIFO swapped in after stat cannot block the open) and read up to the bound, never more.
 */
export function readForCheck(file: string): FileRead {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    return { status: 'refused', reason: statFailure(file, e) };
  }
  if (!st.isFile()) return { status: 'refused', reason: notRegular(file, st) };
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { status: 'refused', reason: errorReason(e) };
  }
  try {
    const now = fs.fstatSync(fd);
    if (!now.isFile()) return { status: 'refused', reason: notRegular(file, now) };
    if (now.size > MAX_READ_BYTES) return { status: 'too-large', size: now.size, head: decodeText(readUpTo(fd, HEAD_CHARS * 4)).text };
    // one byte past the bound tells a file that grew since fstat
    const buf = readUpTo(fd, MAX_READ_BYTES + 1, now.size);
    if (buf.length > MAX_READ_BYTES)
      return { status: 'too-large', size: Math.max(buf.length, now.size), head: decodeText(buf.subarray(0, HEAD_CHARS * 4)).text };
    return { status: 'ok', ...decodeText(buf) };
  } catch (e) {
    return { status: 'refused', reason: errorReason(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * At most `max` bytes from the start. The buffer starts at the size fstat gave (plus the one byte
 * that tells a file that grew) and doubles only if the file did grow: a buffer of the whole bound
 * per file cost the 2,000-file workspace a third of its run.
 */
function readUpTo(fd: number, max: number, expected = max): Buffer {
  let buf = Buffer.allocUnsafe(Math.max(1, Math.min(max, expected + 1)));
  let n = 0;
  for (;;) {
    if (n === buf.length) {
      if (n >= max) break;
      const bigger = Buffer.allocUnsafe(Math.min(max, buf.length * 2));
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
    const got = fs.readSync(fd, buf, n, buf.length - n, n);
    if (got === 0) break;
    n += got;
  }
  return buf.subarray(0, n);
}

/** Why stat failed, telling a link loop and a dangling link from a plain error. */
function statFailure(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'it is a symbolic link in a loop';
  if (code === 'ENOENT' && lexists(file)) return 'it is a symbolic link to a file that does not exist';
  return errorReason(e);
}

/** What a file that is not a regular one is, and that it is not read. */
function notRegular(file: string, st: fs.Stats): string {
  const what = st.isFIFO()
    ? 'a FIFO (named pipe)'
    : st.isSocket()
      ? 'a socket'
      : st.isCharacterDevice()
        ? 'a character device'
        : st.isBlockDevice()
          ? 'a block device'
          : st.isDirectory()
            ? 'a folder'
            : 'not a regular file';
  let link = false;
  try {
    link = fs.lstatSync(file).isSymbolicLink();
  } catch {
    // gone since: say what stat saw
  }
  return `it is ${link ? `a symbolic link to ${what}` : what}, not a regular file`;
}

/** An fs error in words: the common ones spelt out, else their code (never the file's content). */
export function errorReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EIO':
      return 'input/output error';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EISDIR':
      return 'is a folder';
    default:
      return err.code ?? err.message;
  }
}

function lexists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Writes a fixed text back in the encoding it was read in; throws the fs error. */
export function writeChecked(file: string, text: string, encoding: TextEncoding): void {
  fs.writeFileSync(file, encodeText(text, encoding));
}

/** The engine's name of a host path: absolute, with '/'. */
export function enginePath(file: string): string {
  return toEnginePath(path.resolve(file));
}
/** The host's name of an engine path. */
export function hostPath(p: string): string {
  return path.sep === '/' ? p : p.split('/').join(path.sep);
}
