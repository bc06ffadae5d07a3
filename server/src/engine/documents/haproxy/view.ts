/** What the haproxy rules ask of a file: its proxies, their ports and servers, and what service a proxy fronts. */
import { SERVICES, ServiceInfo } from '../../knowledge/services';
import { Arg, HaFile, HaSection, hostPort, keywordOf, Statement } from './parse';

export interface Server {
  statement: Statement;
  name: string;
  host?: string;
  port?: number;
  options: Arg[];
}

const BY_PORT = new Map<number, ServiceInfo>();
for (const s of SERVICES) if (s.port !== undefined && !BY_PORT.has(s.port)) BY_PORT.set(s.port, s);
const byName = (name: string) => SERVICES.find((s) => s.name === name)!;
BY_PORT.set(35357, byName('keystone')); // the legacy admin port of the guide's example
BY_PORT.set(5671, byName('rabbitmq')); // AMQP over TLS
/** Proxy names that say what a proxy fronts when its ports do not. */
const BY_NAME: Record<string, RegExp> = { galera: /galera|mysql|mariadb/i, rabbitmq: /rabbit|amqp/i, memcached: /memcache/i };

export class HaView {
  // the file does not change under a view: what every rule asks of it is worked out once
  private readonly proxyList: HaSection[];
  private readonly defaultsList: HaSection[];
  private readonly backendsByName = new Map<string, HaSection>();
  private readonly services = new Map<HaSection, ServiceInfo | undefined>();
  private readonly byKeyword = new Map<HaSection, Map<string, Statement[]>>();

  constructor(readonly file: HaFile) {
    this.proxyList = file.sections.filter((s) => s.kind === 'listen' || s.kind === 'frontend' || s.kind === 'backend');
    this.defaultsList = file.sections.filter((s) => s.kind === 'defaults');
    for (const s of this.proxyList)
      if ((s.kind === 'backend' || s.kind === 'listen') && s.name && !this.backendsByName.has(s.name.text))
        this.backendsByName.set(s.name.text, s);
  }

  /** Listen, frontend and backend sections (a copy: callers may sort it). */
  proxies(): HaSection[] {
    return [...this.proxyList];
  }
  defaults(): readonly HaSection[] {
    return this.defaultsList;
  }

  statements(s: HaSection, kw: string): Statement[] {
    let byKeyword = this.byKeyword.get(s);
    if (!byKeyword) {
      // once per section: rules ask for a dozen keywords, and a filter per question was quadratic in a long section
      byKeyword = new Map();
      for (const st of s.statements)
        for (const k of new Set([keywordOf(st), st.keyword.text])) {
          const list = byKeyword.get(k);
          if (list) list.push(st);
          else byKeyword.set(k, [st]);
        }
      this.byKeyword.set(s, byKeyword);
    }
    return [...(byKeyword.get(kw) ?? [])];
  }

  binds(s: HaSection): { arg: Arg; host?: string; port?: number }[] {
    const out: { arg: Arg; host?: string; port?: number }[] = [];
    for (const st of this.statements(s, 'bind')) if (st.args[0]) out.push({ arg: st.args[0], ...hostPort(st.args[0].text) });
    // `listen name addr:port` (old syntax) binds too
    if (s.kind === 'listen' && s.header.args[1]) out.push({ arg: s.header.args[1], ...hostPort(s.header.args[1].text) });
    return out;
  }

  servers(s: HaSection): Server[] {
    return this.statements(s, 'server')
      .filter((st) => st.args.length >= 2)
      .map((st) => ({ statement: st, name: st.args[0].text, ...hostPort(st.args[1].text), options: st.args.slice(2) }));
  }

  /** The ports a proxy serves: its binds, else its servers'. */
  ports(s: HaSection): number[] {
    const p = this.binds(s)
      .map((b) => b.port)
      .filter((x): x is number => x !== undefined);
    return p.length
      ? p
      : this.servers(s)
          .map((x) => x.port)
          .filter((x): x is number => x !== undefined);
  }

  /**
   * The catalogue service a proxy fronts. Its servers' ports say it first (a VIP on a shifted port,
   * RabbitMQ on 5673 in front of brokers on 5672, is usual when HAProxy shares the controllers), then
   * its binds', then how its servers are checked (mysql-check, clustercheck's 9200), then its name;
   * a frontend fronts what the backends it routes to front.
   */
  service(s: HaSection, seen = new Set<HaSection>()): ServiceInfo | undefined {
    if (this.services.has(s)) return this.services.get(s);
    const svc = this.recognise(s, seen);
    this.services.set(s, svc);
    return svc;
  }

  private recognise(s: HaSection, seen: Set<HaSection>): ServiceInfo | undefined {
    seen.add(s);
    const servers = this.servers(s);
    for (const p of [...servers.map((x) => x.port), ...this.binds(s).map((b) => b.port)]) {
      const svc = p === undefined ? undefined : BY_PORT.get(p);
      if (svc) return svc;
    }
    if (this.statements(s, 'option mysql-check').length || servers.some((x) => this.checkPort(s, x)?.text === '9200'))
      return byName('galera');
    // by name only in TCP: an HTTP proxy named rabbitmq_management fronts the management UI, not the brokers
    const named = this.mode(s) !== 'http' ? Object.entries(BY_NAME).find(([, re]) => re.test(s.name?.text ?? '')) : undefined;
    if (named) return byName(named[0]);
    for (const b of this.routes(s)) {
      if (seen.has(b)) continue;
      const svc = this.service(b, seen);
      if (svc) return svc;
    }
    return undefined;
  }

  /** The defaults section a proxy inherits from: the one its `from` names, else the last one above it. */
  defaultsOf(s: HaSection): HaSection | undefined {
    const from = s.header.args.findIndex((a) => a.text === 'from');
    if (from >= 0) return this.defaults().find((d) => d.name?.text === s.header.args[from + 1]?.text);
    return this.defaults()
      .filter((d) => d.header.span.start < s.header.span.start)
      .pop();
  }

  /** The proxy's mode: its own, else its defaults', else HAProxy's default, tcp. */
  mode(s: HaSection): string {
    const d = this.defaultsOf(s);
    return this.statements(s, 'mode')[0]?.args[0]?.text ?? (d && this.statements(d, 'mode')[0]?.args[0]?.text) ?? 'tcp';
  }

  /** The backends a frontend or listen section sends traffic to (default_backend, use_backend). */
  routes(s: HaSection): HaSection[] {
    const names = [...this.statements(s, 'default_backend'), ...this.statements(s, 'use_backend')].map((st) => st.args[0]?.text);
    return [...new Set(names.map((n) => (n === undefined ? undefined : this.backendsByName.get(n))).filter((b): b is HaSection => !!b))];
  }

  /** The port a server is health-checked on when not its own: its `port N`, else the last `default-server ... port N` of its proxy, else of the defaults. */
  checkPort(s: HaSection, srv: Server): Arg | undefined {
    return this.setting(s, srv, 'port');
  }

  /** A server option's value: the server's own, else the last `default-server` of its proxy that sets it, else of the defaults. */
  setting(s: HaSection, srv: Server, word: string): Arg | undefined {
    const own = argValue(srv, word);
    if (own) return own;
    for (const sec of [s, ...this.defaults()]) {
      for (const d of this.statements(sec, 'default-server').reverse()) {
        const i = d.args.findIndex((a) => a.text === word);
        if (i >= 0 && d.args[i + 1]) return d.args[i + 1];
      }
    }
    return undefined;
  }

  has(s: HaSection, kw: string): boolean {
    return this.statements(s, kw).length > 0 || this.defaults().some((d) => this.statements(d, kw).length > 0);
  }
}

export const hasArg = (srv: Server, word: string) => srv.options.some((a) => a.text === word);
export function argValue(srv: Server, word: string): Arg | undefined {
  const i = srv.options.findIndex((a) => a.text === word);
  return i >= 0 ? srv.options[i + 1] : undefined;
}

const TIME_UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };
/** An HAProxy time (`2000`, `2s`, `500ms`, `1m`; milliseconds when no unit) in milliseconds, or undefined. */
export function haTimeMs(text: string): number | undefined {
  const m = /^(\d+)(us|ms|s|m|h|d)?$/.exec(text.trim());
  return m ? Number(m[1]) * TIME_UNIT_MS[m[2] ?? 'ms'] : undefined;
}
