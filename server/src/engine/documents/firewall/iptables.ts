/**
 * iptables rules: `iptables-save` files (/etc/iptables/rules.v4, /etc/sysconfig/iptables) and
 * `iptables ...` command lines of scripts share one reader of the option words.
 */
import { Span } from '../../types';
import { Command, expandVariable, Word } from '../../text/shell';
import { Family, FwModel, FwOpening, portList, Proto } from './model';
import { editDistance } from '../../text/suggest';

interface IptRule {
  action: 'append' | 'insert' | 'policy' | 'other';
  chain?: string;
  policy?: Word;
  proto?: Word;
  protoNegated: boolean;
  dports?: Word;
  sources: string[];
  target?: string;
  states?: string[];
  table?: string;
  /** `-i lo`: the loopback interface, which no other node reaches. */
  loopback?: boolean;
  /** Word spans of the -m tcp/udp value, to keep it in step with -p in a copy. */
  matchProto?: Word;
}

/** Long options of iptables and its common matches and targets, to tell a misspelt one (did you mean). */
const KNOWN_OPTIONS = [
  '--dport',
  '--sport',
  '--dports',
  '--sports',
  '--source',
  '--destination',
  '--protocol',
  '--jump',
  '--goto',
  '--match',
  '--state',
  '--ctstate',
  '--in-interface',
  '--out-interface',
  '--append',
  '--insert',
  '--delete',
  '--policy',
  '--table',
  '--new-chain',
  '--flush',
  '--reject-with',
  '--comment',
  '--tcp-flags',
  '--icmp-type',
  '--limit',
  '--limit-burst',
  '--log-prefix',
  '--log-level',
  '--to-ports',
  '--to-destination',
  '--to-source',
  '--set-mark',
  '--set-xmark',
  '--syn',
  '--src-range',
  '--dst-range',
  '--uid-owner',
  '--gid-owner',
  '--mac-source',
  '--name',
  '--seconds',
  '--hitcount',
  '--rcheck',
  '--update',
  '--set',
  '--remove',
  '--ctdir',
  '--ctproto',
  '--connlimit-above',
  '--src-type',
  '--dst-type',
  '--fragment',
  '--wait',
  '--numeric',
  '--verbose',
  '--line-numbers',
  '--exact',
  '--list',
  '--zero',
];
/** Protocols whose implicit match gives --dport and --sport. */
const PORT_PROTOCOLS = new Set(['tcp', 'udp', 'sctp', 'dccp', 'udplite', '6', '17']);

/** Options that take no value; every other option takes the next word. */
const FLAGS = new Set([
  '--syn',
  '-f',
  '--fragment',
  '--log-uid',
  '--log-tcp-sequence',
  '--log-tcp-options',
  '--log-ip-options',
  '--rcheck',
  '--update',
  '--set',
  '--remove',
  '-v',
  '--verbose',
  '-n',
  '--numeric',
  '-w',
  '--wait',
]);
const OUT_CHAINS = new Set(['OUTPUT', 'FORWARD', 'POSTROUTING', 'PREROUTING']);

function readRule(words: Word[], problems: FwModel['problems']): IptRule {
  const r: IptRule = { action: 'other', protoNegated: false, sources: [] };
  let negate = false;
  // what iptables has loaded so far: a protocol's implicit match (-p tcp) or a module (-m multiport)
  const loaded = new Set<string>();
  const problem = (from: Word, to: Word, message: string) => problems.push({ message, span: { start: from.start, end: to.end } });
  const ports = (opt: Word, v: Word | undefined) => {
    if (!v) return;
    for (const p of v.text.split(/[,:]/))
      if (/^\d+$/.test(p) && Number(p) > 65535)
        problem(opt, v, `${p} is not a port (0-65535): iptables rejects the rule (invalid port/service)`);
  };
  const mask = (opt: Word, v: Word | undefined) => {
    for (const a of v?.text.split(',') ?? []) {
      const m = /^([^/]+)\/(\d+)$/.exec(a);
      if (m && Number(m[2]) > (m[1].includes(':') ? 128 : 32))
        problem(opt, v!, `/${m[2]} is not a prefix length for ${m[1]}: iptables rejects the rule (invalid mask)`);
    }
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i].text;
    const next = words[i + 1];
    const value = () => {
      i++;
      return next;
    };
    if (w === '!') {
      negate = true;
      continue;
    }
    const neg = negate;
    negate = false;
    switch (w) {
      case '-t':
      case '--table':
        r.table = value()?.text;
        break;
      case '-A':
      case '--append':
        r.action = 'append';
        r.chain = value()?.text;
        break;
      case '-I':
      case '--insert':
        r.action = 'insert';
        r.chain = value()?.text;
        if (words[i + 1] && /^\d+$/.test(words[i + 1].text)) i++;
        break;
      case '-P':
      case '--policy':
        r.action = 'policy';
        r.chain = value()?.text;
        r.policy = words[++i];
        break;
      case '-p':
      case '--protocol':
        if (!next || next.text.startsWith('-')) {
          problems.push({
            message: `${w} needs a protocol name${next ? `, but '${next.text}' follows it: iptables takes that as the protocol and rejects the rule (unknown protocol)` : ''}`,
            span: { start: words[i].start, end: (next ?? words[i]).end },
          });
          break;
        }
        r.proto = value();
        r.protoNegated = neg;
        loaded.add(r.proto!.text.toLowerCase());
        break;
      case '--dport':
      case '--destination-port':
      case '--sport':
      case '--source-port': {
        const opt = words[i];
        if (![...loaded].some((x) => PORT_PROTOCOLS.has(x)))
          problem(opt, opt, `${w} needs -p tcp or -p udp (or -m tcp) before it: iptables rejects the rule (unknown option "${w}")`);
        const v = value();
        ports(opt, v);
        if (w === '--dport' || w === '--destination-port') r.dports = v;
        break;
      }
      case '--dports':
      case '--destination-ports':
      case '--sports':
      case '--source-ports': {
        const opt = words[i];
        if (!loaded.has('multiport'))
          problem(opt, opt, `${w} needs -m multiport before it: iptables rejects the rule (unknown option "${w}")`);
        const v = value();
        ports(opt, v);
        if (w.startsWith('--d')) r.dports = v;
        break;
      }
      case '-s':
      case '--source':
      case '--src': {
        const opt = words[i];
        const v = value();
        mask(opt, v);
        if (v && !neg) r.sources.push(...v.text.split(','));
        if (neg) r.sources.push('!');
        break;
      }
      case '-d':
      case '--destination':
      case '--dst': {
        const opt = words[i];
        mask(opt, value());
        break;
      }
      case '-j':
      case '--jump':
      case '-g':
      case '--goto':
        r.target = value()?.text;
        break;
      case '-m':
      case '--match': {
        const v = value();
        if (v) loaded.add(v.text.toLowerCase());
        if (v && /^(tcp|udp)$/.test(v.text)) r.matchProto = v;
        break;
      }
      case '-i':
      case '--in-interface':
        r.loopback = !neg && value()?.text === 'lo';
        break;
      case '--state':
      case '--ctstate':
        r.states = value()?.text.toUpperCase().split(',');
        break;
      default: {
        if (w.startsWith('--') && !KNOWN_OPTIONS.includes(w)) {
          const near = KNOWN_OPTIONS.find((k) => w.length >= 6 && editDistance(w, k, 1) === 1);
          if (near) problem(words[i], words[i], `iptables has no option ${w} (did you mean ${near}?): it rejects the rule`);
        }
        if (w.startsWith('-') && !FLAGS.has(w) && next && !next.text.startsWith('-') && next.text !== '!') i++;
      }
    }
  }
  return r;
}

const PROTO: Record<string, Proto> = { tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp' };

/**
 * Adds one rule to the model, in file order per chain: an ACCEPT after a catch-all DROP/REJECT of
 * the same chain is never reached.
 */
class Chains {
  private catchAll = new Map<string, Span>();
  constructor(
    private model: FwModel,
    private text: string,
  ) {}

  add(r: IptRule, span: Span, cmd?: Command, family?: Family): void {
    if (r.table && r.table !== 'filter') return;
    const chain = r.chain ?? '';
    if (r.action === 'policy') {
      if (chain === 'INPUT' && r.policy && /^(DROP|REJECT)$/i.test(r.policy.text)) {
        this.model.closed = true;
        this.model.closedBy ??= { span, what: `the INPUT policy ${r.policy.text}` };
      }
      return;
    }
    if (r.action === 'other' || !r.chain || OUT_CHAINS.has(chain)) return;
    const target = r.target?.toUpperCase();
    const plain = !r.proto && !r.dports && !r.sources.length && !r.states;
    if ((target === 'DROP' || target === 'REJECT') && plain && (chain === 'INPUT' || /input/i.test(chain))) {
      if (r.action === 'append' && !this.catchAll.has(chain)) this.catchAll.set(chain, span);
      this.model.closed = true;
      this.model.closedBy ??= { span, what: `the catch-all ${target} rule of ${chain}` };
      return;
    }
    if (target !== 'ACCEPT' || r.protoNegated || r.loopback) return;
    if (r.states && !r.states.includes('NEW')) return; // replies only: opens nothing
    if (cmd && !this.model.closedBy) this.model.closed = true; // a script that opens ports implies a closed firewall
    const p = r.proto?.text.toLowerCase();
    const proto = !p || p === 'all' || p === '0' ? 'any' : PROTO[p];
    if (!proto) return; // icmp, esp, ...: no port of ours
    let ports: [number, number][] | undefined = [];
    let fromLoop: Span | undefined;
    if (r.dports) {
      const v = cmd ? expandVariable(r.dports.text, cmd) : undefined;
      if (v) {
        ports = v.values.length ? portList(v.values.join(',')) : undefined;
        fromLoop = v.loop;
      } else ports = portList(r.dports.text);
    }
    const sources = r.sources.includes('!') ? [] : r.sources.map((s) => (cmd ? (expandVariable(s, cmd)?.values ?? [s]) : [s])).flat();
    const opening: FwOpening = {
      proto,
      ports,
      sources,
      span,
      shadowedBy: r.action === 'append' ? this.catchAll.get(chain) : undefined,
      family: family ?? this.model.family,
    };
    if (r.dports && !fromLoop) opening.clone = (port, p) => this.copy(span, r, port, p);
    this.model.opens.push(opening);
  }

  /** The rule's text with its port (and protocol) replaced, continuation lines and all. */
  private copy(span: Span, r: IptRule, port: number, proto: Proto): string {
    const edits: { start: number; end: number; text: string }[] = [{ start: r.dports!.start, end: r.dports!.end, text: String(port) }];
    if (r.proto && PROTO[r.proto.text.toLowerCase()] !== proto) edits.push({ start: r.proto.start, end: r.proto.end, text: proto });
    if (r.matchProto && r.matchProto.text !== proto) edits.push({ start: r.matchProto.start, end: r.matchProto.end, text: proto });
    let out = this.text.slice(span.start, span.end);
    for (const e of edits.sort((a, b) => b.start - a.start))
      out = out.slice(0, e.start - span.start) + e.text + out.slice(e.end - span.start);
    return out;
  }
}

/** iptables-save / iptables-restore input: `*filter`, `:INPUT DROP [0:0]`, `-A INPUT ...`, `COMMIT`. */
export function readIptablesSave(text: string, commands: Command[], model: FwModel): void {
  const chains = new Chains(model, text);
  let table = 'filter';
  let open: Command | undefined; // the *table line whose COMMIT is still to come
  const uncommitted = () => {
    if (open)
      model.problems.push({
        message: `*${open.words[0].text.slice(1)} has no COMMIT: iptables-restore applies nothing of it (COMMIT expected)`,
        span: open.span,
      });
  };
  for (const c of commands) {
    const first = c.words[0].text;
    if (first.startsWith('*')) {
      uncommitted();
      open = c;
      table = first.slice(1);
      continue;
    }
    if (first === 'COMMIT') {
      open = undefined;
      continue;
    }
    if (first.startsWith(':')) {
      if (table === 'filter' && first === ':INPUT' && c.words[1] && /^(DROP|REJECT)$/.test(c.words[1].text)) {
        model.closed = true;
        model.closedBy ??= { span: c.span, what: `the INPUT policy ${c.words[1].text}` };
      }
      continue;
    }
    const r = readRule(c.words, model.problems);
    r.table ??= table;
    chains.add(r, c.span);
  }
  uncommitted();
}

/** The `iptables ...` commands of a script (sudo and paths allowed). */
export function iptablesCommands(text: string, commands: Command[], model: FwModel): void {
  const chains = new Chains(model, text);
  for (const c of commands) {
    const i = commandIndex(c, /^(ip6?tables)(-legacy|-nft)?$/);
    if (i < 0) continue;
    chains.add(readRule(c.words.slice(i + 1), model.problems), c.span, c, /^ip6/.test(c.words[i].text.split('/').pop()!) ? 'ipv6' : 'ipv4');
  }
}

/** Where the named program is the command (after `sudo`, `/sbin/`); -1 when it is not. */
export function commandIndex(c: Command, name: RegExp): number {
  let i = 0;
  if (c.words[0]?.text === 'sudo') i++;
  const w = c.words[i]?.text.split('/').pop() ?? '';
  return name.test(w) ? i : -1;
}
