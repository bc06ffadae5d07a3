import { HaRule } from './rule';
import { argValue, hasArg } from '../../documents/haproxy/view';

export const rule: HaRule = {
  meta: {
    id: 'haproxy-server-health-check', severity: 'error', fixable: true, guide: 'control-plane-stateless', topic: 'haproxy',
    title: 'A server without health checks (or with timings other than the guide\'s)',
    why: 'Without `check`, HAProxy keeps sending requests to a server that is down: the balancer that should hide a failed controller sends a share of all traffic into it. The guide checks every server with `check inter 2000 rise 2 fall 5`.',
  },
  check(ctx) {
    const { view } = ctx;
    for (const s of view.proxies()) {
      // `default-server check` in the section or in defaults covers every server
      const inherited = [s, ...view.defaults()].some((x) => view.statements(x, 'default-server').some((st) => st.args.some((a) => a.text === 'check')));
      for (const srv of view.servers(s)) {
        if (!hasArg(srv, 'check') && !inherited) {
          ctx.report({
            span: srv.statement.span,
            message: `server ${srv.name} in ${s.kind} ${s.name?.text ?? ''} has no health check: HAProxy keeps sending traffic to it when it is down`,
            fixes: [{ title: 'Add check inter 2000 rise 2 fall 5', safe: true, preferred: true, edits: [{ start: srv.statement.span.end, end: srv.statement.span.end, newText: ' check inter 2000 rise 2 fall 5' }] }],
          });
          continue;
        }
        const differ = (['inter', 'rise', 'fall'] as const).map((w) => [w, argValue(srv, w)?.text] as const).filter(([w, v]) => v !== undefined && v !== { inter: '2000', rise: '2', fall: '5' }[w]);
        if (differ.length) {
          ctx.report({ span: srv.statement.span, severity: 'info', message: `server ${srv.name} checks with ${differ.map(([w, v]) => `${w} ${v}`).join(', ')}; the guide uses inter 2000 rise 2 fall 5` });
        }
      }
    }
  },
};
