/**
 * An Ansible YAML inventory (kolla-ansible takes `-i inventory.yml` as well as its INI `multinode`):
 * `all:` or top-level groups, each with `hosts:` (host or range pattern -> its variables or
 * nothing), `children:` (child group -> its own definition, recursively, or nothing) and `vars:`,
 * read as ansible-core's yaml plugin reads them into the INI reader's structure, so hostsOf and
 * mergeInventories serve both. What ansible refuses, and what it skips with a warning (a typo such
 * as `host:` loses its hosts), is a problem at its place.
 * Host and group variables keep scalars as text; a list, a mapping or `!vault` is skipped, never echoed.
 * `all` is a group as written; hosts only under `all` are not copied into `ungrouped` (ansible's
 * later reconcile step): `ungrouped:` written out is a group like any other.
 * Read through the manifest's guarded YAML parse (binary, size, nesting bound, alias bombs).
 * Source: ansible-core lib/ansible/plugins/inventory/yaml.py, lib/ansible/inventory/group.py (add_child loops).
 */
import { Document, isAlias, isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { Span } from '../../types';
import { parseManifestText } from '../manifest/parse';
import { expandHostRange, IniInventory, InventoryGroup, Located, withoutPort } from './ini-inventory';

const SECTIONS = new Set(['hosts', 'children', 'vars']);

export function parseYamlInventory(text: string): IniInventory {
  const inv: IniInventory = { groups: new Map(), problems: [] };
  const parsed = parseManifestText(text);
  for (const f of parsed.findings) inv.problems.push({ message: f.message, span: f.span });
  if (!parsed.ok) return inv;
  const doc = parsed.doc;
  const root = doc ? resolve(doc, doc.contents) : null;
  // `if not data`: nothing, null and {} alike
  if (!doc || root === null || (isScalar(root) && root.value === null) || (isMap(root) && root.items.length === 0)) {
    inv.problems.push({ message: 'an empty YAML inventory: ansible refuses it (Parsed empty YAML file)', span: { start: 0, end: 0 } });
    return inv;
  }
  if (!isMap(root)) {
    inv.problems.push({
      message: `a YAML inventory is a mapping of groups (all:, control:, ...); ansible refuses ${kindOf(root)} here`,
      span: spanOf(root, text.length),
    });
    return inv;
  }
  const plugin = entries(root).find((p) => isScalar(p.key) && p.key.value === 'plugin');
  // ansible's yaml plugin refuses a file whose `plugin:` is set to anything (data.get('plugin'))
  const pluginValue = plugin ? resolve(doc, plugin.value) : null;
  if (
    plugin &&
    pluginValue &&
    !(
      isScalar(pluginValue) &&
      (pluginValue.value === null || pluginValue.value === '' || pluginValue.value === false || pluginValue.value === 0)
    )
  ) {
    inv.problems.push({
      message: 'this is an inventory plugin configuration (plugin:), not a YAML inventory: its hosts are not in the file',
      span: spanOf(plugin.key, text.length),
    });
    return inv;
  }

  const group = (name: string): InventoryGroup => {
    let g = inv.groups.get(name);
    if (!g) inv.groups.set(name, (g = { name, headers: [], hosts: [], children: [], vars: new Map() }));
    return g;
  };
  const problem = (message: string, node: unknown) => inv.problems.push({ message, span: spanOf(node, text.length) });
  /** Maps on the way down: an alias back to one of them would recurse without end (the guarded parse refuses those first). */
  const onStack = new Set<unknown>();

  /** A group's definition at `pair`; its name when the group exists afterwards (a child is only added then, as in ansible). */
  const parseGroup = (pair: Pair, top: boolean): string | null => {
    const name = nameOf(pair.key);
    if (name === null) {
      problem(`a group's name is text; ansible refuses ${kindOf(pair.key)} (Unable to add group)`, pair.key);
      return null;
    }
    const data = resolve(doc, pair.value);
    if (data !== null && !(isScalar(data) && data.value === null) && !isMap(data)) {
      problem(
        `ansible skips '${clip(name)}': a group is a mapping of hosts:, children: and vars: (or empty), not ${kindOf(data)}`,
        pair.value ?? pair.key,
      );
      return inv.groups.has(name) ? name : null;
    }
    const g = group(name);
    if (top || isMap(data)) g.headers.push(spanOf(pair.key, text.length));
    if (!isMap(data)) return name;
    if (onStack.has(data)) {
      problem(`the group '${clip(name)}' contains itself through an alias`, pair.value);
      return name;
    }
    onStack.add(data);
    for (const sec of entries(data)) {
      const key = nameOf(sec.key);
      const raw = resolve(doc, sec.value);
      const empty = raw === null || (isScalar(raw) && raw.value === null);
      if (key !== null && SECTIONS.has(key)) {
        if (empty) continue;
        // a section written as one name (`hosts: control01`, `children: control`) is that name with nothing under it
        if (isScalar(raw) && typeof raw.value === 'string') {
          if (key === 'hosts') addHosts(g, raw, null);
          else if (key === 'children') addChild(g, raw);
          else g.vars.set(raw.value, { text: '', span: spanOf(raw, text.length) }); // ansible sets it to None
          continue;
        }
        if (!isMap(raw)) {
          problem(`ansible refuses "${key}" for the group '${clip(name)}': it is a mapping, not ${kindOf(raw)}`, sec.value);
          continue;
        }
        for (const p of entries(raw)) {
          if (key === 'vars') setVar(g.vars, p, name);
          else if (key === 'children') {
            const child = parseGroup(p, false);
            if (child !== null) addChild(g, p.key, child);
          } else addHosts(g, p.key, p.value);
        }
        continue;
      }
      if (empty) continue;
      const shown = key === null ? text.slice(spanOf(sec.key, text.length).start, spanOf(sec.key, text.length).end) : key;
      problem(
        `ansible skips '${clip(shown)}' in the group '${clip(name)}': a group holds only hosts:, children: and vars:`,
        sec.key ?? sec.value,
      );
    }
    onStack.delete(data);
    return name;
  };

  const addChild = (g: InventoryGroup, keyNode: unknown, known?: string) => {
    const child = known ?? nameOf(keyNode);
    if (child === null) {
      problem(`a child group's name is text; ansible refuses ${kindOf(keyNode)}`, keyNode);
      return;
    }
    if (known === undefined) group(child);
    const span = spanOf(keyNode, text.length);
    g.children.push({ text: child, span });
  };

  const addHosts = (g: InventoryGroup, keyNode: unknown, valueNode: unknown) => {
    const pattern = nameOf(keyNode);
    if (pattern === null) {
      problem(`a host's name is text; ansible refuses ${kindOf(keyNode)}`, keyNode);
      return;
    }
    const span = spanOf(keyNode, text.length);
    const value = resolve(doc, valueNode);
    const vars = new Map<string, Located>();
    if (isMap(value)) for (const p of entries(value)) setVar(vars, p, pattern);
    else if (value !== null && !(isScalar(value) && (value.value === null || value.value === ''))) {
      problem(`the variables of '${clip(pattern)}' are a mapping (name: value), not ${kindOf(value)}: ansible refuses them`, valueNode);
    }
    const names = expandHostRange(withoutPort(pattern));
    if (typeof names === 'string') {
      problem(`${clip(pattern)}: ${names}`, keyNode);
      return;
    }
    for (const name of names) g.hosts.push({ name, span, vars });
  };

  const setVar = (into: Map<string, Located>, p: Pair, owner: string) => {
    const name = nameOf(p.key) ?? (isScalar(p.key) && p.key.value !== null ? String(p.key.value) : null);
    if (name === null) {
      problem(`a variable of '${clip(owner)}' needs a name`, p.key ?? p.value);
      return;
    }
    const value = resolve(doc, p.value);
    const valueText = value === null ? '' : isScalar(value) ? scalarText(value, text) : null;
    if (valueText === null) return; // a list, a mapping or a vault: not known here, never echoed
    const start = spanOf(p.key, text.length).start;
    const end = isNode(p.value) && p.value.range ? Math.min(p.value.range[1], text.length) : spanOf(p.key, text.length).end;
    into.set(name, { text: valueText, span: { start, end: Math.max(start, end) } });
  };

  for (const p of entries(root)) parseGroup(p, true);
  breakLoops(inv);
  return inv;
}

/**
 * Whether a YAML file reads as an Ansible inventory, from its first 64 KiB and without parsing it:
 * every top-level key is a group (empty or a block below it), and the keys right below the groups
 * are only hosts:, children: and vars:, at least one of them written. Not a kolla globals.yml
 * (top-level scalars), not openstack_user_config.yml (`*_hosts:` holding host names with `ip:`),
 * not a Kubernetes or openstack-ha manifest (apiVersion:, kind:), not a plugin configuration.
 */
export function isYamlInventory(head: string): boolean {
  const text = head.slice(0, 64 * 1024);
  let groups = 0,
    sections = 0;
  let inGroup = false;
  let childIndent = -1;
  let started = false;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || /^\s*#/.test(line)) continue;
    if (/^(---|%)/.test(line)) {
      if (started && line.startsWith('---')) break; // a second document
      continue;
    }
    if (line.startsWith('...')) break;
    started = true;
    const indent = line.length - line.trimStart().length;
    if (line[0] === '\t') return false;
    if (indent === 0) {
      const m = KEY.exec(line);
      if (!m) return false; // a list, a flow mapping or a scalar at the top: not a mapping of groups
      const key = unquote(m[1]);
      const rest = (m[2] ?? '').replace(/\s+#.*$/, '').trim();
      if (/^(apiVersion|kind|plugin)$/.test(key)) return false;
      if (/^\{\s*["']?(hosts|children|vars)["']?\s*:/.test(rest))
        sections++; // a group written in flow style
      else if (rest && rest !== '~' && rest !== 'null' && rest !== '{}') return false; // a scalar setting: globals.yml
      groups++;
      inGroup = true;
      childIndent = -1;
      continue;
    }
    if (!inGroup) return false;
    if (childIndent < 0) childIndent = indent;
    if (indent < childIndent) return false; // badly indented: yaml itself would refuse
    if (indent > childIndent) continue; // deeper: a section's own content
    const m = KEY.exec(line.slice(indent));
    if (!m || !SECTIONS.has(unquote(m[1]))) return false; // a group holds only hosts:, children:, vars:
    sections++;
  }
  return groups > 0 && sections > 0;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#'"\-?:[\]{},&*!|>%@`][^#]*?)\s*:(?:\s+(.*))?$/;

function unquote(k: string): string {
  return k.length >= 2 && (k[0] === '"' || k[0] === "'") && k[k.length - 1] === k[0] ? k.slice(1, -1) : k;
}

/** A mapping's pairs as Python's dict keeps them: a key written twice is there once, at its first place, with its last value. */
function entries(map: YAMLMap): Pair[] {
  const byKey = new Map<unknown, number>();
  const out: Pair[] = [];
  for (const p of map.items as Pair[]) {
    const k = isScalar(p.key) ? p.key.value : p.key;
    const at = k !== null && typeof k !== 'object' ? byKey.get(k) : undefined;
    if (at === undefined) {
      if (k !== null && typeof k !== 'object') byKey.set(k, out.length);
      out.push(p);
    } else out[at] = new Pair(out[at].key, p.value);
  }
  return out;
}

function resolve(doc: Document, n: unknown): Node | null {
  let cur = n;
  for (let i = 0; i < 100 && isAlias(cur); i++) cur = cur.resolve(doc) ?? null;
  return isNode(cur) ? cur : null;
}

function isNode(n: unknown): n is Node {
  return isScalar(n) || isMap(n) || isSeq(n);
}

/** A name ansible takes: a string key (`control`, `10.0.0.5`, `"db-[a:c]"`). */
function nameOf(n: unknown): string | null {
  return isScalar(n) && typeof n.value === 'string' && n.value !== '' ? n.value : null;
}

function scalarText(node: Scalar, text: string): string | null {
  if (typeof node.tag === 'string' && /vault/i.test(node.tag)) return null;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (v === null) return '';
  // numbers and booleans as written (0755, yes, 1e3 read differently across YAML versions)
  if (node.range) return text.slice(node.range[0], node.range[1]).trim();
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

function kindOf(n: unknown): string {
  if (isSeq(n)) return 'a list';
  if (isMap(n)) return 'a mapping';
  if (isScalar(n)) {
    const v = n.value;
    if (v === null) return 'nothing';
    if (typeof v === 'number') return `a number (${String(v)})`;
    if (typeof v === 'boolean') return `a boolean (${String(v)})`;
    if (typeof v === 'string') return `text ('${clip(v)}')`;
  }
  return 'this value';
}

function spanOf(n: unknown, length: number): Span {
  const r = isNode(n) || isAlias(n) ? (n as { range?: [number, number, number] | null }).range : null;
  if (!r) return { start: 0, end: 0 };
  const start = Math.min(r[0], length);
  return { start, end: Math.min(Math.max(start, r[1]), length) };
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}...` : s;
}

/**
 * ansible refuses a child that closes a loop (group.py add_child: "creates a recursive dependency
 * loop"): each such child is a problem at its place and is left out, so no consumer walks a loop.
 * One depth-first walk, without recursion (a chain of references may be as long as the file).
 */
function breakLoops(inv: IniInventory): void {
  const state = new Map<string, 'open' | 'done'>();
  for (const rootName of inv.groups.keys()) {
    if (state.has(rootName)) continue;
    const stack: { g: InventoryGroup; i: number }[] = [];
    const enter = (name: string) => {
      const g = inv.groups.get(name);
      state.set(name, 'open');
      if (g) stack.push({ g, i: 0 });
      else state.set(name, 'done');
    };
    enter(rootName);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.i >= top.g.children.length) {
        state.set(top.g.name, 'done');
        stack.pop();
        continue;
      }
      const c = top.g.children[top.i];
      const s = state.get(c.text);
      if (s === 'open') {
        const from = stack.findIndex((f) => f.g.name === c.text);
        const names = [...stack.slice(from).map((f) => f.g.name), c.text];
        const loop = names.length > 8 ? [...names.slice(0, 4), '...', ...names.slice(-3)] : names;
        inv.problems.push({
          message:
            c.text === top.g.name
              ? `the group '${clip(c.text)}' cannot be its own child: ansible refuses it`
              : `'${clip(c.text)}' as a child of '${clip(top.g.name)}' makes a loop (${loop.map(clip).join(' -> ')}): ansible refuses it`,
          span: c.span,
        });
        top.g.children.splice(top.i, 1);
        continue;
      }
      top.i++;
      if (s === undefined) enter(c.text);
    }
  }
}
