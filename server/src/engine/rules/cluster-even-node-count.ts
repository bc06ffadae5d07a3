import { defineRule } from './rule';
import { nodelistQuorumVotes as votes } from './corosync/support';
import { votingGroups } from './support/quorum';
import { quorumOf } from '../documents/manifest/queries';

export const rule = defineRule({
  meta: {
    id: 'cluster-even-node-count',
    severity: 'warning',
    fixable: false,
    tools: { 'corosync -t': 'accepts' },
    topic: 'odd-cluster-size',
    guide: '2016:intro-ha-arch-pacemaker',
    title: 'A cluster or clustered service has an even number of votes',
    why: 'One network fault can split an even-sized cluster into two equal halves, and neither half keeps the majority quorum needs, so both stop. Use 3, 5 or 7 votes, or add a quorum device.',
  },
  on: {
    manifest(ctx) {
      for (const g of votingGroups(ctx.manifest)) {
        if (g.votes < 4 || g.votes % 2 !== 0) continue; // 2 votes is cluster-min-three-nodes' finding
        const half = g.votes / 2;
        ctx.report({
          span: g.span,
          message: `${g.label} has ${g.votes} votes; a ${half}:${half} split leaves no side with the ${quorumOf(g.votes)} needed for ${g.quorumName}`,
        });
      }
    },
    // the nodelist of corosync.conf: its votes, a quorum device's included
    corosync(ctx) {
      const v = votes(ctx);
      if (!v || v.n < 4 || v.n % 2) return;
      ctx.report({
        span: v.span,
        message: `the nodelist has ${v.n} votes; a ${v.n / 2}:${v.n / 2} split leaves no side with the ${quorumOf(v.n)} needed for quorum`,
      });
    },
  },
});
