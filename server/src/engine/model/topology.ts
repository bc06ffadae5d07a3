/**
 * The deployment as the .conf rules need it: which addresses are VIPs, which hosts run RabbitMQ,
 * memcached and Galera, who the controllers are. It comes from an HA manifest of the workspace, or
 * from `.openstack-ha.yaml` (`vips`, `controllers`) when there is none; without either, the rules
 * that need it stay quiet.
 */
import { Manifest } from '../documents/manifest/model';
import { controllers, serviceNodes, serviceVipNames } from '../documents/manifest/queries';
import { canonicalIP, isIP } from '../text/ip';
import { CheckEndpoint } from '../documents/clustercheck/endpoints';
import { Environment, Related, Span } from '../types';
import type { CorosyncFacts } from '../documents/corosync/facts';
import type { ProxyFacts } from '../documents/haproxy/facts';
export type { CorosyncFacts, Fact } from '../documents/corosync/facts';
export type { ProxyFacts } from '../documents/haproxy/facts';
import type { PacemakerFacts } from '../documents/pacemaker/facts';
export type { PacemakerFacts } from '../documents/pacemaker/facts';
import type { Release } from '../knowledge/options/catalog';
import type { DeployPart } from '../documents/deploy/parts';

export interface Host {
  name?: string;
  address?: string;
  /** where the source defines it (in `Topology.file`) */ span?: Span;
}

/** A cluster of the deployment, as the drift rules compare the stack's files with it. */
export interface ClusterFacts {
  name: string;
  manager: string;
  members: Host[];
  span: Span;
  membersSpan?: Span;
}

export interface Topology {
  /** Where it came from, for messages: "site.ha.yaml" or ".openstack-ha.yaml". */
  source: string;
  /** The source's path in the workspace, when it is a file there (related locations point into it). */
  file?: string;
  /** The environment the source declares (metadata.environment), when it does. */
  environment?: Environment;
  /** The OpenStack release the source declares (metadata.release), when it does. */
  release?: Release;
  vips: { name: string; address: string; span?: Span }[];
  clusters: ClusterFacts[];
  /** Where a service is defined (its entry under services:), by catalogue name. */
  serviceSpan(service: string): Span | undefined;
  controllers: Host[];
  /** Hosts of a service by catalogue name (rabbitmq, memcached, galera); undefined when the source does not say. */
  hostsOf(service: string): Host[] | undefined;
  /** The VIP clients reach a service through (galera's for the database). */
  vipOf(service: string): string | undefined;
  /** How a service runs (active-passive, ...), when the source says. */
  modeOf(service: string): string | undefined;
  /** The cluster that moves a VIP (by address), when the source says. */
  vipCluster(address: string): { vip: string; cluster: string; manager: string; members: number } | undefined;
}

/** What a .conf rule may know of the other config files of the same workspace (cinder.conf of each node). */
export interface PeerConf {
  /** The file as messages name it (relative to the file being checked). */
  file: string;
  kind: string;
  host?: string;
  /** The file's path in the workspace, for related locations. */
  path?: string;
  /** Options a rule compares across nodes (galera: wsrep_cluster_name ...; sysctl: net.ipv4.ip_nonlocal_bind). */
  values?: Record<string, string>;
  /** Where the file's service listens, for the settings written in it (a service .conf, a Galera option file). */
  listens?: Listen[];
  /** The VRRP instances of a keepalived.conf. */
  vrrp?: VrrpInstance[];
  /** What nodes of one corosync cluster must agree on. */
  corosync?: CorosyncFacts;
  /** The proxies of a haproxy.cfg and the servers behind each. */
  proxies?: ProxyFacts[];
  /** A Pacemaker configuration's cluster properties, nodes and fence devices (for the failure simulator). */
  pacemaker?: PacemakerFacts;
  /** Where a Galera node's clustercheck answers (xinetd service, systemd socket). */
  endpoints?: CheckEndpoint[];
  /** The file sits on the same node as the file being checked (same folder, or the same tree above its etc/). */
  sameNode?: boolean;
  /** The node the file belongs to, by its folder (`db1` for db1/etc/mysql/my.cnf), to group the files of one node. */
  node?: string;
  /** A deployment tool's file (kolla-ansible, OpenStack-Ansible): what it holds, read once. */
  deploy?: DeployPart;
  /** The deployment the file belongs to when its tool says (kolla: the folder of globals.yml); files are grouped by it. */
  deployment?: string;
}
/** An explicit listen setting: `option` is how the file writes it (`[DEFAULT] osapi_compute_listen`). */
export interface Listen {
  port: number;
  host: string;
  option: string;
}
/** One VRRP instance of another node's keepalived.conf, as the cross-node checks compare it. */
export interface VrrpInstance {
  name: string;
  vrid?: string;
  priority?: string;
  vips: string[];
  span?: Span;
  /** `state` as written (MASTER, BACKUP). */
  state?: string;
  nopreempt?: boolean;
  /** unicast_src_ip: the node's own address. */
  unicastSrc?: string;
  /** Its track_script entries with their weights (the entry's `weight`, else the vrrp_script's, else 0). */
  trackScripts?: { name: string; weight: number }[];
}
/** How hosts and addresses are compared: an address in its canonical form, a name in lower case. */
export const hostKey = (s: string): string => (isIP(s) ? canonicalIP(s) : s.toLowerCase());
const norm = hostKey;

/** Does `ref` (a host name or address from a .conf value) name this host? */
export function sameHost(ref: string, h: Host): boolean {
  const r = norm(ref);
  return (
    (h.address !== undefined && norm(h.address) === r) ||
    (h.name !== undefined && norm(h.name) === r) ||
    (h.name !== undefined && r.split('.')[0] === norm(h.name))
  );
}

export function isVip(t: Topology, ref: string): string | undefined {
  return t.vips.find((v) => norm(v.address) === norm(ref) || v.name.toLowerCase() === ref.toLowerCase())?.name;
}

export function topologyFromManifest(m: Manifest, source: string, file?: string): Topology {
  const vips = [...m.vips.values()].filter((v) => v.address).map((v) => ({ name: v.name, address: v.address!.value, span: v.keySpan }));
  const host = (n: { name: string; keySpan?: Span; address?: { value: string } }): Host => ({
    name: n.name,
    address: n.address?.value,
    span: n.keySpan,
  });
  const find = (service: string) => [...m.services.values()].find((s) => (s.info?.name ?? s.name) === service);
  const clusters: ClusterFacts[] = [...m.clusters.values()].map((c) => ({
    name: c.name,
    manager: c.manager,
    span: c.keySpan,
    membersSpan: c.members?.span,
    members: (c.members?.items ?? []).map((i) => {
      const n = m.nodes.get(i.value);
      return n ? host(n) : { name: i.value, span: i.span };
    }),
  }));
  return {
    source,
    file,
    vips,
    clusters,
    environment: m.environmentValue ? m.environment : undefined,
    release: m.release,
    serviceSpan(service) {
      return find(service)?.keySpan;
    },
    controllers: controllers(m).map(host),
    hostsOf(service) {
      const s = find(service);
      return s ? serviceNodes(m, s).map(host) : undefined;
    },
    vipOf(service) {
      const s = find(service);
      const name = s ? serviceVipNames(s)[0] : undefined;
      return (name ? m.vips.get(name)?.address?.value : undefined) ?? m.vips.get('internal')?.address?.value;
    },
    modeOf(service) {
      return find(service)?.mode?.value;
    },
    vipCluster(address) {
      const v = [...m.vips.values()].find((x) => x.address && norm(x.address.value) === norm(address));
      const c = v?.cluster ? m.clusters.get(v.cluster.value) : undefined;
      return v && c ? { vip: v.name, cluster: c.name, manager: c.manager, members: c.members?.items.length ?? 0 } : undefined;
    },
  };
}

/** From `.openstack-ha.yaml`: `vips: [10.0.0.11]`, `controllers: [c1, c2, c3]` (names or addresses). */
export function topologyFromSettings(vips: string[], ctl: string[], source: string): Topology {
  const hosts = ctl.map((c) => (isIP(c) ? { address: c } : { name: c }));
  return {
    source,
    vips: vips.map((a, i) => ({ name: i === 0 ? 'vip' : `vip${i + 1}`, address: a })),
    controllers: hosts,
    clusters: [],
    serviceSpan: () => undefined,
    // the guide's collapsed layout: RabbitMQ, memcached and Galera on every controller
    hostsOf: (service) => (['rabbitmq', 'memcached', 'galera'].includes(service) && hosts.length ? hosts : undefined),
    vipOf: () => vips[0],
    modeOf: () => undefined,
    vipCluster: () => undefined,
  };
}

export function describeHost(h: Host): string {
  return h.name && h.address ? `${h.name} (${h.address})` : (h.name ?? h.address ?? '?');
}

/**
 * The peers of a kind that speak for the node being checked: those on the same node when the
 * workspace is laid out by node (node1/etc/...), else all of them (one folder, one node's files).
 */
export function nodePeers(peers: PeerConf[], kind?: string): { peers: PeerConf[]; thisNode: boolean } {
  const ofKind = kind ? peers.filter((p) => p.kind === kind) : peers;
  const here = ofKind.filter((p) => p.sameNode);
  return here.length ? { peers: here, thisNode: here.length < ofKind.length } : { peers: ofKind, thisNode: false };
}

/** Related locations in the topology's source: where each host is defined (when the source is a workspace file). */
export function hostsRelated(t: Topology, hosts: Host[], message: (h: Host) => string): Related[] {
  if (!t.file) return [];
  return hosts.filter((h) => h.span).map((h) => ({ file: t.file!, span: h.span!, message: message(h) }));
}

/** The related location of a service's definition in the topology's source, if it has one. */
export function serviceRelated(t: Topology, service: string, message: string): Related[] {
  const span = t.file ? t.serviceSpan(service) : undefined;
  return span ? [{ file: t.file!, span, message }] : [];
}

/** The related location of a VIP's definition, by address. */
export function vipRelated(t: Topology, address: string, message: string): Related[] {
  const v = t.vips.find((x) => norm(x.address) === norm(address) || x.name === address);
  return t.file && v?.span ? [{ file: t.file, span: v.span, message }] : [];
}

/** A place in a peer file, as a related location. */
export function peerRelated(p: PeerConf, span: Span | undefined, message: string): Related[] {
  return p.path && span ? [{ file: p.path, span, message }] : [];
}
