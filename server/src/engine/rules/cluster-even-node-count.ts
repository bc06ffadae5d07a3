import { Rule } from './rule';
import { votingGroups } from './support/quorum';
import { quorumOf } from '../documents/manifest/queries';

export const rule: Rule = {
  meta: {
    id: 'cluster-even-node-count', severity: 'warning', fixable: false, tools: { 'corosync -t': 'accepts' }, topic: 'odd-cluster-size', guide: '2016:intro-ha-arch-pacemaker',
    title: 'A cluster or clustered service has an even number of votes',
    why: 'One network fault can split an even-sized cluster into two equal halves, and neither half keeps the majority quorum needs, so both stop. Use 3, 5 or 7 votes, or add a quorum device.',
  },
  check(ctx) {
    for (const g of votingGroups(ctx.manifest)) {
      if (g.votes < 4 || g.votes % 2 !== 0) continue; // 2 votes is cluster-min-three-nodes' finding
      const half = g.votes / 2;
      ctx.report({ span: g.span, message: `${g.label} has ${g.votes} votes; a ${half}:${half} split leaves no side with the ${quorumOf(g.votes)} needed for ${g.quorumName}` });
    }
  },
};
