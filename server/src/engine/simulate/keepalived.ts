/**
 * keepalived/VRRP for the failure simulator: who holds a VRRP instance's VIPs after a step.
 * (Interface fixed; the arithmetic is being written: see failure-math.md section 5.)
 */
import { ClusterSide, Verdict } from './types';

/** A tracked script, interface or ping target. */
export interface Tracker {
  name: string;
  /** 0: a failure puts the instance in FAULT; > 0 adds when up; < 0 subtracts |w| when down. */
  weight: number;
  /** `reverse`: the tracker's effect is inverted. */
  reverse?: boolean;
  /**
   * What it watches, as the simulator can judge it: a node name (down when that node is not on the
   * instance's side). Absent: it stays up in every scenario (a local script or interface).
   */
  watches?: string;
}

export interface KeepalivedInstance {
  node: string;
  /** `priority` as written (1-255; 255 is the address owner). */
  priority: number;
  /** `state` as written; MASTER or BACKUP. */
  state?: 'MASTER' | 'BACKUP';
  nopreempt?: boolean;
  /** The node's primary address: with equal priority the higher address wins. */
  address?: string;
  trackers?: Tracker[];
}

export interface KeepalivedConfig {
  vrid?: number;
  /** The VIPs the instance moves, by the model's VIP names. */
  vips: string[];
  instances: KeepalivedInstance[];
}

export interface KeepalivedState {
  /** The node holding the VIPs on each side after the step (several: a duplicate VIP). */
  holders: string[];
}

export interface KeepalivedStep {
  /** votes = instances on the side, expected = all instances, quorum "none (VRRP has no quorum)". */
  sides: ClusterSide[];
  holders: string[];
  state: KeepalivedState;
  /** available: one holder, every instance up; degraded: one holder; down: none; split-brain: several. */
  verdict: Verdict;
  explain: string;
}

export function initialState(_c: KeepalivedConfig): KeepalivedState {
  throw new Error('keepalived simulation is not written yet');
}

/** One settled step: `partitions` are the groups of alive nodes that hear each other. */
export function step(_c: KeepalivedConfig, _s: KeepalivedState, _partitions: string[][]): KeepalivedStep {
  throw new Error('keepalived simulation is not written yet');
}
