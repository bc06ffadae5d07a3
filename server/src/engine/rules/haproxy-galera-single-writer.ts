import { defineRule } from './rule';
import { galeraProxies, stickOnDst } from './haproxy/support';
import { hasArg } from '../documents/haproxy/view';

export const rule = defineRule({
  meta: {
    id: 'haproxy-galera-single-writer',
    severity: 'error',
    fixable: true,
    tools: { 'haproxy -c': 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'galera-single-writer',
    title: 'More than one Galera server takes writes (no `backup`)',
    why: "OpenStack's SELECT ... FOR UPDATE deadlocks when several Galera nodes take writes. The guide sends everything to one server and marks the others `backup`, so HAProxy uses them only when the first is down; a stick table on the destination (`stick-table type ip size 1` with `stick on dst`) pins all connections to one server as well.",
  },
  on: {
    haproxy(ctx) {
      for (const s of galeraProxies(ctx.view)) {
        const servers = ctx.view.servers(s);
        const active = servers.filter((x) => !hasArg(x, 'backup'));
        if (active.length < 2 || stickOnDst(ctx.view, s)) continue;
        const fix = active.slice(1).map((x) => ({ start: x.statement.span.end, end: x.statement.span.end, newText: ' backup' }));
        ctx.report({
          span: s.header.span,
          message: `${s.kind} ${s.name?.text ?? ''} sends Galera traffic to ${active.length} servers (${active.map((x) => x.name).join(', ')}): several writers deadlock; keep one and mark the others backup`,
          fixes: [
            {
              title: `Mark ${active
                .slice(1)
                .map((x) => x.name)
                .join(', ')} backup`,
              safe: true,
              preferred: true,
              edits: fix,
            },
          ],
        });
      }
    },
  },
});
