import { Rule } from './rule';
import { votingGroups } from './support/quorum';
import { plural, quorumOf } from '../documents/manifest/queries';
import { isProductionLike } from '../types';

export const rule: Rule = {
  meta: {
    id: 'cluster-min-three-nodes', severity: 'error', fixable: false, topic: 'odd-cluster-size', guide: '2016:intro-ha-arch-pacemaker',
    title: 'A cluster or clustered service has fewer than 3 votes',
    why: 'Quorum is a strict majority. With one or two votes, losing a single member (or the link between two) leaves no majority: the survivors stop, or fence each other. Pacemaker, Galera and RabbitMQ all want at least three. Reported as a warning in test and demo environments.',
  },
  check(ctx) {
    for (const g of votingGroups(ctx.manifest)) {
      if (g.votes >= 3 || g.votes === 0) continue;
      const severity = isProductionLike(ctx.environment) ? 'error' : 'warning';
      const message = g.votes === 1
        ? `${g.label} has 1 vote: it cannot survive the loss of its only member`
        : `${g.label} has ${plural(g.votes, 'vote')}; a 1:1 split leaves neither side with the ${quorumOf(g.votes)} needed for ${g.quorumName} (use at least 3)`;
      ctx.report({ span: g.span, message, severity });
    }
  },
};
