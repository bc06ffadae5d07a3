import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyseAll, checkFix, checkWorkspace } from '../support/workspace';

const KOLLA = `
  #- globals.yml
  kolla_internal_vip_address: "10.0.0.250"
  #- multinode
  [control]
  control01
  control02
  control03

  [mariadb:children]
  control

  [rabbitmq:children]
  control`;

test("kolla's overrides that turn off what kolla forces for RabbitMQ, in every layout of its config folder", () => {
  checkWorkspace(
    `${KOLLA}
  #- config/nova.conf
  [oslo_messaging_rabbit]
  rabbit_quorum_queue = false
  #                     ^^^^^ error kolla-override-undoes-ha: kolla-ansible writes rabbit_quorum_queue = true for every service and this override turns it off: the service declares classic queues again, which live on one broker and are lost with it, and RabbitMQ refuses to redeclare the queues kolla already made as quorum queues (PRECONDITION_FAILED, inequivalent arg 'x-queue-type')
  #- config/nova/nova-scheduler.conf
  [oslo_messaging_rabbit]
  rabbit_transient_quorum_queue = no
  #                               ^^ warning kolla-override-undoes-ha
  use_queue_manager = False
  #                   ^^^^^ warning kolla-override-undoes-ha
  #- config/neutron/network01/neutron.conf
  [oslo_messaging_rabbit]
  rabbit_ha_queues = true
  #                  ^^^^ error kolla-override-undoes-ha: kolla-ansible writes rabbit_quorum_queue = true for every service and this override adds rabbit_ha_queues = true: oslo.messaging refuses the two together ('rabbit_quorum_queue and rabbit_ha_queues both enabled'), so the service does not start; mirrored queues are gone from RabbitMQ 4 anyway
  #- config/cinder/cinder-volume.conf
  [oslo_messaging_rabbit]
  rabbit_quorum_queue = 0
  #                     ^ error kolla-override-undoes-ha
  rabbit_ha_queues = true
  #                  ^^^^ warning kolla-override-undoes-ha: rabbit_ha_queues asks for classic mirrored queues, which RabbitMQ 4 (the broker kolla-ansible deploys) no longer has: the queues stay on one broker
  `,
    { rules: ['kolla-override-undoes-ha'] },
  );
});

test('[database] connection: one Galera node instead of database_address is reported; the VIP, its name or a template are not', () => {
  checkWorkspace(
    `${KOLLA}
  #- config/cinder.conf
  [database]
  connection = mysql+pymysql://cinder:secret@10.0.0.11/cinder
  #                                          ^^^^^^^^^ warning kolla-override-undoes-ha: kolla-ansible points [database] connection at database_address (10.0.0.250, the internal VIP in front of the Galera cluster) and this override names 10.0.0.11: the service loses its database when that node does
  max_retries = -1
  #- config/nova.conf
  [database]
  connection = mysql+pymysql://nova:secret@10.0.0.250/nova
  #- config/glance/glance-api.conf
  [database]
  connection = mysql+pymysql://glance:{{ glance_database_password }}@{{ database_address }}/glance
  `,
    { rules: ['kolla-override-undoes-ha'] },
  );
});

test("host lists shorter than kolla's inventory group: transport_url, memcached servers; all of them, or a template, are not reported", () => {
  checkWorkspace(
    `${KOLLA}

  [memcached:children]
  control
  #- config/nova.conf
  [DEFAULT]
  transport_url = rabbit://openstack:secret@10.0.0.11:5672//
  #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning kolla-override-undoes-ha: kolla-ansible lists every host of its rabbitmq group in [DEFAULT] transport_url (control01, control02, control03) and this override names 1 (10.0.0.11): when those brokers are down the service has no other to reconnect to
  [keystone_authtoken]
  memcached_servers = 10.0.0.11:11211,10.0.0.12:11211
  #                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning kolla-override-undoes-ha
  #- config/neutron.conf
  [DEFAULT]
  transport_url = rabbit://openstack:secret@10.0.0.11:5672,openstack:secret@10.0.0.12:5672,openstack:secret@10.0.0.13:5672//
  [cache]
  memcache_servers = {% for host in groups['memcached'] %}{{ host }}:11211{% if not loop.last %},{% endif %}{% endfor %}
  `,
    { rules: ['kolla-override-undoes-ha'] },
  );
});

test('what kolla forces too, or a plain service config that is no kolla override: no finding', () => {
  checkWorkspace(
    `${KOLLA}
  #- config/nova.conf
  [oslo_messaging_rabbit]
  rabbit_quorum_queue = true
  rabbit_transient_quorum_queue = true
  amqp_durable_queues = false
  rabbit_stream_fanout = false
  #- other/etc/nova/nova.conf
  [oslo_messaging_rabbit]
  rabbit_quorum_queue = false
  rabbit_ha_queues = true
  `,
    { rules: ['kolla-override-undoes-ha'] },
  );
});

test('before 2025.1 kolla let the operator choose the queues: an override of them undoes nothing it forces', () => {
  checkWorkspace(
    `
  #- globals.yml
  openstack_release: "2024.1"
  #- config/nova.conf
  [oslo_messaging_rabbit]
  rabbit_quorum_queue = false
  `,
    { rules: ['kolla-override-undoes-ha'] },
  );
});

test("/etc/kolla/config is kolla's override folder even without globals.yml in the workspace", () => {
  const r = analyseAll(new Map([['/etc/kolla/config/nova/nova-api.conf', '[oslo_messaging_rabbit]\nuse_queue_manager = false\n']]));
  assert.deepEqual(
    r.results
      .get('/etc/kolla/config/nova/nova-api.conf')!
      .findings.filter((f) => f.rule === 'kolla-override-undoes-ha')
      .map((f) => f.severity),
    ['warning'],
  );
});

test("the fix removes the override's line, so kolla's value applies", () => {
  checkFix(
    `${KOLLA}
  #- config/nova.conf
  [oslo_messaging_rabbit]
  rabbit_quorum_queue = false
  heartbeat_timeout_threshold = 60
  `,
    `
  #- config/nova.conf
  [oslo_messaging_rabbit]
  heartbeat_timeout_threshold = 60
  `,
    'kolla-override-undoes-ha',
  );
});

test("kolla's global.conf, merged into every service: what it turns off, it turns off everywhere", () => {
  checkWorkspace(
    `${KOLLA}
  #- config/global.conf
  [oslo_messaging_rabbit]
  rabbit_quorum_queue = false
  #                     ^^^^^ error kolla-override-undoes-ha: kolla-ansible writes rabbit_quorum_queue = true for every service and global.conf, which kolla-ansible merges into every service it deploys, turns it off: the service declares classic queues again, which live on one broker and are lost with it, and RabbitMQ refuses to redeclare the queues kolla already made as quorum queues (PRECONDITION_FAILED, inequivalent arg 'x-queue-type')
  [database]
  connection = mysql+pymysql://root:secret@10.0.0.11/placeholder
  #                                        ^^^^^^^^^ warning kolla-override-undoes-ha: kolla-ansible points [database] connection at database_address (10.0.0.250, the internal VIP in front of the Galera cluster) and global.conf, which kolla-ansible merges into every service it deploys, names 10.0.0.11: every service loses its database when that node does
  `,
    { rules: ['kolla-override-undoes-ha'] },
  );
  // /etc/kolla/config/global.conf on its own: kolla's default config folder
  checkWorkspace(
    `
  #- /etc/kolla/config/global.conf
  [oslo_messaging_rabbit]
  use_queue_manager = off
  #                   ^^^ warning kolla-override-undoes-ha
  `,
    { rules: ['kolla-override-undoes-ha'] },
  );
});
