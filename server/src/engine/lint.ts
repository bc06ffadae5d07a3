/**
 * The one entry point: a document's text in, its model and findings (with fixes) out. Each kind's
 * check is its language's (languages/<kind>.ts); lintAs and lintFile pick the language, and the
 * kinds' own functions are named here for the callers that know the kind (the tests, the bench).
 * What every check shares lives in check.ts.
 */
import { EMPTY_CONFIG, LintConfig } from './config';
import { detectKind, languageOf } from './languages';
import type { ConfContext, LintResult, ManifestParser } from './check';
import type { DocumentKind } from './types';

export type { DocumentKind } from './types';
export type { ConfContext, LintResult, ManifestParser } from './check';
export { detectKind };
export { lintManifest } from './languages/manifest';
export { lintConf } from './languages/oslo-conf';
export { lintHaproxy } from './languages/haproxy';
export { lintCorosync } from './languages/corosync';
export { lintKeepalived } from './languages/keepalived';
export { lintCnf } from './languages/galera';
export { lintPacemaker } from './languages/pacemaker';
export { lintFirewall } from './languages/firewall';
export { lintClustercheck } from './languages/clustercheck';

export function lintFile(path: string, text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult | null {
  const kind = detectKind(path, text);
  return kind ? lintAs(kind, path, text, config, context) : null;
}

/** A file of a known kind (the editor and the CLI detect it first); a manifest gets `parser` when the caller keeps one. */
export function lintAs(
  kind: DocumentKind,
  path: string,
  text: string,
  config: LintConfig = EMPTY_CONFIG,
  context: ConfContext = {},
  parser?: ManifestParser,
): LintResult {
  return languageOf(kind).lint(path, text, config, context, parser);
}
