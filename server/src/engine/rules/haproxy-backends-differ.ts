import { defineRule } from './rule';
import { peerRelated } from '../model/topology';
import { proxyFacts } from '../documents/haproxy/facts';

export const rule = defineRule({
  meta: {
    id: 'haproxy-backends-differ',
    severity: 'warning',
    fixable: false,
    tools: { 'haproxy -c': 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'haproxy',
    title: "The load balancers' haproxy.cfg files list different servers for one proxy, or one lacks a proxy",
    why: "The VIP moves between the load balancers, and each must send a service's traffic to the same servers: when a proxy lists other servers on another node, or is missing there, a failover of the VIP changes which controllers serve the API, or leaves it with none. One template for every load balancer keeps them equal.",
  },
  on: {
    haproxy(ctx) {
      const peers = ctx.peers.filter((p) => p.kind === 'haproxy' && !p.sameNode && p.proxies?.length);
      if (!peers.length) return;
      // this file's proxies, read as the other load balancers' files were (documents/haproxy/facts.ts)
      const here = proxyFacts(ctx.view);
      const names = new Set(here.map((x) => x.name));
      // a load balancer of the same role shares most of its proxies; one of another role (an external pair) is not compared for what it lacks
      const sameRole = (p: (typeof peers)[number]) =>
        p.proxies!.filter((x) => names.has(x.name)).length * 2 >= Math.max(names.size, p.proxies!.length);
      for (const s of here) {
        const mine = s.servers;
        if (!mine.length) continue;
        for (const p of peers) {
          const other = p.proxies!.find((x) => x.name === s.name);
          if (!other && sameRole(p)) {
            ctx.report({
              span: s.span,
              message: `${s.kind} ${s.name} is not in ${p.file}: when the VIP moves to that node, ${s.name} has no proxy`,
              related: peerRelated(p, { start: 0, end: 0 }, `${p.file} has no ${s.name}`),
            });
            continue;
          }
          if (!other || !other.servers.length || JSON.stringify(other.servers) === JSON.stringify(mine)) continue;
          const onlyHere = mine.filter((x) => !other.servers.includes(x)),
            onlyThere = other.servers.filter((x) => !mine.includes(x));
          if (!onlyHere.length && !onlyThere.length) continue;
          const said = [
            onlyHere.length ? `${onlyHere.join(', ')} only here` : '',
            onlyThere.length ? `${onlyThere.join(', ')} only there` : '',
          ]
            .filter(Boolean)
            .join('; ');
          ctx.report({
            span: s.span,
            message: `${s.kind} ${s.name} has other servers than in ${p.file} (${said}): a failover of the VIP changes where its traffic goes`,
            related: peerRelated(p, other.span, `${s.kind} ${s.name} of ${p.file}`),
          });
        }
      }
    },
  },
});
