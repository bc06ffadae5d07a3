import { defineRule } from './rule';
import { votingGroups } from './support/quorum';
import { quorumOf } from '../documents/manifest/queries';

export const rule = defineRule({
  meta: {
    id: 'failure-domain-concentration',
    severity: 'warning',
    fixable: false,
    topic: 'failure-domain',
    guide: 'intro-ha-key-concepts',
    title: "Half or more of a quorum's votes share one failure domain",
    why: 'Nodes in one rack, on one power feed or in one room fail together. If they hold half of the votes or more, losing that one domain takes quorum with it, however many nodes survive elsewhere.',
  },
  on: {
    manifest(ctx) {
      const m = ctx.manifest;
      for (const g of votingGroups(m)) {
        if (g.votes < 3) continue; // one or two votes: cluster-min-three-nodes says it all
        const byDomain = new Map<string, string[]>();
        for (const name of g.members) {
          const d = m.nodes.get(name)?.failureDomain?.value;
          if (d !== undefined) byDomain.set(String(d), [...(byDomain.get(String(d)) ?? []), name]);
        }
        const heavy = [...byDomain].filter(([, names]) => names.length * 2 >= g.votes).sort((a, b) => b[1].length - a[1].length);
        if (!heavy.length) continue;
        const [domain, names] = heavy[0];
        const also = heavy.slice(1).map(([d, n]) => `'${d}' holds ${n.length} too`);
        ctx.report({
          span: g.span,
          message: `${names.length} of the ${g.votes} votes of ${g.label} share failure domain '${domain}' (${names.join(', ')}); losing it leaves ${g.votes - names.length}, short of the ${quorumOf(g.votes)} needed for ${g.quorumName}${also.length ? `; ${also.join(', ')}` : ''}`,
        });
      }
    },
  },
});
