/** Facts and edits the corosync rules share. */
import { block, CoroBlock, CoroFile, entry } from '../../documents/corosync/parse';
import { indentAt } from '../../text/lines';
import { TextEdit } from '../../types';
import { CoroRuleContext } from './rule';

export const totem = (f: CoroFile) => block(f.root, 'totem')[0];
export const quorum = (f: CoroFile) => block(f.root, 'quorum')[0];
export const nodes = (f: CoroFile) => block(f.root, 'nodelist').flatMap((n) => block(n, 'node'));
/** The votes of the nodelist: each node's quorum_votes, 1 when it does not say. */
export const nodelistVotes = (f: CoroFile) => nodes(f).reduce((sum, n) => sum + (Number(entry(n, 'quorum_votes')?.value ?? 1) || 0), 0);
export const interfaces = (f: CoroFile) => (totem(f) ? block(totem(f), 'interface') : []);
export const isOn = (v?: string) => v !== undefined && /^(1|yes|on|true)$/i.test(v);
export const isOff = (v?: string) => v !== undefined && /^(0|no|off|false)$/i.test(v);

/**
 * The votes of the nodelist for quorum (a quorum device counts one), where the nodelist is, and
 * whether two_node is on: what cluster-min-three-nodes and cluster-even-node-count judge in corosync.conf.
 */
export function nodelistQuorumVotes(
  ctx: CoroRuleContext,
): { n: number; span: { start: number; end: number }; twoNode: boolean } | undefined {
  const list = nodes(ctx.file);
  const nl = block(ctx.file.root, 'nodelist')[0];
  if (!list.length || !nl) return undefined;
  const q = quorum(ctx.file);
  const device = q && block(q, 'device').length ? 1 : 0;
  return { n: nodelistVotes(ctx.file) + device, span: nl.nameSpan, twoNode: !!q && isOn(entry(q, 'two_node')?.value) };
}

/** `key: value` in a block: the value replaced, or a line added after the block's opening in its indentation. */
export function setEntry(text: string, b: CoroBlock, key: string, val: string): TextEdit {
  const e = entry(b, key);
  if (e) return { start: e.valueSpan.start, end: e.valueSpan.end, newText: val };
  const firstStart = b.entries[0]?.keySpan.start ?? b.blocks[0]?.nameSpan.start;
  const indent = firstStart !== undefined ? indentAt(text, firstStart) : `${indentAt(text, b.nameSpan.start)}    `;
  return {
    start: b.span.start + text.slice(b.span.start).indexOf('{') + 1,
    end: b.span.start + text.slice(b.span.start).indexOf('{') + 1,
    newText: `\n${indent}${key}: ${val}`,
  };
}

/** A whole line out, for an entry that must go. */
export function dropLine(text: string, span: { start: number; end: number }): TextEdit {
  const start = text.lastIndexOf('\n', span.start - 1) + 1;
  const nl = text.indexOf('\n', span.end);
  return { start, end: nl < 0 ? text.length : nl + 1, newText: '' };
}
