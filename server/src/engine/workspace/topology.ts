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

export interface Host { name?: string; address?: string }

export interface Topology {
  /** Where it came from, for messages: "site.ha.yaml" or ".openstack-ha.yaml". */
  source: string;
  vips: { name: string; address: string }[];
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
  file: string; kind: string; host?: string;
  /** Options a rule compares across nodes (galera: wsrep_cluster_name ...; sysctl: net.ipv4.ip_nonlocal_bind). */
  values?: Record<string, string>;
  /** Where the file's service listens, for the settings written in it (a service .conf, a Galera option file). */
  listens?: Listen[];
  /** The VRRP instances of a keepalived.conf. */
  vrrp?: VrrpInstance[];
  /** Where a Galera node's clustercheck answers (xinetd service, systemd socket). */
  endpoints?: CheckEndpoint[];
  /** The file sits on the same node as the file being checked (same folder, or the same tree above its etc/). */
  sameNode?: boolean;
  /** The node the file belongs to, by its folder (`db1` for db1/etc/mysql/my.cnf), to group the files of one node. */
  node?: string;
}
/** An explicit listen setting: `option` is how the file writes it (`[DEFAULT] osapi_compute_listen`). */
export interface Listen { port: number; host: string; option: string }
/** One VRRP instance of another node's keepalived.conf, as the cross-node checks compare it. */
export interface VrrpInstance { name: string; vrid?: string; priority?: string; vips: string[] }

const norm = (s: string) => (isIP(s) ? canonicalIP(s) : s.toLowerCase());

/** Does `ref` (a host name or address from a .conf value) name this host? */
export function sameHost(ref: string, h: Host): boolean {
  const r = norm(ref);
  return (h.address !== undefined && norm(h.address) === r) || (h.name !== undefined && norm(h.name) === r) || (h.name !== undefined && r.split('.')[0] === norm(h.name));
}

export function isVip(t: Topology, ref: string): string | undefined {
  return t.vips.find((v) => norm(v.address) === norm(ref) || v.name.toLowerCase() === ref.toLowerCase())?.name;
}

export function topologyFromManifest(m: Manifest, source: string): Topology {
  const vips = [...m.vips.values()].filter((v) => v.address).map((v) => ({ name: v.name, address: v.address!.value }));
  const host = (n: { name: string; address?: { value: string } }): Host => ({ name: n.name, address: n.address?.value });
  const find = (service: string) => [...m.services.values()].find((s) => (s.info?.name ?? s.name) === service);
  return {
    source, vips,
    controllers: controllers(m).map(host),
    hostsOf(service) { const s = find(service); return s ? serviceNodes(m, s).map(host) : undefined; },
    vipOf(service) {
      const s = find(service);
      const name = s ? serviceVipNames(s)[0] : undefined;
      return (name ? m.vips.get(name)?.address?.value : undefined) ?? m.vips.get('internal')?.address?.value;
    },
    modeOf(service) { return find(service)?.mode?.value; },
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
    source, vips: vips.map((a, i) => ({ name: i === 0 ? 'vip' : `vip${i + 1}`, address: a })), controllers: hosts,
    // the guide's collapsed layout: RabbitMQ, memcached and Galera on every controller
    hostsOf: (service) => (['rabbitmq', 'memcached', 'galera'].includes(service) && hosts.length ? hosts : undefined),
    vipOf: () => vips[0],
    modeOf: () => undefined,
    vipCluster: () => undefined,
  };
}

export function describeHost(h: Host): string { return h.name && h.address ? `${h.name} (${h.address})` : (h.name ?? h.address ?? '?'); }

/**
 * The peers of a kind that speak for the node being checked: those on the same node when the
 * workspace is laid out by node (node1/etc/...), else all of them (one folder, one node's files).
 */
export function nodePeers(peers: PeerConf[], kind?: string): { peers: PeerConf[]; thisNode: boolean } {
  const ofKind = kind ? peers.filter((p) => p.kind === kind) : peers;
  const here = ofKind.filter((p) => p.sameNode);
  return here.length ? { peers: here, thisNode: here.length < ofKind.length } : { peers: ofKind, thisNode: false };
}
