import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';
import { lintConf } from '../../server/src/engine/lint';
import { safeFixEdits } from '../../server/src/engine/fixes';

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

test('rabbit-queue-replication: switching to quorum queues needs a migration, so the fix is offered and --fix never applies it', () => {
  const text = '[DEFAULT]\ntransport_url = rabbit://u:p@c1:5672,u:p@c2:5672/\n';
  const fs = lintConf('nova.conf', text).findings.filter((f) => f.rule === 'rabbit-queue-replication');
  assert.deepEqual(
    fs.map((f) => f.fixes.map((x) => `${x.title} safe=${x.safe}`)),
    [['Set [oslo_messaging_rabbit] rabbit_quorum_queue = true safe=false']],
  );
  assert.deepEqual(safeFixEdits(fs), []);
});
