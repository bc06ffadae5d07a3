/**
 * RabbitMQ's failure arithmetic for the failure simulator (issue 13). Pure: no fs, path or LSP imports.
 *
 * - Khepri (the metadata store by default from RabbitMQ 4.2, the only one from 4.3) is a Raft cluster with a member
 *   on every node: a side can change metadata (declare queues, exchanges, bindings) only with a majority,
 *   ⌊N/2⌋+1 of the N members. A minority side serves cached reads only.
 * - A quorum queue is a Raft group of R replicas: R = `x-quorum-initial-group-size`, else the rabbit app's
 *   `quorum_cluster_size` (3 in rabbitmq-server's deps/rabbit defaults), capped at the cluster size when declared.
 *   It serves while ⌊R/2⌋+1 replicas reach each other. Replicas are placed at random, so without their placement
 *   the simulator can only say whether the loss is "possible" (some placement loses a majority) or "certain"
 *   (every placement does). Replicas are not re-grown after a node fails, so the failure needs no history.
 * - Before 4.3 (Mnesia), `cluster_partition_handling` decides what a cut does: `ignore` (the default) and
 *   `autoheal` keep both sides running (a split brain; autoheal restarts the losers when the network heals, their
 *   changes lost), `pause_minority` pauses every node that sees no more than half of the cluster, and
 *   `pause_if_all_down` pauses a node that reaches none of the listed nodes.
 */
import { ClusterSide, nodes, num, Verdict } from './types';

export type PartitionHandling = 'ignore' | 'pause_minority' | 'autoheal' | { pauseIfAllDown: string[]; recover: 'ignore' | 'autoheal' };

export interface RabbitConfig {
  nodes: string[];
  /** Present: RabbitMQ before 4.3 on Mnesia, with this `cluster_partition_handling`. Absent: the Khepri store. */
  partitionHandling?: PartitionHandling;
  /** Replicas of each quorum queue (`x-quorum-initial-group-size` or `quorum_cluster_size`); default 3. */
  queueReplicas?: number;
  /** Whether the services' queues are quorum queues (kolla: `om_enable_rabbitmq_quorum_queues`); default true. */
  quorumQueues?: boolean;
}

/** Whether quorum queues lose their majority: for no placement of their replicas, for some, or for every one. */
export type Likelihood = 'none' | 'possible' | 'certain';

export interface QueueOutcome {
  /** R: replicas per queue after the cap at the cluster size. */
  replicas: number;
  /** ⌊R/2⌋+1. */
  majority: number;
  /** Whether a queue is left without a running majority of its replicas. */
  unavailable: Likelihood;
  /** Whether a queue is left with no running replica at all. */
  allReplicasDown: Likelihood;
  explain: string;
}

export interface RabbitResult {
  sides: ClusterSide[];
  queues: QueueOutcome;
  verdict: Verdict;
  explain: string;
}

/** The default replica count of a quorum queue: the rabbit app's `quorum_cluster_size`. */
export const DEFAULT_QUEUE_REPLICAS = 3;

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

function handlingName(h: PartitionHandling): string {
  return typeof h === 'string' ? h : `pause_if_all_down (${h.pauseIfAllDown.join(', ')}; ${h.recover})`;
}

function side(c: RabbitConfig, members: string[]): ClusterSide {
  const n = c.nodes.length;
  const k = members.length;
  const h = c.partitionHandling;
  const majority = Math.floor(n / 2) + 1;
  if (h === undefined) {
    const quorate = k >= majority;
    const explain = `RabbitMQ (Khepri): ${k} of ${n} nodes ${quorate ? 'reach' : 'fall short of'} the majority of ${majority}, so this side ${
      quorate ? 'can change metadata (declares, bindings)' : 'cannot declare queues, exchanges or bindings and serves cached reads only'
    }`;
    return { partition: members, votes: k, expected: n, quorum: `at least ${majority}`, quorate, running: quorate, explain };
  }
  if (h === 'pause_minority') {
    const quorate = 2 * k > n;
    const explain = `RabbitMQ pause_minority: ${k} of ${n} nodes ${quorate ? 'is' : 'is not'} more than ${num(n / 2)}, so this side ${quorate ? 'keeps running' : 'pauses'}`;
    return { partition: members, votes: k, expected: n, quorum: `more than ${num(n / 2)}`, quorate, running: quorate, explain };
  }
  if (typeof h === 'object') {
    const seen = h.pauseIfAllDown.filter((x) => members.includes(x));
    const quorate = seen.length > 0;
    const explain = quorate
      ? `RabbitMQ pause_if_all_down: this side reaches ${seen.join(', ')}, so it keeps running`
      : `RabbitMQ pause_if_all_down: this side reaches none of ${h.pauseIfAllDown.join(', ')}, so it pauses`;
    return {
      partition: members,
      votes: k,
      expected: n,
      quorum: `one of ${h.pauseIfAllDown.join(', ')}`,
      quorate,
      running: quorate,
      explain,
    };
  }
  const explain = `RabbitMQ ${h}: ${k} of ${n} nodes keep running whatever their number (no quorum check on Mnesia)`;
  return { partition: members, votes: k, expected: n, quorum: `none (${h})`, quorate: 2 * k > n, running: true, explain };
}

/**
 * Quorum queues' fate given the running sides' sizes and the number of nodes not running (failed or paused).
 * Some placement loses the majority iff the R replicas fit with at most ⌊R/2⌋ on each running side and the rest on
 * stopped nodes; every placement loses it iff no running side can hold ⌊R/2⌋+1 of them.
 */
export function queueOutcome(replicas: number, running: number[], stopped: number): QueueOutcome {
  const total = running.reduce((a, x) => a + x, 0) + stopped;
  const r = Math.max(1, Math.min(replicas, total));
  const majority = Math.floor(r / 2) + 1;
  const largest = running.reduce((a, x) => Math.max(a, x), 0);
  const room = running.reduce((a, x) => a + Math.min(x, majority - 1), 0) + stopped;
  const unavailable: Likelihood = largest < majority ? 'certain' : room >= r ? 'possible' : 'none';
  const allReplicasDown: Likelihood = largest === 0 ? 'certain' : stopped >= r ? 'possible' : 'none';
  let explain = `quorum queues with ${r} ${plural(r, 'replica', 'replicas')} need ${majority} running together: `;
  if (unavailable === 'certain')
    explain += `the largest running side has ${nodes(largest)}, fewer than ${majority}, so every queue is unavailable`;
  else if (unavailable === 'possible')
    explain +=
      running.length === 1
        ? `${stopped} of ${total} nodes stopped is at least ${r - majority + 1}, so a queue whose majority sat on them is unavailable (placement unknown)`
        : `the replicas of a queue can be spread so that no side holds ${majority}, so some queues may be unavailable (placement unknown)`;
  else explain += `every placement keeps ${majority} on the side of ${nodes(largest)}`;
  if (allReplicasDown === 'possible') explain += `; with ${stopped} nodes stopped a queue may have no running replica at all`;
  return { replicas: r, majority, unavailable, allReplicasDown, explain };
}

/** The cluster after a scenario: `partitions` are the groups of nodes alive that reach each other (others ignored). */
export function evaluate(c: RabbitConfig, partitions: string[][]): RabbitResult {
  const sides: ClusterSide[] = [];
  for (const group of partitions) {
    const present = new Set(group);
    const members = c.nodes.filter((n) => present.has(n));
    if (members.length > 0) sides.push(side(c, members));
  }
  const n = c.nodes.length;
  const running = sides.filter((x) => x.running);
  const runningNodes = running.reduce((a, x) => a + x.partition.length, 0);
  // A Khepri minority still runs its quorum queue replicas (each queue is its own Raft group); a paused Mnesia node does not.
  const hosting = c.partitionHandling === undefined ? sides : running;
  const queues = queueOutcome(
    c.queueReplicas ?? DEFAULT_QUEUE_REPLICAS,
    hosting.map((x) => x.partition.length),
    n - hosting.reduce((a, x) => a + x.partition.length, 0),
  );
  const useQueues = c.quorumQueues !== false;
  const store = c.partitionHandling === undefined ? 'Khepri' : `Mnesia, ${handlingName(c.partitionHandling)}`;

  let verdict: Verdict;
  let explain: string;
  if (running.length === 0) {
    verdict = 'down';
    explain =
      sides.length === 0
        ? `RabbitMQ (${store}): no node is running`
        : `RabbitMQ (${store}): no side ${c.partitionHandling === undefined ? `has the metadata majority of ${Math.floor(n / 2) + 1}` : 'keeps running'} (${sides.map((x) => `${x.partition.length} of ${n}`).join(', ')}); ${queues.explain}`;
  } else if (running.length > 1) {
    verdict = 'split-brain';
    explain = `RabbitMQ (${store}): ${running.length} sides keep running apart (${running.map((x) => x.partition.join('+')).join(' | ')})`;
    const h = c.partitionHandling;
    if (h === 'autoheal' || (typeof h === 'object' && h.recover === 'autoheal'))
      explain +=
        '; at heal autoheal keeps the side with the most client connections, then the most nodes, and restarts the others, losing their changes';
  } else if (useQueues && queues.unavailable === 'certain') {
    verdict = 'down';
    explain = `RabbitMQ (${store}): ${running[0].partition.join(', ')} ${running[0].partition.length === 1 ? 'runs' : 'run'}, but ${queues.explain}`;
  } else {
    verdict = runningNodes === n ? 'available' : 'degraded';
    explain =
      verdict === 'available'
        ? `RabbitMQ (${store}): all ${n} nodes run together`
        : `RabbitMQ (${store}): ${runningNodes} of ${n} nodes (${running[0].partition.join(', ')}) keep running`;
    if (useQueues && queues.unavailable === 'possible') explain += `; ${queues.explain}`;
  }
  if (useQueues && verdict !== 'down' && verdict !== 'available' && queues.unavailable === 'none') explain += `; ${queues.explain}`;
  return { sides, queues, verdict, explain };
}
