/** "Show documentation for <rule>": the rule's page (docs/rules/<id>.md, shipped with the extension) opens rendered. */
import * as vscode from 'vscode';
import type { ShowDocumentParams, ShowDocumentResult, ResponseError } from 'vscode-languageclient';

/** The client's window/showDocument middleware: a rule page goes to the Markdown preview, anything else on. */
export async function showRuleDocument(
  params: ShowDocumentParams,
  next: (p: ShowDocumentParams) => ShowDocumentResult | ResponseError<void> | PromiseLike<ShowDocumentResult | ResponseError<void>>,
): Promise<ShowDocumentResult | ResponseError<void>> {
  const uri = vscode.Uri.parse(params.uri);
  // by its path: on the desktop a file: URI, in the web build the extension's own (vscode-remote:, https:)
  if (!/\/docs\/rules\/[\w.-]+\.md$/.test(uri.path)) return next(params);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return { success: true };
  } catch {
    // no Markdown preview (the built-in extension disabled): the page as a file
    return next(params);
  }
}
