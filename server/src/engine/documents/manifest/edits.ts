/**
 * Text edits on YAML that change only what they must: a value, one key added to a block or flow
 * mapping in its own style and indentation, one key removed with its line or its comma.
 */
import { Document, isMap, isScalar, Pair, YAMLMap } from 'yaml';
import { Fix, Span, TextEdit } from '../../types';
import { spanOf } from './yaml-ast';
import { lineBreakOf, lineEndAt, lineStartAt, nextLineStart } from '../../text/line-breaks';

export function replaceFix(span: Span, newText: string, safe: boolean, title = `Replace with '${newText}'`): Fix {
  return { title, safe, edits: [{ start: span.start, end: span.end, newText }] };
}

/** The end of the last non-blank character at or before `offset`. */
function trimBack(text: string, offset: number): number {
  let o = offset;
  while (o > 0 && /\s/.test(text[o - 1])) o--;
  return o;
}

function pairEnd(p: Pair): number {
  const v = p.value as { range?: [number, number, number] } | null;
  return v?.range ? v.range[1] : spanOf(p.key as never).end;
}

/** Sets `key: valueText` in a mapping: replaces the value when the key exists, otherwise adds the key. */
export function setKey(text: string, map: YAMLMap, key: string, valueText: string): TextEdit {
  const existing = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (existing) {
    const v = existing.value as { range?: [number, number, number] } | null;
    if (v?.range && !(isScalar(v) && (v as { value: unknown }).value === null))
      return { start: v.range[0], end: v.range[1], newText: valueText };
    const k = spanOf(existing.key as never);
    const colon = text.indexOf(':', k.end);
    return { start: colon + 1, end: colon + 1, newText: ` ${valueText}` };
  }
  const r = spanOf(map);
  if (map.flow) {
    const close = text.lastIndexOf('}', r.end);
    if (map.items.length === 0) {
      const open = text.lastIndexOf('{', close);
      return { start: open, end: close + 1, newText: `{ ${key}: ${valueText} }` };
    }
    const after = pairEnd(map.items[map.items.length - 1]);
    return { start: after, end: after, newText: `, ${key}: ${valueText}` };
  }
  const first = map.items[0];
  const keyStart = spanOf(first.key as never).start;
  const indent = text.slice(lineStartAt(text, keyStart), keyStart);
  const at = lineEndAt(text, trimBack(text, pairEnd(map.items[map.items.length - 1])));
  return { start: at, end: at, newText: `${lineBreakOf(text)}${indent.replace(/[^ \t]/g, ' ')}${key}: ${valueText}` };
}

/** Sets several keys at once; the missing ones are added in one insertion, in the order given. */
export function setKeys(text: string, map: YAMLMap, kv: [string, string][]): TextEdit[] {
  const out: TextEdit[] = [];
  let insert: TextEdit | undefined;
  for (const [k, v] of kv) {
    const e = setKey(text, map, k, v);
    const exists = map.items.some((p) => isScalar(p.key) && p.key.value === k);
    if (exists) out.push(e);
    else if (!insert) insert = e;
    else
      insert = {
        ...insert,
        newText: insert.newText.startsWith('{') ? insert.newText.replace(/ }$/, `, ${k}: ${v} }`) : insert.newText + e.newText,
      };
  }
  return insert ? [...out, insert] : out;
}

/** Removes one pair: in a flow mapping with its comma, in a block mapping with its whole lines. */
export function removePair(text: string, map: YAMLMap, pair: Pair): TextEdit {
  const idx = map.items.indexOf(pair);
  const keyStart = spanOf(pair.key as never).start;
  const end = pairEnd(pair);
  if (map.flow) {
    if (idx > 0) {
      const prevEnd = pairEnd(map.items[idx - 1]);
      return { start: prevEnd, end, newText: '' };
    }
    if (map.items.length > 1) {
      const nextStart = spanOf(map.items[1].key as never).start;
      return { start: keyStart, end: nextStart, newText: '' };
    }
    return { start: keyStart, end, newText: '' };
  }
  const start = lineStartAt(text, keyStart);
  const onlyOnLine = text.slice(start, keyStart).trim() === '';
  const stop = lineEndAt(text, trimBack(text, end));
  if (!onlyOnLine) return { start: keyStart, end: stop, newText: '' }; // `- key: v` list item: keep the dash
  return { start, end: nextLineStart(text, stop), newText: '' };
}

export function mapOf(doc: Document, n: unknown): YAMLMap | null {
  return isMap(n) ? n : null;
}
