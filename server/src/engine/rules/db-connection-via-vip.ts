import { defineRule } from './rule';
import { urlHost, usesDatabase } from './conf/support';
import { describeHost, isVip, sameHost, vipRelated, hostsRelated } from '../model/topology';

export const rule = defineRule({
  meta: {
    id: 'db-connection-via-vip',
    severity: 'error',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    guide: 'storage-ha-block',
    topic: 'galera-single-writer',
    title: 'The database connection names one host instead of the database VIP',
    why: 'Through the VIP, HAProxy sends every client to the one Galera writer and switches to a backup when it fails. A connection to one node (or localhost) fails with that node, and connections to different nodes make several writers.',
  },
  on: {
    'oslo-conf'(ctx) {
      const t = ctx.topology;
      const conn = usesDatabase(ctx.view);
      if (!t || !conn || !t.vips.length) return;
      const h = urlHost(conn.value);
      if (!h || isVip(t, h.host)) return;
      const vip = t.vipOf('galera');
      const node = [...t.controllers, ...(t.hostsOf('galera') ?? [])].find((n) => sameHost(h.host, n));
      const what = /^(localhost|127\.|::1$)/.test(h.host) ? `the local host (${h.host})` : node ? `node ${describeHost(node)}` : h.host;
      // the edit touches the host only: the credentials around it are never copied into a fix
      const raw = ctx.text.slice(conn.valueSpan.start, conn.valueSpan.end);
      const at = raw.indexOf(h.host, raw.indexOf('://'));
      ctx.report({
        span: at >= 0 ? { start: conn.valueSpan.start + at, end: conn.valueSpan.start + at + h.host.length } : conn.valueSpan,
        message: `[${conn.section?.name}] ${conn.key} reaches the database at ${what}, not through the VIP${vip ? ` (${vip}, from ${t.source})` : ''}: it fails with that host, and other services may write to other nodes`,
        related: [
          ...(vip ? vipRelated(t, vip, `the database VIP in ${t.source}`) : []),
          ...(node ? hostsRelated(t, [node], () => `node ${node.name ?? node.address} in ${t.source}`) : []),
        ],
        fixes:
          vip && at >= 0
            ? [
                {
                  title: `Use the database VIP ${vip}`,
                  safe: true,
                  preferred: true,
                  edits: [{ start: conn.valueSpan.start + at, end: conn.valueSpan.start + at + h.host.length, newText: vip }],
                },
              ]
            : [],
      });
    },
  },
});
