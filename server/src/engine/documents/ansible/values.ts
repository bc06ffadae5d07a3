/**
 * What an Ansible variable is worth, when it can be known without running Ansible: literals, plain
 * references (`{{ kolla_internal_vip_address }}`), `| default(...)`, `| bool`, and templates that
 * join known parts. Anything else (other filters, tests, expressions, lookups) is unknown, never
 * invalid: a check says nothing about a value it cannot know.
 */

export type Known = string | number | boolean;
export type Value = { known: true; value: Known } | { known: false };

/** A variable's raw value as written (the user's files first, then the tool's defaults), or undefined. */
export type Lookup = (name: string) => Known | null | undefined;

const UNKNOWN: Value = { known: false };
/** References followed at most this deep: a chain longer than any real one, or a cycle, is unknown. */
const MAX_DEPTH = 16;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TEMPLATE = /\{\{(.*?)\}\}/g;

/** The value of `raw` (a YAML scalar as written), references resolved through `lookup`. */
export function evaluate(raw: Known | null | undefined, lookup: Lookup, depth = 0): Value {
  if (raw === null || raw === undefined) return UNKNOWN;
  if (typeof raw !== 'string') return { known: true, value: raw };
  if (!raw.includes('{{') && !raw.includes('{%')) return { known: true, value: raw };
  if (raw.includes('{%') || depth > MAX_DEPTH) return UNKNOWN;
  // one whole expression keeps its type ({{ x | bool }} is a boolean); several join as text
  const whole = /^\{\{(.*)\}\}$/s.exec(raw.trim());
  if (whole && !whole[1].includes('{{') && !whole[1].includes('}}')) return expression(whole[1], lookup, depth);
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(TEMPLATE)) {
    const v = expression(m[1], lookup, depth);
    if (!v.known) return UNKNOWN;
    out += raw.slice(last, m.index) + String(v.value);
    last = m.index! + m[0].length;
  }
  const rest = raw.slice(last);
  return rest.includes('{{') ? UNKNOWN : { known: true, value: out + rest };
}

/** Ansible's `bool` filter: yes, on, true, 1 (any case) are true; everything else is false. */
export function asBool(v: Known): boolean {
  if (typeof v === 'boolean') return v;
  return ['yes', 'on', 'true', '1'].includes(String(v).toLowerCase());
}

/** `name`, `name | default(literal)`, `name | default(literal, true)`, each optionally `| bool`. */
function expression(expr: string, lookup: Lookup, depth: number): Value {
  const parts = splitTop(expr, '|');
  if (!parts) return UNKNOWN;
  const [head, ...filters] = parts;
  let value: Value;
  // an undefined variable is what default() is for; without one it is unknown
  let missing = false;
  if (NAME.test(head)) {
    const raw = lookup(head);
    missing = raw === undefined;
    value = missing ? UNKNOWN : evaluate(raw, lookup, depth + 1);
  } else {
    const lit = literal(head);
    if (lit === undefined) return UNKNOWN;
    value = { known: true, value: lit };
  }
  for (const f of filters) {
    const d = /^(?:default|d)\((.*)\)$/s.exec(f);
    if (d) {
      const args = d[1].trim() ? splitTop(d[1], ',') : [];
      if (!args || !args.length || args.length > 2) return UNKNOWN;
      const lit = literal(args[0]);
      const fallback: Value =
        lit !== undefined ? { known: true, value: lit } : NAME.test(args[0]) ? evaluate(lookup(args[0]), lookup, depth + 1) : UNKNOWN;
      // default(x, true) also replaces an empty or false value
      const alsoFalsy = args[1] !== undefined && asBool(literal(args[1]) ?? false);
      if (missing || (alsoFalsy && value.known && !truthy(value.value))) value = fallback;
      missing = false;
    } else if (f === 'bool') {
      if (!value.known) return UNKNOWN;
      value = { known: true, value: asBool(value.value) };
    } else return UNKNOWN;
  }
  return missing ? UNKNOWN : value;
}

function truthy(v: Known): boolean {
  return typeof v === 'string' ? v.length > 0 : Boolean(v);
}

/** A Jinja literal: a quoted string, a number, true/false; undefined for anything else. */
function literal(s: string): Known | undefined {
  const t = s.trim();
  const q = /^(['"])(.*)\1$/s.exec(t);
  if (q && !q[2].includes(q[1])) return q[2];
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^(true|True)$/.test(t)) return true;
  if (/^(false|False)$/.test(t)) return false;
  return undefined;
}

/**
 * `s` split at `sep` outside quotes and parentheses (`a | f(x, '|') | g`, the arguments of a call),
 * each part trimmed; undefined when a quote or a parenthesis does not close, or a part is empty.
 */
function splitTop(s: string, sep: '|' | ','): string[] | undefined {
  const out: string[] = [];
  let depth = 0,
    quote = '',
    start = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if ((c === sep && depth === 0) || i === s.length) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  return quote || depth !== 0 || out.some((p) => !p.length) ? undefined : out;
}
