import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';
import { lintConf } from '../../server/src/engine/lint';
import { safeFixEdits } from '../../server/src/engine/fixes';

test('rabbit-durable-queues and rabbit-heartbeat-enabled', () => {
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  transport_url = rabbit://u:p@c1:5672,u:p@c2:5672/
  [oslo_messaging_rabbit]
  rabbit_ha_queues = true
  #^^^^^^^^^^^^^^^ warning rabbit-durable-queues: rabbit_ha_queues is on but amqp_durable_queues is off: mirrored queues that are not durable are lost when the brokers restart
  heartbeat_timeout_threshold = 0
  #                             ^ warning rabbit-heartbeat-enabled: heartbeat_timeout_threshold = 0 switches AMQP heartbeats off: a dead broker connection is noticed only when TCP gives up (the guide uses 60)
  `,
    { rules: ['rabbit-durable-queues', 'rabbit-heartbeat-enabled'] },
  );
  assert.equal(
    fixed(
      '[DEFAULT]\ntransport_url = rabbit://u:p@c1,u:p@c2/\n[oslo_messaging_rabbit]\nrabbit_ha_queues = true\n',
      'rabbit-durable-queues',
      undefined,
      undefined,
      'nova.conf',
    ),
    '[DEFAULT]\ntransport_url = rabbit://u:p@c1,u:p@c2/\n[oslo_messaging_rabbit]\nrabbit_ha_queues = true\namqp_durable_queues = true\n',
  );
});

test('rabbit-durable-queues: existing queues must be deleted to become durable, so --fix never applies the fix', () => {
  const fs = lintConf(
    'nova.conf',
    '[DEFAULT]\ntransport_url = rabbit://u:p@c1,u:p@c2/\n[oslo_messaging_rabbit]\nrabbit_ha_queues = true\n',
  ).findings.filter((f) => f.rule === 'rabbit-durable-queues');
  assert.deepEqual(
    fs.map((f) => f.fixes.map((x) => `${x.title} safe=${x.safe}`)),
    [['Set [oslo_messaging_rabbit] amqp_durable_queues = true safe=false']],
  );
  assert.deepEqual(safeFixEdits(fs), []);
});
