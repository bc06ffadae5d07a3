import { ConfRule } from './rule';
import { rabbitUse } from './support';
import { describeHost, isVip, sameHost } from '../../workspace/topology';

export const rule: ConfRule = {
  meta: {
    id: 'rabbit-all-hosts-listed', severity: 'error', fixable: false, tools: { 'oslo-config-validator': 'accepts' }, guide: 'control-plane-stateful', topic: 'rabbitmq-no-haproxy',
    title: 'The broker list names one RabbitMQ host',
    why: 'oslo.messaging fails over by moving to the next host of its list; with one host there is nowhere to go when that broker dies. List every broker of the cluster: rabbit://u:p@h1:5672,u:p@h2:5672,u:p@h3:5672/.',
  },
  check(ctx) {
    const use = rabbitUse(ctx.view);
    if (!use) return;
    const t = ctx.topology;
    const brokers = t?.hostsOf('rabbitmq');
    if (t && brokers && brokers.length > 1) {
      if (use.hosts.some((h) => isVip(t, h))) return; // rabbit-not-behind-vip says what is wrong
      const missing = brokers.filter((b) => !use.hosts.some((h) => sameHost(h, b)));
      if (!missing.length) return;
      ctx.report({
        span: use.entry.valueSpan,
        message: `${use.entry.key} lists ${brokers.length - missing.length} of the ${brokers.length} RabbitMQ hosts of ${t.source}; missing: ${missing.map(describeHost).join(', ')}`,
      });
      return;
    }
    if (use.hosts.length !== 1) return;
    ctx.report({
      span: use.entry.valueSpan,
      message: `${use.entry.key} names one RabbitMQ host (${use.hosts[0]}): when that broker fails the service has no other to reconnect to; list every broker of the cluster`,
    });
  },
};
