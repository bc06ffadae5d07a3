import { HaRule } from './rule';
import { indentOf } from './haproxy-http-api-httpchk';

const NEEDED = ['connect', 'client', 'server', 'check'];
const GUIDE: Record<string, string> = { connect: '10s', client: '1m', server: '1m', check: '10s' };

export const rule: HaRule = {
  meta: {
    id: 'haproxy-defaults-timeouts', severity: 'warning', fixable: true, guide: 'control-plane-stateless', topic: 'haproxy',
    title: 'defaults lacks timeout connect, client, server or check',
    why: 'Without timeouts HAProxy holds dead connections for ever and takes no decision on a server that stops answering. The guide\'s defaults: timeout connect 10s, client 1m, server 1m, check 10s.',
  },
  check(ctx) {
    const { view, text } = ctx;
    const defs = view.defaults();
    if (!view.proxies().length) return;
    if (!defs.length) {
      const first = view.file.sections[0];
      const at = first.kind === 'global' ? first.end : first.header.span.start;
      const block = `defaults\n${NEEDED.map((t) => `    timeout ${t} ${GUIDE[t]}`).join('\n')}\n`;
      ctx.report({
        span: first.header.keyword.span, message: 'there is no defaults section: no timeout connect, client, server or check applies to any proxy',
        fixes: [{ title: 'Add a defaults section with the guide\'s timeouts', safe: true, preferred: true, edits: [{ start: at, end: at, newText: first.kind === 'global' ? `\n\n${block}` : `${block}\n` }] }],
      });
      return;
    }
    const d = defs[defs.length - 1];
    const missing = NEEDED.filter((t) => !defs.some((x) => view.statements(x, `timeout ${t}`).length));
    if (!missing.length) return;
    const indent = indentOf(text, d);
    ctx.report({
      span: d.header.span,
      message: `defaults sets no timeout ${missing.join(', ')}: ${missing.includes('check') ? 'a server that stops answering is not detected in time; ' : ''}the guide uses ${missing.map((t) => `timeout ${t} ${GUIDE[t]}`).join(', ')}`,
      fixes: [{ title: `Add timeout ${missing.join(', ')}`, safe: true, preferred: true, edits: [{ start: d.end, end: d.end, newText: missing.map((t) => `\n${indent}timeout ${t} ${GUIDE[t]}`).join('') }] }],
    });
  },
};
