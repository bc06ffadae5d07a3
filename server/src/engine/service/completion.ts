/**
 * Completion from the text around the cursor, so it works while the YAML is half typed:
 * block ancestors come from indentation, flow context (`{ on: ctl, mode: | }`, `[a, |]`) from a scan of the line.
 */
import { typedLineStart } from '../text/line-breaks';
import { MapSchema, Schema, MANIFEST } from '../documents/manifest/schema';
import { Manifest } from '../documents/manifest/model';
import { SERVICES, lookupService } from '../knowledge/services';
import { schemaAt } from './path';
import { serviceMarkdown } from './hover';

export type CompletionKind = 'property' | 'value' | 'enum' | 'reference' | 'service';
export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  insertText: string;
  sortText?: string;
  preselect?: boolean;
}
export interface CompletionResult {
  items: CompletionItem[];
  replaceStart: number;
  replaceEnd: number;
}

interface Context {
  path: string[];
  position: 'key' | 'value';
  key?: string;
  inList: boolean;
  partialStart: number;
  partialEnd: number;
  presentKeys: string[];
}

const KEY_LINE_RE = /^(\s*)(?:-\s+)?(["']?)([^\s#:'"{}[\],][^#:{}[\],]*?)\2\s*:(?:\s|$)/;
/**
 * A block key at the start of a line. YAML limits an implicit key to 1,024 characters, so only the
 * line's head is matched: the lazy key before `\s*:` is quadratic on a long line without a colon.
 */
const KEY_LINE = { exec: (l: string) => KEY_LINE_RE.exec(l.length > 1100 ? l.slice(0, 1100) : l) };

export function completionContext(text: string, offset: number): Context | undefined {
  const lineStart = typedLineStart(text, offset);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const prefix = text.slice(lineStart, offset);
  if (/(^|\s)#/.test(prefix)) return undefined; // in a comment
  // the word before the cursor, read backwards (/[\w.-]*$/ retries from every character of a long run)
  let w = prefix.length;
  while (w > 0 && /[\w.-]/.test(prefix[w - 1])) w--;
  const partialStart = offset - (prefix.length - w);
  const suffix = /^[\w.-]*/.exec(text.slice(offset, lineEnd))![0];
  const partialEnd = offset + suffix.length;

  // Block ancestors: walk up to lines indented less than this one.
  const indentOf = (l: string) =>
    /^\s*/.exec(l)![0].length + (/^\s*-\s+/.test(l) ? /^\s*-\s+/.exec(l)![0].length - /^\s*/.exec(l)![0].length : 0);
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  let indent = indentOf(prefix.trim() ? prefix : prefix + 'x');
  const path: string[] = [];
  for (let i = lines.length - 1; i >= 0 && indent > 0; i--) {
    const l = lines[i];
    if (!l.trim() || /^\s*#/.test(l)) continue;
    const ind = indentOf(l);
    if (ind >= indent) continue;
    const m = KEY_LINE.exec(l);
    if (m && /:\s*(#.*)?$/.test(l)) path.unshift(m[3].trim());
    else if (m) {
      /* `key: value` at a lower indent cannot own this line */ path.unshift(m[3].trim());
    }
    indent = ind;
  }

  // The line itself: its own block key (when the cursor is after `key:`), then flow nesting.
  const own = KEY_LINE.exec(prefix);
  let rest = prefix;
  const keys: string[] = [];
  if (own) rest = prefix.slice(own[0].length);
  type Frame = { kind: 'map' | 'seq'; key?: string; segmentStart: number };
  const stack: Frame[] = [];
  let quote: string | null = null;
  let pendingKey: string | undefined = own ? own[3].trim() : undefined;
  let segStart = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    if (c === '{' || c === '[') {
      const seg = rest.slice(segStart, i);
      // a mapping that is an item of a flow list (`fencing: [{ name: f, ‸ }]`) is under the list's key
      const inSeq = c === '{' && stack[stack.length - 1]?.kind === 'seq' ? stack[stack.length - 1].key : undefined;
      const key = flowKeyBefore(seg) ?? pendingKey ?? inSeq;
      stack.push({ kind: c === '{' ? 'map' : 'seq', key, segmentStart: i + 1 });
      if (c === '{' && key) keys.push(key);
      segStart = i + 1;
      pendingKey = undefined;
    } else if (c === '}' || c === ']') {
      const f = stack.pop();
      if (f?.kind === 'map' && f.key) keys.pop();
      segStart = i + 1;
    } else if (c === ',') segStart = i + 1;
  }
  const top = stack[stack.length - 1];
  const seg = rest.slice(segStart);
  const pathHere = [...path, ...keys];
  if (top?.kind === 'seq') {
    return { path: pathHere, position: 'value', key: top.key, inList: true, partialStart, partialEnd, presentKeys: [] };
  }
  if (top?.kind === 'map') {
    const kv = /^\s*([^\s:]+)\s*:\s*[\w.-]*$/.exec(seg);
    if (kv)
      return {
        path: pathHere,
        position: 'value',
        key: kv[1],
        inList: false,
        partialStart,
        partialEnd,
        presentKeys: flowKeys(rest.slice(top.segmentStart)),
      };
    return {
      path: pathHere,
      position: 'key',
      inList: false,
      partialStart,
      partialEnd,
      presentKeys: flowKeys(rest.slice(top.segmentStart)),
    };
  }
  if (own) return { path, position: 'value', key: own[3].trim(), inList: false, partialStart, partialEnd, presentKeys: [] };
  const listItem = /^\s*-\s+[\w.-]*$/.test(prefix);
  if (listItem)
    return {
      path: path.slice(0, -1),
      position: 'value',
      key: path[path.length - 1],
      inList: true,
      partialStart,
      partialEnd,
      presentKeys: [],
    };
  if (!/^\s*[\w.-]*$/.test(prefix)) return undefined;
  return {
    path,
    position: 'key',
    inList: false,
    partialStart,
    partialEnd,
    presentKeys: siblingKeys(text, lineStart, indentOf(prefix + 'x')),
  };
}

function flowKeys(s: string): string[] {
  return [...s.matchAll(/(?:^|,)\s*([\w.-]+)\s*:/g)].map((m) => m[1]);
}

/** Keys already written at the same indentation around the cursor's line. */
function siblingKeys(text: string, lineStart: number, indent: number): string[] {
  const out: string[] = [];
  const all = text.split('\n');
  const lineNo = text.slice(0, lineStart).split('\n').length - 1;
  for (const dir of [-1, 1]) {
    for (let i = lineNo + dir; i >= 0 && i < all.length; i += dir) {
      const l = all[i];
      if (!l.trim() || /^\s*#/.test(l)) continue;
      // `- name: f` starts a list item: its key stands where the item's other keys do
      const dash = /^\s*-\s+/.exec(l);
      const ind = dash ? dash[0].length : /^\s*/.exec(l)![0].length;
      if (ind < indent || (dash && dir === 1 && ind === indent)) break; // the next item is not a sibling
      const m = KEY_LINE.exec(l);
      if (ind === indent && m) out.push(m[3].trim());
      if (dash && ind === indent) break; // nor is the item before this one
    }
  }
  return out;
}

function mapFields(s: Schema | undefined): MapSchema | undefined {
  if (s?.type === 'list') s = s.items; // the mappings of a list (`fencing: - name: ...`)
  if (s?.type === 'union') s = s.options.find((o) => o.type === 'map'); // `quorum_device: { host, ... }`
  return s?.type === 'map' ? s : undefined;
}

export function complete(text: string, offset: number, m: Manifest | undefined): CompletionResult | undefined {
  const ctx = completionContext(text, offset);
  if (!ctx) return undefined;
  const items: CompletionItem[] = [];
  const res = { items, replaceStart: ctx.partialStart, replaceEnd: ctx.partialEnd };
  if (ctx.position === 'key') {
    const s = ctx.path.length ? schemaAt(ctx.path) : MANIFEST;
    const ms = mapFields(s);
    if (!ms) return res;
    if (ms.fields) {
      for (const [k, f] of Object.entries(ms.fields)) {
        if (ctx.presentKeys.includes(k)) continue;
        const value = f.type === 'map' ? '' : f.type === 'string' && f.const ? ` ${f.const}` : ' ';
        items.push({
          label: k,
          kind: 'property',
          detail: f.type === 'union' ? 'cluster name or node list' : f.type,
          documentation: f.description,
          insertText: `${k}:${value}`,
        });
      }
    }
    if (ms.keyKind === 'service') {
      const used = new Set([...(m?.services.keys() ?? []), ...ctx.presentKeys]);
      for (const s2 of SERVICES) {
        if (used.has(s2.name)) continue;
        items.push({
          label: s2.name,
          kind: 'service',
          detail: `${s2.stateful ? 'stateful' : 'stateless'}${s2.port ? `, port ${s2.port}` : ''}, ${s2.modes[0]}`,
          documentation: serviceMarkdown(s2.name, s2),
          insertText: `${s2.name}: `,
        });
      }
    }
    return res;
  }
  // value position
  const parent = ctx.path.length ? schemaAt(ctx.path) : MANIFEST;
  let s = mapFields(parent)?.fields?.[ctx.key ?? ''] ?? mapFields(parent)?.values;
  if (!s) return res;
  if (s.type === 'union') s = s.options.find((o) => (ctx.inList ? o.type === 'list' : o.type !== 'list')) ?? s.options[0];
  if (s.type === 'list') s = s.items;
  if (s.type === 'boolean') {
    for (const v of ['true', 'false']) items.push({ label: v, kind: 'value', insertText: v });
  } else if (s.type === 'string' && s.ref && m) {
    const pool = s.ref === 'node' ? m.nodes : s.ref === 'cluster' ? m.clusters : m.vips;
    for (const [name, d] of pool) {
      const detail =
        'address' in d && (d as { address?: { value: string } }).address ? (d as { address: { value: string } }).address.value : s.ref;
      items.push({ label: name, kind: 'reference', detail, insertText: name });
    }
  } else if (s.type === 'string' && s.enum) {
    const svc = ctx.key === 'mode' && ctx.path[0] === 'services' ? lookupService(ctx.path[1] ?? '') : undefined;
    for (const v of s.enum) {
      const recommended = svc?.modes.includes(v as never);
      items.push({
        label: v,
        kind: 'enum',
        detail: recommended ? `recommended for ${svc!.name}` : undefined,
        insertText: v,
        sortText: recommended ? `0${v}` : `1${v}`,
        preselect: recommended && svc!.modes[0] === v,
      });
    }
  } else if (ctx.key === 'balancer' && m) {
    for (const name of ['haproxy', 'none']) items.push({ label: name, kind: 'value', insertText: name });
  }
  return res;
}

/**
 * The key of `key:` at the end of a flow segment (`{ a: {` gives a), read backwards: the pattern
 * /([^\s,{[]+)\s*:\s*$/ retried from every character of a long run (1 MB: seconds per request).
 */
function flowKeyBefore(seg: string): string | undefined {
  const t = seg.trimEnd();
  if (!t.endsWith(':')) return undefined;
  const k = t.slice(0, -1).trimEnd();
  let i = k.length;
  while (i > 0 && !/[\s,{[]/.test(k[i - 1])) i--;
  return i < k.length ? k.slice(i) : undefined;
}
