/**
 * OpenStack-Ansible's deployment folder (/etc/openstack_deploy): a group_vars/ or host_vars/ folder
 * inside it is OSA's, whatever its files set. Kept apart (it imports nothing of kolla's), so that
 * kolla's recognition can leave those files to OSA without the two recognisers importing each other.
 */
import { basename, dirname } from '../../text/paths';

const VARS_DIR = /\/(group_vars|host_vars)\//;

/** The folder holding a file's group_vars/ or host_vars/ (the nearest one above it), undefined outside them. */
export function varsRoot(path: string): string | undefined {
  if (!VARS_DIR.test(path)) return undefined;
  let dir = dirname(path);
  while (basename(dir) !== 'group_vars' && basename(dir) !== 'host_vars' && dirname(dir) !== dir) dir = dirname(dir);
  return dirname(dir) === dir ? undefined : dirname(dir);
}

/** A group_vars/host_vars file of a folder named openstack_deploy, as OSA's is (/etc/openstack_deploy/group_vars/...). */
export function isInOsaDeployFolder(path: string): boolean {
  const root = varsRoot(path);
  return root !== undefined && basename(root) === 'openstack_deploy';
}
