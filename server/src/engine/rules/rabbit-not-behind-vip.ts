import { defineRule } from './rule';
import { rabbitUse } from './conf/support';
import { isVip, vipRelated } from '../model/topology';

export const rule = defineRule({
  meta: {
    id: 'rabbit-not-behind-vip',
    severity: 'error',
    fixable: false,
    tools: { 'oslo-config-validator': 'accepts' },
    guide: 'control-plane-stateful',
    topic: 'rabbitmq-no-haproxy',
    title: 'The broker list reaches RabbitMQ through a VIP',
    why: "After a VIP moves, TCP connections to the old owner keep retrying for tens of minutes while the proxy believes its writes succeeded. List the brokers themselves and let oslo.messaging fail over. (The guide's own storage pages contradict this with rabbit_host = the VIP.)",
  },
  on: {
    'oslo-conf'(ctx) {
      const t = ctx.topology;
      const use = rabbitUse(ctx.view);
      if (!t || !use) return;
      for (const h of use.hosts) {
        const vip = isVip(t, h);
        if (!vip) continue;
        ctx.report({
          span: use.entry.valueSpan,
          message: `${use.entry.key} reaches RabbitMQ through VIP '${vip}' (${h}, from ${t.source}): after a failover clients hang on the old owner; list every broker instead`,
          related: vipRelated(t, vip, `VIP ${vip} in ${t.source}`),
        });
      }
    },
  },
});
