import { defineRule } from './rule';
import { galeraProxies, stickOnDst } from './haproxy/support';
import { hasArg } from '../documents/haproxy/view';

export const rule = defineRule({
  meta: {
    id: 'haproxy-galera-no-roundrobin',
    severity: 'error',
    fixable: true,
    tools: { 'haproxy -c': 'accepts' },
    guide: '2016:intro-ha-arch-pacemaker',
    topic: 'galera-single-writer',
    title: 'Galera balanced round-robin with no backup servers and no stick table',
    why: 'Round-robin (or leastconn) spreads connections over every Galera node, which is what makes several writers. Pin them to one node: backup servers, or `stick-table type ip size 1` with `stick on dst` (a stick table keyed on the client, `stick on src`, still spreads clients over every node).',
  },
  on: {
    haproxy(ctx) {
      const { view } = ctx;
      for (const s of galeraProxies(view)) {
        const balance = view.statements(s, 'balance')[0] ?? view.defaults().flatMap((d) => view.statements(d, 'balance'))[0];
        const algo = balance?.args[0]?.text ?? 'roundrobin';
        if (algo !== 'roundrobin' && algo !== 'leastconn' && algo !== 'static-rr') continue;
        // one active server is one writer, however it is balanced (an all-in-one node's single server)
        if (view.servers(s).some((x) => hasArg(x, 'backup')) || view.servers(s).length < 2 || stickOnDst(view, s)) continue;
        const own = view.statements(s, 'balance')[0];
        ctx.report({
          span: own ? own.span : s.header.span,
          message: `${s.kind} ${s.name?.text ?? ''} balances Galera with ${algo}${balance ? '' : ' (the default)'} and no backup servers or stick table: every node takes writes`,
          fixes: own
            ? [
                {
                  title: 'Use balance source',
                  safe: false,
                  preferred: true,
                  edits: [{ start: own.args[0].span.start, end: own.args[0].span.end, newText: 'source' }],
                },
              ]
            : [],
        });
      }
    },
  },
});
