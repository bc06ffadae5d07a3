import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';

test("fires on heartbeat_timeout_threshold = 0; the fix sets the guide's 60", () => {
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  transport_url = rabbit://u:p@c1:5672,u:p@c2:5672,u:p@c3:5672/
  [oslo_messaging_rabbit]
  heartbeat_timeout_threshold = 0
  #                             ^ warning rabbit-heartbeat-enabled: heartbeat_timeout_threshold = 0 switches AMQP heartbeats off: a dead broker connection is noticed only when TCP gives up (the guide uses 60)
  `,
    { rules: ['rabbit-heartbeat-enabled'] },
  );
  assert.equal(
    fixed(
      '[DEFAULT]\ntransport_url = rabbit://u:p@c1,u:p@c2/\n[oslo_messaging_rabbit]\nheartbeat_timeout_threshold = 0\n',
      'rabbit-heartbeat-enabled',
      undefined,
      undefined,
      'nova.conf',
    ),
    '[DEFAULT]\ntransport_url = rabbit://u:p@c1,u:p@c2/\n[oslo_messaging_rabbit]\nheartbeat_timeout_threshold = 60\n',
  );
});

test('heartbeats left at the default or set, and a service without RabbitMQ, do not fire', () => {
  checkConf(
    'nova.conf',
    '[DEFAULT]\ntransport_url = rabbit://u:p@c1,u:p@c2/\n[oslo_messaging_rabbit]\nheartbeat_timeout_threshold = 60\n',
    { rules: ['rabbit-heartbeat-enabled'] },
  );
  checkConf('nova.conf', '[DEFAULT]\ntransport_url = rabbit://u:p@c1,u:p@c2/\n', { rules: ['rabbit-heartbeat-enabled'] });
  checkConf('nova.conf', '[oslo_messaging_rabbit]\nheartbeat_timeout_threshold = 0\n', { rules: ['rabbit-heartbeat-enabled'] });
});
