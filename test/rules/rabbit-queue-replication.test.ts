import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';

test('rabbit-queue-replication: neither quorum nor HA queues; the fix turns quorum queues on', () => {
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  transport_url = rabbit://u:p@c1:5672,u:p@c2:5672/
  #^^^^^^^^^^^^ warning rabbit-queue-replication: messages to RabbitMQ are not replicated: rabbit_quorum_queue and rabbit_ha_queues are both off, so a queue is lost with the broker that holds it (unless an ha-mode policy on the broker mirrors it)
  `,
    { rules: ['rabbit-queue-replication'] },
  );
  assert.equal(
    fixed('[DEFAULT]\ntransport_url = rabbit://u:p@c1:5672,u:p@c2:5672/\n', 'rabbit-queue-replication', undefined, undefined, 'nova.conf'),
    '[DEFAULT]\ntransport_url = rabbit://u:p@c1:5672,u:p@c2:5672/\n\n[oslo_messaging_rabbit]\nrabbit_quorum_queue = true\n',
  );
  checkConf(
    'nova.conf',
    '[DEFAULT]\ntransport_url = rabbit://u:p@c1:5672,u:p@c2:5672/\n[oslo_messaging_rabbit]\nrabbit_quorum_queue = true\n',
    { rules: ['rabbit-queue-replication'] },
  );
});
