/**
 * One template for the quorum rules: every Pacemaker cluster and every clustered service is a
 * "voting group" (members, votes, where the list is written). Rules over sizes and failure
 * domains take their parameters, not a copy of this loop.
 */
import { Span } from '../../types';
import { Manifest } from '../../documents/manifest/model';
import { clusterVotes, memberNames, serviceNodeNames } from '../../documents/manifest/queries';

export interface VotingGroup {
  label: string;
  /** How the quorum is formed, for messages: "quorum", "a Galera primary component" ... */
  quorumName: string;
  members: string[];
  votes: number;
  span: Span;
  hasQuorumDevice: boolean;
  /** A Pacemaker cluster with corosync two_node: a 1:1 split keeps both nodes quorate, and fencing decides. */
  twoNode?: boolean;
  /** STONITH is switched off on the cluster. */
  fencingOff?: boolean;
  /** Clustered services on a Pacemaker cluster, with a quorum of their own (Galera, RabbitMQ) that two_node does not change. */
  ownQuorum?: string[];
}

/**
 * A clustered service placed on a Pacemaker cluster has the cluster's members, so the cluster's
 * finding covers it (and names it); a service on a node list or another kind of cluster is its own group.
 */
export function votingGroups(m: Manifest): VotingGroup[] {
  const out: VotingGroup[] = [];
  const riders = new Map<string, string[]>();
  for (const s of m.services.values()) {
    if (s.mode?.value !== 'clustered' || !s.on) continue;
    const c = s.on.kind === 'cluster' ? m.clusters.get(s.on.ref.value) : undefined;
    if (c?.manager === 'pacemaker') {
      riders.set(c.name, [...(riders.get(c.name) ?? []), s.name]);
      continue;
    }
    const members = serviceNodeNames(m, s);
    if (members.length === 0) continue;
    const via = c ? ` (on cluster '${c.name}')` : '';
    out.push({
      label: `${s.name}${via}`,
      quorumName: quorumNameOf(s.info?.name ?? s.name),
      members,
      votes: members.length,
      span: s.on.span,
      hasQuorumDevice: false,
    });
  }
  for (const c of m.clusters.values()) {
    if (c.manager !== 'pacemaker' || !c.members) continue;
    const on = riders.get(c.name);
    const quorumName = on ? `quorum (${on.join(' and ')} on it split the same way)` : 'quorum';
    const ownQuorum = (on ?? []).filter((n) => {
      const info = m.services.get(n)?.info?.name;
      return info === 'galera' || info === 'rabbitmq';
    });
    out.push({
      label: `cluster '${c.name}'`,
      quorumName,
      members: memberNames(c),
      votes: clusterVotes(c),
      span: c.members.span,
      hasQuorumDevice: !!c.quorumDevice,
      twoNode: c.corosync?.twoNode?.value === true,
      fencingOff: c.stonith?.value === false,
      ownQuorum,
    });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function quorumNameOf(service: string): string {
  if (service === 'galera') return 'a Galera primary component';
  if (service === 'rabbitmq') return 'a RabbitMQ majority';
  return 'quorum';
}
