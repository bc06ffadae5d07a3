import { defineRule } from './rule';
import { HaSection } from '../documents/haproxy/parse';

const SHOWN: Record<string, string> = { rabbitmq: 'RabbitMQ', memcached: 'memcached' };

export const rule = defineRule({
  meta: {
    id: 'haproxy-no-amqp-or-memcached',
    severity: 'warning',
    fixable: false,
    tools: { 'haproxy -c': 'accepts' },
    guide: 'control-plane-stateful',
    topic: 'rabbitmq-no-haproxy',
    title: 'A proxy for RabbitMQ or memcached',
    why: "RabbitMQ and memcached clients list every instance and fail over themselves. Through HAProxy on a VIP, AMQP connections to the old owner hang for tens of minutes after a failover, and memcached loses its client-side hashing. A proxy is recognised by its servers' ports (a VIP on a shifted port such as 5673 still fronts RabbitMQ), its binds, its name, or the backends a frontend routes to.",
  },
  on: {
    haproxy(ctx) {
      const { view } = ctx;
      // a frontend and the backend it routes to are one path: reported once, on the frontend
      const covered = new Set<HaSection>();
      const proxies = view.proxies().sort((a, b) => (a.kind === 'backend' ? 1 : 0) - (b.kind === 'backend' ? 1 : 0));
      for (const s of proxies) {
        const shown = SHOWN[view.service(s)?.name ?? ''];
        if (!shown || covered.has(s)) continue;
        for (const b of view.routes(s)) covered.add(b);
        const port = view.ports(s)[0] ?? view.servers(s)[0]?.port;
        ctx.report({
          span: s.header.span,
          message: `${s.kind} ${s.name?.text ?? ''} proxies ${shown}${port !== undefined ? ` (port ${port})` : ''}: clients must list every ${shown === 'RabbitMQ' ? 'broker in transport_url' : 'server in memcached_servers'} instead`,
        });
      }
    },
  },
});
