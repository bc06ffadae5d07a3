import { test } from 'node:test';
import { checkConf } from '../support/fixture';

test('rabbit-all-hosts-listed: one broker in transport_url, when nothing says how many there are, is a warning', () =>
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  transport_url = rabbit://openstack:RABBIT_PASS@10.0.0.12:5672/
  #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning rabbit-all-hosts-listed: transport_url names one RabbitMQ host (10.0.0.12): when that broker fails the service has no other to reconnect to; list every broker of the cluster
  `,
    { rules: ['rabbit-all-hosts-listed'] },
  ));

test("rabbit-all-hosts-listed: an all-in-one node's own broker, or a sample's placeholder, is not reported", () =>
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  transport_url = rabbit://openstack:RABBIT_PASS@localhost:5672/
  [oslo_messaging_rabbit]
  rabbit_host = %RABBIT_HOST%
  `,
    { rules: ['rabbit-all-hosts-listed'] },
  ));

test('rabbit-all-hosts-listed: three brokers are fine', () =>
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  transport_url = rabbit://u:p@c1:5672,u:p@c2:5672,u:p@c3:5672/
  `,
    { rules: ['rabbit-all-hosts-listed'] },
  ));
