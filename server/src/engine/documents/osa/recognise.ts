/**
 * Which files are OpenStack-Ansible's: openstack_user_config.yml by name, when it holds the
 * generator's keys (`*_hosts`, `cidr_networks`, `global_overrides`) or only comments yet, as OSA's
 * own example mostly does; conf.d/*.yml when it holds `*_hosts` groups (conf.d is a common folder
 * name: its files are OSA's only by what they hold); user_variables*.yml by name. Also the folder a
 * file belongs to (/etc/openstack_deploy: conf.d's parent), so that one deployment's files are read together.
 */
import { basename, dirname } from '../../text/paths';
import { KOLLA_ONLY_KEY, varsScope } from '../kolla/recognise';
import { isInOsaDeployFolder, varsRoot } from './deploy-folder';

const USER_CONFIG_NAME = /^openstack_user_config\.ya?ml$/i;
const USER_VARIABLES_NAME = /^user_variables[\w.-]*\.ya?ml$/i;
/** A top-level `*_hosts:` group (not `_name_hosts:`, which OSA's generator skips: the anchors' holders). */
const HOSTS_KEY = /^["']?[A-Za-z0-9][\w-]*_hosts["']?[ \t]*:/m;
const USER_CONFIG_KEY = /^["']?(cidr_networks|global_overrides|used_ips)["']?[ \t]*:/m;

export function isOsaUserConfigPath(path: string): boolean {
  return USER_CONFIG_NAME.test(basename(path));
}

export function isOsaConfDPath(path: string): boolean {
  return /\.ya?ml$/i.test(path) && basename(dirname(path)) === 'conf.d';
}

export function isOsaVariablesPath(path: string): boolean {
  return USER_VARIABLES_NAME.test(basename(path));
}

/** openstack_user_config.yml or conf.d/*.yml with the generator's keys (the first: or nothing but comments yet). */
export function isOsaUserConfig(path: string, head: string): boolean {
  if (isOsaUserConfigPath(path)) {
    if (HOSTS_KEY.test(head) || USER_CONFIG_KEY.test(head)) return true;
    return !/^[^#\s-]/m.test(head.replace(/^---.*$/m, ''));
  }
  return isOsaConfDPath(path) && HOSTS_KEY.test(head);
}

/**
 * Variables only OpenStack-Ansible reads (kolla's haproxy_ and keepalived_ variables have other
 * names; kolla has no galera_, oslomsg_, lxc_ nor `<service>_<file>_conf_overrides` variables).
 */
const OSA_ONLY_KEY =
  /^["']?(haproxy_keepalived_|haproxy_use_keepalived|haproxy_bind_on_non_local|haproxy_bind_(internal|external)_lb_vip_|keepalived_instances|galera_|oslomsg_|rabbitmq_queue_replication|internal_lb_vip_address|external_lb_vip_address|lxc_|openstack_host_|[a-z0-9]+_[a-z0-9_]+_conf_overrides["']?[ \t]*:)/m;

/**
 * A group_vars/ or host_vars/ file of an OSA deployment: in the openstack_deploy folder (whatever it
 * sets), or elsewhere when it sets variables only OSA reads and none only kolla reads (then it is
 * kolla's: kolla's recognition runs first and claims it).
 */
export function isOsaVars(path: string, head: string): boolean {
  if (!varsScope(path)) return false;
  if (isInOsaDeployFolder(path)) return true;
  return OSA_ONLY_KEY.test(head) && !KOLLA_ONLY_KEY.test(head);
}

/** Any OpenStack-Ansible file: the user config, conf.d, user_variables*.yml, or its group_vars/host_vars. */
export function isOsaFile(path: string, head: string): boolean {
  return isOsaUserConfig(path, head) || isOsaVariablesPath(path) || isOsaVars(path, head);
}

/**
 * The folder of the deployment a file belongs to: its own folder (openstack_deploy), conf.d's parent
 * for conf.d files, the folder holding group_vars/ or host_vars/ for their files.
 */
export function osaRoot(path: string): string {
  if (varsScope(path)) {
    const root = varsRoot(path);
    if (root !== undefined) return root;
  }
  const dir = dirname(path);
  return basename(dir) === 'conf.d' ? dirname(dir) : dir;
}
