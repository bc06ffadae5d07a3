/**
 * The deployments under the CLI's PATHs as the simulator sees them (SimModel), for `simulate` and
 * `graph`: the files are read into one workspace as `lint` does, then each source (a manifest, a
 * kolla-ansible or OpenStack-Ansible deployment, the stack's own files) gives its model.
 */
import type { SimModel } from '../engine/simulate/model';

export interface LoadIo {
  stderr(s: string): void;
  cwd: string;
}

export interface Loaded {
  /** One per deployment found, with its files (host paths, sorted). */
  deployments: { model: SimModel; files: string[] }[];
  /** A named PATH could not be read: exit 2. */
  failed: boolean;
}

export function loadDeployments(_paths: string[], _io: LoadIo): Loaded {
  throw new Error('not written yet');
}
