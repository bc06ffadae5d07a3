import { defineRule } from './rule';
import { removePair } from '../documents/manifest/edits';

export const rule = defineRule({
  meta: {
    id: 'service-not-behind-balancer',
    severity: 'error',
    fixable: true,
    topic: 'rabbitmq-no-haproxy',
    guide: 'control-plane-stateful',
    title: 'rabbitmq or memcached is given a VIP or a balancer',
    why: 'RabbitMQ and memcached clients list every instance and fail over themselves. Behind a VIP, RabbitMQ connections to the old owner can hang for tens of minutes after a failover, and memcached loses its client-side hashing.',
  },
  on: {
    manifest(ctx) {
      for (const s of ctx.manifest.services.values()) {
        if (!s.info?.clientListsInstances || !s.map) continue;
        const pairs =
          s.entry &&
          s.map.items.filter((p) => {
            const k = (p.key as { value?: unknown }).value;
            if (k === 'vip' || k === 'vips') return true;
            return k === 'balancer' && (p.value as { value?: unknown })?.value !== 'none';
          });
        if (!pairs.length) continue;
        const first = pairs[0];
        const keyRange = (first.key as { range: [number, number, number] }).range;
        const valueRange = (first.value as { range?: [number, number, number] })?.range ?? keyRange;
        const what =
          s.info.name === 'rabbitmq'
            ? 'clients must list every broker in transport_url; through a VIP, connections to the old owner hang for many minutes after a failover'
            : 'clients hash keys across every instance they list; a VIP or proxy in front defeats that and adds a hop to every cache call';
        ctx.report({
          span: { start: keyRange[0], end: valueRange[1] },
          message: `${s.name} must not sit behind a VIP or balancer: ${what}`,
          fixes: [
            {
              title: `Remove the VIP from ${s.name}`,
              safe: true,
              preferred: true,
              edits: pairs.map((p) => removePair(ctx.text, s.map!, p)),
            },
          ],
        });
      }
    },
  },
});
