/**
 * What every rule says of itself (RuleMeta) and what a check reports (Report), apart from rule.ts so
 * that each kind's context (rules/<kind>/rule.ts) can name Report without rule.ts naming it back.
 */
import { Fix, RealTool, Related, Severity, Span, ToolVerdict } from '../types';

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

export interface Report {
  span: Span;
  message: string;
  fixes?: Fix[];
  severity?: Severity;
  /** The real tools' verdict on this finding, where it is not the rule's (RuleMeta.tools). */
  tools?: Partial<Record<RealTool, ToolVerdict>>;
  /** The facts in other files it compared with. */
  related?: Related[];
}
