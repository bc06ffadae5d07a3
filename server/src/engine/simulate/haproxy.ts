/**
 * HAProxy behind a VIP for the failure simulator: which backends of a balanced service the VIP's
 * holder can still reach. HAProxy runs beside the VIP (the holder's HAProxy answers), and sends to
 * the servers its health checks find up: those alive on the holder's side of a partition.
 * (Interface fixed; being written.)
 */
import type { Verdict } from './types';

export interface BackendsResult {
  /** The service's nodes the VIP holder's HAProxy reaches. */
  reached: string[];
  verdict: Verdict;
  explain: string;
}

/**
 * `holders`: the VIP's holders after the step; `partitions`: the groups of alive nodes;
 * `backends`: the service's nodes.
 */
export function backendsBehind(
  _service: string,
  _vip: string,
  _holders: string[],
  _partitions: string[][],
  _backends: string[],
): BackendsResult {
  throw new Error('HAProxy simulation is not written yet');
}
