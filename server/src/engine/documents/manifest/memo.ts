/**
 * What the schema check and the model derive from one entry of a manifest (a node, a cluster, a
 * VIP, a service), kept while the editor's incremental parser hands back the same entry. An edit
 * re-parses one entry; the others keep their Pair objects (moved to their new offsets), so their
 * findings and model entries are reused, moved by the same distance, instead of being worked out again.
 */
import { isDocument, isNode, isPair, Node, Pair } from 'yaml';

interface Kept {
  at: number;
  value: unknown;
}
const kept = new WeakMap<Pair, Map<string, Kept>>();

/** `compute()`'s result for this entry, reused (its spans moved) while the entry is the same Pair. */
export function perEntry<T>(pair: Pair, what: string, compute: () => T): T {
  const at = (pair.key as Node | null)?.range?.[0] ?? -1;
  let byWhat = kept.get(pair);
  const hit = byWhat?.get(what);
  if (hit) {
    if (hit.at !== at) {
      shiftSpans(hit.value, at - hit.at, new Set());
      hit.at = at;
    }
    return hit.value as T;
  }
  const value = compute();
  if (!byWhat) kept.set(pair, (byWhat = new Map()));
  byWhat.set(what, { at, value });
  return value;
}

/** Fields that hold shared facts (the service catalogue), never positions of this file. */
const NOT_POSITIONS = new Set(['info']);

/** Moves every span ({start, end}) and text edit in a derived value by `d`; the YAML nodes were moved by the parser. */
function shiftSpans(x: unknown, d: number, seen: Set<object>): void {
  if (!x || typeof x !== 'object' || seen.has(x) || isNode(x) || isPair(x) || isDocument(x)) return;
  seen.add(x);
  if (Array.isArray(x)) {
    for (const i of x) shiftSpans(i, d, seen);
    return;
  }
  const o = x as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    o.start += d;
    o.end = (o.end as number) + d;
  }
  for (const k of Object.keys(o)) if (!NOT_POSITIONS.has(k)) shiftSpans(o[k], d, seen);
}
