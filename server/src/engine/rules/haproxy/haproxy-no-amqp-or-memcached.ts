import { HaRule } from './rule';

const PORTS: Record<number, string> = { 5672: 'RabbitMQ', 5671: 'RabbitMQ', 11211: 'memcached' };

export const rule: HaRule = {
  meta: {
    id: 'haproxy-no-amqp-or-memcached', severity: 'warning', fixable: false, guide: 'control-plane-stateful', topic: 'rabbitmq-no-haproxy',
    title: 'A proxy for RabbitMQ or memcached',
    why: 'RabbitMQ and memcached clients list every instance and fail over themselves. Through HAProxy on a VIP, AMQP connections to the old owner hang for tens of minutes after a failover, and memcached loses its client-side hashing.',
  },
  check(ctx) {
    const { view } = ctx;
    for (const s of view.proxies()) {
      const port = view.ports(s).find((p) => PORTS[p]);
      if (port === undefined) continue;
      ctx.report({ span: s.header.span, message: `${s.kind} ${s.name?.text ?? ''} proxies ${PORTS[port]} (port ${port}): clients must list every ${PORTS[port] === 'RabbitMQ' ? 'broker in transport_url' : 'server in memcached_servers'} instead` });
    }
  },
};
