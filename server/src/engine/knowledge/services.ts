/**
 * The service catalogue: what the OpenStack HA guide says of each well-known service.
 * Facts only (state, port, recommended modes); the prose lives in topics.ts in our own words.
 */
export type Mode = 'active-active' | 'active-passive' | 'clustered' | 'client-side' | 'per-node';
export const MODES: readonly Mode[] = ['active-active', 'active-passive', 'clustered', 'client-side', 'per-node'];

export interface ServiceInfo {
  name: string;
  stateful: boolean;
  /** The port clients reach it on; absent for RPC consumers and agents. */
  port?: number;
  /** An HTTP API that HAProxy balances (stateless, with a port). */
  api?: boolean;
  modes: Mode[];
  /** What the guide recommends, in one line of our own words. */
  advice: string;
  /** Topic keys in topics.ts. */
  topics: string[];
  /** Guide page (see guide.ts). */
  guide: string;
  /** Clients must list every instance; a VIP or proxy in front breaks failover. */
  clientListsInstances?: boolean;
  /** Stores data on a backend (glance-api, cinder-volume). */
  hasBackend?: boolean;
  aliases?: string[];
}

const api = (name: string, port: number, guide = 'control-plane-stateless', extra: Partial<ServiceInfo> = {}): ServiceInfo => ({
  name,
  stateful: false,
  port,
  api: true,
  modes: ['active-active'],
  advice: 'Stateless API: run it on every controller behind HAProxy and the internal VIP.',
  topics: ['stateless-vs-stateful', 'active-active', 'haproxy'],
  guide,
  ...extra,
});
const worker = (name: string, advice: string, extra: Partial<ServiceInfo> = {}): ServiceInfo => ({
  name,
  stateful: false,
  modes: ['active-active'],
  advice,
  topics: ['stateless-vs-stateful', 'active-active'],
  guide: 'intro-os-ha-state',
  ...extra,
});

export const SERVICES: readonly ServiceInfo[] = [
  api('keystone', 5000, 'control-plane-stateless', { aliases: ['keystone-api'] }),
  api('glance-api', 9292, 'storage-ha-image', { hasBackend: true }),
  api('nova-api', 8774),
  api('nova-metadata-api', 8775),
  api('nova-novncproxy', 6080),
  api('placement-api', 8778),
  api('neutron-server', 9696, 'control-plane-stateless', { aliases: ['neutron-api'] }),
  api('cinder-api', 8776, 'storage-ha-block'),
  api('heat-api', 8004),
  api('heat-api-cfn', 8000),
  api('horizon', 443, 'control-plane-stateless', { aliases: ['dashboard'] }),
  api('octavia-api', 9876),
  api('manila-api', 8786, 'storage-ha-file-systems'),
  api('swift-proxy', 8080),
  api('barbican-api', 9311),
  api('designate-api', 9001),
  api('aodh-api', 8042),
  api('gnocchi-api', 8041),
  worker('nova-scheduler', 'RPC consumer: run it on every controller; instances coordinate over the message queue.'),
  worker('nova-conductor', 'RPC consumer: run it on every controller; instances coordinate over the message queue.'),
  worker('cinder-scheduler', 'Run it on every controller (a Pacemaker clone in the guide), after cinder-api.', {
    guide: 'storage-ha-block',
  }),
  worker('heat-engine', 'RPC consumer: run it on every controller.'),
  worker('ceilometer-central', 'Several copies split the polling work only with a tooz coordination backend.', {
    guide: 'control-plane-stateless',
    topics: ['tooz-coordination'],
  }),
  worker('octavia-worker', 'RPC consumer: run it on every controller.'),
  worker('octavia-health-manager', 'Run one per controller; amphorae report to every listed health manager.'),
  worker('octavia-housekeeping', 'Run it on every controller.'),
  worker('neutron-metadata-agent', 'A stateless proxy; run one per network node.', {
    modes: ['active-active', 'per-node'],
    guide: 'networking-ha',
  }),
  {
    name: 'cinder-volume',
    stateful: true,
    modes: ['active-passive'],
    hasBackend: true,
    advice:
      'Owns the storage backend: run exactly one instance at a time (active/passive under Pacemaker), with the same [DEFAULT] host on every candidate node.',
    topics: ['cinder-volume-ap', 'active-passive'],
    guide: 'storage-ha-block',
  },
  {
    name: 'neutron-l3-agent',
    stateful: true,
    modes: ['per-node', 'active-active'],
    advice: 'Router namespaces: run one per network node and let VRRP HA routers (l3_ha) spread each router over several agents.',
    topics: ['neutron-l3-ha'],
    guide: '2016:networking-ha-l3',
  },
  {
    name: 'neutron-dhcp-agent',
    stateful: true,
    modes: ['per-node', 'active-active'],
    advice: 'Run one per network node and schedule each network on at least two agents (dhcp_agents_per_network >= 2).',
    topics: ['neutron-dhcp-ha'],
    guide: 'networking-ha-l3-agent',
  },
  {
    name: 'neutron-openvswitch-agent',
    stateful: false,
    modes: ['per-node'],
    advice: "The L2 agent controls its own node's interfaces: one per forwarding node, never clustered.",
    topics: ['neutron-dhcp-ha'],
    guide: 'networking-ha',
    aliases: ['neutron-linuxbridge-agent', 'neutron-ovn-metadata-agent'],
  },
  {
    name: 'nova-compute',
    stateful: false,
    modes: ['per-node'],
    advice: 'One per hypervisor. Control-plane HA does not restart guests: instance HA needs extra tooling.',
    topics: ['instance-ha'],
    guide: 'compute-node-ha',
  },
  {
    name: 'galera',
    stateful: true,
    port: 3306,
    modes: ['clustered'],
    advice:
      'Synchronous replication on at least 3 nodes; clients go through HAProxy on the VIP to one writer, the other nodes marked backup.',
    topics: ['galera', 'galera-single-writer', 'odd-cluster-size'],
    guide: 'control-plane-stateful',
    aliases: ['mariadb', 'mysql', 'percona-xtradb-cluster'],
  },
  {
    name: 'rabbitmq',
    stateful: true,
    port: 5672,
    modes: ['clustered'],
    clientListsInstances: true,
    advice: 'A clustered broker on at least 3 nodes with replicated (quorum) queues; every client lists every broker, never a VIP.',
    topics: ['rabbitmq-cluster', 'rabbitmq-no-haproxy', 'rabbitmq-mirrored-vs-quorum-queues'],
    guide: 'control-plane-stateful',
    aliases: ['rabbit'],
  },
  {
    name: 'memcached',
    stateful: true,
    port: 11211,
    modes: ['client-side'],
    clientListsInstances: true,
    advice: 'No clustering and no proxy: every client lists every instance and hashes keys across them.',
    topics: ['memcached-client-hashing'],
    guide: 'intro-os-ha-memcached',
  },
  {
    name: 'haproxy',
    stateful: false,
    modes: ['active-active'],
    advice: 'One instance per controller (3 or 5), all bound to the VIPs, kept alive by Pacemaker or keepalived.',
    topics: ['haproxy', 'vip', 'ip-nonlocal-bind', 'vip-haproxy-colocation'],
    guide: 'control-plane-stateless',
  },
  {
    name: 'keepalived',
    stateful: false,
    modes: ['active-active', 'per-node'],
    advice: 'Moves the VIPs between HAProxy instances with VRRP; it has no fencing, so a partition can duplicate a VIP.',
    topics: ['keepalived', 'keepalived-vs-pacemaker'],
    guide: '2016:intro-ha-arch-keepalived',
  },
  {
    name: 'redis',
    stateful: true,
    port: 6379,
    modes: ['clustered', 'active-passive'],
    advice: 'A tooz coordination backend for telemetry; replicate it (Sentinel) or run it active/passive.',
    topics: ['tooz-coordination'],
    guide: 'control-plane-stateless',
  },
  {
    name: 'zookeeper',
    stateful: true,
    port: 2181,
    modes: ['clustered'],
    advice: 'A tooz coordination backend; an ensemble of 3 or 5 nodes keeps quorum.',
    topics: ['tooz-coordination', 'odd-cluster-size'],
    guide: 'control-plane-stateless',
  },
];

const BY_NAME = new Map<string, ServiceInfo>();
for (const s of SERVICES) {
  BY_NAME.set(s.name, s);
  for (const a of s.aliases ?? []) BY_NAME.set(a, s);
}

export function lookupService(name: string): ServiceInfo | undefined {
  return BY_NAME.get(name) ?? BY_NAME.get(name.replace(/^openstack-/, '').replace(/_/g, '-'));
}

export function serviceNames(): string[] {
  return SERVICES.map((s) => s.name);
}

/** The balancer every active-active service with a port sits behind unless it names another. */
export const DEFAULT_BALANCER = 'haproxy';
