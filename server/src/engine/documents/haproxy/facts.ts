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
}

export function proxyFacts(view: HaView): ProxyFacts[] {
  return view
    .proxies()
    .filter((s) => s.name && s.kind !== 'frontend')
    .map((s) => ({
      kind: s.kind,
      name: s.name!.text,
      span: s.header.span,
      servers: view
        .servers(s)
        .map((x) => `${x.host ?? ''}:${x.port ?? ''}`)
        .sort(),
    }));
}
