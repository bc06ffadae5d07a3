import { defineRule } from './rule';
import { flag, RABBIT, rabbitUse } from './conf/support';
import { setOption } from '../documents/oslo-conf/edits';
import { isKollaOverride } from '../documents/kolla/overrides';

export const rule = defineRule({
  meta: {
    id: 'rabbit-queue-replication',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    guide: 'control-plane-stateful',
    topic: 'rabbitmq-mirrored-vs-quorum-queues',
    title: 'RabbitMQ queues are not replicated (neither quorum queues nor HA queues)',
    why: "Exchanges and bindings survive the loss of a broker, but a classic queue and its messages live on one node and go with it. Quorum queues (rabbit_quorum_queue = true) replicate them; the guide's older way is mirrored queues (rabbit_ha_queues plus an ha-mode policy on the broker, which this file cannot show).",
  },
  on: {
    'oslo-conf'(ctx) {
      const { view, text } = ctx;
      const use = rabbitUse(view);
      if (!use || !view.catalog.option(RABBIT, 'rabbit_quorum_queue')) return;
      const quorum = flag(view, RABBIT, 'rabbit_quorum_queue');
      const ha = flag(view, RABBIT, 'rabbit_ha_queues');
      if (quorum.on || ha.on) return;
      if (!quorum.entry && isKollaOverride(ctx.path, ctx.peers)) return; // kolla writes rabbit_quorum_queue = true under its override
      const at = quorum.entry ?? ha.entry;
      ctx.report({
        span: at ? at.valueSpan : use.entry.keySpan,
        message: `messages to RabbitMQ are not replicated: rabbit_quorum_queue and rabbit_ha_queues are both off, so a queue is lost with the broker that holds it (unless an ha-mode policy on the broker mirrors it)`,
        // not safe: the existing classic queues must be drained or recreated (a migration), so --fix never applies it
        fixes: [
          {
            title: 'Set [oslo_messaging_rabbit] rabbit_quorum_queue = true',
            safe: false,
            preferred: true,
            edits: [setOption(text, view, RABBIT, 'rabbit_quorum_queue', 'true')],
          },
        ],
      });
    },
  },
});
