import { defineRule } from './rule';
import { RABBIT, rabbitUse } from './conf/support';

export const rule = defineRule({
  meta: {
    id: 'rabbit-heartbeat-enabled',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    guide: 'storage-ha-block',
    topic: 'rabbitmq-cluster',
    title: 'AMQP heartbeats are off (heartbeat_timeout_threshold = 0)',
    why: 'Heartbeats let a client notice a dead broker connection within a minute; without them it waits for TCP to time out, which can take much longer, before failing over to the next broker. The guide uses 60 s with heartbeat_rate 2.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view } = ctx;
      if (!rabbitUse(view)) return;
      const e = view.entry(RABBIT, 'heartbeat_timeout_threshold');
      if (!e || e.value.trim() !== '0') return;
      ctx.report({
        span: e.valueSpan,
        message:
          'heartbeat_timeout_threshold = 0 switches AMQP heartbeats off: a dead broker connection is noticed only when TCP gives up (the guide uses 60)',
        fixes: [
          {
            title: 'Set heartbeat_timeout_threshold = 60',
            safe: true,
            preferred: true,
            edits: [{ start: e.valueSpan.start, end: e.valueSpan.end, newText: '60' }],
          },
        ],
      });
    },
  },
});
