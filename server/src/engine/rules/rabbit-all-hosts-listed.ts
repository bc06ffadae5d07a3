import { defineRule } from './rule';
import { rabbitUse } from './conf/support';
import { describeHost, isVip, sameHost, hostsRelated, serviceRelated } from '../model/topology';
import { placeholderOf } from '../text/placeholder';

export const rule = defineRule({
  meta: {
    id: 'rabbit-all-hosts-listed',
    severity: 'error',
    fixable: false,
    tools: { 'oslo-config-validator': 'accepts' },
    guide: 'control-plane-stateful',
    topic: 'rabbitmq-no-haproxy',
    title: 'The broker list names one RabbitMQ host',
    why: 'oslo.messaging fails over by moving to the next host of its list; with one host there is nowhere to go when that broker dies. List every broker of the cluster: rabbit://u:p@h1:5672,u:p@h2:5672,u:p@h3:5672/. It is an error when the deployment (a manifest, or controllers in .openstack-ha.yaml) names brokers the list leaves out, and a warning when nothing says how many there are; a broker on localhost (an all-in-one node) is not reported.',
  },
  on: {
    'oslo-conf'(ctx) {
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
          related: [
            ...serviceRelated(t, 'rabbitmq', `${t.source} places rabbitmq here`),
            ...hostsRelated(t, missing, (h) => `${h.name ?? h.address} runs rabbitmq`),
          ],
        });
        return;
      }
      // one broker in the deployment: the file lists all there is (the manifest's own rules judge its size)
      if (use.hosts.length !== 1 || brokers?.length === 1) return;
      const host = use.hosts[0];
      // an all-in-one node's own broker, or a sample's placeholder: nothing to list
      if (/^(localhost|127\.|::1$)/.test(host) || placeholderOf(host)) return;
      // without the deployment the broker count is unknown: a single-broker lab lists all it has
      ctx.report({
        span: use.entry.valueSpan,
        severity: 'warning',
        message: `${use.entry.key} names one RabbitMQ host (${host}): when that broker fails the service has no other to reconnect to; list every broker of the cluster`,
      });
    },
  },
});
