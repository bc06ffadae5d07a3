/**
 * The deployments of a workspace as the simulator sees them: each manifest, each kolla-ansible or
 * OpenStack-Ansible deployment, and the stack's own files (corosync, Galera, keepalived, HAProxy,
 * Pacemaker) when no manifest or tool speaks for them. Shared by `openstack-ha simulate` and
 * `graph`, the failure-domain-loss rule, the code lenses and the topology view.
 */
import type { Workspace } from '../workspace/workspace';
import type { SimModel } from './model';

export interface FoundDeployment {
  model: SimModel;
  /** Its files (engine paths, sorted). */
  files: string[];
}

/** Every deployment among `paths` (engine paths of files already in `ws`). */
export function deploymentsOf(_ws: Workspace, _paths: string[]): FoundDeployment[] {
  throw new Error('not written yet');
}

/** The deployment a file belongs to, if any. */
export function deploymentOfFile(_ws: Workspace, _path: string): FoundDeployment | undefined {
  throw new Error('not written yet');
}
