import { defineRule } from './rule';
import { argValue } from '../documents/haproxy/view';

export const rule = defineRule({
  meta: {
    id: 'haproxy-cookie-duplicate',
    severity: 'warning',
    fixable: false,
    tools: { 'haproxy -c': 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'haproxy',
    title: 'Two servers of an HTTP proxy with the same cookie value',
    why: 'With cookie persistence (`cookie SERVERID insert`), HAProxy sends a client back to the server whose `cookie` value its cookie holds. When several servers share one value, every returning client goes to the first of them: the others lose their sessions (Horizon logins, console connections) and take no sticky traffic, and when that first server fails all of its sessions move at once. haproxy -c accepts it. Give every server its own value.',
  },
  on: {
    haproxy(ctx) {
      const { view } = ctx;
      for (const s of view.proxies()) {
        // cookies mean something only in an HTTP proxy that sets cookie persistence
        if (view.mode(s) !== 'http' || !view.statements(s, 'cookie').length) continue;
        const byValue = new Map<string, string[]>();
        for (const srv of view.servers(s)) {
          const c = argValue(srv, 'cookie');
          if (c) byValue.set(c.text, [...(byValue.get(c.text) ?? []), srv.name]);
        }
        for (const [value, names] of byValue) {
          if (names.length < 2) continue;
          const first = view.servers(s).find((x) => x.name === names[1])!;
          ctx.report({
            span: argValue(first, 'cookie')!.span,
            message: `servers ${names.join(', ')} of ${s.kind} ${s.name?.text ?? ''} share the cookie value ${value}: every returning client goes to ${names[0]}, and the others keep no session`,
          });
        }
      }
    },
  },
});
