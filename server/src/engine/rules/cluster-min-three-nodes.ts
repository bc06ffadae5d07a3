import { defineRule } from './rule';
import { nodelistQuorumVotes as votes } from './corosync/support';
import { votingGroups } from './support/quorum';
import { plural, quorumOf } from '../documents/manifest/queries';
import { isProductionLike } from '../types';

export const rule = defineRule({
  meta: {
    id: 'cluster-min-three-nodes',
    severity: 'error',
    fixable: false,
    tools: { 'corosync -t': 'accepts' },
    topic: 'odd-cluster-size',
    guide: '2016:intro-ha-arch-pacemaker',
    title: 'A cluster or clustered service has fewer than 3 votes',
    why: 'Quorum is a strict majority. With one or two votes, losing a single member (or the link between two) leaves no majority: the survivors stop, or fence each other. Pacemaker, Galera and RabbitMQ all want at least three. Reported as a warning in test and demo environments. A two-node Pacemaker cluster with corosync two_node and fencing is supported (after a split, fencing decides which node survives): that is reported as information on what it costs, unless STONITH is off or Galera or RabbitMQ, whose own quorum two_node does not change, run on it.',
  },
  on: {
    manifest(ctx) {
      for (const g of votingGroups(ctx.manifest)) {
        if (g.votes >= 3 || g.votes === 0) continue;
        const severity = isProductionLike(ctx.environment) ? 'error' : 'warning';
        if (g.votes === 2 && g.twoNode) {
          const report = twoNodeCost(g.label, 'corosync two_node', g.fencingOff, g.ownQuorum ?? []);
          ctx.report({ span: g.span, message: report.message, severity: report.broken ? severity : 'info' });
          continue;
        }
        const message =
          g.votes === 1
            ? `${g.label} has 1 vote: it cannot survive the loss of its only member`
            : `${g.label} has ${plural(g.votes, 'vote')}; a 1:1 split leaves neither side with the ${quorumOf(g.votes)} needed for ${g.quorumName} (use at least 3)`;
        ctx.report({ span: g.span, message, severity });
      }
    },
    // the nodelist of corosync.conf: its votes, a quorum device's included
    corosync(ctx) {
      const v = votes(ctx);
      if (!v || v.n >= 3) return;
      // corosync.conf does not say whether fencing is on: the cost of two_node is said, with fencing assumed
      if (v.n === 2 && v.twoNode) {
        ctx.report({ span: v.span, severity: 'info', message: twoNodeCost('the nodelist', 'two_node: 1', false, []).message });
        return;
      }
      ctx.report({
        span: v.span,
        severity: isProductionLike(ctx.environment) ? 'error' : 'warning',
        message:
          v.n === 1
            ? 'the nodelist has 1 node: it cannot survive the loss of its only member'
            : `the nodelist has ${v.n} votes; a 1:1 split leaves neither side with the ${quorumOf(v.n)} needed for quorum (use at least 3)`,
      });
    },
  },
});

/**
 * What a two-node cluster with corosync two_node costs. It is supported with fencing: a 1:1 split
 * keeps both nodes quorate and the first to fence the other wins. Without fencing both keep running
 * everything; and Galera or RabbitMQ on the cluster keep a quorum of their own that two_node does not touch.
 */
export function twoNodeCost(
  label: string,
  setting: string,
  fencingOff: boolean | undefined,
  ownQuorum: string[],
): { message: string; broken: boolean } {
  if (fencingOff)
    return {
      broken: true,
      message: `${label} has 2 votes with ${setting} and STONITH off: after a 1:1 split both nodes keep quorum and both run every resource`,
    };
  if (ownQuorum.length)
    return {
      broken: true,
      message: `${label} has 2 votes: ${setting} keeps Pacemaker quorate after a 1:1 split, but ${ownQuorum.join(' and ')} on it ${ownQuorum.length > 1 ? 'have quorums' : 'has a quorum'} of ${ownQuorum.length > 1 ? 'their' : 'its'} own, which neither node keeps (use at least 3)`,
    };
  return {
    broken: false,
    message: `${label} has 2 votes with ${setting}: a 1:1 split keeps both nodes quorate and fencing decides which survives (a fence race: give one node a fencing delay); after both stop, wait_for_all keeps the cluster down until both are back. A third node or a quorum device avoids the race`,
  };
}
