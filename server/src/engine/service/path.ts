/** What is at an offset: the chain of keys from the root, and whether the offset is on a key or a value. */
import { Document, isMap, isScalar, isSeq, Node } from 'yaml';
import { MANIFEST, Schema } from '../documents/manifest/schema';
import { deref, keyText, spanOf } from '../documents/manifest/yaml-ast';
import { Span } from '../types';

export interface PathAt {
  path: string[];
  onKey: boolean;
  span: Span;
  node: Node | null;
}

export function pathAt(doc: Document, offset: number): PathAt | undefined {
  let cur: Node | null = deref(doc, doc.contents);
  const path: string[] = [];
  for (let depth = 0; depth < 64 && cur; depth++) {
    if (isMap(cur)) {
      const hit = cur.items.find((p) => {
        const k = spanOf(p.key as Node),
          v = spanOf(p.value as Node);
        return (k.start <= offset && offset <= k.end) || (p.value && v.start <= offset && offset <= v.end);
      });
      if (!hit) return path.length ? { path, onKey: false, span: spanOf(cur), node: cur } : undefined;
      const key = keyText(hit);
      if (key === null) return undefined;
      const k = spanOf(hit.key as Node);
      if (k.start <= offset && offset <= k.end) return { path: [...path, key], onKey: true, span: k, node: hit.key as Node };
      path.push(key);
      cur = deref(doc, hit.value);
    } else if (isSeq(cur)) {
      const item = cur.items.find((it) => {
        const s = spanOf(it as Node);
        return s.start <= offset && offset <= s.end;
      });
      if (!item) return { path, onKey: false, span: spanOf(cur), node: cur };
      cur = item as Node;
      if (isScalar(cur)) return { path, onKey: false, span: spanOf(cur), node: cur };
    } else {
      return { path, onKey: false, span: spanOf(cur), node: cur };
    }
  }
  return undefined;
}

/** The schema that describes the value at `path` (user-chosen names in the path are skipped over). */
export function schemaAt(path: string[]): Schema | undefined {
  let s: Schema | undefined = MANIFEST;
  for (const seg of path) {
    if (!s) return undefined;
    if (s.type === 'union') s = s.options.find((o) => o.type === 'map');
    if (s?.type === 'list') s = s.items; // a list's items carry no key: `fencing: [{ name }]` is fencing.name
    if (s?.type === 'union') s = s.options.find((o) => o.type === 'map');
    if (!s || s.type !== 'map') return undefined;
    s = s.fields?.[seg] ?? s.values;
  }
  return s;
}
