/**
 * A multi-node OpenStack HA deployment written to a real folder: what the CLI and the language
 * server read from disk (no '#- path' fixture here: the hosts must find, read and group the files
 * themselves). Mistakes are sown on purpose so that files compared with each other disagree:
 *
 *   site.ha.yaml                       3 controllers, Pacemaker cluster 'ctl', keepalived cluster 'lb' on the same nodes
 *   ctlN/etc/corosync/corosync.conf    ctl2's nodelist leaves out ctl3; ctl3 has other crypto than ctl1/ctl2
 *   ctlN/etc/keepalived/keepalived.conf ctl1 holds 10.0.0.99, a VIP the manifest lacks
 *   ctlN/etc/haproxy/haproxy.cfg       ctl3's keystone lacks a server
 *   ctlN/etc/nova/nova.conf            transport_url lists one of three brokers (ctl1 only)
 *   ctlN/etc/mysql/conf.d/galera.cnf
 *   region-two/site.ha.yaml            a second deployment with a file of its own
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SITE = `apiVersion: openstack-ha/v1
kind: Deployment
metadata:
  name: region-one
  environment: production
nodes:
  ctl1: { address: 10.0.0.11, roles: [controller, loadbalancer] }
  ctl2: { address: 10.0.0.12, roles: [controller, loadbalancer] }
  ctl3: { address: 10.0.0.13, roles: [controller, loadbalancer] }
clusters:
  ctl:
    manager: pacemaker
    members: [ctl1, ctl2, ctl3]
    stonith: true
    no_quorum_policy: stop
  lb:
    manager: keepalived
    members: [ctl1, ctl2, ctl3]
vips:
  internal: { address: 10.0.0.10, cidr: 24, cluster: lb }
services:
  haproxy:  { on: lb, vips: [internal] }
  keystone: { on: ctl, mode: active-active, vip: internal }
  nova-api: { on: ctl, mode: active-active, vip: internal }
  galera:   { on: ctl, mode: clustered, vip: internal }
  rabbitmq: { on: ctl, mode: clustered }
`;

const ADDR: Record<string, string> = { ctl1: '10.0.0.11', ctl2: '10.0.0.12', ctl3: '10.0.0.13' };

export function corosync(node: string): string {
  const members = node === 'ctl2' ? ['ctl1', 'ctl2'] : ['ctl1', 'ctl2', 'ctl3'];
  const crypto =
    node === 'ctl3' ? '    crypto_cipher: none\n    crypto_hash: none\n' : '    crypto_cipher: aes256\n    crypto_hash: sha256\n';
  return `totem {
    version: 2
    cluster_name: ctl
    transport: knet
${crypto}}
nodelist {
${members.map((m, i) => `    node {\n        name: ${m}\n        ring0_addr: ${ADDR[m]}\n        nodeid: ${i + 1}\n    }`).join('\n')}
}
quorum {
    provider: corosync_votequorum
}
`;
}

export function keepalived(node: string): string {
  const prio = { ctl1: 102, ctl2: 101, ctl3: 100 }[node];
  const extra = node === 'ctl1' ? '        10.0.0.99/24 dev eth0\n' : '';
  return `vrrp_script chk_haproxy {
    script "killall -0 haproxy"
    interval 2
}
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority ${prio}
    virtual_ipaddress {
        10.0.0.10/24 dev eth0
${extra}    }
    track_script {
        chk_haproxy
    }
}
`;
}

export function haproxy(node: string): string {
  const servers = node === 'ctl3' ? ['ctl1', 'ctl2'] : ['ctl1', 'ctl2', 'ctl3'];
  return `global
    maxconn 4096
defaults
    mode http
    timeout connect 10s
    timeout client 1m
    timeout server 1m
    timeout check 10s
listen keystone
    bind 10.0.0.10:5000
    balance source
    option httpchk
${servers.map((s) => `    server ${s} ${ADDR[s]}:5000 check inter 2000 rise 2 fall 5`).join('\n')}
`;
}

export function nova(node: string): string {
  return `[DEFAULT]
my_ip = ${ADDR[node]}
transport_url = rabbit://openstack:RABBIT_PASS@10.0.0.11:5672/

[database]
connection = mysql+pymysql://nova:NOVA_DBPASS@10.0.0.10/nova
`;
}

export function galera(node: string): string {
  return `[mysqld]
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
bind-address=${ADDR[node]}

[galera]
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=openstack
wsrep_cluster_address=gcomm://10.0.0.11,10.0.0.12,10.0.0.13
wsrep_node_name=${node}
wsrep_node_address=${ADDR[node]}
wsrep_sst_method=mariabackup
`;
}

export const REGION_TWO = `apiVersion: openstack-ha/v1
kind: Deployment
metadata:
  name: region-two
nodes:
  db1: { address: 10.2.0.11, roles: [controller] }
  db2: { address: 10.2.0.12, roles: [controller] }
clusters:
  db:
    manager: pacemaker
    members: [db1, db2]
    stonith: false
vips:
  internal: { address: 10.2.0.10, cidr: 24, cluster: db }
services:
  galera: { on: db, mode: clustered, vip: internal }
`;

export const REGION_TWO_GALERA = `[galera]
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_address=gcomm://10.2.0.11
wsrep_node_address=10.2.0.11
`;

/** The node files, relative to the deployment's folder. */
export const NODE_FILES: [string, (node: string) => string][] = [
  ['etc/corosync/corosync.conf', corosync],
  ['etc/keepalived/keepalived.conf', keepalived],
  ['etc/haproxy/haproxy.cfg', haproxy],
  ['etc/nova/nova.conf', nova],
  ['etc/mysql/conf.d/galera.cnf', galera],
];

/** Writes the whole deployment under `dir`; returns the relative paths written. */
export function writeDeployment(dir: string): string[] {
  const files: [string, string][] = [
    ['site.ha.yaml', SITE],
    ['region-two/site.ha.yaml', REGION_TWO],
    ['region-two/db1/etc/mysql/conf.d/galera.cnf', REGION_TWO_GALERA],
  ];
  for (const node of ['ctl1', 'ctl2', 'ctl3']) for (const [rel, make] of NODE_FILES) files.push([`${node}/${rel}`, make(node)]);
  // a file the product does not check: neither host reports it
  files.push(['README.md', '# region one\n']);
  for (const [rel, text] of files) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return files.map(([rel]) => rel);
}

/**
 * A smaller deployment for the editor suites: `deploy/` with its manifest and two nodes' files that
 * are compared with each other (keepalived VIPs, haproxy servers) and a nova.conf listing one broker.
 * `expected` names, for each file, rules it must show; `related` a cross-file finding and where it points.
 */
export const DEPLOY = {
  files: {
    'deploy/site.ha.yaml': `apiVersion: openstack-ha/v1
kind: Deployment
metadata:
  name: deploy
  environment: production
nodes:
  node1: { address: 10.3.0.11, roles: [controller, loadbalancer] }
  node2: { address: 10.3.0.12, roles: [controller, loadbalancer] }
  node3: { address: 10.3.0.13, roles: [controller, loadbalancer] }
clusters:
  ctl:
    manager: pacemaker
    members: [node1, node2, node3]
    stonith: true
    no_quorum_policy: stop
  lb:
    manager: keepalived
    members: [node1, node2, node3]
vips:
  internal: { address: 10.3.0.10, cidr: 24, cluster: lb }
services:
  haproxy:  { on: lb, vips: [internal] }
  keystone: { on: ctl, mode: active-active, vip: internal }
  rabbitmq: { on: ctl, mode: clustered }
`,
    'deploy/node1/etc/keepalived/keepalived.conf': vrrp(102, ['10.3.0.10/24', '10.3.0.99/24']),
    'deploy/node2/etc/keepalived/keepalived.conf': vrrp(101, ['10.3.0.10/24']),
    'deploy/node1/etc/haproxy/haproxy.cfg': keystoneProxy(['node1', 'node2', 'node3']),
    'deploy/node2/etc/haproxy/haproxy.cfg': keystoneProxy(['node1', 'node2']),
    'deploy/node1/etc/nova/nova.conf': `[DEFAULT]
transport_url = rabbit://openstack:RABBIT_PASS@10.3.0.11:5672/
`,
  } as Record<string, string>,
  expected: {
    'deploy/node1/etc/keepalived/keepalived.conf': ['keepalived-vip-drift'],
    'deploy/node2/etc/keepalived/keepalived.conf': ['keepalived-vip-drift'],
    'deploy/node1/etc/haproxy/haproxy.cfg': ['haproxy-backends-differ'],
    'deploy/node2/etc/haproxy/haproxy.cfg': ['haproxy-backends-differ', 'haproxy-backend-all-controllers'],
    'deploy/node1/etc/nova/nova.conf': ['rabbit-all-hosts-listed'],
  } as Record<string, string[]>,
};

function vrrp(priority: number, vips: string[]): string {
  return `vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority ${priority}
    virtual_ipaddress {
${vips.map((v) => `        ${v} dev eth0`).join('\n')}
    }
}
`;
}

function keystoneProxy(servers: string[]): string {
  const addr: Record<string, string> = { node1: '10.3.0.11', node2: '10.3.0.12', node3: '10.3.0.13' };
  return `defaults
    mode http
    timeout connect 10s
    timeout client 1m
    timeout server 1m
    timeout check 10s
listen keystone
    bind 10.3.0.10:5000
    balance source
    option httpchk
${servers.map((s) => `    server ${s} ${addr[s]}:5000 check inter 2000 rise 2 fall 5`).join('\n')}
`;
}

/** Writes DEPLOY's files under `dir` (the folder that holds deploy/). */
export function writeDeploy(dir: string): void {
  for (const [rel, text] of Object.entries(DEPLOY.files)) {
    const p = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
}
