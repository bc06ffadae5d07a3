/**
 * A cluster's or clustered service's resilience in one line, for code lenses and the topology
 * picture: "3 votes · quorum 2 · survives 1 failure". "Survives k" means every set of k members
 * failing at once leaves a side that serves (quorate corosync, a Galera primary, a running RabbitMQ,
 * a keepalived master). Members the arithmetic cannot tell apart are tried as one (any 2 of 16
 * equal voters, not all 120 pairs), so a lens costs a few manager steps per k; where that still
 * makes more than a bound of sets, only the heaviest members are tried (the worst case for a majority).
 */
import { membersOf, SimCluster, SimModel } from './model';
import * as votequorum from './votequorum';
import * as galera from './galera';
import * as rabbitmq from './rabbitmq';
import * as keepalived from './keepalived';

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

/**
 * Members the arithmetic cannot tell apart share a class: with failures alone (no partition), corosync
 * counts votes, Galera weights and RabbitMQ nodes, so which members of one weight fail does not matter.
 * A member with a role of its own (auto_tie_breaker's node, qnetd's host, a pause_if_all_down node,
 * a keepalived instance with its priority) is a class by itself.
 */
function classOf(c: SimCluster, name: string): string {
  switch (c.kind) {
    case 'pacemaker':
    case 'corosync':
      // only auto_tie_breaker picks a node on one side; qdevice's tie-breaker only chooses between sides
      return c.quorum.autoTieBreaker || name === c.qnetdHost ? `=${name}` : `v${weightOf(c, name)}`;
    case 'galera':
      return `w${weightOf(c, name)}`;
    case 'rabbitmq': {
      const h = c.config.partitionHandling;
      return typeof h === 'object' && h.pauseIfAllDown.includes(name) ? `=${name}` : 'n';
    }
    case 'keepalived':
      return `=${name}`;
  }
}

/** How many ways to fail k members taking whole counts per class (sizes): the sets summary() tries. */
function countChoices(sizes: number[], k: number): number {
  // ways[j]: the ways to take j members from the classes seen so far
  let ways: number[] = Array.from({ length: k + 1 }, (_, j) => (j === 0 ? 1 : 0));
  for (const size of sizes) {
    const next = ways.map(() => 0);
    for (let j = 0; j <= k; j++) for (let t = 0; t <= Math.min(size, j); t++) next[j] += ways[j - t];
    ways = next;
  }
  return ways[k];
}

/** Visits each way to fail k members, one per count per class (the first members of each class); stops when visit says false. */
function choices(classes: string[][], k: number, visit: (failed: string[]) => boolean): boolean {
  const pick: string[] = [];
  const walk = (i: number, left: number): boolean => {
    if (i === classes.length) return left > 0 || visit(pick);
    const most = Math.min(classes[i].length, left);
    for (let t = 0; t <= most; t++) {
      pick.push(...classes[i].slice(0, t));
      const ok = walk(i + 1, left - t);
      pick.length -= t;
      if (!ok) return false;
    }
    return true;
  };
  return walk(0, k);
}

function weightOf(c: SimCluster, name: string): number {
  if (c.kind === 'pacemaker' || c.kind === 'corosync') return c.quorum.nodes.find((n) => n.name === name)?.votes ?? 1;
  if (c.kind === 'galera') return c.config.nodes.find((n) => n.name === name)?.weight ?? 1;
  return 1;
}

/**
 * Whether the cluster still has a serving side with `failed` down (the rest of the deployment up):
 * the cluster's own manager on the survivors, as scenario.ts runs it for one settled step.
 */
function serves(c: SimCluster, members: string[], failed: string[]): boolean {
  const alive = [members.filter((n) => !failed.includes(n))];
  switch (c.kind) {
    case 'pacemaker':
    case 'corosync': {
      const qnetdUp = c.qnetdHost === undefined || !failed.includes(c.qnetdHost);
      return votequorum.step(c.quorum, votequorum.initialState(c.quorum), alive, { qnetdUp }).sides.some((x) => x.quorate);
    }
    case 'galera': {
      const v = galera.step(c.config, galera.initialState(c.config), alive).verdict;
      return v === 'available' || v === 'degraded';
    }
    case 'rabbitmq': {
      const v = rabbitmq.evaluate(c.config, alive).verdict;
      return v === 'available' || v === 'degraded';
    }
    case 'keepalived':
      return keepalived.step(c.config, keepalived.initialState(c.config), alive).sides.some((x) => x.quorate);
  }
}

export function clusterSummary(m: SimModel, c: SimCluster): ClusterSummary {
  const members = membersOf(c);
  const n = members.length;
  const byClass = new Map<string, string[]>();
  for (const name of members) {
    const key = classOf(c, name);
    const list = byClass.get(key);
    if (list) list.push(name);
    else byClass.set(key, [name]);
  }
  const classes = [...byClass.values()];
  let survives = 0;
  for (let k = 1; k < n; k++) {
    let ok: boolean;
    if (
      countChoices(
        classes.map((x) => x.length),
        k,
      ) <= MAX_SETS
    )
      ok = choices(classes, k, (failed) => serves(c, members, failed));
    else {
      const heaviest = [...members].sort((a, b) => weightOf(c, b) - weightOf(c, a)).slice(0, k);
      ok = serves(c, members, heaviest);
    }
    if (!ok) break;
    survives = k;
  }
  void m; // the cluster's own members decide; the signature keeps the model for the picture's callers
  const { votes, quorum } = threshold(c);
  // keepalived counts instances, not votes: VRRP has no quorum
  const unit = c.kind === 'keepalived' ? 'instance' : 'vote';
  const text = `${votes} ${votes === 1 ? unit : `${unit}s`} · ${quorum} · survives ${survives} ${survives === 1 ? 'failure' : 'failures'}`;
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
