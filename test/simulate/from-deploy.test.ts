/**
 * kolla-ansible and OpenStack-Ansible deployments read into the simulator's model
 * (server/src/engine/simulate/from-deploy.ts), through a workspace as the CLI reads them (sources.ts).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { filesOf, folderFiles } from '../support/workspace';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { simSources, SimSource } from '../../server/src/engine/deployments/sources';
import type { SimKeepalived, SimModel } from '../../server/src/engine/simulate/model';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

function sources(files: Map<string, string>): SimSource[] {
  const ws = new Workspace();
  for (const [p, t] of files) ws.setFile(p, t);
  return simSources(ws, ws.paths());
}

/** The one model found, without its places (checked on their own). */
function only(files: Map<string, string>): SimModel {
  const found = sources(files);
  assert.equal(found.length, 1);
  return JSON.parse(JSON.stringify(found[0].model, (k, v) => (k === 'place' ? undefined : v))) as SimModel;
}

const cluster = (m: SimModel, name: string) => m.clusters.find((c) => c.name === name);

test("kolla-ansible's own example (multinode, globals.yml): keepalived on the loadbalancer group, Galera and RabbitMQ on control", () => {
  const files = new Map([...folderFiles(path.join(FIXTURES, 'kolla'))].filter(([p]) => /^\/w\/(multinode|globals\.yml)$/.test(p)));
  const found = sources(files);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].files, ['/w/globals.yml', '/w/multinode']);
  const m = only(files);
  assert.equal(m.source, 'kolla-ansible files in /w');
  assert.deepEqual(
    m.nodes.map((n) => n.name),
    ['control01', 'control02', 'control03', 'network01', 'network02', 'compute01', 'monitoring01', 'storage01'],
  );
  assert.deepEqual(m.clusters, [
    {
      kind: 'keepalived',
      name: 'loadbalancer',
      config: {
        // keepalived_virtual_router_id's default
        vrid: 51,
        // globals.yml gives no VIP address
        vips: [],
        instances: [
          { node: 'network01', priority: 1, state: 'BACKUP', nopreempt: true, trackers: [{ name: 'check_alive', weight: 0 }] },
          { node: 'network02', priority: 2, state: 'BACKUP', nopreempt: true, trackers: [{ name: 'check_alive', weight: 0 }] },
        ],
      },
    },
    { kind: 'galera', name: 'mariadb', config: { nodes: [{ name: 'control01' }, { name: 'control02' }, { name: 'control03' }] } },
    // no openstack_release: the newest kolla (2026.1), whose image runs RabbitMQ 4.2 (Khepri: no partition handling)
    { kind: 'rabbitmq', name: 'rabbitmq', config: { nodes: ['control01', 'control02', 'control03'], quorumQueues: true } },
  ]);
  assert.deepEqual(m.vips, []);
  assert.deepEqual(
    m.services.map((s) => `${s.name} ${s.mode} [${s.nodes.join(' ')}] ${s.cluster ?? '-'}`),
    [
      'haproxy active-active [network01 network02] -',
      'mariadb clustered [control01 control02 control03] mariadb',
      'rabbitmq clustered [control01 control02 control03] rabbitmq',
      'memcached client-side [control01 control02 control03] -',
    ],
  );
  assert.deepEqual(m.assumptions, [
    "RabbitMQ 4.2 (kolla-ansible 2026.1's image) is taken with Khepri, its default for a new cluster; a cluster upgraded from Mnesia keeps Mnesia until Khepri is enabled",
  ]);
});

test('kolla 2025.1 with both VIPs: one VRRP instance moves both, the router id is the user’s, RabbitMQ 4.0 pauses the minority', () => {
  const files = folderFiles(path.join(FIXTURES, 'kolla', 'convert'));
  const found = sources(files);
  const raw = found[0].model;
  const m = only(files);
  const lb = cluster(m, 'loadbalancer');
  assert.ok(lb?.kind === 'keepalived');
  assert.equal(lb.config.vrid, 71);
  assert.deepEqual(lb.config.vips, ['internal', 'external']);
  assert.deepEqual(
    lb.config.instances.map((i) => `${i.node} ${i.priority} ${i.state} ${i.nopreempt} ${i.address}`),
    ['network01 1 BACKUP true 10.10.0.21', 'network02 2 BACKUP true 10.10.0.10'],
  );
  assert.deepEqual(m.vips, [
    { name: 'internal', address: '10.10.0.10', cluster: 'loadbalancer' },
    { name: 'external', address: '203.0.113.10', cluster: 'loadbalancer' },
  ]);
  const rabbit = cluster(m, 'rabbitmq');
  assert.deepEqual(rabbit, {
    kind: 'rabbitmq',
    name: 'rabbitmq',
    config: { nodes: ['control01', 'control02', 'control03'], quorumQueues: true, partitionHandling: 'pause_minority' },
  });
  assert.deepEqual(
    m.services.find((s) => s.name === 'mariadb'),
    {
      name: 'mariadb',
      mode: 'clustered',
      nodes: ['control01', 'control02'],
      vips: ['internal'],
      cluster: 'mariadb',
      balanced: true,
    },
  );
  assert.deepEqual(m.assumptions, []);
  // click-to-reveal: the group's header and the VIP's line in globals.yml
  assert.equal(raw.clusters[0].place?.file, '/w/multinode');
  const vip = raw.vips[0].place!;
  assert.equal(files.get(vip.file)!.slice(vip.span.start, vip.span.end), '"10.10.0.10"');
});

test('kolla: hacluster of two hosts is a two_node corosync cluster numbered by sorted name, without fencing; pc.weight from the extra provider options (host_vars over group_vars)', () => {
  const m = only(
    filesOf(`
      #- globals.yml
      openstack_release: "2025.2"
      kolla_internal_vip_address: "10.0.0.10"
      enable_masakari: "yes"
      rabbitmq_cluster_partition_handling: autoheal
      #- group_vars/all.yml
      network_interface: eth0
      mariadb_wsrep_extra_provider_options: ["pc.weight=2"]
      #- host_vars/db3.yml
      api_interface: eth1
      mariadb_wsrep_extra_provider_options: ["pc.weight=5"]
      #- multinode
      [control]
      db3 ansible_host=10.0.0.13
      db1 ansible_host=10.0.0.11
      db2 ansible_host=10.0.0.12
      [loadbalancer:children]
      control
      [mariadb:children]
      control
      [rabbitmq:children]
      control
      [hacluster]
      db2
      db1
    `),
  );
  assert.deepEqual(cluster(m, 'hacluster'), {
    kind: 'pacemaker',
    name: 'hacluster',
    quorum: {
      nodes: [
        { name: 'db1', nodeid: 1 },
        { name: 'db2', nodeid: 2 },
      ],
      twoNode: true,
    },
    pacemaker: { nodes: ['db1', 'db2'], stonith: false },
  });
  assert.deepEqual(cluster(m, 'mariadb'), {
    kind: 'galera',
    name: 'mariadb',
    config: {
      nodes: [
        { name: 'db3', weight: 5 },
        { name: 'db1', weight: 2 },
        { name: 'db2', weight: 2 },
      ],
    },
  });
  // 2025.2 runs RabbitMQ 4.1: Mnesia, with the user's strategy
  assert.deepEqual(cluster(m, 'rabbitmq'), {
    kind: 'rabbitmq',
    name: 'rabbitmq',
    config: { nodes: ['db3', 'db1', 'db2'], quorumQueues: true, partitionHandling: 'autoheal' },
  });
  const lb = cluster(m, 'loadbalancer');
  assert.ok(lb?.kind === 'keepalived');
  assert.deepEqual(
    lb.config.instances.map((i) => `${i.node}=${i.priority}`),
    ['db3=1', 'db1=2', 'db2=3'],
  );
  assert.deepEqual(m.assumptions, []);
});

test('OpenStack-Ansible, three infra hosts: (3 - index) x 50, the first MASTER, one VRRP instance per VIP; Galera and RabbitMQ on shared-infra', () => {
  const m = only(folderFiles(path.join(FIXTURES, 'osa', 'three-infra')));
  assert.equal(m.source, 'OpenStack-Ansible files in /w');
  const instances = ['infra1 150 MASTER 10.20.0.11', 'infra2 100 BACKUP 10.20.0.12', 'infra3 50 BACKUP 10.20.0.13'];
  for (const [name, vrid, vip] of [
    ['loadbalancer-external', 10, 'external'],
    ['loadbalancer-internal', 11, 'internal'],
  ] as const) {
    const c = cluster(m, name);
    assert.ok(c?.kind === 'keepalived', name);
    assert.equal(c.config.vrid, vrid);
    assert.deepEqual(c.config.vips, [vip]);
    assert.deepEqual(
      c.config.instances.map((i) => `${i.node} ${i.priority} ${i.state} ${i.address}`),
      instances,
    );
    assert.deepEqual(c.config.instances[0].trackers, [{ name: 'pingable_check_script', weight: -101 }]);
  }
  assert.deepEqual(m.vips, [
    { name: 'internal', address: '10.20.0.9', cluster: 'loadbalancer-internal' },
    { name: 'external', address: '203.0.113.9', cluster: 'loadbalancer-external' },
  ]);
  assert.deepEqual(cluster(m, 'galera'), {
    kind: 'galera',
    name: 'galera',
    config: { nodes: [{ name: 'infra1' }, { name: 'infra2' }, { name: 'infra3' }] },
  });
  assert.deepEqual(cluster(m, 'rabbitmq'), {
    kind: 'rabbitmq',
    name: 'rabbitmq',
    config: { nodes: ['infra1', 'infra2', 'infra3'], quorumQueues: true },
  });
  assert.deepEqual(
    m.services.map((s) => `${s.name} ${s.mode} ${s.cluster ?? '-'} [${s.vips.join(' ')}]${s.balanced ? ' balanced' : ''}`),
    [
      'galera clustered galera [internal] balanced',
      'rabbitmq clustered rabbitmq []',
      'memcached client-side - []',
      'haproxy active-active - [internal external]',
    ],
  );
  assert.deepEqual(m.assumptions, [
    "OpenStack-Ansible's files name no RabbitMQ version: RabbitMQ is taken as 4.2 or newer, with the Khepri metadata store",
  ]);
});

test("OpenStack-Ansible: the user's own keepalived_instances are said to be unread; quorum queues follow oslomsg_rabbit_quorum_queues", () => {
  const m = only(
    filesOf(`
      #- openstack_user_config.yml
      global_overrides:
        internal_lb_vip_address: 10.1.0.9
      shared-infra_hosts:
        i1:
          ip: 10.1.0.11
        i2:
          ip: 10.1.0.12
      haproxy_hosts:
        i1:
          ip: 10.1.0.11
        i2:
          ip: 10.1.0.12
      #- user_variables.yml
      oslomsg_rabbit_quorum_queues: false
      keepalived_instances: {}
    `),
  );
  assert.deepEqual((cluster(m, 'loadbalancer-internal') as SimKeepalived).config, {
    vrid: 11,
    vips: ['internal'],
    instances: [
      { node: 'i1', priority: 100, state: 'MASTER', address: '10.1.0.11', trackers: [{ name: 'pingable_check_script', weight: -101 }] },
      { node: 'i2', priority: 50, state: 'BACKUP', address: '10.1.0.12', trackers: [{ name: 'pingable_check_script', weight: -101 }] },
    ],
  });
  assert.deepEqual(cluster(m, 'rabbitmq'), { kind: 'rabbitmq', name: 'rabbitmq', config: { nodes: ['i1', 'i2'], quorumQueues: false } });
  assert.deepEqual(m.assumptions, [
    "keepalived_instances is set (/w/user_variables.yml) but not read: the load balancers are taken with OSA's default instances",
    "OpenStack-Ansible's files name no RabbitMQ version: RabbitMQ is taken as 4.2 or newer, with the Khepri metadata store",
  ]);
});
