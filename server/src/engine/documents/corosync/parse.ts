/**
 * corosync.conf with exact positions: nested `name { ... }` blocks of `key: value` entries, `#`
 * comments on their own lines. Braces may share a line with a key (`node { ring0_addr: a nodeid: 1 }`
 * is not corosync syntax, so one item per line is what we read, as corosync's parser does).
 */
import { Span } from '../../types';
import { forEachLine } from '../../text/lines';
import { MAX_NESTING, tooDeepMessage } from '../../text/depth';
import { maskSecretsInLine } from '../../text/secrets';

/** A line quoted in a message, masked before it is cut so a cut never leaves part of a credential. */
const shortLine = (line: string) => (line.length > 50 ? line.slice(0, 47) + '...' : line);

export interface CoroEntry {
  key: string;
  keySpan: Span;
  value: string;
  valueSpan: Span;
  line: number;
  span: Span;
}
export interface CoroBlock {
  name: string;
  nameSpan: Span;
  span: Span;
  line: number;
  entries: CoroEntry[];
  blocks: CoroBlock[];
  parent: CoroBlock | null;
  closeEnd: number;
}
export interface CoroFile {
  root: CoroBlock;
  problems: { message: string; span: Span }[];
}

export function parseCorosync(text: string): CoroFile {
  const root: CoroBlock = {
    name: '',
    nameSpan: { start: 0, end: 0 },
    span: { start: 0, end: text.length },
    line: 0,
    entries: [],
    blocks: [],
    parent: null,
    closeEnd: text.length,
  };
  const problems: CoroFile['problems'] = [];
  let cur = root;
  let depth = 0;
  let stopped = false;
  forEachLine(text, (line, start, lineNo) => {
    if (stopped) return;
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (!body || body.startsWith('#')) return;
    const s = start + lead;
    let m = /^([A-Za-z0-9_.-]+)\s*\{\s*$/.exec(body);
    if (m && depth >= MAX_NESTING) {
      // the walks over blocks recurse per level: past the bound the rest of the file is not read
      problems.push({ message: tooDeepMessage('blocks'), span: { start: s, end: s + body.length } });
      stopped = true;
      return;
    }
    if (m) {
      depth++;
      const b: CoroBlock = {
        name: m[1],
        nameSpan: { start: s, end: s + m[1].length },
        span: { start: s, end: s + body.length },
        line: lineNo,
        entries: [],
        blocks: [],
        parent: cur,
        closeEnd: s + body.length,
      };
      cur.blocks.push(b);
      cur = b;
      return;
    }
    if (body === '}') {
      if (!cur.parent) {
        problems.push({ message: 'a } closes no block', span: { start: s, end: s + 1 } });
        return;
      }
      cur.span = { start: cur.span.start, end: s + 1 };
      cur.closeEnd = s;
      cur = cur.parent;
      depth--;
      return;
    }
    m = /^([A-Za-z0-9_.-]+)\s*:\s*(.*)$/.exec(body); // body is trimmed: no (.*?)\s*$, quadratic on a run of spaces
    if (m) {
      const vStart = s + body.indexOf(m[2], m[1].length + 1);
      cur.entries.push({
        key: m[1],
        keySpan: { start: s, end: s + m[1].length },
        value: m[2],
        valueSpan: { start: vStart, end: vStart + m[2].length },
        line: lineNo,
        span: { start: s, end: s + body.length },
      });
      return;
    }
    problems.push({
      message: `'${shortLine(maskSecretsInLine(body))}' is neither 'key: value', 'name {' nor '}'`,
      span: { start: s, end: s + body.length },
    });
  });
  // a file read only up to the nesting bound has its blocks left open: that is said once, above
  if (!stopped)
    for (let b: CoroBlock | null = cur; b && b.parent; b = b.parent)
      problems.push({ message: `block '${b.name}' is not closed (missing })`, span: b.nameSpan });
  checkIntegers(root, '', problems);
  return { root, problems };
}

export const block = (b: CoroBlock, name: string) => b.blocks.filter((x) => x.name === name);
export const entry = (b: CoroBlock | undefined, key: string) => b?.entries.filter((e) => e.key === key).pop();
export const value = (b: CoroBlock | undefined, key: string) => entry(b, key)?.value;

/** Keys corosync reads as unsigned integers: anything else stops it at start-up (`corosync -t` says so). */
const INTEGER_KEYS = new Set([
  'version',
  'token',
  'token_retransmits_before_loss_const',
  'token_retransmit',
  'join',
  'consensus',
  'max_messages',
  'threads',
  'netmtu',
  'window_size',
  'nodeid',
  'ringnumber',
  'linknumber',
  'mcastport',
  'expected_votes',
  'two_node',
  'wait_for_all',
  'last_man_standing',
  'last_man_standing_window',
  'auto_tie_breaker',
  'votes',
  'knet_link_priority',
  'knet_ping_interval',
  'knet_ping_timeout',
]);

function checkIntegers(b: CoroBlock, path: string, problems: CoroFile['problems']): void {
  for (const e of b.entries) {
    if (INTEGER_KEYS.has(e.key) && !/^\d+$/.test(e.value))
      problems.push({
        message: `${path}${e.key} must be a whole number, not '${e.value}'`,
        span: e.valueSpan.end > e.valueSpan.start ? e.valueSpan : e.keySpan,
      });
  }
  for (const c of b.blocks) checkIntegers(c, `${path}${c.name}.`, problems);
}
