/** LSP request handlers: thin adapters from LSP params to the engine's language service. */
import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  CompletionItem,
  CompletionItemKind,
  CompletionParams,
  Connection,
  DefinitionParams,
  DocumentSymbol,
  DocumentSymbolParams,
  Hover,
  HoverParams,
  Location,
  MarkupKind,
  PrepareRenameParams,
  ReferenceParams,
  RenameParams,
  ResponseError,
  SymbolKind,
  TextDocuments,
  WorkspaceEdit,
  Range,
  ExecuteCommandParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysis';
import type { Analysis as EngineAnalysis } from '../engine/analyse';
import { fixToAction, sameRange, SOURCE, toRange, toTextEdits } from './convert';
import { definition, prepareRename, references, rename, RenameError, SymbolNode } from '../engine/service/navigation';
import { CompletionKind } from '../engine/service/completion';
import { languageOf } from '../engine/languages';
import { disableFileEdit, disableLineEdit } from '../engine/service/suppress';
import { safeFixEdits } from '../engine/fixes';
import { ruleDocUri } from '../node/docs';
import { ruleMeta } from '../engine/rules';
import { escapeInvisible, escapeInvisibleInMarkdown } from '../engine/text/invisible';
import { snippetItems } from './snippets';
import { CONFIG_FILE_NAMES } from '../engine/config';
import { checkConfigText } from './config-diagnostics';
import { URI } from './uri';

/** A project settings file (.openstack-ha.yaml), by its URI. */
export const isConfigUri = (uri: string) => CONFIG_FILE_NAMES.some((n) => uri.endsWith('/' + n));

export const SHOW_DOC_COMMAND = 'openstack-ha.showRuleDocumentation';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.openstack-ha`;

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  service: CompletionItemKind.Module,
};
const SYMBOL_KIND: Record<SymbolNode['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  node: SymbolKind.Object,
  cluster: SymbolKind.Struct,
  vip: SymbolKind.Constant,
  service: SymbolKind.Module,
  option: SymbolKind.Property,
};

export function registerHandlers(connection: Connection, documents: TextDocuments<TextDocument>, analyses: AnalysisCache): void {
  const get = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const a = analyses.get(doc);
    return a.result ? { doc, r: a.result } : undefined;
  };
  const guard =
    <P, R>(name: string, fn: (p: P) => R, fallback: R) =>
    (p: P): R => {
      try {
        return fn(p);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
        return fallback;
      }
    };

  connection.onHover(
    guard(
      'hover',
      (p: HoverParams): Hover | null => {
        const g = get(p.textDocument.uri);
        if (!g) return null;
        const h = languageOf(g.r.kind).service.hover?.(g.r, g.r.lines.offset(p.position), ruleDocUri);
        if (!h) return null;
        // which deployment the file was checked against, under what the hover says
        const r = g.r as EngineAnalysis;
        const against =
          r.kind === 'manifest'
            ? ''
            : `\n\n---\n*Checked against ${r.manifestFile ? `\`${r.manifestFile.split('/').pop()}\`` : 'no HA manifest'} (${r.environment ?? 'production'}${r.release ? `, ${r.release}` : ''}).*`;
        return {
          contents: { kind: MarkupKind.Markdown, value: escapeInvisibleInMarkdown(h.markdown + against) },
          range: toRange(g.r.lines, h.span),
        };
      },
      null,
    ),
  );

  connection.onCompletion(
    guard(
      'completion',
      (p: CompletionParams): CompletionItem[] => {
        const doc = documents.get(p.textDocument.uri);
        if (!doc) return [];
        const a = analyses.get(doc);
        if (!a.result) return [];
        const lines = a.result.lines;
        const res = languageOf(a.result.kind).service.complete?.(a.result, doc.getText(), lines.offset(p.position));
        // the manifest snippets: in manifests only (the server knows a document's kind, VS Code's snippets do not)
        const snippets =
          a.result.kind === 'manifest'
            ? snippetItems(doc.getText({ start: { line: p.position.line, character: 0 }, end: p.position }), p.position)
            : [];
        if (!res) return snippets;
        const range = toRange(lines, { start: res.replaceStart, end: res.replaceEnd });
        const items: CompletionItem[] = res.items.map((i) => ({
          label: escapeInvisible(i.label),
          kind: COMPLETION_KIND[i.kind],
          detail: i.detail === undefined ? undefined : escapeInvisible(i.detail),
          sortText: i.sortText,
          preselect: i.preselect,
          documentation: i.documentation ? { kind: MarkupKind.Markdown, value: i.documentation } : undefined,
          textEdit: { range, newText: i.insertText },
        }));
        return [...items, ...snippets];
      },
      [],
    ),
  );

  connection.onDocumentSymbol(
    guard(
      'symbols',
      (p: DocumentSymbolParams): DocumentSymbol[] => {
        const g = get(p.textDocument.uri);
        if (!g) return [];
        const conv = (s: SymbolNode): DocumentSymbol => ({
          // names and details quote the file: no bidi or invisible character reaches the outline as it is
          name: escapeInvisible(s.name),
          detail: escapeInvisible(s.detail),
          kind: SYMBOL_KIND[s.kind],
          range: toRange(g.r.lines, s.span),
          selectionRange: toRange(g.r.lines, s.selection),
          children: s.children.map(conv),
        });
        return (languageOf(g.r.kind).service.symbols?.(g.r) ?? []).map(conv);
      },
      [],
    ),
  );

  connection.onDefinition(
    guard(
      'definition',
      (p: DefinitionParams): Location | null => {
        const g = get(p.textDocument.uri);
        if (!g?.r.manifest) return null;
        const s = definition(g.r.manifest, g.r.lines.offset(p.position));
        return s ? { uri: p.textDocument.uri, range: toRange(g.r.lines, s) } : null;
      },
      null,
    ),
  );

  connection.onReferences(
    guard(
      'references',
      (p: ReferenceParams): Location[] => {
        const g = get(p.textDocument.uri);
        if (!g?.r.manifest) return [];
        return references(g.r.manifest, g.r.lines.offset(p.position), p.context.includeDeclaration).map((s) => ({
          uri: p.textDocument.uri,
          range: toRange(g.r.lines, s),
        }));
      },
      [],
    ),
  );

  connection.onPrepareRename(
    guard(
      'prepareRename',
      (p: PrepareRenameParams): { range: Range; placeholder: string } | null => {
        const g = get(p.textDocument.uri);
        if (!g?.r.manifest) return null;
        const r = prepareRename(g.r.manifest, g.r.lines.offset(p.position));
        return r ? { range: toRange(g.r.lines, r.span), placeholder: r.placeholder } : null;
      },
      null,
    ),
  );

  connection.onRenameRequest(
    guard(
      'rename',
      (p: RenameParams): WorkspaceEdit | null => {
        const g = get(p.textDocument.uri);
        if (!g?.r.manifest) return null;
        try {
          return {
            changes: { [p.textDocument.uri]: toTextEdits(g.r.lines, rename(g.r.manifest, g.r.lines.offset(p.position), p.newName)) },
          };
        } catch (e) {
          if (e instanceof RenameError) throw new ResponseError(-32602, e.message);
          throw e;
        }
      },
      null,
    ),
  );

  connection.onCodeAction(
    guard(
      'codeAction',
      (p: CodeActionParams): CodeAction[] => {
        const settingsDoc = documents.get(p.textDocument.uri);
        if (settingsDoc && isConfigUri(settingsDoc.uri)) return configActions(settingsDoc, p);
        const g = get(p.textDocument.uri);
        if (!g) return [];
        const { r, doc } = g;
        const uri = p.textDocument.uri;
        const only = p.context.only;
        const out: CodeAction[] = [];
        const fixAll = (): CodeAction[] => {
          const edits = safeFixEdits(r.findings);
          return edits.length
            ? [
                {
                  title: 'Fix all safely fixable OpenStack HA problems',
                  kind: FIX_ALL_KIND,
                  edit: { changes: { [uri]: toTextEdits(r.lines, edits) } },
                },
              ]
            : [];
        };
        // LSP kinds are hierarchical: a request for `source` wants `source.fixAll.openstack-ha` too
        const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
        if (!wants(CodeActionKind.QuickFix)) return wants(FIX_ALL_KIND) ? fixAll() : [];
        const text = doc.getText();
        for (const d of p.context.diagnostics) {
          if (d.source !== SOURCE || typeof d.code !== 'string') continue;
          const rule = d.code;
          const f = r.findings.find((x) => x.rule === rule && sameRange(toRange(r.lines, x.span), d.range));
          for (const fix of f?.fixes ?? []) out.push(fixToAction(uri, r.lines, fix, d));
          const disable = disableLineEdit(text, { start: r.lines.offset(d.range.start), end: r.lines.offset(d.range.end) }, rule);
          if (disable) {
            out.push({
              title: `Disable ${rule} for this line`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              edit: { changes: { [uri]: toTextEdits(r.lines, [disable]) } },
            });
          }
          const disableFile = disableFileEdit(text, rule);
          if (disableFile) {
            out.push({
              title: `Disable ${rule} for this file`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              edit: { changes: { [uri]: toTextEdits(r.lines, [disableFile]) } },
            });
          }
          if (ruleMeta(rule)) {
            out.push({
              title: `Show documentation for ${rule}`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              command: { title: `Show documentation for ${rule}`, command: SHOW_DOC_COMMAND, arguments: [rule] },
            });
          }
        }
        // after the specific actions, so the preferred quick fix stays first
        return [...out, ...(out.length && wants(FIX_ALL_KIND) ? fixAll() : [])];
      },
      [],
    ),
  );

  /** In .openstack-ha.yaml: the rename of an unknown rule id, and its rule's page (a quick fix, never applied by fix-all). */
  const configActions = (doc: TextDocument, p: CodeActionParams): CodeAction[] => {
    const only = p.context.only;
    if (only && !only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
    const c = checkConfigText(doc.getText(), URI.toPath(doc.uri) ?? doc.uri);
    const out: CodeAction[] = [];
    for (const d of p.context.diagnostics) {
      if (d.source !== SOURCE || typeof d.code !== 'string') continue;
      const rule = d.code;
      const f = c.findings.find((x) => x.rule === rule && sameRange(toRange(c.lines, x.span), d.range));
      if (!f) continue;
      for (const fix of f.fixes) out.push(fixToAction(doc.uri, c.lines, fix, d));
      out.push({
        title: `Show documentation for ${rule}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: `Show documentation for ${rule}`, command: SHOW_DOC_COMMAND, arguments: [rule] },
      });
    }
    return out;
  };

  handleCommand = guard(
    'executeCommand',
    async (p: ExecuteCommandParams) => {
      if (p.command !== SHOW_DOC_COMMAND) return null;
      const rule = String(p.arguments?.[0] ?? '');
      if (!ruleMeta(rule)) return null;
      await connection.window.showDocument({ uri: ruleDocUri(rule), takeFocus: true });
      return null;
    },
    Promise.resolve(null),
  );
}

/** Commands the handlers answer (the server adds its own and registers one handler for all). */
export let handleCommand: (p: ExecuteCommandParams) => Promise<null> = async () => null;
