/**
 * A kolla-ansible deployment in the manifest's terms (model/deploy.ts): the inventory's hosts as
 * nodes, the loadbalancer group as the keepalived cluster that moves the VIPs, mariadb, rabbitmq and
 * memcached as clustered services, hacluster as a Pacemaker cluster when masakari's host monitor is
 * on. Each fact keeps the place the user wrote it: a host's first inventory line, a group's header,
 * a VIP's line in globals.yml.
 */
import type { DeployModel, DeployNode, DeployService, Place } from '../deploy/model';
import type { KollaDeployment } from './deployment';
import type { InventoryGroup } from '../ansible/ini-inventory';
import { isIP } from '../../text/ip';
import { kollaGaleraWeights, kollaKeepalivedPriorities, kollaRabbitFacts } from './ha-facts';

/** The manifest's role each kolla group gives its hosts. */
const ROLES: [string, string][] = [
  ['control', 'controller'],
  ['compute', 'compute'],
  ['network', 'network'],
  ['storage', 'storage'],
  ['loadbalancer', 'loadbalancer'],
  ['mariadb', 'database'],
  ['rabbitmq', 'messaging'],
];

/** Where a group is defined: its first header with a file, else the first child line naming it. */
export function groupPlace(d: KollaDeployment, name: string): Place | undefined {
  const g: InventoryGroup | undefined = d.inventory.groups.get(name);
  const h = g?.headers.find((x) => x.file);
  if (h) return { file: h.file!, span: { start: h.start, end: h.end } };
  for (const other of d.inventory.groups.values())
    for (const c of other.children) if (c.text === name && c.file) return { file: c.file, span: c.span };
  return undefined;
}

function settingPlace(d: KollaDeployment, name: string): Place | undefined {
  const s = d.setting(name);
  return s ? { file: s.file, span: s.valueSpan } : undefined;
}

/** An address the value names, when it is a literal IP (a template or a name is not a VIP we can compare). */
function address(d: KollaDeployment, name: string): string | undefined {
  const v = d.value(name);
  return v.known && typeof v.value === 'string' && isIP(v.value.trim()) ? v.value.trim() : undefined;
}

/** The host variables read as a failure domain, in this order: `failure_domain`, then `availability_zone`. */
export const FAILURE_DOMAIN_VARS = ['failure_domain', 'availability_zone'] as const;

function failureDomainOf(vars: Map<string, { text: string }>): string | undefined {
  for (const k of FAILURE_DOMAIN_VARS) {
    const v = vars.get(k)?.text.trim();
    if (v) return v;
  }
  return undefined;
}

export function kollaModel(d: KollaDeployment, name = 'kolla'): DeployModel {
  const nodes = new Map<string, DeployNode>();
  const node = (host: { name: string; span: { start: number; end: number }; file?: string; vars: Map<string, { text: string }> }) => {
    let n = nodes.get(host.name);
    if (!n) {
      const hv = d.hostVar(host.name, 'ansible_host');
      const ip = typeof hv?.raw === 'string' ? hv.raw : host.vars.get('ansible_host')?.text;
      n = { name: host.name, roles: [], place: host.file ? { file: host.file, span: host.span } : undefined };
      if (ip && isIP(ip)) n.address = ip;
      else if (isIP(host.name)) n.address = host.name;
      nodes.set(host.name, n);
    }
    // the failure domain, when a line of the host gives one (kolla itself reads neither variable)
    if (!n.failureDomain) n.failureDomain = failureDomainOf(host.vars);
    return n;
  };
  // hosts in the order the inventory names them, then their roles
  const local = new Set<string>();
  for (const g of d.inventory.groups.values())
    for (const h of g.hosts) {
      node(h);
      if (h.vars.get('ansible_connection')?.text === 'local') local.add(h.name);
    }
  for (const [group, role] of ROLES)
    for (const h of d.hosts(group)) {
      const n = node(h);
      if (!n.roles.includes(role)) n.roles.push(role);
    }
  // the deployment host (kolla's `localhost ansible_connection=local`) is a node only when it runs something (all-in-one)
  for (const n of local) if (!nodes.get(n)!.roles.length) nodes.delete(n);
  const model: DeployModel = {
    tool: 'kolla-ansible',
    name,
    // the release the user names, when kolla's defaults know it (master and the unknown say nothing)
    release: String(d.setting('openstack_release')?.raw ?? '') === d.release ? d.release : undefined,
    nodes: [...nodes.values()],
    clusters: [],
    vips: [],
    services: [],
  };
  const names = (group: string) => d.hosts(group).map((h) => h.name);

  const haproxy = d.flag('enable_haproxy') !== false;
  const lb = names('loadbalancer');
  // HAProxy on: the loadbalancer group is keepalived's cluster, even empty (kolla-loadbalancer-group says so then)
  if (haproxy) {
    const keepalived = d.flag('enable_keepalived') !== false;
    model.clusters.push({
      name: 'loadbalancer',
      manager: keepalived ? 'keepalived' : 'none',
      members: lb,
      place: groupPlace(d, 'loadbalancer'),
      ...(keepalived && lb.length ? { priorities: kollaKeepalivedPriorities(lb), nopreempt: true } : {}),
    });
  }
  const internal = address(d, 'kolla_internal_vip_address');
  const external = address(d, 'kolla_external_vip_address');
  const cluster = haproxy ? 'loadbalancer' : undefined;
  if (internal) model.vips.push({ name: 'internal', address: internal, cluster, place: settingPlace(d, 'kolla_internal_vip_address') });
  if (external && external !== internal)
    model.vips.push({ name: 'external', address: external, cluster, place: settingPlace(d, 'kolla_external_vip_address') });
  if (haproxy && lb.length)
    model.services.push({ name: 'haproxy', on: 'loadbalancer', vips: model.vips.map((v) => v.name), place: groupPlace(d, 'loadbalancer') });
  return withServices(d, model, names, internal ? 'internal' : undefined);
}

/** The clustered services and the Pacemaker cluster, from their groups. */
function withServices(d: KollaDeployment, model: DeployModel, names: (group: string) => string[], vip: string | undefined): DeployModel {
  const service = (
    flag: string,
    group: string,
    svc: string,
    mode: string,
    withVip: boolean,
    facts: (on: string[]) => Partial<DeployService>,
  ) => {
    const on = names(group);
    if (d.flag(flag) === false || !on.length) return;
    model.services.push({ name: svc, on, mode, vip: withVip ? vip : undefined, place: groupPlace(d, group), ...facts(on) });
  };
  service('enable_mariadb', 'mariadb', 'mariadb', 'clustered', true, (on) => {
    const weights = kollaGaleraWeights(d, on);
    return weights.length ? { weights } : {};
  });
  service('enable_rabbitmq', 'rabbitmq', 'rabbitmq', 'clustered', false, () => kollaRabbitFacts(d));
  service('enable_memcached', 'memcached', 'memcached', 'client-side', false, () => ({}));
  const hacluster = names('hacluster');
  if (d.flag('enable_hacluster') === true && hacluster.length)
    model.clusters.push({ name: 'hacluster', manager: 'pacemaker', members: hacluster, place: groupPlace(d, 'hacluster') });
  return model;
}
