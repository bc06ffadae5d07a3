import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../../support/fixture';

test('rabbit-all-hosts-listed: one broker in transport_url, when nothing says how many there are, is a warning', () => checkConf('nova.conf', `
  [DEFAULT]
  transport_url = rabbit://openstack:RABBIT_PASS@10.0.0.12:5672/
  #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning rabbit-all-hosts-listed: transport_url names one RabbitMQ host (10.0.0.12): when that broker fails the service has no other to reconnect to; list every broker of the cluster
  `, { rules: ['rabbit-all-hosts-listed'] }));

test('rabbit-all-hosts-listed: an all-in-one node\'s own broker, or a sample\'s placeholder, is not reported', () => checkConf('nova.conf', `
  [DEFAULT]
  transport_url = rabbit://openstack:RABBIT_PASS@localhost:5672/
  [oslo_messaging_rabbit]
  rabbit_host = %RABBIT_HOST%
  `, { rules: ['rabbit-all-hosts-listed'] }));

test('rabbit-all-hosts-listed: three brokers are fine', () => checkConf('nova.conf', `
  [DEFAULT]
  transport_url = rabbit://u:p@c1:5672,u:p@c2:5672,u:p@c3:5672/
  `, { rules: ['rabbit-all-hosts-listed'] }));

test('rabbit-queue-replication: neither quorum nor HA queues; the fix turns quorum queues on', () => {
  checkConf('nova.conf', `
  [DEFAULT]
  transport_url = rabbit://u:p@c1:5672,u:p@c2:5672/
  #^^^^^^^^^^^^ warning rabbit-queue-replication: messages to RabbitMQ are not replicated: rabbit_quorum_queue and rabbit_ha_queues are both off, so a queue is lost with the broker that holds it (unless an ha-mode policy on the broker mirrors it)
  `, { rules: ['rabbit-queue-replication'] });
  assert.equal(fixed('[DEFAULT]\ntransport_url = rabbit://u:p@c1:5672,u:p@c2:5672/\n', 'rabbit-queue-replication', undefined, undefined, 'nova.conf'),
    '[DEFAULT]\ntransport_url = rabbit://u:p@c1:5672,u:p@c2:5672/\n\n[oslo_messaging_rabbit]\nrabbit_quorum_queue = true\n');
  checkConf('nova.conf', '[DEFAULT]\ntransport_url = rabbit://u:p@c1:5672,u:p@c2:5672/\n[oslo_messaging_rabbit]\nrabbit_quorum_queue = true\n', { rules: ['rabbit-queue-replication'] });
});

test('rabbit-durable-queues and rabbit-heartbeat-enabled', () => {
  checkConf('nova.conf', `
  [DEFAULT]
  transport_url = rabbit://u:p@c1:5672,u:p@c2:5672/
  [oslo_messaging_rabbit]
  rabbit_ha_queues = true
  #^^^^^^^^^^^^^^^ warning rabbit-durable-queues: rabbit_ha_queues is on but amqp_durable_queues is off: mirrored queues that are not durable are lost when the brokers restart
  heartbeat_timeout_threshold = 0
  #                             ^ warning rabbit-heartbeat-enabled: heartbeat_timeout_threshold = 0 switches AMQP heartbeats off: a dead broker connection is noticed only when TCP gives up (the guide uses 60)
  `, { rules: ['rabbit-durable-queues', 'rabbit-heartbeat-enabled'] });
  assert.equal(fixed('[DEFAULT]\ntransport_url = rabbit://u:p@c1,u:p@c2/\n[oslo_messaging_rabbit]\nrabbit_ha_queues = true\n', 'rabbit-durable-queues', undefined, undefined, 'nova.conf'),
    '[DEFAULT]\ntransport_url = rabbit://u:p@c1,u:p@c2/\n[oslo_messaging_rabbit]\nrabbit_ha_queues = true\namqp_durable_queues = true\n');
});
