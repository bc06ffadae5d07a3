/**
 * haproxy.cfg with exact positions: sections (global, defaults, frontend, backend, listen, ...) and
 * their statements, each a keyword and its arguments. As in HAProxy, indentation means nothing, `#`
 * starts a comment outside quotes, and quotes and backslashes group and escape argument text.
 */
import { Span } from '../../types';
import { forEachLine } from '../../text/lines';

export const SECTION_KEYWORDS = ['global', 'defaults', 'frontend', 'backend', 'listen', 'resolvers', 'userlist', 'peers', 'mailers', 'program', 'http-errors', 'cache', 'ring', 'log-forward'] as const;
export type SectionKind = typeof SECTION_KEYWORDS[number];

export interface Arg { text: string; span: Span }
export interface Statement { keyword: Arg; args: Arg[]; line: number; span: Span }
export interface HaSection { kind: SectionKind; name?: Arg; header: Statement; statements: Statement[]; end: number }
export interface HaFile { sections: HaSection[]; problems: { message: string; span: Span }[] }

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
      if (c === '\\' && i + 1 < line.length) { text += line[i + 1]; i += 2; continue; }
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
    const st: Statement = { keyword: args[0], args: args.slice(1), line: lineNo, span: { start: args[0].span.start, end: args[args.length - 1].span.end } };
    if ((SECTION_KEYWORDS as readonly string[]).includes(st.keyword.text)) {
      current = { kind: st.keyword.text as SectionKind, name: st.args[0], header: st, statements: [], end: st.span.end };
      out.sections.push(current);
      return;
    }
    if (!current) { out.problems.push({ message: `'${st.keyword.text}' comes before any section (global, defaults, frontend, backend, listen)`, span: st.keyword.span }); return; }
    current.statements.push(st);
    current.end = st.span.end;
  });
  return out;
}

/** `keyword` and, for two-word keywords (option, timeout, http-check ...), the second word. */
export function keywordOf(st: Statement): string {
  return ['option', 'no', 'timeout', 'stats', 'http-check', 'tcp-check'].includes(st.keyword.text) && st.args[0] ? `${st.keyword.text} ${st.args[0].text}` : st.keyword.text;
}

/** `addr:port`, `*:port`, `:port`, `[v6]:port`, `ipv4@addr:port` -> the host (undefined for "any") and the port. */
export function hostPort(s: string): { host?: string; port?: number } {
  const v = s.replace(/^[a-z0-9]+@/, '');
  const m = /^(?:\[([^\]]+)\]|([^:]*)|(.*)):(\d+)(?:-\d+)?$/.exec(v);
  if (!m) return { host: v || undefined };
  const host = m[1] ?? m[2] ?? m[3];
  return { host: host === '' || host === '*' || host === '0.0.0.0' || host === '::' ? undefined : host, port: Number(m[4]) };
}
