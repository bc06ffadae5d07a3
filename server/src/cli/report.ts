/** The report of one file, as the output formats and baselines take it. */
import type { Finding, Severity } from '../engine/types';
import type { LineIndex } from '../engine/text/line-index';

export interface FileReport {
  file: string;
  lines: LineIndex;
  findings: Finding[];
  /** A file or folder that could not be read: it has its file-unreadable finding, and is not counted as checked. */
  unread?: boolean;
  /** A settings file (.openstack-ha.yaml) with findings of its own: reported, and not counted among the files checked. */
  settings?: boolean;
  /** Each finding's fingerprint (fingerprint.ts), when already computed. */
  fingerprints?: string[];
  /** Each finding's state against a baseline, when one was given. */
  states?: BaselineState[];
}
/** What a baseline held back: the findings it holds, and its entries no longer found. */
export interface BaselineSummary {
  baselined: number;
  absent: number;
}
export interface BaselineEntry {
  rule: string;
  file: string;
  fingerprint: string;
  /** How many findings share the key (1 unless a rule reports the same thing twice at one place). */
  count: number;
  severity: Severity;
  message: string;
}
/** A finding's place in the comparison with a baseline (SARIF's baselineState). */
export type BaselineState = 'new' | 'unchanged';
