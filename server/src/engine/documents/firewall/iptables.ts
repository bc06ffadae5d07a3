/**
 * iptables rules: `iptables-save` files (/etc/iptables/rules.v4, /etc/sysconfig/iptables) and
 * `iptables ...` command lines of scripts share one reader of the option words.
 */
import { Span } from '../../types';
import { Command, expandVariable, Word } from '../../text/shell';
import { FwModel, FwOpening, portList, Proto } from './model';

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

/** Options that take no value; every other option takes the next word. */
const FLAGS = new Set(['--syn', '-f', '--fragment', '--log-uid', '--log-tcp-sequence', '--log-tcp-options', '--log-ip-options', '--rcheck', '--update', '--set', '--remove', '-v', '--verbose', '-n', '--numeric', '-w', '--wait']);
const OUT_CHAINS = new Set(['OUTPUT', 'FORWARD', 'POSTROUTING', 'PREROUTING']);

function readRule(words: Word[], problems: FwModel['problems']): IptRule {
  const r: IptRule = { action: 'other', protoNegated: false, sources: [] };
  let negate = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i].text;
    const next = words[i + 1];
    const value = () => { i++; return next; };
    if (w === '!') { negate = true; continue; }
    const neg = negate;
    negate = false;
    switch (w) {
      case '-t': case '--table': r.table = value()?.text; break;
      case '-A': case '--append': r.action = 'append'; r.chain = value()?.text; break;
      case '-I': case '--insert': r.action = 'insert'; r.chain = value()?.text; if (words[i + 1] && /^\d+$/.test(words[i + 1].text)) i++; break;
      case '-P': case '--policy': r.action = 'policy'; r.chain = value()?.text; r.policy = words[++i]; break;
      case '-p': case '--protocol':
        if (!next || next.text.startsWith('-')) {
          problems.push({ message: `${w} needs a protocol name${next ? `, but '${next.text}' follows it: iptables takes that as the protocol and rejects the rule (unknown protocol)` : ''}`, span: { start: words[i].start, end: (next ?? words[i]).end } });
          break;
        }
        r.proto = value(); r.protoNegated = neg; break;
      case '--dport': case '--destination-port': case '--dports': case '--destination-ports': r.dports = value(); break;
      case '-s': case '--source': case '--src': { const v = value(); if (v && !neg) r.sources.push(...v.text.split(',')); if (neg) r.sources.push('!'); break; }
      case '-j': case '--jump': case '-g': case '--goto': r.target = value()?.text; break;
      case '-m': case '--match': { const v = value(); if (v && /^(tcp|udp)$/.test(v.text)) r.matchProto = v; break; }
      case '-i': case '--in-interface': r.loopback = !neg && value()?.text === 'lo'; break;
      case '--state': case '--ctstate': r.states = value()?.text.toUpperCase().split(','); break;
      default:
        if (w.startsWith('-') && !FLAGS.has(w) && next && !next.text.startsWith('-') && next.text !== '!') i++;
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
  constructor(private model: FwModel, private text: string) {}

  add(r: IptRule, span: Span, cmd?: Command): void {
    if (r.table && r.table !== 'filter') return;
    const chain = r.chain ?? '';
    if (r.action === 'policy') {
      if (chain === 'INPUT' && r.policy && /^(DROP|REJECT)$/i.test(r.policy.text)) { this.model.closed = true; this.model.closedBy ??= { span, what: `the INPUT policy ${r.policy.text}` }; }
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
      if (v) { ports = v.values.length ? portList(v.values.join(',')) : undefined; fromLoop = v.loop; }
      else ports = portList(r.dports.text);
    }
    const sources = r.sources.includes('!') ? [] : r.sources.map((s) => (cmd ? expandVariable(s, cmd)?.values ?? [s] : [s])).flat();
    const opening: FwOpening = { proto, ports, sources, span, shadowedBy: r.action === 'append' ? this.catchAll.get(chain) : undefined };
    if (r.dports && !fromLoop) opening.clone = (port, p) => this.copy(span, r, port, p);
    this.model.opens.push(opening);
  }

  /** The rule's text with its port (and protocol) replaced, continuation lines and all. */
  private copy(span: Span, r: IptRule, port: number, proto: Proto): string {
    const edits: { start: number; end: number; text: string }[] = [{ start: r.dports!.start, end: r.dports!.end, text: String(port) }];
    if (r.proto && PROTO[r.proto.text.toLowerCase()] !== proto) edits.push({ start: r.proto.start, end: r.proto.end, text: proto });
    if (r.matchProto && r.matchProto.text !== proto) edits.push({ start: r.matchProto.start, end: r.matchProto.end, text: proto });
    let out = this.text.slice(span.start, span.end);
    for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start - span.start) + e.text + out.slice(e.end - span.start);
    return out;
  }
}

/** iptables-save / iptables-restore input: `*filter`, `:INPUT DROP [0:0]`, `-A INPUT ...`, `COMMIT`. */
export function readIptablesSave(text: string, commands: Command[], model: FwModel): void {
  const chains = new Chains(model, text);
  let table = 'filter';
  for (const c of commands) {
    const first = c.words[0].text;
    if (first.startsWith('*')) { table = first.slice(1); continue; }
    if (first === 'COMMIT') continue;
    if (first.startsWith(':')) {
      if (table === 'filter' && first === ':INPUT' && c.words[1] && /^(DROP|REJECT)$/.test(c.words[1].text)) { model.closed = true; model.closedBy ??= { span: c.span, what: `the INPUT policy ${c.words[1].text}` }; }
      continue;
    }
    const r = readRule(c.words, model.problems);
    r.table ??= table;
    chains.add(r, c.span);
  }
}

/** The `iptables ...` commands of a script (sudo and paths allowed). */
export function iptablesCommands(text: string, commands: Command[], model: FwModel): void {
  const chains = new Chains(model, text);
  for (const c of commands) {
    const i = commandIndex(c, /^(ip6?tables)(-legacy|-nft)?$/);
    if (i < 0) continue;
    chains.add(readRule(c.words.slice(i + 1), model.problems), c.span, c);
  }
}

/** Where the named program is the command (after `sudo`, `/sbin/`); -1 when it is not. */
export function commandIndex(c: Command, name: RegExp): number {
  let i = 0;
  if (c.words[0]?.text === 'sudo') i++;
  const w = c.words[i]?.text.split('/').pop() ?? '';
  return name.test(w) ? i : -1;
}
