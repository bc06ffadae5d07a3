/**
 * haproxy.cfg with exact positions: sections (global, defaults, frontend, backend, listen, ...) and
 * their statements, each a keyword and its arguments. As in HAProxy, indentation means nothing, `#`
 * starts a comment outside quotes, and quotes and backslashes group and escape argument text.
 */
import { Span } from '../../types';
import { forEachLine } from '../../text/lines';
import { placeholderOf } from '../../text/placeholder';

export const SECTION_KEYWORDS = [
  'global',
  'defaults',
  'frontend',
  'backend',
  'listen',
  'resolvers',
  'userlist',
  'peers',
  'mailers',
  'program',
  'http-errors',
  'cache',
  'ring',
  'log-forward',
] as const;
export type SectionKind = (typeof SECTION_KEYWORDS)[number];

export interface Arg {
  text: string;
  span: Span;
}
export interface Statement {
  keyword: Arg;
  args: Arg[];
  line: number;
  span: Span;
}
export interface HaSection {
  kind: SectionKind;
  name?: Arg;
  header: Statement;
  statements: Statement[];
  end: number;
}
export interface HaFile {
  sections: HaSection[];
  problems: { message: string; span: Span }[];
}

function tokenize(line: string, offset: number): { args: Arg[]; problem?: string } {
  const args: Arg[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= line.length || line[i] === '#') break;
    const start = i;
    let text = '';
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t' && line[i] !== '#') {
      const c = line[i];
      if (c === '\\' && i + 1 < line.length) {
        text += line[i + 1];
        i += 2;
        continue;
      }
      if (c === '"' || c === "'") {
        const close = line.indexOf(c, i + 1);
        if (close < 0) return { args, problem: `unmatched ${c === '"' ? 'double' : 'single'} quote` };
        text += line.slice(i + 1, close);
        i = close + 1;
        continue;
      }
      text += c;
      i++;
    }
    args.push({ text, span: { start: offset + start, end: offset + i } });
  }
  return { args };
}

export function parseHaproxy(text: string): HaFile {
  const out: HaFile = { sections: [], problems: [] };
  let current: HaSection | null = null;
  forEachLine(text, (line, start, lineNo) => {
    const { args, problem } = tokenize(line, start);
    if (problem) out.problems.push({ message: problem, span: { start, end: start + line.length } });
    if (!args.length) return;
    const st: Statement = {
      keyword: args[0],
      args: args.slice(1),
      line: lineNo,
      span: { start: args[0].span.start, end: args[args.length - 1].span.end },
    };
    if ((SECTION_KEYWORDS as readonly string[]).includes(st.keyword.text)) {
      current = { kind: st.keyword.text as SectionKind, name: st.args[0], header: st, statements: [], end: st.span.end };
      out.sections.push(current);
      return;
    }
    if (!current) {
      out.problems.push({
        message: `'${st.keyword.text}' comes before any section (global, defaults, frontend, backend, listen)`,
        span: st.keyword.span,
      });
      return;
    }
    current.statements.push(st);
    current.end = st.span.end;
  });
  checkProxies(out);
  return out;
}

/** `keyword` and, for two-word keywords (option, timeout, http-check ...), the second word. */
export function keywordOf(st: Statement): string {
  return ['option', 'no', 'timeout', 'stats', 'http-check', 'tcp-check'].includes(st.keyword.text) && st.args[0]
    ? `${st.keyword.text} ${st.args[0].text}`
    : st.keyword.text;
}

/** `addr:port`, `*:port`, `:port`, `[v6]:port`, `ipv4@addr:port` -> the host (undefined for "any") and the port. */
export function hostPort(s: string): { host?: string; port?: number } {
  const v = s.replace(/^[a-z0-9]+@/, '');
  const m = /^(?:\[([^\]]+)\]|([^:]*)|(.*)):(\d+)(?:-\d+)?$/.exec(v);
  if (!m) return { host: v || undefined };
  const host = m[1] ?? m[2] ?? m[3];
  return { host: host === '' || host === '*' || host === '0.0.0.0' || host === '::' ? undefined : host, port: Number(m[4]) };
}

/** Frontend and backend capabilities: two proxies may share a name only when these do not overlap (a frontend and a backend). */
const CAPS: Partial<Record<SectionKind, number>> = { frontend: 1, backend: 2, listen: 3 };

/** What HAProxy refuses about its proxies before it reads further: one name twice, the pre-1.5 `listen NAME ADDR:PORT`, a bind address without a port. */
function checkProxies(out: HaFile): void {
  const seen = new Map<string, HaSection[]>();
  for (const s of out.sections) {
    const cap = CAPS[s.kind];
    if (!cap || !s.name) continue;
    const clash = (seen.get(s.name.text) ?? []).find((o) => (CAPS[o.kind]! & cap) !== 0);
    if (clash)
      out.problems.push({
        message: `${s.kind} '${s.name.text}' has the same name as the ${clash.kind} on line ${clash.header.line + 1}: HAProxy refuses two proxies of one name`,
        span: s.name.span,
      });
    seen.set(s.name.text, [...(seen.get(s.name.text) ?? []), s]);
    const addr = s.header.args[1];
    if ((s.kind === 'listen' || s.kind === 'frontend') && addr) {
      out.problems.push({
        message: `'${s.kind} ${s.name.text} ${addr.text}' gives the address on the section line, which HAProxy no longer reads: it refuses the file; move it to a 'bind ${addr.text}' line`,
        span: addr.span,
      });
    }
    for (const st of s.statements) {
      if (st.keyword.text !== 'bind' || !st.args[0]) continue;
      const a = st.args[0];
      // a sample's `<Virtual IP>:443` is placeholder-value's finding
      if (a.text.startsWith('<') || placeholderOf(a.text)) continue;
      const missing = a.text
        .split(',')
        .find(
          (one) =>
            !/^(\/|unix@|abns@|fd@|sockpair@)/.test(one) && !/:(\d+(-\d+)?|\$\{?\w+\}?)$/.test(one) && !/^"?\$\{?\w+\}?"?$/.test(one),
        );
      if (missing !== undefined)
        out.problems.push({
          message: `bind address '${missing}' has no port: HAProxy refuses the file (missing port specification)`,
          span: a.span,
        });
    }
  }
}
