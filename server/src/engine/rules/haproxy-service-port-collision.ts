import { defineRule } from './rule';
import { isVip, nodePeers } from '../model/topology';
import { canonicalIP, isIP } from '../text/ip';

const WILDCARD = new Set(['0.0.0.0', '::', '*', '']);

export const rule = defineRule({
  meta: {
    id: 'haproxy-service-port-collision',
    severity: 'error',
    fixable: false,
    tools: { 'haproxy -c': 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'haproxy',
    title: 'A service behind HAProxy listens on every address or on the VIP, on the port HAProxy binds',
    why: "HAProxy binds VIP:port on every controller, and the service it fronts runs on the same nodes on the same port. Bound to 0.0.0.0 the service also takes the VIP's port (so HAProxy cannot start, or the service answers in its place); bound to the VIP it takes HAProxy's very address. The guide binds each service to its node's management address.",
  },
  on: {
    haproxy(ctx) {
      const bound = new Map<number, { host: string; span: { start: number; end: number }; proxy: string }>();
      for (const s of ctx.view.proxies())
        for (const b of ctx.view.binds(s)) {
          if (b.port !== undefined && !bound.has(b.port))
            bound.set(b.port, { host: b.host ?? '*', span: b.arg.span, proxy: `${s.kind} ${s.name?.text ?? ''}`.trim() });
        }
      // a service collides with the HAProxy of its own node
      for (const peer of nodePeers(ctx.peers.filter((p) => p.listens?.length)).peers) {
        for (const l of peer.listens ?? []) {
          const b = bound.get(l.port);
          if (!b) continue;
          const wildcard = WILDCARD.has(l.host);
          const onVip =
            !wildcard &&
            ((ctx.topology && isVip(ctx.topology, l.host)) ||
              (isIP(l.host) && isIP(b.host) && canonicalIP(l.host) === canonicalIP(b.host)));
          if (!wildcard && !onVip) continue;
          ctx.report({
            span: b.span,
            message: `${b.proxy} binds port ${l.port}, and ${peer.file} has ${l.option}=${l.host} (${wildcard ? 'every address' : 'the VIP'}) on the same port: on the node that holds the VIP, HAProxy and the service collide; bind the service to the node's management address`,
          });
        }
      }
    },
  },
});
