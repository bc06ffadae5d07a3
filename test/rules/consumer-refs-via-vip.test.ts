import { test } from 'node:test';
import { checkConf } from '../support/fixture';
import { deployment } from '../support/topologies';

const topology = deployment({
  names: ['controller1', 'controller2', 'controller3'],
  services:
    'galera: { on: ctl, mode: clustered, vip: internal }\nrabbitmq: { on: ctl, mode: clustered }\nmemcached: { on: ctl, mode: client-side }',
});

test('consumer-refs-via-vip: auth_url and api_servers on one controller', () => {
  checkConf(
    'nova.conf',
    `
  [keystone_authtoken]
  www_authenticate_uri = http://10.0.0.11:5000
  auth_url = http://controller2:5000
  #                 ^^^^^^^^^^^ error consumer-refs-via-vip: [keystone_authtoken] auth_url names controller controller2 (10.0.0.13), not a VIP (10.0.0.11, from site.ha.yaml): the reference breaks when that controller does
  auth_type = password
  [glance]
  api_servers = http://10.0.0.12:9292
  #                    ^^^^^^^^^ error consumer-refs-via-vip: [glance] api_servers names controller controller1 (10.0.0.12), not a VIP (10.0.0.11, from site.ha.yaml): the reference breaks when that controller does
  `,
    { rules: ['consumer-refs-via-vip'], topology },
  );
});
