/**
 * An OpenStack-Ansible deployment as its files describe it: openstack_user_config.yml and conf.d
 * merged, the variables of user_variables*.yml over global_overrides over OSA's defaults, the
 * groups as OSA's env.d fills them (Galera, RabbitMQ and memcached on shared_infra_hosts and on
 * their own group when written), and the model (model/deploy.ts) the topology rules read, each fact with its place.
 */
import type { DeployCluster, DeployModel, DeployNode, DeployService, DeployVip, Place } from '../deploy/model';
import { canonicalIP, isIP, isIPv4 } from '../../text/ip';
import { asBool, evaluate, Known, Value } from '../ansible/values';
import type { GlobalVar, KollaGlobals } from '../kolla/globals';
import { mergeGlobals } from '../kolla/globals';
import { mergeUserConfigs, normaliseGroupName, OsaCidr, OsaGroup, OsaHost, OsaUserConfig } from './user-config';
import type { OsaPart } from '../deploy/parts';
import { NEWEST_OSA_RELEASE, OSA_COUNTS_LB_GROUP, OSA_DEFAULTS, OSA_RELEASES, OsaRelease } from '../../knowledge/osa/defaults';

/**
 * Where a variable was set: user_variables*.yml (extra vars: above everything), else group_vars/
 * (a group's over `all`), else openstack_user_config's global_overrides; host_vars/ for one host.
 */
export interface OsaSetting {
  name: string;
  raw: Known | null;
  file: string;
  keySpan: { start: number; end: number };
  valueSpan: { start: number; end: number };
  from: 'user_variables' | 'group_vars' | 'host_vars' | 'global_overrides';
  /** The group of a group_vars setting, the host of a host_vars one. */
  scope?: string;
}

/** A group_vars/ file (or folder's file) of the deployment and the group it is for. */
export interface OsaGroupVars {
  group: string;
  vars: KollaGlobals;
}

export interface OsaDeployment {
  release: OsaRelease;
  /** openstack_user_config.yml and conf.d/*.yml merged as OSA's generator merges them. */
  config: OsaUserConfig;
  /** The files read, each with its own problems. */
  parts: OsaUserConfig[];
  /** Every variables file: group_vars (all first), host_vars, then user_variables*.yml, in the order they apply. */
  variableFiles: readonly KollaGlobals[];
  /**
   * The setting that applies: user_variables, else group_vars (the groups merged over `all`: a
   * group's variable is read as the deployment's, as kolla's group_vars are), else global_overrides.
   */
  setting(name: string): OsaSetting | undefined;
  /** A variable host_vars/<host> sets for one host. */
  hostVar(host: string, name: string): OsaSetting | undefined;
  /** A variable's value: the user's, else OSA's default, references resolved; unknown when it cannot be known. */
  value(name: string): Value;
  /** A group as written (`shared-infra`, `shared_infra_hosts`, `haproxy` all name theirs). */
  group(name: string): OsaGroup | undefined;
  /** The hosts of a group as OSA fills it: galera/database, rabbitmq/mq, memcached/memcaching with shared_infra; haproxy with load_balancer. */
  groupHosts(name: string): OsaHost[];
  /** The management network: cidr_networks.management, else .container (the older name). */
  managementCidr(): OsaCidr | undefined;
  toModel(name?: string): DeployModel;
}

/** `shared-infra`, `shared_infra_hosts` -> `shared_infra` */
function groupId(name: string): string {
  return normaliseGroupName(name).replace(/_hosts$/, '');
}

const LB_GROUPS = ['load_balancer', 'haproxy'];
/**
 * A service's own group and shared_infra: OSA's env.d makes its container belong to both
 * (galera_container: database_containers and shared-infra_containers; rabbit_mq_container: mq_ and
 * shared-infra_; memcached_container: memcaching_ and shared_infra_), and the generator puts one on
 * every host of each group the user wrote. So it runs on shared_infra_hosts unless split out, and on
 * both when the user writes both: the union, as load_balancer_hosts with haproxy_hosts.
 */
const SHARED: Record<string, [string, string]> = {
  galera: ['database', 'shared_infra'],
  database: ['database', 'shared_infra'],
  rabbitmq: ['mq', 'shared_infra'],
  mq: ['mq', 'shared_infra'],
  memcached: ['memcaching', 'shared_infra'],
  memcaching: ['memcaching', 'shared_infra'],
};

/** The manifest's roles of a host in a group (the normalised name without `_hosts`). */
const ROLES: Record<string, string[]> = {
  shared_infra: ['database', 'messaging'],
  database: ['database'],
  mq: ['messaging'],
  load_balancer: ['loadbalancer'],
  haproxy: ['loadbalancer'],
  compute: ['compute'],
  network: ['network'],
  // OVN's gateway chassis (neutron_ovn_gateway) are the network nodes of an OVN cloud
  network_gateway: ['network'],
  // neutron-server
  network_infra: ['controller'],
  storage: ['storage'],
  infra: ['controller'],
  identity: ['controller'],
  os_infra: ['controller'],
  compute_infra: ['controller'],
};
const ROLE_ORDER = ['controller', 'compute', 'network', 'storage', 'database', 'messaging', 'loadbalancer'];

export function osaDeployment(
  configs: OsaUserConfig[],
  variables: KollaGlobals[],
  groupVars: OsaGroupVars[] = [],
  hostVars: Map<string, KollaGlobals[]> = new Map(),
): OsaDeployment {
  const parts = Array.isArray(configs) ? configs : [];
  const config = mergeUserConfigs(parts);
  const userFiles = Array.isArray(variables) ? variables : [];
  const vars = mergeGlobals(userFiles);
  // all first, so that a group's own variable wins over it
  const groupFiles = (Array.isArray(groupVars) ? groupVars : [])
    .slice()
    .sort((a, b) => Number(a.group !== 'all') - Number(b.group !== 'all'));
  const byGroup = new Map<string, OsaSetting>();
  for (const g of groupFiles) for (const [k, v] of g.vars.vars) byGroup.set(k, { ...v, from: 'group_vars', scope: g.group });
  const perHost = new Map([...(hostVars instanceof Map ? hostVars : [])].map(([h, files]) => [h, mergeGlobals(files)]));
  const release = releaseOf(vars.get('openstack_release')?.raw);
  const defaults = OSA_DEFAULTS[release];
  const byId = new Map<string, OsaGroup>();
  for (const [k, g] of config.groups) byId.set(groupId(k), g);

  const hostsOf = (id: string): OsaHost[] => byId.get(id)?.hosts ?? [];
  const lbHosts = (): OsaHost[] => union(LB_GROUPS.map(hostsOf));

  const setting = (name: string): OsaSetting | undefined => {
    const v: GlobalVar | undefined = vars.get(name);
    if (v) return { ...v, from: 'user_variables' };
    const g = byGroup.get(name);
    if (g) return g;
    const o = config.globalOverrides.get(name);
    return o ? { ...o, from: 'global_overrides' } : undefined;
  };
  const lookup = (name: string): Known | null | undefined => {
    const s = setting(name);
    if (s) return s.raw;
    // OSA counts the haproxy group; values.ts does not evaluate `| length`, so the count is made here
    if ((OSA_COUNTS_LB_GROUP as readonly string[]).includes(name)) return lbHosts().length > 1;
    return Object.prototype.hasOwnProperty.call(defaults, name) ? defaults[name] : undefined;
  };
  const value = (name: string): Value => evaluate(lookup(name), lookup);

  const groupHosts = (name: string): OsaHost[] => {
    const id = groupId(String(name));
    if (LB_GROUPS.includes(id)) return lbHosts();
    const both = SHARED[id];
    return both ? union(both.map(hostsOf)) : hostsOf(id);
  };
  const groupOf = (name: string): OsaGroup | undefined => {
    const id = groupId(String(name));
    if (LB_GROUPS.includes(id))
      return hostsOf('load_balancer').length ? byId.get('load_balancer') : (byId.get('haproxy') ?? byId.get('load_balancer'));
    const both = SHARED[id];
    if (both) return hostsOf(both[0]).length ? byId.get(both[0]) : (byId.get(both[1]) ?? byId.get(both[0]));
    return byId.get(id);
  };
  const managementCidr = () => config.cidrNetworks.get('management') ?? config.cidrNetworks.get('container');

  return {
    release,
    config,
    parts,
    variableFiles: [...groupFiles.map((g) => g.vars), ...[...perHost.keys()].flatMap((h) => hostVars.get(h) ?? []), ...userFiles],
    setting,
    hostVar: (host, name) => {
      const v = perHost.get(host)?.get(name);
      return v ? { ...v, from: 'host_vars', scope: host } : undefined;
    },
    value,
    group: groupOf,
    groupHosts,
    managementCidr,
    toModel: (name = 'openstack-ansible') => toModel(name, release, byId, { setting, value, groupHosts, group: groupOf }),
  };
}

interface Reader {
  setting(name: string): OsaSetting | undefined;
  value(name: string): Value;
  groupHosts(name: string): OsaHost[];
  group(name: string): OsaGroup | undefined;
}

function toModel(name: string, release: OsaRelease, groups: Map<string, OsaGroup>, d: Reader): DeployModel {
  const nodes = new Map<string, DeployNode>();
  for (const [id, g] of groups) {
    for (const h of g.hosts) {
      let n = nodes.get(h.name);
      if (!n) {
        n = { name: h.name, roles: [], place: { file: h.file, span: h.keySpan } };
        nodes.set(h.name, n);
      }
      if (n.address === undefined && h.ip) n.address = h.ip;
      for (const r of ROLES[id] ?? []) if (!n.roles.includes(r)) n.roles.push(r);
    }
  }
  for (const n of nodes.values()) n.roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));

  const clusters: DeployCluster[] = [];
  const vips: DeployVip[] = [];
  const services: DeployService[] = [];
  const names = (hs: OsaHost[]) => hs.map((h) => h.name);
  const groupPlace = (g: OsaGroup | undefined): Place | undefined => (g ? { file: g.file, span: g.keySpan } : undefined);

  const lb = d.groupHosts('load_balancer');
  if (lb.length) {
    const keepalived = d.value('haproxy_use_keepalived');
    const on = keepalived.known ? asBool(keepalived.value) : lb.length > 1;
    clusters.push({
      name: 'loadbalancer',
      manager: on ? 'keepalived' : 'none',
      members: names(lb),
      place: groupPlace(d.group('load_balancer')),
      // OSA's haproxy_server role: priority (hosts - index) x 50, no nopreempt (failure-math.md section 5)
      ...(on ? { priorities: lb.map((h, i) => ({ node: h.name, value: (lb.length - i) * OSA_PRIORITY_STEP })) } : {}),
    });
  }

  const internal = vipOf('internal', d, lb.length > 0);
  if (internal) vips.push(internal);
  const external = vipOf('external', d, lb.length > 0);
  if (external && !(internal && canonicalIP(internal.address) === canonicalIP(external.address))) vips.push(external);

  const service = (svc: string, group: string, extra: Partial<DeployService>) => {
    const hs = d.groupHosts(group);
    if (hs.length) services.push({ name: svc, on: names(hs), ...extra, place: groupPlace(d.group(group)) });
  };
  service('galera', 'galera', { mode: 'clustered', ...(internal ? { vip: 'internal' } : {}) });
  service('rabbitmq', 'rabbitmq', { mode: 'clustered', ...rabbitFacts(d) });
  service('memcached', 'memcached', { mode: 'client-side' });
  service('haproxy', 'load_balancer', { vips: vips.map((v) => v.name) });

  return { tool: 'OpenStack-Ansible', name, release, nodes: [...nodes.values()], clusters, vips, services };
}

/** The step between the load balancers' keepalived priorities in OSA's haproxy_server role. */
export const OSA_PRIORITY_STEP = 50;

/** oslomsg_rabbit_quorum_queues: OSA's default follows rabbitmq_queue_replication (true). OSA's files name no RabbitMQ version. */
function rabbitFacts(d: Reader): Partial<DeployService> {
  const q = d.value('oslomsg_rabbit_quorum_queues');
  if (!q.known) return {};
  const s = d.setting('oslomsg_rabbit_quorum_queues');
  return { quorumQueues: asBool(q.value), ...(s ? { places: { quorumQueues: { file: s.file, span: s.valueSpan } } } : {}) };
}

/**
 * The internal or external VIP: global_overrides' (or user_variables') `<side>_lb_vip_address` when it
 * is an address (an FQDN names the VIP but is not one), with the prefix of
 * haproxy_keepalived_<side>_vip_cidr when that is a plain address/prefix for the same address (OSA's
 * 169.254.x placeholder, or another address, says nothing of this VIP's prefix).
 */
function vipOf(side: 'internal' | 'external', d: Reader, moved: boolean): DeployVip | undefined {
  const v = d.value(`${side}_lb_vip_address`);
  if (!v.known || typeof v.value !== 'string' || !isIP(v.value.trim())) return undefined;
  const address = v.value.trim();
  const s = d.setting(`${side}_lb_vip_address`);
  const vip: DeployVip = { name: side, address };
  const c = d.value(`haproxy_keepalived_${side}_vip_cidr`);
  const m = c.known && typeof c.value === 'string' ? /^\s*([^/\s]+)\/(\d{1,3})\s*$/.exec(c.value) : null;
  if (m && isIPv4(m[1]) && isIPv4(address) && Number(m[2]) <= 32 && canonicalIP(m[1]) === canonicalIP(address)) vip.cidr = Number(m[2]);
  if (moved) vip.cluster = 'loadbalancer';
  if (s) vip.place = { file: s.file, span: s.valueSpan };
  return vip;
}

function union(lists: OsaHost[][]): OsaHost[] {
  const out: OsaHost[] = [];
  const seen = new Set<string>();
  for (const l of lists)
    for (const h of l)
      if (!seen.has(h.name)) {
        seen.add(h.name);
        out.push(h);
      }
  return out;
}

function releaseOf(raw: Known | null | undefined): OsaRelease {
  const s = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  return (OSA_RELEASES as readonly string[]).includes(s) ? (s as OsaRelease) : NEWEST_OSA_RELEASE;
}

/**
 * The deployment of OSA files: the user configs merge as the generator merges them (mergeUserConfigs
 * orders them); the variables files in name order, as the openstack-ansible wrapper passes
 * /etc/openstack_deploy/user_*.yml, a later one winning.
 */
export function osaDeploymentOfFiles(files: readonly { path: string; part: OsaPart }[]): OsaDeployment {
  const parts = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const configs = parts.flatMap((p) => (p.part.role === 'user-config' ? [p.part.config] : []));
  const variables = parts.flatMap((p) => (p.part.role === 'variables' && !p.part.scope ? [p.part.variables] : []));
  // group_vars: all first (the lowest), then the other groups by name
  const groupVars = parts
    .flatMap((p) => (p.part.role === 'variables' && p.part.scope === 'group' ? [{ group: p.part.name ?? '', vars: p.part.variables }] : []))
    .sort((a, b) => Number(a.group !== 'all') - Number(b.group !== 'all'));
  const hostVars = new Map<string, KollaGlobals[]>();
  for (const p of parts)
    if (p.part.role === 'variables' && p.part.scope === 'host' && p.part.name)
      hostVars.set(p.part.name, [...(hostVars.get(p.part.name) ?? []), p.part.variables]);
  return osaDeployment(configs, variables, groupVars, hostVars);
}
