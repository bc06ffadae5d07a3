/**
 * OpenStack-Ansible's defaults for the variables that decide HA, for stable/2025.1 and
 * stable/2025.2 (the same on both), as its files write them (templates included:
 * documents/ansible/values.ts resolves what it can). Where they come from, in openstack/openstack-ansible:
 * `inventory/group_vars/haproxy/haproxy.yml` (keepalived on or off, non-local bind: both follow the
 * size of the haproxy group), `inventory/group_vars/all/infra.yml` (galera_address) and
 * `inventory/group_vars/all/oslo-messaging.yml` (queue replication, quorum queues, RabbitMQ TLS);
 * in openstack/openstack-ansible-haproxy_server, `defaults/main.yml` (the VRRP router ids 11 and
 * 10, the link-local placeholder VIP CIDRs that stand when the user sets none, haproxy_ssl).
 * The keepalived interfaces fall back to management_bridge in the keepalived instance templates.
 * See ../shared/notes/deploy-formats.md, section 1 and "Update 2026-12".
 */

export const OSA_RELEASES = ['2025.1', '2025.2'] as const;
export type OsaRelease = (typeof OSA_RELEASES)[number];
export const NEWEST_OSA_RELEASE: OsaRelease = '2025.2';

/** A default as YAML writes it: knowledge stands below the readers, so this is the plain value. */
type Default = string | number | boolean;

/**
 * The expression OSA writes for keepalived and the non-local bind: on exactly when the load balancer
 * group has more than one host. values.ts cannot evaluate it; the deployment reader counts the group.
 */
export const OSA_LB_GROUP_SIZE_EXPRESSION = "{{ (groups['haproxy'] | default([])) | length > 1 }}";

/** The variables whose default is OSA_LB_GROUP_SIZE_EXPRESSION. */
export const OSA_COUNTS_LB_GROUP = ['haproxy_use_keepalived', 'haproxy_bind_on_non_local'] as const;

const COMMON: Record<string, Default> = {
  haproxy_use_keepalived: OSA_LB_GROUP_SIZE_EXPRESSION,
  haproxy_bind_on_non_local: OSA_LB_GROUP_SIZE_EXPRESSION,
  haproxy_keepalived_internal_virtual_router_id: 11,
  haproxy_keepalived_external_virtual_router_id: 10,
  // placeholders in the link-local range: keepalived moves these, not the VIP, unless the user sets them
  haproxy_keepalived_internal_vip_cidr: '169.254.2.1/24',
  haproxy_keepalived_external_vip_cidr: '169.254.1.1/24',
  haproxy_keepalived_internal_interface: '{{ management_bridge }}',
  haproxy_keepalived_external_interface: '{{ management_bridge }}',
  haproxy_ssl: true,
  galera_address: '{{ internal_lb_vip_address }}',
  rabbitmq_queue_replication: true,
  oslomsg_rabbit_quorum_queues: '{{ rabbitmq_queue_replication }}',
  rabbitmq_use_ssl: true,
};

export const OSA_DEFAULTS: Record<OsaRelease, Record<string, Default>> = {
  '2025.1': { ...COMMON },
  '2025.2': { ...COMMON },
};
