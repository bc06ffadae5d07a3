/** A small XML reader with positions: elements, attributes and their value spans. Enough for CIBs and firewalld zones; no entities beyond the five, no namespaces. */
import { Span } from '../types';
import { MAX_NESTING, tooDeepMessage } from './depth';

export interface Located {
  value: string;
  span: Span;
}
export interface El {
  name: string;
  attrs: Map<string, Located>;
  start: number;
  end: number;
  children: El[];
  parent: El | null;
}

const decode = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function readXml(text: string, problems: { message: string; span: Span }[]): El {
  const root: El = { name: '#document', attrs: new Map(), start: 0, end: text.length, children: [], parent: null };
  let cur = root;
  let depth = 0;
  let stopped = false;
  // at each `<`: a comment, a processing instruction, CDATA, a doctype, or a tag whose attributes are
  // separated by blanks; anything else is not XML, and libxml (so crm_verify) refuses the file
  const re =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  let m: RegExpExecArray | null;
  // where each terminator next occurs: `at` only grows, so each is searched for once per occurrence,
  // not from every `<` of a broken file to its end (quadratic: 8 s for 1 MB of `<a <<`)
  const found = new Map<string, number>();
  const next = (s: string, from: number) => {
    let p = found.get(s);
    if (p === undefined || (p >= 0 && p < from)) found.set(s, (p = text.indexOf(s, from)));
    return p;
  };
  const unterminated = (at: number) =>
    (text.startsWith('<!--', at) && next('-->', at + 4) < 0) ||
    (text.startsWith('<?', at) && next('?>', at + 2) < 0) ||
    (text.startsWith('<![CDATA[', at) && next(']]>', at + 9) < 0) ||
    next('>', at) < 0;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    re.lastIndex = at;
    m = unterminated(at) ? null : re.exec(text);
    if (!m) {
      const end = next('>', at);
      const tag = text.slice(at, end < 0 ? Math.min(text.length, at + 40) : end + 1);
      if (/^<[A-Za-z_/]/.test(tag))
        problems.push({
          message: `'${tag.length > 60 ? `${tag.slice(0, 57)}...` : tag}' is not a well-formed tag (attributes need a blank between them, values quotes): XML readers, crm_verify among them, refuse the file`,
          span: { start: at, end: at + tag.length },
        });
      continue;
    }
    at = m.index + m[0].length - 1;
    if (!m[2]) continue;
    const [all, close, name, attrText, selfClose] = m;
    if (close) {
      if (cur.name !== name) {
        problems.push({ message: `</${name}> where </${cur.name}> was expected`, span: { start: m.index, end: m.index + all.length } });
        continue;
      }
      cur.end = m.index + all.length;
      cur = cur.parent ?? root;
      depth = Math.max(0, depth - 1);
      continue;
    }
    // the walks over the tree recurse per level: past the bound the rest of the file is not read
    if (!selfClose && depth >= MAX_NESTING) {
      problems.push({ message: tooDeepMessage('elements'), span: { start: m.index, end: m.index + all.length } });
      stopped = true;
      break;
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
    if (!selfClose) {
      cur = el;
      depth++;
    }
  }
  // a file read only up to the nesting bound has its elements left open: that is said once, above
  if (cur !== root && !stopped)
    problems.push({ message: `<${cur.name}> is not closed`, span: { start: cur.start, end: cur.start + cur.name.length + 1 } });
  return root;
}
