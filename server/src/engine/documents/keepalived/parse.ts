/**
 * keepalived.conf with exact positions: blocks (`vrrp_instance VI_1 {`), statements (`priority 101`)
 * and bare items (addresses in `virtual_ipaddress { }`). Braces may share a line with words
 * (`track_script { chk_haproxy }`), `#` and `!` start comments, quotes group words.
 */
import { Span } from '../../types';
import { forEachLine } from '../../text/lines';
import { MAX_NESTING, tooDeepMessage } from '../../text/depth';
import { maskSecretsInLine } from '../../text/secrets';

export interface KaWord {
  text: string;
  span: Span;
}
export interface KaStatement {
  words: KaWord[];
  line: number;
  span: Span;
}
export interface KaBlock {
  header: KaWord[];
  line: number;
  span: Span;
  statements: KaStatement[];
  blocks: KaBlock[];
  parent: KaBlock | null;
  bodyEnd: number;
}
export interface KaFile {
  root: KaBlock;
  problems: { message: string; span: Span }[];
}

export function parseKeepalived(text: string): KaFile {
  const root: KaBlock = {
    header: [],
    line: 0,
    span: { start: 0, end: text.length },
    statements: [],
    blocks: [],
    parent: null,
    bodyEnd: text.length,
  };
  const problems: KaFile['problems'] = [];
  let cur = root;
  let depth = 0;
  let stopped = false;
  // a block keyword alone on its line, whose `{` may come on the next line (keepalived reads the next word)
  let opener: KaStatement | undefined;
  forEachLine(text, (line, start, lineNo) => {
    if (stopped) return;
    let words: KaWord[] = [];
    const flush = () => {
      if (!words.length) return;
      const st = { words, line: lineNo, span: { start: words[0].span.start, end: words[words.length - 1].span.end } };
      cur.statements.push(st);
      if (BLOCK_KEYWORDS.has(words[0].text)) opener = st;
      words = [];
    };
    const waiting = opener;
    opener = undefined;
    if (waiting && !/^\s*(\{|$|[#!])/.test(line)) {
      problems.push({
        message: `'${maskSecretsInLine(waiting.words.map((w) => w.text).join(' '))}' opens a block but no { follows it: keepalived reads the block's contents as unknown keywords (Missing '{' at beginning of configuration block)`,
        span: waiting.span,
      });
    } else if (waiting && /^\s*$|^\s*[#!]/.test(line)) opener = waiting;
    let i = 0;
    while (i < line.length) {
      const c = line[i];
      if (c === ' ' || c === '\t') {
        i++;
        continue;
      }
      if (c === '#' || c === '!') break;
      if (c === '{' && depth >= MAX_NESTING) {
        // the walks over blocks recurse per level: past the bound the rest of the file is not read
        problems.push({ message: tooDeepMessage('blocks'), span: { start: start + i, end: start + i + 1 } });
        stopped = true;
        return;
      }
      if (c === '{') {
        depth++;
        // `vrrp_sync_group VG1` on one line and `{` on the next: the statement above is the block's name
        if (!words.length && waiting && cur.statements[cur.statements.length - 1] === waiting) {
          cur.statements.pop();
          words = waiting.words;
        }
        const b: KaBlock = {
          header: words,
          line: lineNo,
          span: { start: words[0]?.span.start ?? start + i, end: start + i + 1 },
          statements: [],
          blocks: [],
          parent: cur,
          bodyEnd: start + i + 1,
        };
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
        else {
          cur.span = { start: cur.span.start, end: start + i + 1 };
          cur.bodyEnd = start + i;
          cur = cur.parent;
          depth--;
        }
        i++;
        continue;
      }
      const s = i;
      let text2 = '';
      if (c === '"') {
        const close = line.indexOf('"', i + 1);
        if (close < 0) {
          problems.push({ message: 'unmatched double quote', span: { start: start + i, end: start + line.length } });
          break;
        }
        text2 = line.slice(i + 1, close);
        i = close + 1;
      } else {
        while (i < line.length && !' \t{}#!'.includes(line[i])) text2 += line[i++];
      }
      words.push({ text: text2, span: { start: start + s, end: start + i } });
    }
    flush();
  });
  // a file read only up to the nesting bound has its blocks left open: that is said once, above
  if (!stopped)
    for (let b: KaBlock | null = cur; b && b.parent; b = b.parent)
      problems.push({
        message: `block '${maskSecretsInLine(b.header.map((w) => w.text).join(' '))}' is not closed (missing })`,
        span: b.header[0]?.span ?? b.span,
      });
  return { root, problems };
}

/** The blocks of keepalived.conf(5) that hold other settings, at the top level or inside an instance. */
const BLOCK_KEYWORDS = new Set([
  'global_defs',
  'linkbeat_interfaces',
  'static_ipaddress',
  'static_routes',
  'static_rules',
  'vrrp_sync_group',
  'vrrp_script',
  'vrrp_track_process',
  'vrrp_track_file',
  'vrrp_instance',
  'virtual_server_group',
  'virtual_server',
  'real_server',
  'bfd_instance',
  'garp_group',
  'virtual_ipaddress',
  'virtual_ipaddress_excluded',
  'virtual_routes',
  'virtual_rules',
  'track_script',
  'track_interface',
  'track_process',
  'track_file',
  'unicast_peer',
  'authentication',
  'notification_email',
  'HTTP_GET',
  'SSL_GET',
  'TCP_CHECK',
  'MISC_CHECK',
  'SMTP_CHECK',
  'DNS_CHECK',
  'BFD_CHECK',
  'url',
]);

export const blocks = (b: KaBlock, name: string) => b.blocks.filter((x) => x.header[0]?.text === name);
export const stmt = (b: KaBlock, name: string) => b.statements.filter((s) => s.words[0].text === name).pop();
