/**
 * The deployments under the CLI's PATHs as the simulator sees them (SimModel), for `simulate` and
 * `graph`: the files are read into one workspace as `lint` does (read-workspace.ts), then each source (a manifest, a
 * kolla-ansible or OpenStack-Ansible deployment, the stack's own files) gives its model.
 */
import * as path from 'path';
import type { SimModel } from '../engine/simulate/model';
import { deploymentsOf } from '../engine/deployments';
import { enginePath, hostPath } from '../node/files';
import { readWorkspace, relative, type ReadIo } from './read-workspace';

export type LoadIo = ReadIo;

export interface Loaded {
  /** One per deployment found, with its files (as the output names them: relative to the current folder, with '/'). */
  deployments: { model: SimModel; files: string[] }[];
  /** A named PATH could not be read: exit 2. */
  failed: boolean;
}

export function loadDeployments(paths: string[], io: LoadIo): Loaded {
  const { ws, files: held, failed } = readWorkspace(paths, io);
  const read = held.map((f) => f.path);
  if (failed) return { deployments: [], failed };
  const shown = (p: string) => relative(io, hostPath(p)).split(path.sep).join('/');
  const deployments = deploymentsOf(ws, read).map((d) => {
    const files = d.files.map(shown);
    // the model names its source by workspace path: name it as the user does
    const cwd = enginePath(io.cwd);
    const source =
      d.model.source.startsWith('/') || /^[A-Za-z]:/.test(d.model.source)
        ? shown(d.model.source)
        : d.model.source.split(`${cwd}/`).join('');
    return { model: { ...d.model, source }, files };
  });
  return { deployments, failed };
}

/** Exactly one deployment, or the exit status and what to say. */
export function oneDeployment(loaded: Loaded, paths: string[], io: LoadIo, verb: string): Loaded['deployments'][number] | number {
  const say = (s: string) => io.stderr(`openstack-ha: ${s}\n`);
  if (loaded.failed) return 2;
  const named = paths.join(' ');
  if (!loaded.deployments.length) {
    say(
      `nothing to ${verb}: no manifest, kolla-ansible or OpenStack-Ansible deployment, or cluster file (corosync.conf, Galera, keepalived, haproxy.cfg, CIB) under ${named}`,
    );
    return 2;
  }
  if (loaded.deployments.length > 1) {
    say(
      `${loaded.deployments.length} deployments under ${named}; ${verb} one at a time, naming its file or folder:\n` +
        loaded.deployments.map((d) => `  ${d.model.name} (${d.model.source}): ${d.files.join(', ')}`).join('\n'),
    );
    return 2;
  }
  return loaded.deployments[0];
}
