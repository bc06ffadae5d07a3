import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';
import { deployment } from '../support/topologies';

const topology = deployment({
  names: ['controller1', 'controller2', 'controller3'],
  services:
    'galera: { on: ctl, mode: clustered, vip: internal }\nrabbitmq: { on: ctl, mode: clustered }\nmemcached: { on: ctl, mode: client-side }',
});

test('memcached-servers-all-controllers: a missing server, a VIP; the fix lists them all', () => {
  checkConf(
    'nova.conf',
    `
  [keystone_authtoken]
  memcached_servers = controller1:11211,controller2:11211
  #                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning memcached-servers-all-controllers: [keystone_authtoken] memcached_servers lists 2 of the 3 memcached hosts of site.ha.yaml; missing: controller3 (10.0.0.14)
  [cache]
  memcache_servers = 10.0.0.11:11211
  #                  ^^^^^^^^^^^^^^^ warning memcached-servers-all-controllers: [cache] memcache_servers names VIP 'internal': memcached clients must list every server (site.ha.yaml has 3) and hash keys across them
  `,
    { rules: ['memcached-servers-all-controllers'], topology },
  );
  assert.equal(
    fixed(
      '[keystone_authtoken]\nmemcached_servers = 10.0.0.12:11211\n',
      'memcached-servers-all-controllers',
      undefined,
      undefined,
      'nova.conf',
      topology,
    ),
    '[keystone_authtoken]\nmemcached_servers = 10.0.0.12:11211,10.0.0.13:11211,10.0.0.14:11211\n',
  );
});
