import { defineRule } from './rule';
import { describeHost, isVip, sameHost, vipRelated, hostsRelated, Host } from '../model/topology';

export const rule = defineRule({
  meta: {
    id: 'haproxy-bind-vip',
    severity: 'warning',
    fixable: true,
    tools: { 'haproxy -c': 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'vip',
    title: 'A proxy for an OpenStack service binds every address or a node address instead of the VIP',
    why: "Each HAProxy listens on the VIP only, so it takes traffic exactly when its node holds the VIP. Bound to every address it also grabs the port of the service running on the same node (the API that should bind the node address), and bound to one node's address it fails over with nothing.",
  },
  on: {
    haproxy(ctx) {
      const { view, topology: t } = ctx;
      for (const s of view.proxies()) {
        if (s.kind === 'backend' || !view.service(s)) continue;
        for (const b of view.binds(s)) {
          const vip = t?.vips[0]?.address;
          let problem: string | undefined;
          let node: Host | undefined;
          if (b.host === undefined) problem = 'every address';
          else if (t && !isVip(t, b.host)) {
            node = t.controllers.find((n) => sameHost(b.host!, n));
            if (node) problem = `node ${describeHost(node)}`;
          }
          if (!problem) continue;
          const hostLen = b.arg.text.lastIndexOf(':');
          ctx.report({
            span: b.arg.span,
            message: `${s.kind} ${s.name?.text ?? ''} binds ${problem} (${b.arg.text}) rather than the VIP${vip ? ` ${vip}` : ''}`,
            related: t
              ? [
                  ...(vip ? vipRelated(t, vip, `VIP in ${t.source}`) : []),
                  ...(node ? hostsRelated(t, [node], (h) => `node ${h.name ?? h.address} in ${t.source}`) : []),
                ]
              : undefined,
            fixes:
              vip && hostLen >= 0 && b.arg.text === b.arg.text.trim()
                ? [
                    {
                      title: `Bind ${vip}:${b.port}`,
                      safe: false,
                      preferred: true,
                      edits: [
                        { start: b.arg.span.start, end: b.arg.span.end, newText: `${vip.includes(':') ? `[${vip}]` : vip}:${b.port}` },
                      ],
                    },
                  ]
                : [],
          });
        }
      }
    },
  },
});
