import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';
import { deployment } from '../support/topologies';

const topology = deployment({
  names: ['controller1', 'controller2', 'controller3'],
  services:
    'galera: { on: ctl, mode: clustered, vip: internal }\nrabbitmq: { on: ctl, mode: clustered }\nmemcached: { on: ctl, mode: client-side }',
});

test('db-connection-via-vip points at the host and replaces only the host (never the credentials)', () => {
  checkConf(
    'glance-api.conf',
    `
  [database]
  connection = mysql+pymysql://glance:GLANCE_DBPASS@10.0.0.12/glance
  #                                                 ^^^^^^^^^ error db-connection-via-vip: [database] connection reaches the database at node controller1 (10.0.0.12), not through the VIP (10.0.0.11, from site.ha.yaml): it fails with that host, and other services may write to other nodes
  `,
    { rules: ['db-connection-via-vip'], topology },
  );
  const out = fixed(
    '[database]\nconnection = mysql+pymysql://glance:GLANCE_DBPASS@localhost/glance\n',
    'db-connection-via-vip',
    undefined,
    undefined,
    'glance-api.conf',
    topology,
  );
  assert.equal(out, '[database]\nconnection = mysql+pymysql://glance:GLANCE_DBPASS@10.0.0.11/glance\n');
  checkConf('glance-api.conf', '[database]\nconnection = mysql+pymysql://glance:pw@10.0.0.11/glance\n', {
    rules: ['db-connection-via-vip'],
    topology,
  });
  checkConf('glance-api.conf', '[database]\nconnection = mysql+pymysql://glance:pw@10.0.0.12/glance\n', {
    rules: ['db-connection-via-vip'],
  });
});

test('.openstack-ha.yaml vips and controllers stand in for a manifest', () =>
  checkConf(
    'nova.conf',
    `
  [database]
  connection = mysql+pymysql://nova:pw@c1/nova
  #                                    ^^ error db-connection-via-vip: [database] connection reaches the database at node c1, not through the VIP (10.0.0.11, from .openstack-ha.yaml): it fails with that host, and other services may write to other nodes
  `,
    { rules: ['db-connection-via-vip'], config: { rules: {}, vips: ['10.0.0.11'], controllers: ['c1', 'c2', 'c3'] } },
  ));
