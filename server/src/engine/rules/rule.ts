/** What a rule is: its id, metadata and check. One file per rule under rules/. */
import { Environment, Fix, Severity, Span } from '../types';
import { Manifest } from '../documents/manifest/model';

/** The HA stack's own checkers, named as the docs and the differential suites name them. */
export const REAL_TOOLS = ['haproxy -c', 'keepalived -t', 'corosync -t', 'mariadbd', 'crm_verify', 'crmsh', 'iptables-restore', 'nft', 'oslo-config-validator'] as const;
export type RealTool = typeof REAL_TOOLS[number];
/**
 * What a real tool does with a file that a rule reports: it `refuses` it too (our error is its
 * error), it takes it and `warns`, or it `accepts` it (a defect of HA that no tool checks; the
 * rule's doc says why the error is right all the same).
 */
export type ToolVerdict = 'refuses' | 'warns' | 'accepts';

export interface RuleMeta {
  id: string;
  severity: Severity;
  /** One line: what the rule reports. */
  title: string;
  /** Why it matters, in our words (hover on a finding, SARIF help). */
  why: string;
  /** Guide page(s), see knowledge/guide.ts. */
  guide?: string;
  topic?: string;
  fixable: boolean;
  /**
   * For each real tool that reads the files this rule checks, its verdict on what the rule reports
   * as an error (on what it reports, for a rule that never reports errors). Absent when no tool
   * reads them (the manifest). docs/rules/<id>.md says the same under "Real tool".
   */
  tools?: Partial<Record<RealTool, ToolVerdict>>;
}

export interface Report { span: Span; message: string; fixes?: Fix[]; severity?: Severity }

export interface RuleContext {
  manifest: Manifest;
  text: string;
  environment: Environment;
  report(r: Report): void;
}

export interface Rule { meta: RuleMeta; check(ctx: RuleContext): void }
