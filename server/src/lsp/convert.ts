/** Engine results -> LSP types. The only place that knows both vocabularies. */
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { Finding, Fix, Severity, Span, TextEdit } from '../engine/types';
import { LineIndex } from '../engine/text/line-index';

export const SOURCE = 'openstack-ha';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(lines: LineIndex, s: Span): Range {
  return lines.range(s.start, s.end);
}

export function toDiagnostic(lines: LineIndex, f: Finding, docUri: (id: string) => string): Diagnostic {
  return {
    range: toRange(lines, f.span),
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.rule,
    codeDescription: { href: docUri(f.rule) },
    message: f.message,
  };
}

export function toTextEdits(lines: LineIndex, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(lines, e), newText: e.newText }));
}

export function fixToAction(uri: string, lines: LineIndex, fix: Fix, diagnostic: Diagnostic): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred,
    edit: { changes: { [uri]: toTextEdits(lines, fix.edits) } },
  };
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
