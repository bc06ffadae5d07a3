/**
 * keepalived.conf with exact positions: blocks (`vrrp_instance VI_1 {`), statements (`priority 101`)
 * and bare items (addresses in `virtual_ipaddress { }`). Braces may share a line with words
 * (`track_script { chk_haproxy }`), `#` and `!` start comments, quotes group words.
 */
import { Span } from '../../types';
import { forEachLine } from '../../text/lines';

export interface KaWord { text: string; span: Span }
export interface KaStatement { words: KaWord[]; line: number; span: Span }
export interface KaBlock { header: KaWord[]; line: number; span: Span; statements: KaStatement[]; blocks: KaBlock[]; parent: KaBlock | null; bodyEnd: number }
export interface KaFile { root: KaBlock; problems: { message: string; span: Span }[] }

export function parseKeepalived(text: string): KaFile {
  const root: KaBlock = { header: [], line: 0, span: { start: 0, end: text.length }, statements: [], blocks: [], parent: null, bodyEnd: text.length };
  const problems: KaFile['problems'] = [];
  let cur = root;
  forEachLine(text, (line, start, lineNo) => {
    let words: KaWord[] = [];
    const flush = () => {
      if (!words.length) return;
      cur.statements.push({ words, line: lineNo, span: { start: words[0].span.start, end: words[words.length - 1].span.end } });
      words = [];
    };
    let i = 0;
    while (i < line.length) {
      const c = line[i];
      if (c === ' ' || c === '\t') { i++; continue; }
      if (c === '#' || c === '!') break;
      if (c === '{') {
        const b: KaBlock = { header: words, line: lineNo, span: { start: words[0]?.span.start ?? start + i, end: start + i + 1 }, statements: [], blocks: [], parent: cur, bodyEnd: start + i + 1 };
        if (!words.length) problems.push({ message: 'a { with no block name before it', span: { start: start + i, end: start + i + 1 } });
        cur.blocks.push(b);
        cur = b;
        words = [];
        i++;
        continue;
      }
      if (c === '}') {
        flush();
        if (!cur.parent) problems.push({ message: 'a } closes no block', span: { start: start + i, end: start + i + 1 } });
        else { cur.span = { start: cur.span.start, end: start + i + 1 }; cur.bodyEnd = start + i; cur = cur.parent; }
        i++;
        continue;
      }
      const s = i;
      let text2 = '';
      if (c === '"') {
        const close = line.indexOf('"', i + 1);
        if (close < 0) { problems.push({ message: 'unmatched double quote', span: { start: start + i, end: start + line.length } }); break; }
        text2 = line.slice(i + 1, close);
        i = close + 1;
      } else {
        while (i < line.length && !' \t{}#!'.includes(line[i])) text2 += line[i++];
      }
      words.push({ text: text2, span: { start: start + s, end: start + i } });
    }
    flush();
  });
  for (let b: KaBlock | null = cur; b && b.parent; b = b.parent) problems.push({ message: `block '${b.header.map((w) => w.text).join(' ')}' is not closed (missing })`, span: b.header[0]?.span ?? b.span });
  return { root, problems };
}

export const blocks = (b: KaBlock, name: string) => b.blocks.filter((x) => x.header[0]?.text === name);
export const stmt = (b: KaBlock, name: string) => b.statements.filter((s) => s.words[0].text === name).pop();
