import { defineRule } from './rule';
import { replaceFix } from '../documents/manifest/edits';
import { memberNames, quorumOf } from '../documents/manifest/queries';
import { property } from '../documents/pacemaker/model';
import { isProductionLike } from '../types';

export const rule = defineRule({
  meta: {
    id: 'quorum-ignored-multi-node',
    severity: 'error',
    fixable: true,
    tools: { crm_verify: 'accepts', crmsh: 'accepts' },
    topic: 'no-quorum-policy',
    guide: 'intro-ha-key-concepts',
    title: 'no_quorum_policy: ignore in a cluster of more than two members',
    why: 'ignore lets a partition without quorum keep its resources. It was a workaround for two-node clusters; with three or more members it lets both sides of a split run the same services.',
  },
  on: {
    manifest(ctx) {
      for (const c of ctx.manifest.clusters.values()) {
        const n = memberNames(c).length;
        if (c.manager !== 'pacemaker' || c.noQuorumPolicy?.value !== 'ignore' || n <= 2) continue;
        ctx.report({
          span: c.noQuorumPolicy.span,
          message: `cluster '${c.name}' ignores the loss of quorum with ${n} members: after a split, the side without the ${quorumOf(n)} votes keeps running its resources too`,
          fixes: [{ ...replaceFix(c.noQuorumPolicy.span, 'stop', true, 'Set no_quorum_policy: stop'), preferred: true }],
        });
      }
    },
    // no-quorum-policy=ignore in a Pacemaker configuration (CIB, crm or pcs)
    pacemaker(ctx) {
      const p = property(ctx.model, 'no-quorum-policy');
      if (!p || p.value.trim().toLowerCase() !== 'ignore') return;
      const n = ctx.model.nodes;
      const fixes = [
        {
          title: 'Set no-quorum-policy=stop',
          safe: false,
          preferred: true,
          edits: [{ start: p.span.start, end: p.span.end, newText: 'stop' }],
        },
      ];
      if (n !== undefined && n > 2) {
        ctx.report({
          span: p.span,
          message: `no-quorum-policy=ignore in a cluster of ${n} nodes: the side of a split without quorum keeps running the same resources as the side with it`,
          fixes,
        });
      } else if (isProductionLike(ctx.environment)) {
        ctx.report({
          span: p.span,
          severity: n === undefined ? 'warning' : 'error',
          message:
            n === undefined
              ? `no-quorum-policy=ignore in a ${ctx.environment} deployment: a partition without quorum keeps its resources; ignore was a two-node workaround, which corosync's two_node: 1 replaces`
              : `no-quorum-policy=ignore in a ${n}-node ${ctx.environment} cluster: use corosync's two_node: 1 (with wait_for_all) instead, or add a third node`,
          fixes,
        });
      }
    },
  },
});
