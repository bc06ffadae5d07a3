import { defineRule } from './rule';
import { flag, RABBIT, rabbitUse } from './conf/support';
import { setOption } from '../documents/oslo-conf/edits';

export const rule = defineRule({
  meta: {
    id: 'rabbit-durable-queues',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    guide: 'control-plane-stateful',
    topic: 'rabbitmq-cluster',
    title: 'Mirrored queues without durable queues',
    why: 'The guide enables durable queues together with HA queues: a mirrored queue that is not durable does not survive a broker restart. (Quorum queues are always durable.)',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view, text } = ctx;
      if (!rabbitUse(view)) return;
      const ha = flag(view, RABBIT, 'rabbit_ha_queues');
      if (!ha.on || flag(view, RABBIT, 'rabbit_quorum_queue').on) return;
      const durable = flag(view, RABBIT, 'amqp_durable_queues');
      if (durable.on) return;
      ctx.report({
        span: durable.entry?.valueSpan ?? ha.entry!.keySpan,
        message:
          'rabbit_ha_queues is on but amqp_durable_queues is off: mirrored queues that are not durable are lost when the brokers restart',
        // not safe: the running services redeclare their existing non-durable queues as durable and
        // RabbitMQ refuses that (PRECONDITION_FAILED, inequivalent arg 'durable') until they are deleted: a migration
        fixes: [
          {
            title: 'Set [oslo_messaging_rabbit] amqp_durable_queues = true',
            safe: false,
            preferred: true,
            edits: [setOption(text, view, RABBIT, 'amqp_durable_queues', 'true')],
          },
        ],
      });
    },
  },
});
