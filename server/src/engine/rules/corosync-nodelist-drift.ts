import { defineRule } from './rule';
import { CorosyncFacts, corosyncFacts } from '../documents/corosync/facts';
import { ClusterFacts, describeHost, hostsRelated, sameHost, Topology } from '../model/topology';
import { Related } from '../types';

/** A node of the nodelist: its name and ring addresses as written (documents/corosync/facts.ts). */
type Member = CorosyncFacts['nodes'][number];

const matches = (m: Member, h: { name?: string; address?: string }) =>
  (m.name !== undefined && sameHost(m.name.value, h)) || m.addresses.some((a) => sameHost(a.value, h));

/** The manifest's cluster this nodelist is: the Pacemaker cluster of the same name, else the one sharing most nodes. */
function clusterOf(t: Topology, name: string | undefined, members: Member[]): ClusterFacts | undefined {
  const pcmk = t.clusters.filter((c) => c.manager === 'pacemaker');
  const byName = pcmk.find((c) => c.name === name);
  if (byName) return byName;
  let best: { c: ClusterFacts; n: number } | undefined;
  for (const c of pcmk) {
    const n = c.members.filter((h) => members.some((m) => matches(m, h))).length;
    if (n && (!best || n > best.n)) best = { c, n };
  }
  return best?.c;
}

export const rule = defineRule({
  meta: {
    id: 'corosync-nodelist-drift',
    severity: 'warning',
    fixable: false,
    tools: { 'corosync -t': 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'corosync',
    title: "The corosync nodelist and the manifest's cluster members disagree",
    why: "Corosync counts votes over its nodelist, not over what the deployment says: a member the nodelist leaves out never joins (and the cluster has one node fewer than planned), a node the manifest does not have is a vote nobody accounts for, and a ring address that is not the node's address makes it talk on another network. One of the two files is wrong; the message says which values differ.",
  },
  on: {
    corosync(ctx) {
      const t = ctx.topology;
      if (!t) return;
      const facts = corosyncFacts(ctx.file);
      const members = facts.nodes;
      if (!facts.nodelistSpan || !members.length) return;
      const c = clusterOf(t, facts.clusterName?.value, members);
      if (!c || !c.members.length) return;
      const where: Related[] =
        t.file && (c.membersSpan ?? c.span)
          ? [{ file: t.file, span: c.membersSpan ?? c.span, message: `members of cluster '${c.name}' in ${t.source}` }]
          : [];
      const list = c.members.map((h) => h.name ?? h.address).join(', ');
      for (const m of members) {
        const host = c.members.find((h) => matches(m, h));
        const label = m.name?.value ?? m.addresses[0]?.value ?? 'node';
        if (!host) {
          ctx.report({
            span: (m.name ?? m.addresses[0])?.span ?? m.span,
            message: `node ${label} of the nodelist is not a member of cluster '${c.name}' in ${t.source} (${list}): its vote counts toward quorum, though the deployment does not plan it`,
            related: where,
          });
          continue;
        }
        // the node is named: its ring addresses must be its address
        if (host.address && m.name && sameHost(m.name.value, host)) {
          const other = m.addresses.find(
            (a) =>
              /^[\d.:a-fA-F]+$/.test(a.value) &&
              a.value.includes('.') &&
              !sameHost(a.value, { address: host.address }) &&
              m.addresses.length === 1,
          );
          if (other)
            ctx.report({
              span: other.span,
              message: `${label}'s ring address is ${other.value}, but ${t.source} gives ${host.name ?? label} the address ${host.address}`,
              related: hostsRelated(t, [host], () => `${host.name} in ${t.source}`),
            });
        }
      }
      const missing = c.members.filter((h) => !members.some((m) => matches(m, h)));
      if (missing.length) {
        ctx.report({
          span: facts.nodelistSpan,
          message: `the nodelist leaves out ${missing.map(describeHost).join(', ')}, member${missing.length === 1 ? '' : 's'} of cluster '${c.name}' in ${t.source}: ${missing.length === 1 ? 'it never joins' : 'they never join'} the cluster corosync forms`,
          related: [...where, ...hostsRelated(t, missing, (h) => `${h.name ?? h.address} in ${t.source}`)],
        });
      }
    },
  },
});
