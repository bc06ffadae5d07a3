/** What the haproxy rules ask of a file: its proxies, their ports and servers, and what service a proxy fronts. */
import { SERVICES, ServiceInfo } from '../../knowledge/services';
import { Arg, HaFile, HaSection, hostPort, keywordOf, Statement } from './parse';

export interface Server { statement: Statement; name: string; host?: string; port?: number; options: Arg[] }

const BY_PORT = new Map<number, ServiceInfo>();
for (const s of SERVICES) if (s.port !== undefined && !BY_PORT.has(s.port)) BY_PORT.set(s.port, s);
BY_PORT.set(35357, SERVICES.find((s) => s.name === 'keystone')!); // the legacy admin port of the guide's example

export class HaView {
  constructor(readonly file: HaFile) {}

  proxies(): HaSection[] { return this.file.sections.filter((s) => s.kind === 'listen' || s.kind === 'frontend' || s.kind === 'backend'); }
  defaults(): HaSection[] { return this.file.sections.filter((s) => s.kind === 'defaults'); }

  statements(s: HaSection, kw: string): Statement[] { return s.statements.filter((st) => keywordOf(st) === kw || st.keyword.text === kw); }

  binds(s: HaSection): { arg: Arg; host?: string; port?: number }[] {
    const out: { arg: Arg; host?: string; port?: number }[] = [];
    for (const st of this.statements(s, 'bind')) if (st.args[0]) out.push({ arg: st.args[0], ...hostPort(st.args[0].text) });
    // `listen name addr:port` (old syntax) binds too
    if (s.kind === 'listen' && s.header.args[1]) out.push({ arg: s.header.args[1], ...hostPort(s.header.args[1].text) });
    return out;
  }

  servers(s: HaSection): Server[] {
    return this.statements(s, 'server').filter((st) => st.args.length >= 2).map((st) => ({ statement: st, name: st.args[0].text, ...hostPort(st.args[1].text), options: st.args.slice(2) }));
  }

  /** The ports a proxy serves: its binds, else its servers'. */
  ports(s: HaSection): number[] {
    const p = this.binds(s).map((b) => b.port).filter((x): x is number => x !== undefined);
    return p.length ? p : this.servers(s).map((x) => x.port).filter((x): x is number => x !== undefined);
  }

  /** The catalogue service a proxy fronts, from its ports (or its name for Galera). */
  service(s: HaSection): ServiceInfo | undefined {
    for (const p of this.ports(s)) { const svc = BY_PORT.get(p); if (svc) return svc; }
    if (/galera|mysql|mariadb/i.test(s.name?.text ?? '')) return SERVICES.find((x) => x.name === 'galera');
    return undefined;
  }

  /** The port a server is health-checked on when not its own: its `port N`, else the last `default-server ... port N` of its proxy, else of the defaults. */
  checkPort(s: HaSection, srv: Server): Arg | undefined {
    const own = argValue(srv, 'port');
    if (own) return own;
    for (const sec of [s, ...this.defaults()]) {
      for (const d of this.statements(sec, 'default-server').reverse()) {
        const i = d.args.findIndex((a) => a.text === 'port');
        if (i >= 0 && d.args[i + 1]) return d.args[i + 1];
      }
    }
    return undefined;
  }

  has(s: HaSection, kw: string): boolean { return this.statements(s, kw).length > 0 || this.defaults().some((d) => this.statements(d, kw).length > 0); }
}

export const hasArg = (srv: Server, word: string) => srv.options.some((a) => a.text === word);
export function argValue(srv: Server, word: string): Arg | undefined { const i = srv.options.findIndex((a) => a.text === word); return i >= 0 ? srv.options[i + 1] : undefined; }
