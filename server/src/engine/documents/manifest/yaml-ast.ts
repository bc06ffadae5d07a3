/** Small helpers over the `yaml` library's AST that keep source ranges at hand. */
import { Document, isAlias, isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { Span } from '../../types';

export type YNode = Node;

export function spanOf(n: { range?: [number, number, number] | null } | null | undefined): Span {
  const r = n?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

/** Follows an alias one step; anchors always name concrete nodes, so one step is enough. */
export function deref(doc: Document, n: unknown): Node | null {
  if (isAlias(n)) return (n.resolve(doc) as Node | undefined) ?? null;
  return (n as Node | null) ?? null;
}

export function keyText(p: Pair): string | null {
  return isScalar(p.key) && p.key.value !== null && typeof p.key.value !== 'object' ? String(p.key.value) : null;
}

export interface Entry {
  key: string;
  pair: Pair;
  keyNode: Scalar;
  keySpan: Span;
  value: Node | null;
  rawValue: unknown;
}

/** One pair of a mapping as an Entry (null when its key is not a plain scalar). */
export function entryOf(doc: Document, p: Pair): Entry | null {
  const key = keyText(p);
  return key === null
    ? null
    : { key, pair: p, keyNode: p.key as Scalar, keySpan: spanOf(p.key as Scalar), value: deref(doc, p.value), rawValue: p.value };
}

export function entries(doc: Document, map: unknown): Entry[] {
  const m = deref(doc, map);
  if (!isMap(m)) return [];
  const out: Entry[] = [];
  for (const p of m.items) {
    const key = keyText(p);
    if (key === null) continue;
    out.push({ key, pair: p, keyNode: p.key as Scalar, keySpan: spanOf(p.key as Scalar), value: deref(doc, p.value), rawValue: p.value });
  }
  return out;
}

export function entry(doc: Document, map: unknown, key: string): Entry | undefined {
  return entries(doc, map).find((e) => e.key === key);
}

/** A scalar with its value and where it stands. */
export interface Located<T> {
  value: T;
  span: Span;
}

export function scalarString(n: unknown): Located<string> | undefined {
  if (!isScalar(n) || n.value === null || typeof n.value === 'object') return undefined;
  return { value: String(n.value), span: spanOf(n) };
}

export function scalarOf<T extends string | number | boolean>(n: unknown, type: 'string' | 'number' | 'boolean'): Located<T> | undefined {
  if (!isScalar(n) || typeof n.value !== type) return undefined;
  return { value: n.value as T, span: spanOf(n) };
}

export interface LocatedList {
  span: Span;
  items: Located<string>[];
}

export function stringList(doc: Document, n: unknown): LocatedList | undefined {
  if (!isSeq(n)) return undefined;
  const items: Located<string>[] = [];
  for (const it of (n as YAMLSeq).items) {
    const s = scalarString(deref(doc, it));
    // keep the alias's own position: that is where the user typed the name
    if (s) items.push({ value: s.value, span: isAlias(it) ? spanOf(it as Node) : s.span });
  }
  return { span: spanOf(n), items };
}

export { isMap, isSeq, isScalar, isAlias, YAMLMap, YAMLSeq, Pair, Scalar, Document };
