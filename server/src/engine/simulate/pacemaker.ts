/**
 * Pacemaker for the failure simulator: what a partition side does with its resources once corosync
 * has said whether it is quorate (no-quorum-policy), and whether the quorate side can recover the
 * resources of nodes it lost (fencing must succeed first: a fence device in the failed domain, or a
 * node's own BMC on a power loss, blocks recovery). See failure-math.md section 1.
 * (Interface fixed; the arithmetic is being written.)
 */
import type { Verdict } from './types';

export type NoQuorumPolicy = 'stop' | 'freeze' | 'ignore' | 'demote' | 'suicide' | 'fence';

export interface FenceDevice {
  name: string;
  /** The nodes it can fence; every member when absent. */
  targets?: string[];
  /**
   * What it needs alive to work: the node it sits in (a BMC: fence_ipmilan for that node) and/or the
   * failure domain it is powered from (a PDU in rack-a). Absent: always reachable.
   */
  hostNode?: string;
  domain?: string;
}

export interface PacemakerConfig {
  nodes: string[];
  /** stop when absent (Pacemaker's default). */
  noQuorumPolicy?: NoQuorumPolicy;
  /** stonith-enabled (Pacemaker's default is true). */
  stonith: boolean;
  /** Known fence devices; absent: not known (fencing assumed to work when stonith is on). */
  fencing?: FenceDevice[];
}

/** How a node failed: `power` takes its BMC and its domain's devices with it; `crash` leaves its BMC. */
export type FailureKind = 'crash' | 'power';

export interface PacemakerSideInput {
  partition: string[];
  quorate: boolean;
}

export interface PacemakerSide {
  partition: string[];
  quorate: boolean;
  /** Resources run on this side (quorate, or no-quorum-policy ignore/freeze keeping what runs). */
  runs: boolean;
  /** This side can start the lost nodes' resources (quorate and every lost node fenced). */
  recovers: boolean;
  /** The lost nodes this side cannot fence, with why. */
  unfenced: { node: string; why: string }[];
  explain: string;
}

export interface PacemakerResult {
  sides: PacemakerSide[];
  /** For an active-passive resource group on the cluster. */
  verdict: Verdict;
  explain: string;
}

/**
 * `sides`: corosync's verdict per side; `lost`: members not on a side (failed) with how they failed;
 * `downDomains`: failure domains that lost power.
 */
export function evaluate(
  _c: PacemakerConfig,
  _sides: PacemakerSideInput[],
  _lost: { node: string; how: FailureKind }[],
  _downDomains: string[],
): PacemakerResult {
  throw new Error('Pacemaker simulation is not written yet');
}
