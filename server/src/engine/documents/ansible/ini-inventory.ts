/**
 * An Ansible INI inventory (kolla-ansible's `multinode`, `all-in-one`): groups, their hosts with
 * inline variables, `[group:children]` and `[group:vars]`, host ranges (`control[01:03]`,
 * `db-[a:c]`, `node[1:9:2]`), read as ansible-core's ini plugin reads them, with the place of
 * every name kept. What ansible refuses is a problem at its place; a group only named as a child
 * exists, empty, as in ansible.
 * Source: ansible-core lib/ansible/plugins/inventory/ini.py and inventory/helpers (expand_hostname_range).
 */
import type { Span } from '../../types';
import { forEachLine } from '../../text/lines';

export interface Located {
  text: string;
  span: Span;
  /** The inventory file it is written in, once tagInventory has named it (several -i files). */
  file?: string;
}

export interface InventoryHost {
  /** The host's name, a range expanded (`control[01:03]` gives control01 ... control03). */
  name: string;
  /** Where it is written: the whole pattern when it came from a range. */
  span: Span;
  /** The inventory file it is written in, once tagInventory has named it. */
  file?: string;
  /** Its inline variables (`api_interface=bond0`), in the order written. */
  vars: Map<string, Located>;
}

export interface InventoryGroup {
  name: string;
  /** Its headers, each `[name]`, `[name:children]` or `[name:vars]`: none for a group only named as a child. */
  headers: (Span & { file?: string })[];
  hosts: InventoryHost[];
  children: Located[];
  vars: Map<string, Located>;
}

export interface IniInventory {
  groups: Map<string, InventoryGroup>;
  problems: { message: string; span: Span }[];
}

/** The most hosts one range may expand to: a typo such as node[1:99999999] must not hang the check. */
export const MAX_RANGE_HOSTS = 10_000;

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HEADER = /^\[([^\s:\]]+)(?::(\w+))?\]\s*(?:[#;].*)?$/;

export function parseIniInventory(text: string): IniInventory {
  const inv: IniInventory = { groups: new Map(), problems: [] };
  const group = (name: string): InventoryGroup => {
    let g = inv.groups.get(name);
    if (!g) inv.groups.set(name, (g = { name, headers: [], hosts: [], children: [], vars: new Map() }));
    return g;
  };
  // lines before the first header are hosts of 'ungrouped', as in ansible
  let current = group('ungrouped');
  let mode: 'hosts' | 'children' | 'vars' = 'hosts';
  forEachLine(text, (line, start) => {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (!body || body.startsWith('#') || body.startsWith(';')) return;
    const at = start + lead;
    const span = { start: at, end: at + body.length };
    if (body.startsWith('[')) {
      const m = HEADER.exec(body);
      if (!m) {
        inv.problems.push({
          message: `'${body.slice(0, 80)}' is not a section header ansible reads ([group], [group:children] or [group:vars])`,
          span,
        });
        mode = 'hosts';
        current = group('ungrouped');
        return;
      }
      const kind = m[2] ?? 'hosts';
      if (kind !== 'hosts' && kind !== 'children' && kind !== 'vars') {
        inv.problems.push({ message: `[${m[1]}:${kind}]: ansible knows :children and :vars sections, not :${kind}`, span });
        return;
      }
      mode = kind;
      current = group(m[1]);
      current.headers.push(span);
      return;
    }
    if (mode === 'vars') {
      const eq = body.indexOf('=');
      if (eq <= 0) {
        inv.problems.push({ message: `[${current.name}:vars] holds key=value lines; ansible refuses '${body.slice(0, 80)}'`, span });
        return;
      }
      const key = body.slice(0, eq).trim();
      current.vars.set(key, { text: body.slice(eq + 1).trim(), span });
      return;
    }
    const words = splitWords(body, at);
    if (!words.length) return;
    if (mode === 'children') {
      current.children.push(words[0]);
      group(words[0].text);
      if (words.length > 1) inv.problems.push({ message: `[${current.name}:children] names one group per line`, span: words[1].span });
      return;
    }
    const [pattern, ...rest] = words;
    const vars = new Map<string, Located>();
    for (const w of rest) {
      const eq = w.text.indexOf('=');
      if (eq <= 0) {
        inv.problems.push({ message: `a host's variables are key=value; ansible refuses '${w.text.slice(0, 80)}'`, span: w.span });
        continue;
      }
      vars.set(w.text.slice(0, eq), { text: unquote(w.text.slice(eq + 1)), span: w.span });
    }
    const names = expandHostRange(withoutPort(pattern.text));
    if (typeof names === 'string') {
      inv.problems.push({ message: `${pattern.text}: ${names}`, span: pattern.span });
      return;
    }
    for (const name of names) current.hosts.push({ name, span: pattern.span, vars });
  });
  return inv;
}

/** Names the file every place of an inventory is in, so that a merged inventory still says where each thing is written. */
export function tagInventory(inv: IniInventory, file: string): IniInventory {
  for (const g of inv.groups.values()) {
    for (const h of g.headers) h.file = file;
    for (const h of g.hosts) {
      h.file = file;
      for (const v of h.vars.values()) v.file = file;
    }
    for (const c of g.children) c.file = file;
    for (const v of g.vars.values()) v.file = file;
  }
  return inv;
}

/** The hosts of a group and of its children, transitively, each once, in the order written; a cycle is followed once. */
export function hostsOf(inv: IniInventory, name: string): InventoryHost[] {
  const out = new Map<string, InventoryHost>();
  const seen = new Set<string>();
  // depth first, in the order written, with a stack of its own: a chain of thousands of
  // `:children` groups is no deeper a call stack than one group
  const stack: { children: { text: string }[]; next: number }[] = [];
  const enter = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    const g = inv.groups.get(n);
    if (!g) return;
    for (const h of g.hosts) if (!out.has(h.name)) out.set(h.name, h);
    stack.push({ children: g.children, next: 0 });
  };
  enter(name);
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) enter(top.children[top.next++].text);
    else stack.pop();
  }
  return [...out.values()];
}

/** Several inventories (`-i a -i b`) as ansible sees them: one set of groups, each group's hosts, children and variables added up. */
export function mergeInventories(invs: IniInventory[]): IniInventory {
  if (invs.length === 1) return invs[0];
  const out: IniInventory = { groups: new Map(), problems: invs.flatMap((i) => i.problems) };
  for (const inv of invs)
    for (const g of inv.groups.values()) {
      const m = out.groups.get(g.name);
      if (!m) out.groups.set(g.name, { ...g, hosts: [...g.hosts], children: [...g.children], vars: new Map(g.vars) });
      else {
        m.headers = [...m.headers, ...g.headers];
        m.hosts.push(...g.hosts);
        m.children.push(...g.children);
        for (const [k, v] of g.vars) m.vars.set(k, v);
      }
    }
  return out;
}

/** Words of a line, as shlex splits them (quotes kept together), up to a `#` that starts a word. */
function splitWords(body: string, at: number): Located[] {
  const out: Located[] = [];
  let i = 0;
  while (i < body.length) {
    while (i < body.length && (body[i] === ' ' || body[i] === '\t')) i++;
    if (i >= body.length || body[i] === '#') break;
    const start = i;
    let quote = '';
    while (i < body.length && (quote || (body[i] !== ' ' && body[i] !== '\t'))) {
      if (quote && body[i] === quote) quote = '';
      else if (!quote && (body[i] === '"' || body[i] === "'")) quote = body[i];
      i++;
    }
    out.push({ text: body.slice(start, i), span: { start: at + start, end: at + i } });
  }
  return out;
}

function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

/** `host:22` names host: one colon outside range brackets, digits after it (an IPv6 address has more). */
export function withoutPort(p: string): string {
  let depth = 0,
    colon = -1;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === ':' && depth === 0) {
      if (colon >= 0) return p;
      colon = i;
    }
  }
  return colon > 0 && /^\d+$/.test(p.slice(colon + 1)) ? p.slice(0, colon) : p;
}

/**
 * A host pattern's names: `control[01:03]` gives control01, control02, control03 (the width of a
 * leading-zero start kept), `db-[a:c]` gives db-a, db-b, db-c, `n[1:9:3]` gives n1, n4, n7; one
 * range per bracket, several brackets multiply. A string says why ansible refuses the pattern.
 */
export function expandHostRange(pattern: string): string[] | string {
  const m = /^(.*?)\[([^\]]*)\](.*)$/.exec(pattern);
  if (!m || !m[2].includes(':')) return [pattern];
  const [, head, range, tail] = m;
  const parts = range.split(':');
  if (parts.length > 3) return 'a host range is [start:end] or [start:end:step]';
  const [beg, end, stepText] = parts;
  const step = stepText === undefined || stepText === '' ? 1 : Number(stepText);
  if (!Number.isInteger(step) || step < 1) return `the step of a host range is a whole number above 0, not '${stepText}'`;
  if (!end) return 'a host range needs an end';
  const tails = expandHostRange(tail);
  if (typeof tails === 'string') return tails;
  let values: string[];
  if (/^\d*$/.test(beg) && /^\d+$/.test(end)) {
    const from = Number(beg || '0'),
      to = Number(end);
    if (from > to) return 'a host range must go up: its start is after its end';
    if ((to - from) / step + 1 > MAX_RANGE_HOSTS) return `the range expands to more than ${MAX_RANGE_HOSTS} hosts`;
    // a leading-zero start sets the width of every number (01 gives 01, 02, ..., 10), and the end must have it too
    const width = beg.length > 1 && beg.startsWith('0') ? beg.length : 0;
    if (width && end.length !== width)
      return `a range that starts with a leading zero (${beg}) writes its end at the same width (${end} has ${end.length} digits)`;
    values = [];
    for (let n = from; n <= to; n += step) values.push(String(n).padStart(width, '0'));
  } else if (/^[A-Za-z]$/.test(beg) && /^[A-Za-z]$/.test(end)) {
    // ansible orders letters as string.ascii_letters: a to z, then A to Z
    const from = LETTERS.indexOf(beg),
      to = LETTERS.indexOf(end);
    if (from > to) return 'a host range must go up: its start is after its end';
    values = [];
    for (let c = from; c <= to; c += step) values.push(LETTERS[c]);
  } else return `'[${range}]' is not a host range ansible reads: numbers ([01:03]) or single letters ([a:c])`;
  const out: string[] = [];
  for (const v of values)
    for (const t of tails) {
      if (out.length >= MAX_RANGE_HOSTS) return `the range expands to more than ${MAX_RANGE_HOSTS} hosts`;
      out.push(head + v + t);
    }
  return out;
}
