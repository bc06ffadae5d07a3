/**
 * Shared shapes of the failure simulator's engine (issue 13). Pure data: no fs, path or LSP imports.
 * The names follow the JSON contract in docs of `openstack-ha simulate` (clusters[], services[].verdict).
 */

/** A service's verdict after a scenario (see the simulate contract). */
export type Verdict = 'available' | 'degraded' | 'down' | 'split-brain' | 'blocked';

/** One cluster, seen from one partition side that holds any of its members. */
export interface ClusterSide {
  /** The cluster's members on this side, in the cluster's own order. */
  partition: string[];
  /** What this side counts (Galera: weight of the last primary component's members here; RabbitMQ: nodes). */
  votes: number;
  /** What it is measured against (Galera: weight of the last primary component; RabbitMQ: cluster size). */
  expected: number;
  /** The threshold in words and numbers, e.g. "more than 1.5" or "at least 2". */
  quorum: string;
  quorate: boolean;
  /** Whether this side serves (Galera: primary; RabbitMQ: not paused and, with Khepri, quorate). */
  running: boolean;
  /** The arithmetic in words and numbers. */
  explain: string;
}

/** Formats a number for an explanation: integers as they are, halves as "1.5". */
export function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** "1 node" / "2 nodes". */
export function nodes(n: number): string {
  return n === 1 ? '1 node' : `${n} nodes`;
}
