/** The engine's vocabulary. Ranges are string offsets [start, end) into one document's text. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Span {
  start: number;
  end: number;
}

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `lint --fix`; the others are offered in the editor only. */
  safe: boolean;
  /** The fix the editor marks as preferred (one per finding at most). */
  preferred?: boolean;
}

/** The HA stack's own checkers, named as the docs and the differential suites name them. */
export const REAL_TOOLS = [
  'haproxy -c',
  'keepalived -t',
  'corosync -t',
  'mariadbd',
  'crm_verify',
  'crmsh',
  'iptables-restore',
  'nft',
  'oslo-config-validator',
] as const;
export type RealTool = (typeof REAL_TOOLS)[number];
/**
 * What a real tool does with a file that a rule reports: it `refuses` it too (our error is its
 * error), it takes it and `warns`, or it `accepts` it (a defect of HA that no tool checks; the
 * rule's doc says why the error is right all the same).
 */
export type ToolVerdict = 'refuses' | 'warns' | 'accepts';

/** Another place a finding compared with: the manifest's member list, the peer node's line. */
export interface Related {
  /** The file's path in the workspace (as the host gave it to the engine). */
  file: string;
  span: Span;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
  /** The real tools' verdict on this finding, where it differs from its rule's. */
  tools?: Partial<Record<RealTool, ToolVerdict>>;
  /** The facts in other files this finding compared with (LSP relatedInformation, SARIF relatedLocations). */
  related?: Related[];
}

/** Every kind of file the product checks: written once, in kinds.ts (languages/index.ts says how each is recognised). */
export type { DocumentKind } from './kinds';

export type Environment = 'production' | 'staging' | 'test' | 'demo';
export const ENVIRONMENTS: readonly Environment[] = ['production', 'staging', 'test', 'demo'];
/** test and demo relax the rules that only make sense for production (fencing, minimum sizes). */
export function isProductionLike(env: Environment): boolean {
  return env === 'production' || env === 'staging';
}
