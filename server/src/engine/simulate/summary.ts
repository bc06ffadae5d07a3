/**
 * A cluster's or clustered service's resilience in one line, for code lenses and the topology
 * picture: "3 votes · quorum 2 · survives 1 failure". "Survives k" means every set of k members
 * failing at once leaves a side that serves (quorate corosync, a Galera primary, a running RabbitMQ,
 * a keepalived master); the sets are tried one by one up to a bound, beyond it the heaviest members
 * first (the worst case for a majority).
 */
import { membersOf, SimCluster, SimModel } from './model';
import * as votequorum from './votequorum';
import { simulate } from './scenario';

/** Beyond this many sets of k members, only the heaviest k are tried. */
const MAX_SETS = 2000;

export interface ClusterSummary {
  /** What the cluster counts (votes or weight) when every member is up. */
  votes: number;
  /** The threshold in words: "quorum 2", "primary needs more than 1.5". */
  quorum: string;
  /** How many members can fail at once, whichever they are. */
  survives: number;
  members: number;
  /** "3 votes · quorum 2 · survives 1 failure". */
  text: string;
}

function combinations(n: number, k: number, visit: (idx: number[]) => boolean): boolean {
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    if (!visit(idx)) return false;
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return true;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}

const count = (n: number, k: number): number => {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c;
};

function weightOf(c: SimCluster, name: string): number {
  if (c.kind === 'pacemaker' || c.kind === 'corosync') return c.quorum.nodes.find((n) => n.name === name)?.votes ?? 1;
  if (c.kind === 'galera') return c.config.nodes.find((n) => n.name === name)?.weight ?? 1;
  return 1;
}

/** Whether the cluster still has a serving side with `failed` down (the rest of the deployment up). */
function serves(m: SimModel, c: SimCluster, failed: string[]): boolean {
  if (c.kind === 'galera' || c.kind === 'rabbitmq') {
    // their own verdict decides: a primary component, a running side with its queues' majority
    const svc = { name: c.name, mode: 'clustered' as const, nodes: membersOf(c), cluster: c.name, vips: [] };
    const v = simulate({ ...m, clusters: [c], vips: [], services: [svc] }, { steps: [{ fail: failed }] }).services[0].verdict;
    return v === 'available' || v === 'degraded';
  }
  const r = simulate({ ...m, clusters: [c], vips: [], services: [] }, { steps: [{ fail: failed }] });
  return r.clusters.some((x) => x.quorate);
}

export function clusterSummary(m: SimModel, c: SimCluster): ClusterSummary {
  const members = membersOf(c);
  const n = members.length;
  let survives = 0;
  for (let k = 1; k < n; k++) {
    let ok: boolean;
    if (count(n, k) <= MAX_SETS)
      ok = combinations(n, k, (idx) =>
        serves(
          m,
          c,
          idx.map((i) => members[i]),
        ),
      );
    else {
      const heaviest = [...members].sort((a, b) => weightOf(c, b) - weightOf(c, a)).slice(0, k);
      ok = serves(m, c, heaviest);
    }
    if (!ok) break;
    survives = k;
  }
  const { votes, quorum } = threshold(c);
  const text = `${votes} ${votes === 1 ? 'vote' : 'votes'} · ${quorum} · survives ${survives} ${survives === 1 ? 'failure' : 'failures'}`;
  return { votes, quorum, survives, members: n, text };
}

function threshold(c: SimCluster): { votes: number; quorum: string } {
  switch (c.kind) {
    case 'pacemaker':
    case 'corosync': {
      const o = votequorum.effectiveOptions(c.quorum);
      const e = o.configuredExpected;
      return { votes: e, quorum: `quorum ${o.twoNode ? 1 : Math.floor(e / 2) + 1}` };
    }
    case 'galera': {
      const w = c.config.nodes.reduce((a, x) => a + (x.weight ?? 1), 0);
      return { votes: w, quorum: `primary needs more than ${w / 2}` };
    }
    case 'rabbitmq':
      return { votes: c.config.nodes.length, quorum: `majority ${Math.floor(c.config.nodes.length / 2) + 1}` };
    case 'keepalived':
      return { votes: c.config.instances.length, quorum: 'no quorum (VRRP)' };
  }
}
