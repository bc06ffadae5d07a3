import { defineRule } from './rule';
import { indentOf } from './haproxy/support';
import { HaSection } from '../documents/haproxy/parse';

/**
 * The timeouts HAProxy warns about when a proxy has none (`haproxy -c`: "missing timeouts for
 * proxy"): client for what accepts connections, connect and server for what makes them. `timeout
 * check` is not one of them: without it a check is bounded by its `inter`, which detects a dead
 * server sooner than the guide's 10 s.
 */
const NEEDED = ['connect', 'client', 'server'] as const;
const GUIDE: Record<string, string> = { connect: '10s', client: '1m', server: '1m' };
const needs = (s: HaSection, t: string) => (t === 'client' ? s.kind !== 'backend' : s.kind !== 'frontend');

export const rule = defineRule({
  meta: {
    id: 'haproxy-defaults-timeouts',
    severity: 'warning',
    fixable: true,
    tools: { 'haproxy -c': 'warns' },
    guide: 'control-plane-stateless',
    topic: 'haproxy',
    title: 'Proxies without timeout connect, client or server',
    why: 'Without timeouts HAProxy holds dead connections for ever and a client or server that stops answering ties up a connection slot until HAProxy restarts; `haproxy -c` warns about it. The guide sets them in defaults: timeout connect 10s, client 1m, server 1m. timeout check is not asked for: without it each check is bounded by its inter (2 s in the guide), which detects a dead server sooner than a 10 s check timeout would.',
  },
  on: {
    haproxy(ctx) {
      const { view, text } = ctx;
      const has = (s: HaSection, t: string) =>
        view.statements(s, `timeout ${t}`).length > 0 ||
        (t === 'server' && view.statements(s, 'srvtimeout').length > 0) ||
        (t === 'client' && view.statements(s, 'clitimeout').length > 0) ||
        (t === 'connect' && view.statements(s, 'contimeout').length > 0);
      // each proxy inherits from the last defaults section above it; a timeout is missing when neither sets it
      const missingBy = new Map<HaSection | undefined, Set<string>>();
      for (const s of view.proxies()) {
        const base = view.defaultsOf(s);
        for (const t of NEEDED)
          if (needs(s, t) && !has(s, t) && !(base && has(base, t))) missingBy.set(base, (missingBy.get(base) ?? new Set()).add(t));
      }
      const block = (ts: readonly string[]) => ts.map((t) => `timeout ${t} ${GUIDE[t]}`);
      for (const [d, set] of missingBy) {
        const missing = NEEDED.filter((t) => set.has(t));
        if (!d) {
          const first = view.file.sections[0];
          const at = first.kind === 'global' ? first.end : first.header.span.start;
          const body = `defaults\n${block(missing)
            .map((l) => `    ${l}`)
            .join('\n')}\n`;
          ctx.report({
            span: first.header.keyword.span,
            message: `no defaults section comes before some proxies, and they set no timeout ${missing.join(', ')}: their connections are never timed out (the guide uses ${block(missing).join(', ')})`,
            fixes: [
              {
                title: "Add a defaults section with the guide's timeouts",
                safe: true,
                preferred: true,
                edits: [{ start: at, end: at, newText: first.kind === 'global' ? `\n\n${body}` : `${body}\n` }],
              },
            ],
          });
          continue;
        }
        const indent = indentOf(text, d);
        ctx.report({
          span: d.header.span,
          message: `defaults sets no timeout ${missing.join(', ')}, and some proxies after it set none of their own: their connections are never timed out (the guide uses ${block(missing).join(', ')})`,
          fixes: [
            {
              title: `Add timeout ${missing.join(', ')}`,
              safe: true,
              preferred: true,
              edits: [{ start: d.end, end: d.end, newText: missing.map((t) => `\n${indent}timeout ${t} ${GUIDE[t]}`).join('') }],
            },
          ],
        });
      }
    },
  },
});
