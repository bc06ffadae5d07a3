/**
 * Runs a scenario (failed nodes, failed domains, network partitions, in ordered steps) over a
 * deployment's SimModel and says, per cluster side, VIP and service, what happens, in the shape of
 * `openstack-ha simulate --format json` (spec/simulate.md).
 */
import type { ClusterKind, SimModel } from './model';
import type { Verdict } from './types';

/** One settled step of a scenario. Failed nodes stay failed in later steps unless recovered. */
export interface Step {
  /** Nodes that fail at once. */
  fail?: string[];
  /** Failure domains whose every node fails (a rack losing power: BMCs and PDUs in it too). */
  failDomains?: string[];
  /** The network cut into groups; nodes not listed are in the first group. */
  partition?: string[][];
  /** Nodes that come back (a later step of a sequence). */
  recover?: string[];
}

export interface Scenario {
  /** "ctl-b fails"; made from the steps when absent. */
  name?: string;
  steps: Step[];
}

export interface ClusterResult {
  name: string;
  kind: ClusterKind;
  partition: string[];
  votes: number;
  expected: number;
  quorum: number | string;
  quorate: boolean;
  explain: string;
}

export interface VipResult {
  name: string;
  holders: string[];
  explain: string;
}

export interface ServiceResult {
  name: string;
  verdict: Verdict;
  running: string[];
  explain: string;
}

export interface ScenarioResult {
  name: string;
  failed: string[];
  partitions: string[][];
  clusters: ClusterResult[];
  vips: VipResult[];
  services: ServiceResult[];
  /** The steps before the last one, for a sequence (each in this same shape, without `steps`). */
  steps?: ScenarioResult[];
}

/** The worst verdicts first (for enumerations and exit codes). */
export const VERDICT_ORDER: Verdict[] = ['split-brain', 'down', 'blocked', 'degraded', 'available'];

export function simulate(_m: SimModel, _s: Scenario): ScenarioResult {
  throw new Error('not written yet');
}
