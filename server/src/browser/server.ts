/**
 * The language server in a web worker (vscode.dev, github.dev, code-server's web extension host):
 * the same session and engine as the node build (lsp/session.ts), with the workspace's files read by
 * the client and no real tools (they need processes). scripts/build.mjs swaps the node host modules
 * (node/files, node/config-files, node/docs, url) for browser/host/*, and fails on any other node module.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startSession } from '../lsp/session';
import { BrowserWorkspace } from './workspace';
import { setRuleDocsBase } from './host/docs';

const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

startSession(connection, {
  createFiles: (analyses, events, conn) => new BrowserWorkspace(analyses, events, conn),
  runtime: 'web worker',
  initialize: (params) => {
    const docs = (params.initializationOptions as { ruleDocsBase?: unknown } | undefined)?.ruleDocsBase;
    if (typeof docs === 'string') setRuleDocsBase(docs);
  },
});
