/**
 * What OpenStack-Ansible's HA variables mean, what they take, their defaults and what they turn
 * into, for hover and completion in user_variables*.yml and under `global_overrides:` of
 * openstack_user_config.yml. Written from openstack-ansible's inventory/group_vars and the
 * haproxy_server role's defaults (see ../shared/notes/deploy-formats.md), in our own words; the
 * defaults are written as text here (`defaultInWords`), as OSA writes them.
 */
import type { DeployVar, VarValues } from '../kolla/variables';

const BOOL: VarValues = { kind: 'bool' };
const CIDR: VarValues = { kind: 'text', hint: 'the VIP with its prefix length, e.g. 172.29.236.9/22' };
const INTERFACE: VarValues = { kind: 'text', hint: 'a network interface or bridge name on the load-balancer hosts' };
const VRID: VarValues = { kind: 'range', min: 1, max: 255, hint: 'a number from 1 to 255, unique on the network segment' };

export const OSA_VARIABLES: Record<string, DeployVar> = {
  internal_lb_vip_address: {
    meaning:
      'The internal VIP (or a name for it) that every internal endpoint uses. It must not be the address of a host: with a single load balancer whose own IP is the VIP, nothing can take over.',
    values: { kind: 'text', hint: 'an IP address or DNS name' },
    becomes: 'the host of the internal endpoints and the default `galera_address`; keepalived holds it when `haproxy_use_keepalived`',
    defaultInWords: 'none: set it in `global_overrides`',
    topic: 'vip',
  },
  external_lb_vip_address: {
    meaning: 'The public VIP (or a name for it) of the public endpoints.',
    values: { kind: 'text', hint: 'an IP address or DNS name' },
    becomes: 'the host of the public endpoints',
    defaultInWords: 'none: set it in `global_overrides`',
    topic: 'vip',
  },
  management_bridge: {
    meaning: 'The bridge of the management network on every host; the keepalived interfaces default to it.',
    values: INTERFACE,
    defaultInWords: '`br-mgmt` (as the example writes it)',
  },
  haproxy_use_keepalived: {
    meaning:
      'Whether keepalived moves the VIPs between the load-balancer hosts. By default it is on only with 2 or more hosts in the haproxy group: a single load balancer silently means no keepalived and a single point of failure.',
    values: BOOL,
    becomes: 'keepalived installed and configured on the haproxy hosts',
    defaultInWords: '`{{ groups.haproxy | length > 1 }}`',
    topic: 'keepalived',
  },
  haproxy_bind_on_non_local: {
    meaning:
      'Lets HAProxy bind the VIPs on hosts that do not hold them at the moment, so a standby is ready the instant keepalived moves a VIP to it.',
    values: BOOL,
    becomes: '`net.ipv4.ip_nonlocal_bind = 1` on the haproxy hosts',
    defaultInWords: '`{{ groups.haproxy | length > 1 }}`',
    topic: 'ip-nonlocal-bind',
  },
  haproxy_keepalived_internal_vip_cidr: {
    meaning:
      'The internal VIP as keepalived adds it, with its prefix. Unset, it is a link-local placeholder, so it must be set, and set to an address when `internal_lb_vip_address` is a name.',
    values: CIDR,
    becomes: "the internal address of keepalived's `virtual_ipaddress`",
    defaultInWords: '`169.254.2.1/24` (a placeholder)',
    topic: 'vip',
  },
  haproxy_keepalived_external_vip_cidr: {
    meaning: 'The external VIP as keepalived adds it, with its prefix; unset, it is a link-local placeholder.',
    values: CIDR,
    becomes: "the external address of keepalived's `virtual_ipaddress`",
    defaultInWords: '`169.254.1.1/24` (a placeholder)',
    topic: 'vip',
  },
  haproxy_keepalived_internal_interface: {
    meaning: 'The interface keepalived puts the internal VIP on and sends its VRRP adverts from.',
    values: INTERFACE,
    becomes: "`interface` of keepalived's internal `vrrp_instance`",
    defaultInWords: '`{{ management_bridge }}`',
  },
  haproxy_keepalived_external_interface: {
    meaning: 'The interface keepalived puts the external VIP on.',
    values: INTERFACE,
    becomes: "`interface` of keepalived's external `vrrp_instance`",
    defaultInWords: '`{{ management_bridge }}`',
  },
  haproxy_keepalived_internal_virtual_router_id: {
    meaning:
      "The VRRP router id of the internal VIP. It must differ from the external one's and from every other VRRP router on the segment; two deployments left at the defaults on one network fight over their VIPs.",
    values: VRID,
    becomes: "`virtual_router_id` of keepalived's internal `vrrp_instance`",
    defaultInWords: '`11`',
    topic: 'keepalived',
  },
  haproxy_keepalived_external_virtual_router_id: {
    meaning: "The VRRP router id of the external VIP; unique on its segment, and not the internal one's.",
    values: VRID,
    becomes: "`virtual_router_id` of keepalived's external `vrrp_instance`",
    defaultInWords: '`10`',
    topic: 'keepalived',
  },
  haproxy_keepalived_priority_master: {
    meaning: 'The VRRP priority of the host meant to hold the VIPs; the highest priority alive wins.',
    values: { kind: 'range', min: 1, max: 254, hint: 'a priority from 1 to 254' },
    becomes: "`priority` of the first host's `vrrp_instance`",
    defaultInWords: 'computed per host in group_vars (`(hosts - index) * 50`); the user_variables example says 100',
    topic: 'keepalived',
  },
  haproxy_keepalived_priority_backup: {
    meaning: 'The VRRP priority of the other load-balancer hosts.',
    values: { kind: 'range', min: 1, max: 254, hint: 'a priority from 1 to 254' },
    becomes: "`priority` of the other hosts' `vrrp_instance`",
    defaultInWords: 'computed per host in group_vars; the user_variables example says 20',
    topic: 'keepalived',
  },
  keepalived_ping_address: {
    meaning:
      'The address keepalived pings to tell whether its host still reaches the network; a host that cannot gives the VIPs away. It must answer pings from every load-balancer host.',
    values: { kind: 'text', hint: 'an IP address that answers ping' },
    becomes: 'a ping check script (weight -101) in keepalived.conf',
    defaultInWords: "the host's default gateway",
    topic: 'keepalived',
  },
  haproxy_ssl: {
    meaning: 'TLS on the external VIP; HAProxy terminates it with `haproxy_user_ssl_cert` or a self-signed certificate.',
    values: BOOL,
    becomes: '`ssl crt` on the external frontends',
    defaultInWords: '`true`',
  },
  haproxy_ssl_all_vips: {
    meaning: 'TLS on the internal VIP as well as the external one.',
    values: BOOL,
    becomes: '`ssl crt` on the internal frontends too',
    defaultInWords: '`false`',
  },
  rabbitmq_queue_replication: {
    meaning:
      'Replicates the queues over the RabbitMQ cluster (quorum queues), so a message survives the loss of one node; off, a failed node takes its queues with it.',
    values: BOOL,
    becomes: "`rabbit_quorum_queue` in the services' `[oslo_messaging_rabbit]` (through `oslomsg_rabbit_quorum_queues`)",
    defaultInWords: '`true`',
    topic: 'rabbitmq-mirrored-vs-quorum-queues',
  },
  rabbitmq_use_ssl: {
    meaning: 'TLS between the services and RabbitMQ.',
    values: BOOL,
    defaultInWords: '`true`',
  },
  galera_address: {
    meaning: 'The address services use for the database; the internal VIP, so HAProxy sends them to a live Galera node.',
    values: { kind: 'text', hint: 'an IP address or DNS name' },
    becomes: "the host of every service's `[database] connection`",
    defaultInWords: '`{{ internal_lb_vip_address }}`',
    topic: 'galera',
  },
  haproxy_keepalived_authentication_password: {
    meaning: 'The VRRP authentication password of the load-balancer hosts; keep it in user_secrets.yml.',
    becomes: '`auth_pass` in keepalived.conf',
    secret: true,
  },
};
