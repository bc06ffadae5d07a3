/** The engine's vocabulary. Ranges are string offsets [start, end) into one document's text. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Span { start: number; end: number }

export interface TextEdit { start: number; end: number; newText: string }

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `lint --fix`; the others are offered in the editor only. */
  safe: boolean;
  /** The fix the editor marks as preferred (one per finding at most). */
  preferred?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
}

export type Environment = 'production' | 'staging' | 'test' | 'demo';
export const ENVIRONMENTS: readonly Environment[] = ['production', 'staging', 'test', 'demo'];
/** test and demo relax the rules that only make sense for production (fencing, minimum sizes). */
export function isProductionLike(env: Environment): boolean { return env === 'production' || env === 'staging'; }
