/**
 * What kolla-ansible's HA variables mean, what they take and what they turn into, for hover and
 * completion in globals.yml and globals.d/*.yml. Written from kolla-ansible's group_vars, the
 * loadbalancer and rabbitmq roles and their templates (see ../shared/notes/deploy-formats.md), in
 * our own words. The defaults per release are in ./defaults.ts (KOLLA_DEFAULTS), not here: an entry
 * carries `defaultInWords` only for a variable whose default is a computation that table does not hold.
 */

/** What a variable takes: completion offers its values, hover names them. */
export type VarValues =
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'range'; min: number; max: number; hint: string }
  | { kind: 'text'; hint: string };

export interface DeployVar {
  /** 1-3 sentences: what it does, seen from HA. */
  meaning: string;
  values?: VarValues;
  /** What the tool renders from it (a config file's setting, a container, a check). */
  becomes?: string;
  /** A key of knowledge/topics.ts TOPICS: the HA guide's page about it. */
  topic?: string;
  /** A default that is a computation, in words (kolla: only when KOLLA_DEFAULTS has none; OSA: always, as written). */
  defaultInWords?: string;
  /** Set per host (inventory or host_vars) rather than in globals.yml. */
  hostVar?: boolean;
  /** Its value is a credential: never shown. */
  secret?: boolean;
  /** Computed by the tool from other variables: described, never offered. */
  computed?: boolean;
}

const BOOL: VarValues = { kind: 'bool' };
const ADDRESS: VarValues = { kind: 'text', hint: 'an IP address' };
const INTERFACE: VarValues = { kind: 'text', hint: 'a network interface name (the same on every host, or set per host)' };

export const KOLLA_VARIABLES: Record<string, DeployVar> = {
  openstack_release: {
    meaning:
      "The OpenStack release the containers come from; it also decides which of kolla-ansible's defaults apply here. Without it (or with `master`) the newest release known is assumed.",
    values: { kind: 'enum', values: ['2025.1', '2025.2', '2026.1', 'master'] },
    becomes: 'the image tag of every container',
  },
  kolla_internal_vip_address: {
    meaning:
      'The internal virtual IP: keepalived keeps it on one live load-balancer host and HAProxy listens on it for every internal API endpoint. Required when HAProxy is enabled; it must be free (no host owns it) and inside the network of `api_interface`.',
    values: ADDRESS,
    becomes:
      "the first address of `virtual_ipaddress` in keepalived.conf's `vrrp_instance kolla_internal_vip_<id>`, and the bind address of HAProxy's internal frontends",
    topic: 'vip',
  },
  kolla_external_vip_address: {
    meaning:
      'The public virtual IP for the external endpoints. Left equal to the internal VIP, one address serves both and no separate external frontend is made.',
    values: ADDRESS,
    becomes:
      'a second address of the same `vrrp_instance` (on `kolla_external_vip_interface`) when `haproxy_enable_external_vip` is on, which by default means when it differs from the internal VIP',
    topic: 'vip',
  },
  kolla_same_external_internal_vip: {
    meaning:
      'Computed by kolla-ansible from whether the two VIPs are equal; other defaults (external frontend, external TLS, FQDNs) follow it. Not meant to be set.',
    values: BOOL,
    defaultInWords: 'true when `kolla_external_vip_address` equals `kolla_internal_vip_address`',
    computed: true,
  },
  kolla_internal_fqdn: {
    meaning:
      'The name clients use for the internal endpoints. It should resolve to the internal VIP; a name that points at one controller makes that controller a single point of failure.',
    values: { kind: 'text', hint: 'a DNS name or the internal VIP' },
    becomes: 'the host of every internal endpoint URL in the service catalogue, and the default `database_address`',
    topic: 'vip',
  },
  kolla_external_fqdn: {
    meaning: 'The name clients use for the public endpoints; it should resolve to the external VIP.',
    values: { kind: 'text', hint: 'a DNS name or the external VIP' },
    becomes: 'the host of every public endpoint URL',
    defaultInWords: '`kolla_internal_fqdn` when both VIPs are the same, else `kolla_external_vip_address`',
    topic: 'vip',
  },
  network_interface: {
    meaning: 'The default interface of every host for all the networks not set separately; `api_interface` follows it unless set.',
    values: INTERFACE,
  },
  api_interface: {
    meaning:
      'The interface of the internal API network on each host. keepalived sends VRRP on it and holds the internal VIP there, so its network must contain `kolla_internal_vip_address` on every load-balancer host.',
    values: INTERFACE,
    becomes: "`interface` of keepalived.conf's `vrrp_instance`, and `dev` of the internal VIP",
  },
  kolla_external_vip_interface: {
    meaning:
      'The interface that holds the external VIP on the load-balancer hosts. It must exist and be up on each of them; when it differs from `api_interface` keepalived also watches it.',
    values: INTERFACE,
    becomes:
      '`dev` of the external VIP in `virtual_ipaddress`, and a `track_interface` entry when it differs from `api_interface` (both only when `haproxy_enable_external_vip` is on)',
  },
  enable_loadbalancer: {
    meaning: 'Whether the load-balancer role runs at all; on when any of HAProxy, keepalived or ProxySQL is on.',
    values: BOOL,
    defaultInWords: '`enable_haproxy`, `enable_keepalived` or `enable_proxysql`',
  },
  enable_haproxy: {
    meaning:
      'Runs HAProxy on the hosts of the `loadbalancer` group, in front of every API (and of Galera unless ProxySQL is used). Turned off, clients reach single controllers and nothing spreads or fails over the load.',
    values: BOOL,
    becomes: 'the haproxy container and its frontends on the VIPs',
    topic: 'haproxy',
  },
  enable_keepalived: {
    meaning:
      'Runs keepalived next to HAProxy to move the VIPs to a live load-balancer host. Off, the VIPs must be kept up some other way, or they are a single point of failure.',
    values: BOOL,
    becomes: 'the keepalived container and its keepalived.conf',
    topic: 'keepalived',
  },
  enable_proxysql: {
    meaning:
      'Puts ProxySQL on the load-balancer hosts in front of Galera instead of HAProxy: it sends writes to one node and can split the databases over several Galera shards.',
    values: BOOL,
    becomes: 'the proxysql container; `mariadb_loadbalancer` becomes `proxysql`',
    topic: 'galera-single-writer',
  },
  mariadb_loadbalancer: {
    meaning: 'Which proxy sits in front of Galera: ProxySQL or HAProxy. Follows `enable_proxysql`.',
    values: { kind: 'enum', values: ['proxysql', 'haproxy'] },
    defaultInWords: '`proxysql` when `enable_proxysql` is on, else `haproxy`',
    topic: 'galera-single-writer',
  },
  keepalived_virtual_router_id: {
    meaning:
      'The VRRP router id of the VIPs. Every keepalived group on one network segment needs its own: two deployments (or any other VRRP routers) with the same id on one segment fight over the addresses. The default 51 is what nearly everybody leaves it at.',
    values: { kind: 'range', min: 1, max: 255, hint: 'a number from 1 to 255, unique on the network segment' },
    becomes:
      "`virtual_router_id` of keepalived.conf's `vrrp_instance kolla_internal_vip_<id>` (the id is also in the instance's name); every load-balancer host starts BACKUP with `nopreempt`, priority = its place in the `loadbalancer` group",
    topic: 'keepalived',
  },
  keepalived_traffic_mode: {
    meaning:
      'How keepalived sends VRRP adverts: multicast, or unicast to each other load-balancer host (for networks that drop multicast).',
    values: { kind: 'enum', values: ['multicast', 'unicast'] },
    becomes: '`unicast_src_ip` and a `unicast_peer` block with the other `loadbalancer` hosts when `unicast`',
    topic: 'keepalived',
  },
  keepalived_track_script_enabled: {
    meaning:
      'Makes keepalived check that HAProxy is alive on its host and give the VIPs away when it is not; without it a VIP can stay on a host whose HAProxy is down.',
    values: BOOL,
    becomes:
      'the `check_alive` vrrp_script (every 2 s, 2 failures to fail, 10 successes to recover) and a `track_script` in the `vrrp_instance`',
    topic: 'vip-haproxy-colocation',
  },
  haproxy_enable_external_vip: {
    meaning: 'Whether HAProxy gets frontends on the external VIP; there is nothing separate to listen on when both VIPs are the same.',
    values: BOOL,
    becomes: "the external VIP in keepalived.conf's `virtual_ipaddress`, and HAProxy's external frontends",
    defaultInWords: '`no` when the external VIP equals the internal one, else `yes`',
    topic: 'haproxy',
  },
  kolla_enable_tls_internal: {
    meaning: 'TLS on the internal VIP: HAProxy terminates it with `kolla_internal_fqdn_cert`, which must exist on the deployment host.',
    values: BOOL,
    becomes: 'https internal endpoints and `ssl crt` on the internal frontends',
  },
  kolla_enable_tls_external: {
    meaning:
      'TLS on the external VIP with `kolla_external_fqdn_cert`. With one VIP for both, it follows the internal setting: one side alone cannot have TLS on a shared address.',
    values: BOOL,
    becomes: 'https public endpoints and `ssl crt` on the external frontends',
    defaultInWords: '`kolla_enable_tls_internal` when both VIPs are the same, else `no`',
  },
  enable_mariadb: {
    meaning: 'Runs MariaDB with Galera on the hosts of the `mariadb` group: an odd number of 3 or more keeps a quorum when one fails.',
    values: BOOL,
    becomes: 'the mariadb containers and `wsrep_cluster_address` listing the group',
    topic: 'galera',
  },
  mariadb_shard_id: {
    meaning:
      'Which Galera cluster (shard) a host belongs to, for deployments that split the databases over several clusters; each shard needs its own quorum.',
    values: { kind: 'text', hint: 'a shard number (set per host)' },
    hostVar: true,
    defaultInWords: 'the default shard (`mariadb_default_database_shard_id`, 0)',
    topic: 'galera',
  },
  database_address: {
    meaning:
      'The address services use for the database: it should be the internal VIP or a name for it, so the database stays reachable when a controller fails.',
    values: { kind: 'text', hint: 'a DNS name or address' },
    becomes: "the host of every service's `[database] connection`",
    topic: 'galera',
  },
  enable_rabbitmq: {
    meaning: 'Runs the RabbitMQ cluster on the hosts of the `rabbitmq` group; 3 or more keep the quorum queues available when one fails.',
    values: BOOL,
    becomes: 'the rabbitmq containers, one cluster over the group',
    defaultInWords: '`yes` when `om_rpc_transport` or `om_notify_transport` is `rabbit`',
    topic: 'rabbitmq-cluster',
  },
  rabbitmq_cluster_partition_handling: {
    meaning:
      'What RabbitMQ does when the cluster splits: `pause_minority` stops the smaller side so the two sides cannot diverge. RabbitMQ 4.3 accepts the setting but it no longer has any effect.',
    values: { kind: 'enum', values: ['pause_minority', 'autoheal', 'ignore'] },
    becomes: '`cluster_partition_handling` in rabbitmq.conf',
    topic: 'split-brain',
  },
  om_enable_rabbitmq_stream_fanout: {
    meaning: 'Uses RabbitMQ streams instead of queues for fanout messages, so fanouts are replicated like the quorum queues.',
    values: BOOL,
    becomes: "`rabbit_stream_fanout` in the services' `[oslo_messaging_rabbit]`",
    defaultInWords: '`true`',
    topic: 'rabbitmq-mirrored-vs-quorum-queues',
  },
  om_enable_rabbitmq_quorum_queues: {
    meaning: 'Turned the replicated quorum queues on or off.',
    values: BOOL,
    becomes: 'nothing any more: the templates always write `rabbit_quorum_queue = true`',
    topic: 'rabbitmq-mirrored-vs-quorum-queues',
  },
  om_enable_rabbitmq_high_availability: {
    meaning: 'Turned on classic mirrored queues (the `ha-all` policy).',
    values: BOOL,
    becomes: 'nothing any more: mirrored queues are gone',
    topic: 'rabbitmq-mirrored-vs-quorum-queues',
  },
  om_enable_queue_manager: {
    meaning: "Turned on oslo.messaging's queue manager, which names the reply and fanout queues per process.",
    values: BOOL,
    becomes: 'nothing any more: the templates always write `use_queue_manager = true`',
  },
  om_enable_rabbitmq_transient_quorum_queue: {
    meaning: 'Made the transient (reply and fanout) queues quorum queues too.',
    values: BOOL,
    becomes: 'nothing any more: the templates always write `rabbit_transient_quorum_queue = true`',
  },
  enable_memcached: {
    meaning:
      'Runs memcached on the hosts of the `memcached` group. The services spread their keys over all of them: losing one loses its cache (tokens, sessions), not the service.',
    values: BOOL,
    becomes: '`memcache_servers` / `memcached_servers` listing every host of the group',
    topic: 'memcached-client-hashing',
  },
  enable_hacluster: {
    meaning:
      "Runs Pacemaker and Corosync on the `hacluster` group (and pacemaker_remote on `hacluster-remote`), which Masakari's host monitor needs to see a compute host fail.",
    values: BOOL,
    becomes: 'the hacluster_corosync, hacluster_pacemaker and hacluster_pacemaker_remote containers',
    topic: 'instance-ha',
  },
  enable_masakari: {
    meaning: 'Runs Masakari, which restarts the instances of a failed compute host elsewhere.',
    values: BOOL,
    topic: 'instance-ha',
  },
  enable_masakari_hostmonitor: {
    meaning: "Runs Masakari's host monitor, which watches compute hosts through the Pacemaker cluster; it turns `enable_hacluster` on.",
    values: BOOL,
    topic: 'instance-ha',
  },
  enable_neutron_agent_ha: {
    meaning:
      'Runs several DHCP and L3 agents per network and router, so losing one network host does not cut the tenants off; needs 2 or more hosts in the `network` group.',
    values: BOOL,
    becomes: '`dhcp_agents_per_network` and `l3_ha` in neutron.conf',
    defaultInWords: '`no`',
    topic: 'neutron-dhcp-ha',
  },
  keepalived_password: {
    meaning: 'The VRRP authentication password of the load-balancer hosts; it belongs in passwords.yml.',
    becomes: '`auth_pass` in keepalived.conf (keepalived uses only its first 8 characters)',
    secret: true,
  },
};

/** A variable name that looks like a credential: its value is never echoed. */
export function looksSecret(name: string): boolean {
  return /pass(word|wd)?|secret|token|(^|_)keys?($|_)|credential|_auth($|_)|vault/i.test(name);
}
