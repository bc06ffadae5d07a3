/**
 * kolla-ansible's defaults for the variables that decide HA, per release, as its group_vars write
 * them (templates included: documents/ansible/values.ts resolves what it can). Read from
 * openstack/kolla-ansible `ansible/group_vars/all.yml` (stable/2025.1) and
 * `ansible/group_vars/all/*.yml` (stable/2025.2, master), `roles/loadbalancer/defaults`,
 * `roles/rabbitmq/defaults`; see ../shared/notes/deploy-formats.md.
 */

export const KOLLA_RELEASES = ['2025.1', '2025.2', '2026.1'] as const;
export type KollaRelease = (typeof KOLLA_RELEASES)[number];
export const NEWEST_KOLLA_RELEASE: KollaRelease = '2026.1';

/** A default as YAML writes it: knowledge stands below the readers, so this is the plain value, not their Value. */
type Default = string | number | boolean;

const COMMON: Record<string, Default> = {
  kolla_internal_vip_address: "{{ kolla_internal_address | default('') }}",
  kolla_external_vip_address: '{{ kolla_internal_vip_address }}',
  network_interface: 'eth0',
  api_interface: '{{ network_interface }}',
  kolla_external_vip_interface: '{{ network_interface }}',
  enable_keepalived: '{{ enable_haproxy | bool }}',
  keepalived_virtual_router_id: '51',
  keepalived_traffic_mode: 'multicast',
  rabbitmq_cluster_partition_handling: 'pause_minority',
  enable_hacluster: '{{ enable_masakari_hostmonitor | bool }}',
  enable_masakari_hostmonitor: '{{ enable_masakari | bool }}',
  enable_masakari: 'no',
  database_address: '{{ kolla_internal_fqdn }}',
  kolla_internal_fqdn: '{{ kolla_internal_vip_address }}',
};

export const KOLLA_DEFAULTS: Record<KollaRelease, Record<string, Default>> = {
  '2025.1': {
    ...COMMON,
    enable_haproxy: 'yes',
    keepalived_track_script_enabled: true,
    enable_mariadb: 'yes',
    enable_memcached: 'yes',
    enable_proxysql: 'yes',
    kolla_enable_tls_internal: 'no',
  },
  '2025.2': {
    ...COMMON,
    enable_haproxy: 'yes',
    keepalived_track_script_enabled: true,
    enable_mariadb: 'yes',
    enable_memcached: 'yes',
    enable_proxysql: '{{ enable_mariadb | bool }}',
    kolla_enable_tls_internal: 'no',
  },
  '2026.1': {
    ...COMMON,
    enable_haproxy: true,
    keepalived_track_script_enabled: true,
    enable_mariadb: true,
    enable_memcached: true,
    enable_proxysql: '{{ enable_mariadb | bool }}',
    kolla_enable_tls_internal: false,
  },
};

/**
 * Variables a release no longer reads: set in globals.yml they change nothing. 2025.1 forced quorum
 * queues and removed their toggles (kolla-ansible commits 50bbcb09d and 8f0a4f672).
 */
export const KOLLA_REMOVED: Record<string, { since: KollaRelease; why: string }> = {
  om_enable_rabbitmq_quorum_queues: { since: '2025.1', why: 'quorum queues are always on' },
  om_enable_rabbitmq_high_availability: { since: '2025.1', why: 'classic mirrored queues are gone; quorum queues are always on' },
  om_enable_queue_manager: { since: '2025.1', why: 'the queue manager is always on' },
  om_enable_rabbitmq_transient_quorum_queue: { since: '2025.1', why: 'transient queues are always quorum queues' },
};

/** The inventory groups that hold the HA clusters, and the group that held the load balancers before Xena. */
export const KOLLA_HA_GROUPS = ['loadbalancer', 'mariadb', 'rabbitmq', 'memcached', 'hacluster'] as const;
export const KOLLA_OLD_LB_GROUP = 'haproxy';
