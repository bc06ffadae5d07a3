/** A small XML reader with positions: elements, attributes and their value spans. Enough for CIBs and firewalld zones; no entities beyond the five, no namespaces. */
import { Span } from '../types';

export interface Located { value: string; span: Span }
export interface El { name: string; attrs: Map<string, Located>; start: number; end: number; children: El[]; parent: El | null }

const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function readXml(text: string, problems: { message: string; span: Span }[]): El {
  const root: El = { name: '#document', attrs: new Map(), start: 0, end: text.length, children: [], parent: null };
  let cur = root;
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (!m[2]) continue;
    const [all, close, name, attrText, selfClose] = m;
    if (close) {
      if (cur.name !== name) { problems.push({ message: `</${name}> where </${cur.name}> was expected`, span: { start: m.index, end: m.index + all.length } }); continue; }
      cur.end = m.index + all.length;
      cur = cur.parent ?? root;
      continue;
    }
    const el: El = { name, attrs: new Map(), start: m.index, end: m.index + all.length, children: [], parent: cur };
    const attrRe = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    let a: RegExpExecArray | null;
    const base = m.index + 1 + name.length;
    while ((a = attrRe.exec(attrText))) {
      const vStart = base + a.index + a[0].indexOf(a[2]) + 1;
      el.attrs.set(a[1], { value: decode(a[3] ?? a[4] ?? ''), span: { start: vStart, end: vStart + (a[3] ?? a[4] ?? '').length } });
    }
    cur.children.push(el);
    if (!selfClose) cur = el;
  }
  if (cur !== root) problems.push({ message: `<${cur.name}> is not closed`, span: { start: cur.start, end: cur.start + cur.name.length + 1 } });
  return root;
}

