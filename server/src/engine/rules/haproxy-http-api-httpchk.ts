import { defineRule } from './rule';
import { indentOf } from './haproxy/support';

export const rule = defineRule({
  meta: {
    id: 'haproxy-http-api-httpchk',
    severity: 'warning',
    fixable: true,
    tools: { 'haproxy -c': 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'haproxy',
    title: 'An HTTP API is checked without option httpchk',
    why: 'A TCP check only proves the port is open; an API process can accept connections and still answer every request with an error. `option httpchk` checks that it answers HTTP. (The guide leaves it out for the Telemetry API, which cannot handle the check, and for TCP services.)',
  },
  on: {
    haproxy(ctx) {
      const { view } = ctx;
      for (const s of view.proxies()) {
        if (s.kind === 'frontend' || !view.servers(s).length) continue;
        const svc = view.service(s);
        if (!svc?.api || ['nova-metadata-api', 'nova-novncproxy', 'swift-proxy'].includes(svc.name)) continue;
        if (view.has(s, 'option httpchk') || view.statements(s, 'http-check').length) continue;
        ctx.report({
          span: s.header.span,
          message: `${s.kind} ${s.name?.text ?? ''} balances ${svc.name} (an HTTP API) without option httpchk: a server whose API answers errors still counts as up`,
          fixes: [
            {
              title: 'Add option httpchk',
              safe: true,
              preferred: true,
              edits: [{ start: s.header.span.end, end: s.header.span.end, newText: `\n${indentOf(ctx.text, s)}option httpchk` }],
            },
          ],
        });
      }
    },
  },
});
