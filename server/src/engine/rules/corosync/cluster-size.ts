/** cluster-min-three-nodes and cluster-even-node-count on a corosync nodelist (the same ids as the manifest's). */
import { CoroRule } from './rule';
import { isOn, nodelistVotes, nodes, quorum } from './support';
import { block, entry } from '../../documents/corosync/parse';
import { quorumOf } from '../../documents/manifest/queries';
import { rule as minThree, twoNodeCost } from '../cluster-min-three-nodes';
import { rule as even } from '../cluster-even-node-count';
import { isProductionLike } from '../../types';

function votes(ctx: Parameters<CoroRule['check']>[0]): { n: number; span: { start: number; end: number }; twoNode: boolean } | undefined {
  const list = nodes(ctx.file);
  const nl = block(ctx.file.root, 'nodelist')[0];
  if (!list.length || !nl) return undefined;
  const q = quorum(ctx.file);
  const device = q && block(q, 'device').length ? 1 : 0;
  return { n: nodelistVotes(ctx.file) + device, span: nl.nameSpan, twoNode: !!q && isOn(entry(q, 'two_node')?.value) };
}

export const minThreeRule: CoroRule = {
  meta: minThree.meta,
  check(ctx) {
    const v = votes(ctx);
    if (!v || v.n >= 3) return;
    // corosync.conf does not say whether fencing is on: the cost of two_node is said, with fencing assumed
    if (v.n === 2 && v.twoNode) { ctx.report({ span: v.span, severity: 'info', message: twoNodeCost('the nodelist', 'two_node: 1', false, []).message }); return; }
    ctx.report({ span: v.span, severity: isProductionLike(ctx.environment) ? 'error' : 'warning',
      message: v.n === 1 ? 'the nodelist has 1 node: it cannot survive the loss of its only member' : `the nodelist has ${v.n} votes; a 1:1 split leaves neither side with the ${quorumOf(v.n)} needed for quorum (use at least 3)` });
  },
};

export const evenRule: CoroRule = {
  meta: even.meta,
  check(ctx) {
    const v = votes(ctx);
    if (!v || v.n < 4 || v.n % 2) return;
    ctx.report({ span: v.span, message: `the nodelist has ${v.n} votes; a ${v.n / 2}:${v.n / 2} split leaves no side with the ${quorumOf(v.n)} needed for quorum` });
  },
};
