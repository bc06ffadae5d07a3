/** What a rule is: its id, metadata and check. One file per rule under rules/. */
import { Environment, Fix, Severity, Span } from '../types';
import { Manifest } from '../documents/manifest/model';

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
}

export interface Report { span: Span; message: string; fixes?: Fix[]; severity?: Severity }

export interface RuleContext {
  manifest: Manifest;
  text: string;
  environment: Environment;
  report(r: Report): void;
}

export interface Rule { meta: RuleMeta; check(ctx: RuleContext): void }
