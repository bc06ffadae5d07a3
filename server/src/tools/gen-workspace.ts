/**
 * A generated repository of OpenStack HA deployments, for the workspace benchmark: `site-<k>/` per
 * deployment with its HA manifest, its Pacemaker setup (pcs script, sometimes a crm file or an
 * exported CIB) and each node's /etc (OpenStack services, HAProxy, keepalived, corosync, Galera,
 * sysctl, clustercheck, host firewall). Addresses agree with the manifest; a few mistakes copied
 * from real deployments are sown in on purpose (deterministically), so the linters have findings.
 * Pure: no I/O, same output for the same size.
 */

/** Small deterministic PRNG (mulberry32); the soak test draws its edits from it too. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Node {
  name: string;
  ip: string;
  bmc: string;
  rack: string;
}
interface Site {
  k: number;
  name: string;
  net: string;
  vip: string;
  pub: string;
  pubNet: string;
  ctl: Node[];
  cmp: Node[];
  vrid: number;
  rnd: () => number;
  /** which mistakes this deployment carries */
  flaw: (p: number) => boolean;
}

function site(k: number): Site {
  const rnd = rng(0x5eed + k * 7919);
  const net = `10.${k % 250}.${Math.floor(k / 250) * 4}`;
  const pubNet = `198.${18 + ((k >> 8) & 1)}.${k & 255}`;
  const ctl = [1, 2, 3].map((i) => ({
    name: `ctl${i}`,
    ip: `${net}.${11 + i}`,
    bmc: `10.250.${k % 250}.${11 + i}`,
    rack: `rack-${String.fromCharCode(96 + i)}`,
  }));
  const ncmp = Math.floor(rnd() * 4); // 0..3 compute nodes
  const cmp = Array.from({ length: ncmp }, (_, i) => ({
    name: `cmp${i + 1}`,
    ip: `${net}.${31 + i}`,
    bmc: `10.250.${k % 250}.${31 + i}`,
    rack: `rack-${String.fromCharCode(97 + (i % 3))}`,
  }));
  return {
    k,
    name: `site-${k}`,
    net,
    vip: `${net}.11`,
    pub: `${pubNet}.11`,
    pubNet,
    ctl,
    cmp,
    vrid: 1 + (k % 250),
    rnd,
    flaw: (p) => rnd() < p,
  };
}

const API_PORTS: [string, number, string][] = [
  ['keystone_api', 5000, 'keystone'],
  ['glance_api', 9292, 'glance-api'],
  ['nova_api', 8774, 'nova-api'],
  ['nova_metadata', 8775, 'nova-api'],
  ['placement_api', 8778, 'placement-api'],
  ['neutron_api', 9696, 'neutron-server'],
  ['cinder_api', 8776, 'cinder-api'],
  ['heat_api', 8004, 'heat-api'],
  ['heat_api_cfn', 8000, 'heat-api-cfn'],
];

function manifest(s: Site): string {
  const env = s.k % 5 === 4 ? 'staging' : 'production';
  const nodes = [
    ...s.ctl.map(
      (n) => `  ${n.name}: { address: ${n.ip}, roles: [controller], failure_domain: ${n.rack}, interfaces: [eno1, eno2], bond: true }`,
    ),
    ...s.cmp.map((n) => `  ${n.name}: { address: ${n.ip}, roles: [compute], failure_domain: ${n.rack} }`),
  ].join('\n');
  const members = s.ctl.map((n) => n.name).join(', ');
  const computes = s.cmp.length ? `  nova-compute:     { on: [${s.cmp.map((n) => n.name).join(', ')}], mode: per-node }\n` : '';
  return `# ${s.name}: three-controller Pacemaker control plane
apiVersion: openstack-ha/v1
kind: Deployment
metadata:
  name: ${s.name}
  environment: ${env}

nodes:
${nodes}

clusters:
  controllers:
    manager: pacemaker
    members: [${members}]
    stonith: ${s.flaw(0.15) ? 'false' : 'true'}
    no_quorum_policy: stop
    corosync: { transport: knet, two_node: false, wait_for_all: true, token: 10000, token_retransmits: 10 }

vips:
  internal: { address: ${s.vip}, cidr: 24, cluster: controllers }
  public:   { address: ${s.pub}, cidr: 24, cluster: controllers }

services:
  haproxy:          { on: controllers, vips: [internal, public] }
  keystone:         { on: controllers, mode: active-active, vip: internal }
  glance-api:       { on: controllers, mode: active-active, vip: internal, backend: ceph }
  nova-api:         { on: controllers, mode: active-active, vip: internal }
  nova-scheduler:   { on: controllers, mode: active-active }
  nova-conductor:   { on: controllers, mode: active-active }
  placement-api:    { on: controllers, mode: active-active, vip: internal }
  neutron-server:   { on: controllers, mode: active-active, vip: internal }
  cinder-api:       { on: controllers, mode: active-active, vip: internal }
  cinder-scheduler: { on: controllers, mode: active-active }
  heat-api:         { on: controllers, mode: active-active, vip: internal }
  heat-api-cfn:     { on: controllers, mode: active-active, vip: internal }
  heat-engine:      { on: controllers, mode: active-active }
  cinder-volume:    { on: controllers, mode: ${s.flaw(0.1) ? 'active-active' : 'active-passive'}, backend: ceph }
  horizon:          { on: controllers, mode: active-active, vip: public }
  galera:           { on: controllers, mode: clustered, vip: internal }
  rabbitmq:         { on: controllers, mode: clustered }
  memcached:        { on: controllers, mode: client-side }
${computes}`;
}

const rabbitUrl = (s: Site) => `rabbit://${s.ctl.map((n) => `openstack:RABBIT_PASS@${n.ip}:5672`).join(',')}/`;
const memcached = (s: Site) => s.ctl.map((n) => `${n.ip}:11211`).join(',');
const authtoken = (s: Site, user: string, flawed: boolean) => `[keystone_authtoken]
www_authenticate_uri = http://${s.vip}:5000/
auth_url = http://${flawed ? s.ctl[0].ip : s.vip}:5000/
memcached_servers = ${memcached(s)}
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = ${user}
password = ${user.toUpperCase()}_PASS
`;
const rabbitSection = (s: Site) => `[oslo_messaging_rabbit]
rabbit_quorum_queue = true
amqp_durable_queues = true
heartbeat_timeout_threshold = ${s.flaw(0.1) ? 0 : 60}
`;
const db = (s: Site, user: string, name = user) => `mysql+pymysql://${user}:${user.toUpperCase()}_DBPASS@${s.vip}/${name}`;

function novaConf(s: Site, n: Node): string {
  return `# Managed by the deployment repository: ${s.name}/${n.name}
[DEFAULT]
my_ip = ${n.ip}
transport_url = ${rabbitUrl(s)}
enabled_apis = osapi_compute,metadata
osapi_compute_listen = ${n.ip}
metadata_listen = ${n.ip}
${s.flaw(0.1) ? 'debug = false  # true when debugging\n' : 'debug = false\n'}
[api_database]
connection = ${db(s, 'nova', 'nova_api')}

[database]
connection = ${db(s, 'nova')}
${s.flaw(0.1) ? '' : 'max_retries = -1\n'}
${authtoken(s, 'nova', s.flaw(0.1))}
${rabbitSection(s)}
[placement]
region_name = RegionOne
project_domain_name = Default
project_name = service
auth_type = password
user_domain_name = Default
auth_url = http://${s.vip}:5000/v3
username = placement
password = PLACEMENT_PASS

${s.flaw(0.3) ? `[glance]\napi_servers = http://${s.vip}:9292\n\n` : ''}[neutron]
auth_url = http://${s.vip}:5000
auth_type = password
project_domain_name = Default
user_domain_name = Default
region_name = RegionOne
project_name = service
username = neutron
password = NEUTRON_PASS
service_metadata_proxy = true
metadata_proxy_shared_secret = METADATA_SECRET

[vnc]
enabled = true
server_listen = $my_ip
server_proxyclient_address = $my_ip

[oslo_concurrency]
lock_path = /var/lib/nova/tmp
`;
}

function computeNovaConf(s: Site, n: Node): string {
  return `[DEFAULT]
my_ip = ${n.ip}
transport_url = ${rabbitUrl(s)}
compute_driver = libvirt.LibvirtDriver

${authtoken(s, 'nova', false)}
${rabbitSection(s)}
[placement]
region_name = RegionOne
project_domain_name = Default
project_name = service
auth_type = password
user_domain_name = Default
auth_url = http://${s.vip}:5000/v3
username = placement
password = PLACEMENT_PASS

[vnc]
enabled = true
server_listen = 0.0.0.0
server_proxyclient_address = $my_ip
novncproxy_base_url = http://${s.pub}:6080/vnc_auto.html

[libvirt]
virt_type = kvm

[oslo_concurrency]
lock_path = /var/lib/nova/tmp
`;
}

function keystoneConf(s: Site, n: Node): string {
  return `[DEFAULT]
log_dir = /var/log/keystone

[database]
connection = ${db(s, 'keystone')}
max_retries = -1

[cache]
enabled = true
backend = oslo_cache.memcache_pool
memcache_servers = ${memcached(s)}

[token]
provider = fernet
expiration = 3600

[fernet_tokens]
key_repository = /etc/keystone/fernet-keys/
max_active_keys = 5

[oslo_messaging_notifications]
transport_url = ${rabbitUrl(s)}
${s.flaw(0.1) ? `\n[eventlet_server]\npublic_bind_host = ${n.ip}\n` : ''}`;
}

function neutronConf(s: Site): string {
  return `[DEFAULT]
core_plugin = ml2
service_plugins = router
transport_url = ${rabbitUrl(s)}
auth_strategy = keystone
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
dhcp_agents_per_network = ${s.flaw(0.15) ? 1 : 2}
l3_ha = ${s.flaw(0.15) ? 'false' : 'true'}
max_l3_agents_per_router = 3
allow_automatic_l3agent_failover = true

[database]
connection = ${db(s, 'neutron')}
max_retries = -1

${authtoken(s, 'neutron', false)}
${rabbitSection(s)}
[nova]
auth_url = http://${s.vip}:5000
auth_type = password
project_domain_name = Default
user_domain_name = Default
region_name = RegionOne
project_name = service
username = nova
password = NOVA_PASS

[oslo_concurrency]
lock_path = /var/lib/neutron/tmp
`;
}

const ml2Conf = (s: Site) => `[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = openvswitch,l2population
extension_drivers = port_security

[ml2_type_flat]
flat_networks = provider

[ml2_type_vxlan]
vni_ranges = ${1 + s.k * 1000}:${(s.k + 1) * 1000}
`;

const ovsAgent = (n: Node) => `[ovs]
bridge_mappings = provider:br-provider
local_ip = ${n.ip}

[agent]
tunnel_types = vxlan
l2_population = true

[securitygroup]
enable_security_group = true
firewall_driver = openvswitch
`;

function cinderConf(s: Site, n: Node): string {
  return `[DEFAULT]
my_ip = ${n.ip}
transport_url = ${rabbitUrl(s)}
auth_strategy = keystone
enabled_backends = ceph
glance_api_servers = http://${s.vip}:9292
host = ${s.flaw(0.15) && n.name === 'ctl2' ? n.name : `${s.name}-cinder`}

[database]
connection = ${db(s, 'cinder')}
max_retries = -1

${authtoken(s, 'cinder', false)}
${rabbitSection(s)}
[ceph]
volume_driver = cinder.volume.drivers.rbd.RBDDriver
volume_backend_name = ceph
rbd_pool = volumes
rbd_ceph_conf = /etc/ceph/ceph.conf
rbd_user = cinder
rbd_secret_uuid = 457eb676-33da-42ec-9a8c-9293d545c${String(s.k % 1000).padStart(3, '0')}

[oslo_concurrency]
lock_path = /var/lib/cinder/tmp
`;
}

function glanceConf(s: Site, n: Node): string {
  return `[DEFAULT]
bind_host = ${n.ip}
bind_port = 9292
enabled_backends = rbd:rbd
transport_url = ${rabbitUrl(s)}

[database]
connection = ${db(s, 'glance')}
max_retries = -1

${authtoken(s, 'glance', false)}
${rabbitSection(s)}
[paste_deploy]
flavor = keystone

[glance_store]
default_backend = rbd

[rbd]
rbd_store_pool = images
rbd_store_user = glance
rbd_store_ceph_conf = /etc/ceph/ceph.conf
rbd_store_chunk_size = 8
`;
}

const placementConf = (s: Site) => `[placement_database]
connection = ${db(s, 'placement')}
max_retries = -1

${authtoken(s, 'placement', false)}`;

const heatConf = (s: Site) => `[DEFAULT]
transport_url = ${rabbitUrl(s)}
heat_metadata_server_url = http://${s.vip}:8000
heat_waitcondition_server_url = http://${s.vip}:8000/v1/waitcondition
stack_domain_admin = heat_domain_admin
stack_domain_admin_password = HEAT_DOMAIN_PASS
stack_user_domain_name = heat

[database]
connection = ${db(s, 'heat')}
max_retries = -1

${authtoken(s, 'heat', false)}
${rabbitSection(s)}
[trustee]
auth_type = password
auth_url = http://${s.vip}:5000
username = heat
password = HEAT_PASS
user_domain_name = Default

[clients_keystone]
auth_uri = http://${s.vip}:5000
`;

/** clustercheck's credentials (read by the xinetd service HAProxy's Galera check talks to). */
const clustercheckDefaults = () => `MYSQL_USERNAME="clustercheck"
MYSQL_PASSWORD="CLUSTERCHECK_PASS"
MYSQL_HOST="localhost"
MYSQL_PORT="3306"
`;

function haproxyCfg(s: Site): string {
  const servers = (port: number, extra: (i: number) => string) =>
    s.ctl.map((n, i) => `    server ${n.name} ${n.ip}:${port}${extra(i)}\n`).join('');
  let t = `# ${s.name}: HAProxy on every controller, the VIPs follow Pacemaker
global
    chroot  /var/lib/haproxy
    daemon
    group  haproxy
    maxconn  4000
    pidfile  /var/run/haproxy.pid
    user  haproxy
    stats socket /var/lib/haproxy/stats

defaults
    log  global
    mode  http
    maxconn  4000
    option  redispatch
    retries  3
    timeout  http-request 10s
    timeout  queue 1m
    timeout  connect 10s
    timeout  client 1m
    timeout  server 1m
    timeout  check 10s

listen stats
    bind ${s.vip}:1993
    mode http
    stats enable
    stats uri /

listen galera_cluster
    bind ${s.vip}:3306
    mode tcp
    balance  source
    option  httpchk
${servers(3306, (i) => `${i > 0 ? ' backup' : ''} check port 9200 inter 2000 rise 2 fall 5`)}`;
  const noCheck = s.flaw(0.2) ? Math.floor(s.rnd() * API_PORTS.length) : -1;
  API_PORTS.forEach(([name, port], j) => {
    t += `
listen ${name}
    bind ${s.vip}:${port}
${name === 'keystone_api' || name === 'nova_api' ? `    bind ${s.pub}:${port}\n` : ''}    balance  source
${j === noCheck ? '' : '    option  httpchk\n'}${servers(port, () => (j === noCheck ? '' : ' check inter 2000 rise 2 fall 5'))}`;
  });
  t += `
listen horizon
    bind ${s.pub}:80
    balance  source
    cookie SERVERID insert indirect nocache
    option  httpchk
${servers(80, (i) => ` cookie ${s.ctl[i].name} check inter 2000 rise 2 fall 5`)}`;
  return t;
}

function keepalivedConf(s: Site, n: Node, i: number): string {
  const track = s.flaw(0.1) ? '' : `    track_script {\n        chk_haproxy\n    }\n`;
  return `global_defs {
    router_id ${s.name}-${n.name}
    enable_script_security
    script_user root
}

vrrp_script chk_haproxy {
    script "/usr/bin/killall -0 haproxy"
    interval 2
    weight 2
}

vrrp_instance internal {
    state ${i === 0 ? 'MASTER' : 'BACKUP'}
    interface br-mgmt
    virtual_router_id ${s.vrid}
    priority ${101 - i}
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass ${s.flaw(0.1) ? 'longer-than-eight' : `k${String(s.k).padStart(6, '0')}`}
    }
    virtual_ipaddress {
        ${s.vip}/24 dev br-mgmt
    }
${track}}

vrrp_instance public {
    state ${i === 0 ? 'MASTER' : 'BACKUP'}
    interface br-ex
    virtual_router_id ${((s.vrid + 100) % 255) + 1}
    priority ${101 - i}
    advert_int 1
    virtual_ipaddress {
        ${s.pub}/24 dev br-ex
    }
    track_script {
        chk_haproxy
    }
}
`;
}

function corosyncConf(s: Site): string {
  return `totem {
    version: 2
    cluster_name: ${s.name}
    transport: knet
    token: ${s.flaw(0.1) ? 1000 : 10000}
    token_retransmits_before_loss_const: 10
    crypto_cipher: aes256
    crypto_hash: sha256
}
nodelist {
${s.ctl.map((n, i) => `    node {\n        ring0_addr: ${n.ip}\n        name: ${n.name}\n        nodeid: ${i + 1}\n    }\n`).join('')}}
quorum {
    provider: corosync_votequorum
    wait_for_all: 1
}
logging {
    to_logfile: yes
    logfile: /var/log/cluster/corosync.log
    to_syslog: yes
    timestamp: on
}
`;
}

function galeraCnf(s: Site, n: Node): string {
  return `# ${s.name} ${n.name}: Galera settings
[mysqld]
datadir=/var/lib/mysql
bind-address=${n.ip}
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=${s.flaw(0.1) ? 1 : 2}
innodb_flush_log_at_trx_commit=${s.flaw(0.1) ? 0 : 1}
max_connections=4096

[galera]
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=${s.name}
wsrep_cluster_address=gcomm://${(s.flaw(0.1) ? s.ctl.slice(0, 2) : s.ctl).map((c) => c.ip).join(',')}
wsrep_node_name=${n.name}
wsrep_node_address=${n.ip}
wsrep_sst_method=mariabackup
wsrep_sst_auth=sst:SST_PASS
`;
}

const sysctl = (s: Site) => `# HAProxy and keepalived bind the VIPs on every controller
net.ipv4.ip_nonlocal_bind = ${s.flaw(0.1) ? 0 : 1}
net.ipv4.tcp_keepalive_time = 30
net.ipv4.tcp_keepalive_intvl = 10
net.ipv4.tcp_keepalive_probes = 5
net.core.somaxconn = 4096
`;

const galeraMonitor = () => `# Galera health check for HAProxy (clustercheck)
service galera-monitor
{
        port            = 9200
        disable         = no
        socket_type     = stream
        protocol        = tcp
        wait            = no
        user            = root
        group           = root
        groups          = yes
        server          = /usr/bin/clustercheck
        type            = UNLISTED
        per_source      = UNLIMITED
        log_on_success  =
        log_on_failure  = HOST
        flags           = REUSE
}
`;

function iptables(s: Site, n: Node, controller: boolean): string {
  const mgmt = `${s.net}.0/24`;
  const rules = controller
    ? [
        `-A INPUT -s ${mgmt} -p tcp -m multiport --dports ${s.flaw(0.1) ? '3306,4567' : '3306,4444,4567,4568'} -j ACCEPT`,
        `-A INPUT -s ${mgmt} -p udp -m udp --dport 4567 -j ACCEPT`,
        `-A INPUT -s ${mgmt} -p tcp -m multiport --dports 5672,25672,4369 -j ACCEPT`,
        `-A INPUT -s ${mgmt} -p tcp -m tcp --dport 11211 -j ACCEPT`,
        `-A INPUT -s ${mgmt} -p tcp -m tcp --dport 9200 -j ACCEPT`,
        `-A INPUT -p tcp -m multiport --dports 5000,9292,8774,8775,8778,9696,8776,8004,8000,80,443 -j ACCEPT`,
        `-A INPUT -s ${mgmt} -p tcp -m multiport --dports 2224,3121,21064 -j ACCEPT`,
        `-A INPUT -s ${mgmt} -p udp -m multiport --dports 5404,5405 -j ACCEPT`,
        `-A INPUT -s ${mgmt} -p vrrp -j ACCEPT`,
      ]
    : [
        `-A INPUT -s ${mgmt} -p tcp -m multiport --dports 5900:5999,16509 -j ACCEPT`,
        `-A INPUT -s ${mgmt} -p udp -m udp --dport 4789 -j ACCEPT`,
      ];
  return `# ${s.name} ${n.name}: iptables-save
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT
-A INPUT -i lo -j ACCEPT
-A INPUT -p icmp -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
${rules.join('\n')}
-A INPUT -j REJECT --reject-with icmp-host-prohibited
COMMIT
`;
}

function pcsScript(s: Site): string {
  const fence = s.ctl
    .map(
      (n) =>
        `pcs stonith create fence-${n.name} fence_ipmilan ip=${n.bmc} username=admin password=${s.flaw(0.1) ? 'changeme' : 'IPMI_PASS'} lanplus=1 pcmk_host_list=${n.name} op monitor interval=60s`,
    )
    .join('\n');
  return `#!/bin/bash
# ${s.name}: builds the Pacemaker cluster of the control plane (run once, on ctl1)
set -euo pipefail

pcs host auth ${s.ctl.map((n) => `${n.name} addr=${n.ip}`).join(' ')} -u hacluster -p "$HACLUSTER_PASS"
pcs cluster setup ${s.name} ${s.ctl.map((n) => `${n.name} addr=${n.ip}`).join(' ')}
pcs cluster start --all
pcs cluster enable --all

pcs property set stonith-enabled=true
pcs property set no-quorum-policy=stop
pcs property set cluster-recheck-interval=5min

${fence}
${s.ctl.map((n) => `pcs constraint location fence-${n.name} avoids ${n.name}`).join('\n')}

pcs resource create vip-internal ocf:heartbeat:IPaddr2 ip=${s.vip} cidr_netmask=24 op monitor interval=30s
pcs resource create vip-public ocf:heartbeat:IPaddr2 ip=${s.pub} cidr_netmask=24 ${s.flaw(0.1) ? '' : 'op monitor interval=30s'}
pcs resource create lb-haproxy systemd:haproxy op monitor interval=10s --clone
pcs constraint order start vip-internal then lb-haproxy-clone kind=Optional
pcs constraint order start vip-public then lb-haproxy-clone kind=Optional
pcs constraint colocation add lb-haproxy-clone with vip-internal INFINITY
${s.flaw(0.15) ? '' : 'pcs constraint colocation add lb-haproxy-clone with vip-public INFINITY\n'}
pcs resource create openstack-cinder-volume systemd:openstack-cinder-volume op monitor interval=60s
`;
}

function crmFile(s: Site): string {
  return `# ${s.name}: the same control plane in crm shell syntax (kept for the SUSE sites)
property stonith-enabled=true \\
  no-quorum-policy=stop \\
  cluster-recheck-interval=5min
${s.ctl.map((n) => `primitive fence-${n.name} stonith:fence_ipmilan \\\n  params ip=${n.bmc} username=admin password=IPMI_PASS pcmk_host_list=${n.name} \\\n  op monitor interval=60s`).join('\n')}
primitive vip-internal ocf:heartbeat:IPaddr2 \\
  params ip=${s.vip} cidr_netmask=24 \\
  op monitor interval=30s
primitive vip-public ocf:heartbeat:IPaddr2 \\
  params ip=${s.pub} cidr_netmask=24 \\
  op monitor interval=30s
primitive lb-haproxy systemd:haproxy \\
  op monitor interval=10s
clone lb-haproxy-clone lb-haproxy
colocation vip-internal-with-haproxy inf: vip-internal lb-haproxy-clone
colocation vip-public-with-haproxy inf: vip-public lb-haproxy-clone
order haproxy-before-vip-internal Optional: vip-internal lb-haproxy-clone
`;
}

function cibXml(s: Site): string {
  const nv = (id: string, name: string, value: string) => `<nvpair id="${id}" name="${name}" value="${value}"/>`;
  const fence = s.ctl
    .map(
      (n) => `      <primitive id="fence-${n.name}" class="stonith" type="fence_ipmilan">
        <instance_attributes id="fence-${n.name}-ia">
          ${nv(`fence-${n.name}-ip`, 'ip', n.bmc)}
          ${nv(`fence-${n.name}-hosts`, 'pcmk_host_list', n.name)}
        </instance_attributes>
        <operations>
          <op id="fence-${n.name}-mon" name="monitor" interval="60s"/>
        </operations>
      </primitive>
`,
    )
    .join('');
  const vip = (id: string, ip: string) => `      <primitive id="${id}" class="ocf" provider="heartbeat" type="IPaddr2">
        <instance_attributes id="${id}-ia">
          ${nv(`${id}-ip`, 'ip', ip)}
          ${nv(`${id}-mask`, 'cidr_netmask', '24')}
        </instance_attributes>
        <operations>
          <op id="${id}-mon" name="monitor" interval="30s"/>
        </operations>
      </primitive>
`;
  return `<cib validate-with="pacemaker-3.9" epoch="${40 + s.k}" num_updates="0" admin_epoch="0" crm_feature_set="3.16.2">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        ${nv('opt-stonith', 'stonith-enabled', 'true')}
        ${nv('opt-quorum', 'no-quorum-policy', 'stop')}
        ${nv('opt-recheck', 'cluster-recheck-interval', '5min')}
      </cluster_property_set>
    </crm_config>
    <nodes>
${s.ctl.map((n, i) => `      <node id="${i + 1}" uname="${n.name}"/>\n`).join('')}    </nodes>
    <resources>
${fence}${vip('vip-internal', s.vip)}${vip('vip-public', s.pub)}      <clone id="lb-haproxy-clone">
        <primitive id="lb-haproxy" class="systemd" type="haproxy">
          <operations>
            <op id="lb-haproxy-mon" name="monitor" interval="10s"/>
          </operations>
        </primitive>
      </clone>
    </resources>
    <constraints>
      <rsc_order id="order-vip-haproxy" first="vip-internal" then="lb-haproxy-clone" kind="Optional"/>
      <rsc_colocation id="col-haproxy-vip" rsc="lb-haproxy-clone" with-rsc="vip-internal" score="INFINITY"/>
      <rsc_colocation id="col-haproxy-vip-public" rsc="lb-haproxy-clone" with-rsc="vip-public" score="INFINITY"/>
    </constraints>
  </configuration>
  <status/>
</cib>
`;
}

const readme = (s: Site) => `# ${s.name}

Control plane of ${s.name}: ${s.ctl.map((n) => `${n.name} (${n.ip})`).join(', ')}; ${s.cmp.length} compute node(s).

- internal VIP ${s.vip}, public VIP ${s.pub}
- \`site.ha.yaml\` describes the deployment; \`nodes/<host>/etc\` is what lands on each host
- \`pacemaker/setup.pcs\` builds the cluster once

Run \`openstack-ha lint ${s.name}\` before every change.
`;

/** The files of one deployment, manifest first (trimming drops from the end). */
function deployment(k: number): [string, string][] {
  const s = site(k);
  const p = s.name;
  const out: [string, string][] = [
    [`${p}/site.ha.yaml`, manifest(s)],
    [`${p}/pacemaker/setup.pcs`, pcsScript(s)],
  ];
  s.ctl.forEach((n, i) => {
    const e = `${p}/nodes/${n.name}/etc`;
    out.push(
      [`${e}/nova/nova.conf`, novaConf(s, n)],
      [`${e}/keystone/keystone.conf`, keystoneConf(s, n)],
      [`${e}/neutron/neutron.conf`, neutronConf(s)],
      [`${e}/neutron/plugins/ml2/ml2_conf.ini`, ml2Conf(s)],
      [`${e}/cinder/cinder.conf`, cinderConf(s, n)],
      [`${e}/glance/glance-api.conf`, glanceConf(s, n)],
      [`${e}/placement/placement.conf`, placementConf(s)],
      [`${e}/heat/heat.conf`, heatConf(s)],
      [`${e}/haproxy/haproxy.cfg`, haproxyCfg(s)],
      [`${e}/keepalived/keepalived.conf`, keepalivedConf(s, n, i)],
      [`${e}/corosync/corosync.conf`, corosyncConf(s)],
      [`${e}/mysql/conf.d/galera.cnf`, galeraCnf(s, n)],
      [`${e}/sysctl.d/60-ha.conf`, sysctl(s)],
      [`${e}/xinetd.d/galera-monitor`, galeraMonitor()],
      [k % 2 ? `${e}/sysconfig/clustercheck` : `${e}/default/clustercheck`, clustercheckDefaults()],
      // RHEL-style sites keep iptables-save in sysconfig, Debian-style ones in iptables/rules.v4
      [k % 2 ? `${e}/sysconfig/iptables` : `${e}/iptables/rules.v4`, iptables(s, n, true)],
    );
  });
  for (const n of s.cmp) {
    const e = `${p}/nodes/${n.name}/etc`;
    out.push(
      [`${e}/nova/nova.conf`, computeNovaConf(s, n)],
      [`${e}/neutron/plugins/ml2/openvswitch_agent.ini`, ovsAgent(n)],
      [k % 2 ? `${e}/sysconfig/iptables` : `${e}/iptables/rules.v4`, iptables(s, n, false)],
    );
  }
  if (k % 3 === 1) out.push([`${p}/pacemaker/cluster.crm`, crmFile(s)]);
  if (k % 3 === 2) out.push([`${p}/pacemaker/cib.xml`, cibXml(s)]);
  out.push([`${p}/README.md`, readme(s)]);
  return out;
}

/**
 * A kolla-ansible deployment in `dir`: globals.yml, two globals.d files, the multinode inventory of
 * `hosts` hosts (3 controllers, the rest compute) and a host_vars file for every host.
 */
export function kollaDeploymentFiles(k: number, hosts: number, dir = `kolla-${k}`): [string, string][] {
  const rnd = rng(0xc011a + k * 7919);
  const net = `10.${100 + (k % 100)}`;
  const ip = (i: number) => `${net}.${(i >> 8) & 255}.${(i & 255) + 1}`;
  const name = (i: number) => (i < 3 ? `ctl${i + 1}` : `cmp${String(i - 2).padStart(4, '0')}`);
  const out: [string, string][] = [
    [
      `${dir}/globals.yml`,
      `---\n# kolla-ansible globals of deployment ${k}\nworkaround_ansible_issue_8743: yes\nkolla_base_distro: "ubuntu"\nopenstack_release: "2025.1"\nnetwork_interface: "bond0"\nneutron_external_interface: "bond1"\nkolla_internal_vip_address: "${net}.255.250"\nkolla_external_vip_address: "198.51.${k % 250}.10"\nkeepalived_virtual_router_id: "${1 + (k % 250)}"\nenable_haproxy: "yes"\nenable_cinder: "yes"\n`,
    ],
    [
      `${dir}/globals.d/rabbitmq.yml`,
      // a deployment in three keeps the classic queues: a finding
      `---\nom_enable_rabbitmq_quorum_queues: ${k % 3 === 0 ? 'false' : 'true'}\nrabbitmq_cluster_partition_handling: "${rnd() < 0.3 ? 'ignore' : 'pause_minority'}"\n`,
    ],
    [`${dir}/globals.d/tls.yml`, `---\nkolla_enable_tls_internal: "no"\nkolla_enable_tls_external: "yes"\n`],
  ];
  const ctl = Array.from({ length: Math.min(3, hosts) }, (_, i) => name(i));
  const cmp = Array.from({ length: Math.max(0, hosts - 3) }, (_, i) => name(i + 3));
  out.push([
    `${dir}/multinode`,
    `# inventory of deployment ${k}: ${hosts} hosts\n[control]\n${ctl.join('\n')}\n\n[network:children]\ncontrol\n\n[compute]\n${cmp.join('\n')}\n\n[monitoring:children]\ncontrol\n\n[storage:children]\ncompute\n\n[deployment]\nlocalhost ansible_connection=local\n\n[loadbalancer:children]\nnetwork\n\n[mariadb:children]\ncontrol\n\n[rabbitmq:children]\ncontrol\n\n[memcached:children]\ncontrol\n`,
  ]);
  for (let i = 0; i < hosts; i++)
    out.push([
      `${dir}/host_vars/${name(i)}.yml`,
      `---\nansible_host: ${ip(i)}\napi_interface: bond0\n${i < 3 ? 'tunnel_interface: bond0.20\n' : ''}`,
    ]);
  return out;
}

/**
 * An OpenStack-Ansible deployment in `dir` (its /etc/openstack_deploy): openstack_user_config.yml
 * with three infrastructure hosts, conf.d files holding the `hosts` - 3 other hosts, and two
 * user_variables files.
 */
export function osaDeploymentFiles(k: number, hosts: number, dir = `osa-${k}`): [string, string][] {
  const net = `172.${16 + (k % 16)}`;
  const ip = (i: number) => `${net}.${(i >> 8) & 255}.${(i & 255) + 11}`;
  const infra = [0, 1, 2].map((i) => `  infra${i + 1}:\n    ip: ${ip(i)}\n`).join('');
  const others = Math.max(0, hosts - 3);
  const storage = Math.min(others, Math.max(1, Math.floor(others / 10)));
  const group = (g: string, from: number, n: number, pre: string) =>
    `${g}_hosts:\n${Array.from({ length: n }, (_, j) => `  ${pre}${j + 1}:\n    ip: ${ip(from + j)}\n`).join('')}`;
  return [
    [
      `${dir}/openstack_user_config.yml`,
      `---\ncidr_networks:\n  container: ${net}.0.0/16\n  tunnel: 10.${200 + (k % 50)}.0.0/22\n\nused_ips:\n  - "${net}.0.1,${net}.0.10"\n\nglobal_overrides:\n  internal_lb_vip_address: ${net}.255.9\n  external_lb_vip_address: 203.0.${k % 250}.9\n  management_bridge: "br-mgmt"\n\n_infrastructure_hosts: &infrastructure_hosts\n${infra}\nshared-infra_hosts: *infrastructure_hosts\nrepo-infra_hosts: *infrastructure_hosts\nos-infra_hosts: *infrastructure_hosts\nidentity_hosts: *infrastructure_hosts\nstorage-infra_hosts: *infrastructure_hosts\n${k % 2 ? 'haproxy_hosts: *infrastructure_hosts\n' : 'load_balancer_hosts:\n  infra1:\n    ip: ' + ip(0) + '\n'}`,
    ],
    [`${dir}/conf.d/compute.yml`, `---\n${group('compute', 3, others - storage, 'compute')}`],
    [`${dir}/conf.d/storage.yml`, `---\n${group('storage', 3 + others - storage, storage, 'storage')}`],
    [
      `${dir}/user_variables.yml`,
      `---\nhaproxy_keepalived_internal_vip_cidr: "${net}.255.9/16"\nhaproxy_keepalived_external_vip_cidr: "{{ external_lb_vip_address }}/24"\nhaproxy_keepalived_internal_interface: br-mgmt\n`,
    ],
    [`${dir}/user_variables_galera.yml`, `---\ngalera_monitoring_allowed_source: "${net}.0.0/16 127.0.0.1"\n`],
  ];
}

/**
 * A repository of exactly `files` files (relative path -> text): deployments of 51-61 files each, the
 * last one cut short. With `tools`, deployment-tool deployments among them: after the first site and
 * every sixth, an OpenStack-Ansible deployment of 100-300 hosts (5 files); after the second and every
 * sixth, a kolla-ansible deployment of 100-300 hosts (a host_vars file each).
 */
export function generateWorkspace(files: number, opts: { tools?: boolean } = {}): Map<string, string> {
  const out = new Map<string, string>();
  if (files <= 0) return out;
  out.set(
    'README.md',
    `# OpenStack HA deployments\n\nOne folder per site; each holds its HA manifest, its Pacemaker setup and the /etc of its hosts.\nChecked in CI with \`openstack-ha lint --max-warnings 0 .\`.\n`,
  );
  for (let k = 1; out.size < files; k++) {
    const more = [...deployment(k)];
    if (opts.tools && k % 6 === 1) more.push(...osaDeploymentFiles(k, 100 + ((k * 53) % 201)));
    if (opts.tools && k % 6 === 2) more.push(...kollaDeploymentFiles(k, 100 + ((k * 53) % 201)));
    for (const [p, t] of more) {
      if (out.size >= files) break;
      out.set(p, t);
    }
  }
  return out;
}
