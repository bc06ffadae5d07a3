/** quorum-ignored-multi-node (the manifest's id) on no-quorum-policy=ignore in a Pacemaker configuration. */
import { PmRule } from './rule';
import { property } from '../../documents/pacemaker/model';
import { rule as manifestRule } from '../quorum-ignored-multi-node';
import { isProductionLike } from '../../types';

export const rule: PmRule = {
  meta: manifestRule.meta,
  check(ctx) {
    const p = property(ctx.model, 'no-quorum-policy');
    if (!p || p.value.trim().toLowerCase() !== 'ignore') return;
    const n = ctx.model.nodes;
    const fixes = [{ title: 'Set no-quorum-policy=stop', safe: false, preferred: true, edits: [{ start: p.span.start, end: p.span.end, newText: 'stop' }] }];
    if (n !== undefined && n > 2) {
      ctx.report({ span: p.span, message: `no-quorum-policy=ignore in a cluster of ${n} nodes: the side of a split without quorum keeps running the same resources as the side with it`, fixes });
    } else if (isProductionLike(ctx.environment)) {
      ctx.report({
        span: p.span, severity: n === undefined ? 'warning' : 'error',
        message: n === undefined
          ? `no-quorum-policy=ignore in a ${ctx.environment} deployment: a partition without quorum keeps its resources; ignore was a two-node workaround, which corosync's two_node: 1 replaces`
          : `no-quorum-policy=ignore in a ${n}-node ${ctx.environment} cluster: use corosync's two_node: 1 (with wait_for_all) instead, or add a third node`,
        fixes,
      });
    }
  },
};
