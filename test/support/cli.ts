/** The built CLI run as a user runs it, and throw-away folders of files for it to read. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI } from './paths';

/** `node dist/cli.js ARGS` in `cwd`: its exit status and both streams. */
export function runCli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A temporary folder holding `files` (relative name → text), its sub-folders made. */
export function tempWorkspace(files: Record<string, string>, prefix = 'osha-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Four controllers without fencing: cluster-even-node-count (warning) and stonith-disabled (error). */
export const EVEN_UNFENCED = `apiVersion: openstack-ha/v1
kind: Deployment
nodes:
  a: { address: 10.0.0.1 }
  b: { address: 10.0.0.2 }
  c: { address: 10.0.0.3 }
  d: { address: 10.0.0.4 }
clusters:
  ctl: { members: [a, b, c, d], stonith: false }
`;

/** Three controllers without fencing (stonith-disabled). */
export const THREE_UNFENCED = `apiVersion: openstack-ha/v1
kind: Deployment
nodes:
  a: { address: 10.0.0.1 }
  b: { address: 10.0.0.2 }
  c: { address: 10.0.0.3 }
clusters:
  ctl: { members: [a, b, c], stonith: false }
`;
