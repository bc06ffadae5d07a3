/** The diagnostics of a .openstack-ha.yaml being edited, and its findings for the code actions. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { checkConfig, ConfigError } from '../engine/config';
import { finish } from '../engine/check';
import { LineIndex } from '../engine/text/line-index';
import { Finding } from '../engine/types';
import { ruleDocUri } from '../node/docs';
import { SOURCE, toDiagnostic, toRange } from './convert';

export interface ConfigText {
  lines: LineIndex;
  /** Unknown rule ids, as the file itself configures them (it may turn unknown-rule-id down, or off). */
  findings: Finding[];
  /** What makes the file unusable: every setting of it is then ignored. */
  error?: ConfigError;
}

export function checkConfigText(text: string, file: string): ConfigText {
  const lines = new LineIndex(text);
  try {
    const c = checkConfig(text, file);
    return { lines, findings: finish(c.findings, text, lines, c.config) };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return { lines, findings: [], error: e };
  }
}

export function configDiagnostics(text: string, file: string): Diagnostic[] {
  const c = checkConfigText(text, file);
  const problems: Diagnostic[] = (c.error?.problems ?? []).map((p) => ({
    range: toRange(c.lines, p.span ?? { start: 0, end: 0 }),
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'config-error',
    message: p.message,
  }));
  return [...problems, ...c.findings.map((f) => toDiagnostic(c.lines, f, ruleDocUri))];
}
