/**
 * The PATHs of a command (`convert`, `simulate`, `graph`) read into one engine workspace as `lint`
 * reads them: folders walked, each file read only up to the size the product reads and kept when its
 * kind is recognised. What cannot be read is said on stderr; a PATH named that cannot be read fails.
 */
import * as path from 'path';
import { collectFiles, enginePath, readForCheck } from '../node/files';
import { detectKind } from '../engine/languages';
import { Workspace } from '../engine/workspace/workspace';
import type { DocumentKind } from '../engine/types';

export interface ReadIo {
  stderr(s: string): void;
  cwd: string;
}

export interface ReadWorkspace {
  ws: Workspace;
  /** The files held, in the order read, with their kinds (engine paths). */
  files: { path: string; kind: DocumentKind }[];
  /** A PATH named on the command line could not be read. */
  failed: boolean;
}

export function readWorkspace(paths: string[], io: ReadIo): ReadWorkspace {
  const say = (s: string) => io.stderr(`openstack-ha: ${s}\n`);
  const { files, explicit, problems } = collectFiles(paths.map((p) => path.resolve(io.cwd, p)));
  let failed = false;
  for (const pr of problems) {
    if (pr.explicit) {
      say(`cannot read ${relative(io, pr.path)}: ${pr.reason}`);
      failed = true;
    } else say(`not read: ${relative(io, pr.path)}: ${pr.reason}`);
  }
  const ws = new Workspace();
  const held: ReadWorkspace['files'] = [];
  for (const file of files) {
    const r = readForCheck(file);
    if (r.status === 'refused') {
      say(`${explicit.has(file) ? 'cannot read' : 'not read:'} ${relative(io, file)}: ${r.reason}`);
      failed ||= explicit.has(file);
      continue;
    }
    const p = enginePath(file);
    if (r.status === 'too-large') {
      if (detectKind(p, r.head)) say(`not read: ${relative(io, file)}: it has ${r.size} bytes, more than openstack-ha reads`);
      continue;
    }
    const kind = detectKind(p, r.text);
    if (!kind) continue;
    ws.setFile(p, r.text, kind);
    held.push({ path: p, kind });
  }
  return { ws, files: held, failed };
}

/** A host path as the messages name it: relative to the current folder when below it. */
export function relative(io: { cwd: string }, file: string): string {
  const r = path.relative(io.cwd, file);
  return r.startsWith('..') || path.isAbsolute(r) ? file : r;
}
