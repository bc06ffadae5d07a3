import { Rule } from './rule';
import { replaceFix } from '../documents/manifest/edits';
import { memberNames, quorumOf } from '../documents/manifest/queries';

export const rule: Rule = {
  meta: {
    id: 'quorum-ignored-multi-node', severity: 'error', fixable: true, tools: { 'crm_verify': 'accepts', 'crmsh': 'accepts' }, topic: 'no-quorum-policy', guide: 'intro-ha-key-concepts',
    title: 'no_quorum_policy: ignore in a cluster of more than two members',
    why: 'ignore lets a partition without quorum keep its resources. It was a workaround for two-node clusters; with three or more members it lets both sides of a split run the same services.',
  },
  check(ctx) {
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
};
