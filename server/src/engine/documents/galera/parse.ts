/**
 * MySQL/MariaDB option files (my.cnf, galera.cnf) with exact positions: `[group]`, `key = value` or a
 * bare `key` (a flag), `#`/`;` comments (a `#` may also end a line), quoted values, `!include` and
 * `!includedir`. Option names treat `-` and `_` alike, as mariadbd does.
 */
import { Span } from '../../types';
import { forEachLine } from '../../text/lines';
import { maskSecretsInLine } from '../../text/secrets';

export interface CnfEntry {
  key: string;
  name: string;
  keySpan: Span;
  value?: string;
  valueSpan: Span;
  line: number;
  span: Span;
  group: string;
}
export interface CnfGroup {
  name: string;
  nameSpan: Span;
  headerSpan: Span;
  entries: CnfEntry[];
  end: number;
}
export interface CnfFile {
  groups: CnfGroup[];
  problems: { message: string; span: Span }[];
}

/** The groups mariadbd reads. */
export const SERVER_GROUPS = /^(mysqld|server|mariadb|mariadbd|galera|mysqld-\d+(\.\d+)*|mariadb-\d+(\.\d+)*)$/;

export const normKey = (k: string) => k.replace(/-/g, '_').toLowerCase();

/**
 * `name`, or `name = value`, once a comment after white space is cut: what the regexes
 * /\s+#.*$/ and /^(name)\s*(?:=\s*(.*?))?\s*$/ matched, in one pass (they are quadratic on a run of spaces).
 */
function optionLine(body: string): [string, string, string | undefined] | null {
  let cut = body.length;
  // `.*$` stopped at a line break: a # before one cut nothing
  const lastBreak = Math.max(body.lastIndexOf('\r'), body.lastIndexOf('\u2028'), body.lastIndexOf('\u2029'));
  for (let i = body.indexOf('#'); i >= 0; i = body.indexOf('#', i + 1))
    if (i > 0 && i > lastBreak && /\s/.test(body[i - 1])) {
      cut = i;
      break;
    }
  const line = body.slice(0, cut).trimEnd();
  const name = /^[A-Za-z0-9_.-]+/.exec(line)?.[0];
  if (!name) return null;
  const rest = line.slice(name.length).trimStart();
  if (!rest) return [line, name, undefined];
  if (rest[0] !== '=') return null;
  const value = rest.slice(1).trimStart();
  // as `.` did: a value holds no line break
  return /[\n\r\u2028\u2029]/.test(value) ? null : [line, name, value];
}

export function parseCnf(text: string): CnfFile {
  const out: CnfFile = { groups: [], problems: [] };
  let cur: CnfGroup | null = null;
  forEachLine(text, (line, start, lineNo) => {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (!body || body.startsWith('#') || body.startsWith(';') || body.startsWith('!include')) return;
    const s = start + lead;
    if (body.startsWith('[')) {
      // the header by hand: a regex with a lazy name between \s* took 0.7 s on one 26 KB line of tabs
      const close = body.indexOf(']');
      const inner = close > 0 ? body.slice(1, close) : '';
      const name = inner.trim();
      const tail = close > 0 ? body.slice(close + 1).trimStart() : '';
      if (!name || (tail && !tail.startsWith('#'))) {
        out.problems.push({ message: `'${maskSecretsInLine(body)}' is not a [group] header`, span: { start: s, end: s + body.length } });
        return;
      }
      const nameStart = s + 1 + inner.length - inner.trimStart().length;
      cur = {
        name,
        nameSpan: { start: nameStart, end: nameStart + name.length },
        headerSpan: { start: s, end: s + close + 1 },
        entries: [],
        end: s + body.length,
      };
      out.groups.push(cur);
      return;
    }
    if (!cur) {
      out.problems.push({ message: `'${maskSecretsInLine(body)}' comes before any [group]`, span: { start: s, end: s + body.length } });
      return;
    }
    const m = optionLine(body);
    if (!m) {
      out.problems.push({
        message: `'${maskSecretsInLine(body)}' is neither an option nor a [group]`,
        span: { start: s, end: s + body.length },
      });
      return;
    }
    let value = m[2];
    const vStart = value !== undefined ? s + body.indexOf(value, m[1].length) : s + m[1].length;
    const vEnd = vStart + (value?.length ?? 0);
    if (value && value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0])
      value = value.slice(1, -1);
    cur.entries.push({
      key: m[1],
      name: normKey(m[1]),
      keySpan: { start: s, end: s + m[1].length },
      value,
      valueSpan: { start: vStart, end: vEnd },
      line: lineNo,
      span: { start: s, end: s + body.length },
      group: cur.name,
    });
    cur.end = s + body.length;
  });
  return out;
}

/** The server's options, the last one winning, as mariadbd reads them. */
export function serverOptions(f: CnfFile): Map<string, CnfEntry> {
  const m = new Map<string, CnfEntry>();
  for (const g of f.groups) if (SERVER_GROUPS.test(g.name)) for (const e of g.entries) m.set(e.name, e);
  return m;
}
