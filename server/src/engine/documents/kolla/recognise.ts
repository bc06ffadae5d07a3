/**
 * Which files are kolla-ansible's: globals.yml and globals.d/*.yml by name (when they hold kolla's
 * variables, or only comments, as kolla's own example mostly does), and an INI inventory by its
 * groups (kolla's `[control]` with `:children` groups). Also the folder a kolla file belongs to,
 * so that the files of one deployment are read together; group_vars/ and host_vars/ beside the
 * inventory when they set kolla's variables.
 */
import { basename, dirname } from '../../text/paths';
import { isYamlInventory } from '../ansible/yaml-inventory';
import { isInOsaDeployFolder } from '../osa/deploy-folder';

const GLOBALS_NAME = /^globals\.ya?ml$/i;
const KOLLA_KEY =
  /^#?[ \t]*(workaround_ansible_issue_8743|kolla_|enable_|openstack_release|network_interface|api_interface|keepalived_|neutron_|om_|rabbitmq_|haproxy_|docker_|nova_|octavia_)/m;
const INI_EXT = /(^[^.]+$|\.ini$|\.inventory$)/i;
const CONTROL = /^\[control(:children)?\][ \t]*$/m;
const CHILDREN = /^\[[\w.-]+:children\][ \t]*$/m;

export function isGlobalsPath(path: string): boolean {
  return GLOBALS_NAME.test(basename(path)) || (/\.ya?ml$/i.test(path) && basename(dirname(path)) === 'globals.d');
}

/** globals.yml or globals.d/*.yml holding kolla's variables, or nothing but comments yet. */
export function isKollaGlobals(path: string, head: string): boolean {
  if (!isGlobalsPath(path)) return false;
  if (KOLLA_KEY.test(head)) return true;
  return !/^[^#\s-]/m.test(head.replace(/^---.*$/m, ''));
}

/** Variables that only kolla's files set (OpenStack-Ansible's group_vars share haproxy_ and keepalived_ prefixes, not these). */
export const KOLLA_ONLY_KEY =
  /^(kolla_|enable_|openstack_release|network_interface|api_interface|keepalived_virtual_router_id|om_|neutron_external_interface)/m;

/** group_vars/<group>.yml, group_vars/<group>/*.yml, host_vars/<host>.yml or host_vars/<host>/*.yml. */
export function varsScope(path: string): { scope: 'group' | 'host'; name: string } | undefined {
  if (!/\.ya?ml$/i.test(path) && !/\/(group|host)_vars\/[^/.]+$/.test(path)) return undefined;
  const parts = path.split('/');
  for (let i = parts.length - 2; i >= 0 && i >= parts.length - 3; i--) {
    if (parts[i] !== 'group_vars' && parts[i] !== 'host_vars') continue;
    const name = parts[i + 1].replace(/\.ya?ml$/i, '');
    return { scope: parts[i] === 'group_vars' ? 'group' : 'host', name };
  }
  return undefined;
}

/** A group_vars or host_vars file of a kolla deployment: it sets variables only kolla reads (and is not in OSA's openstack_deploy folder). */
export function isKollaVars(path: string, head: string): boolean {
  return varsScope(path) !== undefined && KOLLA_ONLY_KEY.test(head) && !isInOsaDeployFolder(path);
}

/** An INI inventory of kolla's shape: a `[control]` group and `:children` groups, in a file without a config extension. */
export function isKollaIniInventory(path: string, head: string): boolean {
  return INI_EXT.test(basename(path)) && CONTROL.test(head) && CHILDREN.test(head);
}

/** A YAML inventory of kolla's shape: Ansible's `hosts`/`children` layout with kolla's `control` group and one of its HA groups. */
export function isKollaYamlInventory(path: string, head: string): boolean {
  return (
    /\.ya?ml$/i.test(path) &&
    !isGlobalsPath(path) &&
    /^[ \t]*control:/m.test(head) &&
    /^[ \t]*(loadbalancer|mariadb|rabbitmq|haproxy):/m.test(head) &&
    isYamlInventory(head)
  );
}

/**
 * The folder of the deployment a kolla file belongs to: globals.yml's folder (globals.d's parent),
 * an inventory's folder, or the folder above `inventory/`.
 */
export function kollaRoot(path: string): string {
  let dir = dirname(path);
  const vars = varsScope(path);
  if (vars) {
    // group_vars/<g>/x.yml: up to group_vars; then the folder holding it
    while (basename(dir) !== 'group_vars' && basename(dir) !== 'host_vars' && dirname(dir) !== dir) dir = dirname(dir);
    dir = dirname(dir);
  }
  const name = basename(dir);
  if (name === 'globals.d' || name === 'inventory' || name === 'inventories') return dirname(dir);
  return dir;
}
