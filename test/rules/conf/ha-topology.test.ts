/** The .conf rules that need the deployment, with the topology of a manifest or of .openstack-ha.yaml. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../../support/fixture';
import { deployment } from '../../support/topologies';

const topology = deployment({
  names: ['controller1', 'controller2', 'controller3'],
  services: 'galera: { on: ctl, mode: clustered, vip: internal }\nrabbitmq: { on: ctl, mode: clustered }\nmemcached: { on: ctl, mode: client-side }',
});

test('rabbit-not-behind-vip and rabbit-all-hosts-listed against the manifest', () => {
  checkConf('cinder.conf', `
  [DEFAULT]
  transport_url = rabbit://openstack:RABBIT_PASS@10.0.0.11:5672/
  #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error rabbit-not-behind-vip: transport_url reaches RabbitMQ through VIP 'internal' (10.0.0.11, from site.ha.yaml): after a failover clients hang on the old owner; list every broker instead
  `, { rules: ['rabbit-not-behind-vip', 'rabbit-all-hosts-listed'], topology });
  checkConf('nova.conf', `
  [DEFAULT]
  transport_url = rabbit://u:p@controller1:5672,u:p@10.0.0.13:5672/
  #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error rabbit-all-hosts-listed: transport_url lists 2 of the 3 RabbitMQ hosts of site.ha.yaml; missing: controller3 (10.0.0.14)
  `, { rules: ['rabbit-not-behind-vip', 'rabbit-all-hosts-listed'], topology });
  checkConf('nova.conf', '[DEFAULT]\ntransport_url = rabbit://u:p@controller1,u:p@controller2,u:p@controller3/\n', { rules: ['rabbit-not-behind-vip', 'rabbit-all-hosts-listed'], topology });
});

test('db-connection-via-vip points at the host and replaces only the host (never the credentials)', () => {
  checkConf('glance-api.conf', `
  [database]
  connection = mysql+pymysql://glance:GLANCE_DBPASS@10.0.0.12/glance
  #                                                 ^^^^^^^^^ error db-connection-via-vip: [database] connection reaches the database at node controller1 (10.0.0.12), not through the VIP (10.0.0.11, from site.ha.yaml): it fails with that host, and other services may write to other nodes
  `, { rules: ['db-connection-via-vip'], topology });
  const out = fixed('[database]\nconnection = mysql+pymysql://glance:GLANCE_DBPASS@localhost/glance\n', 'db-connection-via-vip', undefined, undefined, 'glance-api.conf', topology);
  assert.equal(out, '[database]\nconnection = mysql+pymysql://glance:GLANCE_DBPASS@10.0.0.11/glance\n');
  checkConf('glance-api.conf', '[database]\nconnection = mysql+pymysql://glance:pw@10.0.0.11/glance\n', { rules: ['db-connection-via-vip'], topology });
  checkConf('glance-api.conf', '[database]\nconnection = mysql+pymysql://glance:pw@10.0.0.12/glance\n', { rules: ['db-connection-via-vip'] });
});

test('memcached-servers-all-controllers: a missing server, a VIP; the fix lists them all', () => {
  checkConf('nova.conf', `
  [keystone_authtoken]
  memcached_servers = controller1:11211,controller2:11211
  #                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning memcached-servers-all-controllers: [keystone_authtoken] memcached_servers lists 2 of the 3 memcached hosts of site.ha.yaml; missing: controller3 (10.0.0.14)
  [cache]
  memcache_servers = 10.0.0.11:11211
  #                  ^^^^^^^^^^^^^^^ warning memcached-servers-all-controllers: [cache] memcache_servers names VIP 'internal': memcached clients must list every server (site.ha.yaml has 3) and hash keys across them
  `, { rules: ['memcached-servers-all-controllers'], topology });
  assert.equal(fixed('[keystone_authtoken]\nmemcached_servers = 10.0.0.12:11211\n', 'memcached-servers-all-controllers', undefined, undefined, 'nova.conf', topology),
    '[keystone_authtoken]\nmemcached_servers = 10.0.0.12:11211,10.0.0.13:11211,10.0.0.14:11211\n');
});

test('consumer-refs-via-vip: auth_url and api_servers on one controller', () => {
  checkConf('nova.conf', `
  [keystone_authtoken]
  www_authenticate_uri = http://10.0.0.11:5000
  auth_url = http://controller2:5000
  #                 ^^^^^^^^^^^ error consumer-refs-via-vip: [keystone_authtoken] auth_url names controller controller2 (10.0.0.13), not a VIP (10.0.0.11, from site.ha.yaml): the reference breaks when that controller does
  auth_type = password
  [glance]
  api_servers = http://10.0.0.12:9292
  #                    ^^^^^^^^^ error consumer-refs-via-vip: [glance] api_servers names controller controller1 (10.0.0.12), not a VIP (10.0.0.11, from site.ha.yaml): the reference breaks when that controller does
  `, { rules: ['consumer-refs-via-vip'], topology });
});

test('.openstack-ha.yaml vips and controllers stand in for a manifest', () => checkConf('nova.conf', `
  [database]
  connection = mysql+pymysql://nova:pw@c1/nova
  #                                    ^^ error db-connection-via-vip: [database] connection reaches the database at node c1, not through the VIP (10.0.0.11, from .openstack-ha.yaml): it fails with that host, and other services may write to other nodes
  `, { rules: ['db-connection-via-vip'], config: { rules: {}, vips: ['10.0.0.11'], controllers: ['c1', 'c2', 'c3'] } }));
