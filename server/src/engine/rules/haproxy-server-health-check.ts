import { defineRule } from './rule';
import { haTimeMs, hasArg } from '../documents/haproxy/view';

/** HAProxy's own defaults (inter 2s, fall 3) and the guide's checks: inter 2000 fall 5, a dead server out after 10 s. */
const DEFAULT = { inter: 2000, fall: 3 };
const GUIDE_MS = 2000 * 5;

export const rule = defineRule({
  meta: {
    id: 'haproxy-server-health-check',
    severity: 'error',
    fixable: true,
    tools: { 'haproxy -c': 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'haproxy',
    title: "A server without health checks (or with checks slower than the guide's)",
    why: 'Without `check`, HAProxy keeps sending requests to a server that is down: the balancer that should hide a failed controller sends a share of all traffic into it. The guide checks every server with `check inter 2000 rise 2 fall 5`, which takes a dead server out after 10 s; checks that take longer than that (inter × fall, with fastinter after the first failure) are noted.',
  },
  on: {
    haproxy(ctx) {
      const { view } = ctx;
      for (const s of view.proxies()) {
        // `default-server check` in the section or in defaults covers every server
        const inherited = [s, ...view.defaults()].some((x) =>
          view.statements(x, 'default-server').some((st) => st.args.some((a) => a.text === 'check')),
        );
        for (const srv of view.servers(s)) {
          if (!hasArg(srv, 'check') && !inherited) {
            ctx.report({
              span: srv.statement.span,
              message: `server ${srv.name} in ${s.kind} ${s.name?.text ?? ''} has no health check: HAProxy keeps sending traffic to it when it is down`,
              fixes: [
                {
                  title: 'Add check inter 2000 rise 2 fall 5',
                  safe: true,
                  preferred: true,
                  edits: [{ start: srv.statement.span.end, end: srv.statement.span.end, newText: ' check inter 2000 rise 2 fall 5' }],
                },
              ],
            });
            continue;
          }
          // how long a dead server keeps its share of traffic: the first failed check, then fall - 1 more at fastinter
          const num = (word: string) => {
            const a = view.setting(s, srv, word);
            return a ? (word === 'fall' ? Number(a.text) : haTimeMs(a.text)) : undefined;
          };
          const inter = num('inter') ?? DEFAULT.inter,
            fall = num('fall') ?? DEFAULT.fall,
            fast = num('fastinter') ?? inter;
          if (!Number.isFinite(inter) || !Number.isFinite(fall) || !Number.isFinite(fast)) continue;
          const outAfter = inter + fast * Math.max(0, fall - 1);
          if (outAfter > GUIDE_MS) {
            ctx.report({
              span: srv.statement.span,
              severity: 'info',
              message: `server ${srv.name} is taken out only ${outAfter / 1000} s after it dies (inter ${inter / 1000} s, fall ${fall}${fast !== inter ? `, fastinter ${fast / 1000} s` : ''}): the guide's checks (inter 2000 fall 5) take 10 s`,
            });
          }
        }
      }
    },
  },
});
