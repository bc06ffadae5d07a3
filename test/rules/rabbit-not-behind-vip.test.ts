import { test } from 'node:test';
import { checkConf } from '../support/fixture';
import { deployment } from '../support/topologies';

const topology = deployment({
  names: ['controller1', 'controller2', 'controller3'],
  services:
    'galera: { on: ctl, mode: clustered, vip: internal }\nrabbitmq: { on: ctl, mode: clustered }\nmemcached: { on: ctl, mode: client-side }',
});

test('rabbit-not-behind-vip and rabbit-all-hosts-listed against the manifest', () => {
  checkConf(
    'cinder.conf',
    `
  [DEFAULT]
  transport_url = rabbit://openstack:RABBIT_PASS@10.0.0.11:5672/
  #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error rabbit-not-behind-vip: transport_url reaches RabbitMQ through VIP 'internal' (10.0.0.11, from site.ha.yaml): after a failover clients hang on the old owner; list every broker instead
  `,
    { rules: ['rabbit-not-behind-vip', 'rabbit-all-hosts-listed'], topology },
  );
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  transport_url = rabbit://u:p@controller1:5672,u:p@10.0.0.13:5672/
  #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error rabbit-all-hosts-listed: transport_url lists 2 of the 3 RabbitMQ hosts of site.ha.yaml; missing: controller3 (10.0.0.14)
  `,
    { rules: ['rabbit-not-behind-vip', 'rabbit-all-hosts-listed'], topology },
  );
  checkConf('nova.conf', '[DEFAULT]\ntransport_url = rabbit://u:p@controller1,u:p@controller2,u:p@controller3/\n', {
    rules: ['rabbit-not-behind-vip', 'rabbit-all-hosts-listed'],
    topology,
  });
});
