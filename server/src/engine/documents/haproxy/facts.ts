/**
 * The proxies of a haproxy.cfg and the servers behind each (host:port, sorted), as load balancers
 * compare them: the file being checked and the other nodes' files are read by this one function.
 */
import { Span } from '../../types';
import { HaView } from './view';

export interface ProxyFacts {
  /** listen or backend */
  kind: string;
  name: string;
  span: Span;
  servers: string[];
  /** Where clients reach it: its binds' hosts, or those of the frontends that send to it (default_backend, use_backend). */
  binds?: string[];
  /** Its servers by name with their hosts, in the file's order. */
  members?: { name: string; host?: string }[];
}

export function proxyFacts(view: HaView): ProxyFacts[] {
  // the frontends' binds, by the backends they send to
  const sentTo = new Map<string, string[]>();
  for (const f of view.proxies())
    if (f.kind === 'frontend') {
      const hosts = view.binds(f).flatMap((b) => (b.host ? [b.host] : []));
      const targets = [...view.statements(f, 'default_backend'), ...view.statements(f, 'use_backend')].flatMap((st) =>
        st.args[0] ? [st.args[0].text] : [],
      );
      for (const t of targets) sentTo.set(t, [...(sentTo.get(t) ?? []), ...hosts]);
    }
  return view
    .proxies()
    .filter((s) => s.name && s.kind !== 'frontend')
    .map((s) => {
      const own = view.binds(s).flatMap((b) => (b.host ? [b.host] : []));
      const binds = [...new Set([...own, ...(sentTo.get(s.name!.text) ?? [])])];
      const servers = view.servers(s);
      return {
        kind: s.kind,
        name: s.name!.text,
        span: s.header.span,
        servers: servers.map((x) => `${x.host ?? ''}:${x.port ?? ''}`).sort(),
        ...(binds.length ? { binds } : {}),
        ...(servers.length ? { members: servers.map((x) => ({ name: x.name, ...(x.host ? { host: x.host } : {}) })) } : {}),
      };
    });
}
