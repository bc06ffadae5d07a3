/**
 * The language server: wires LSP (vscode-languageserver) to the engine. Started by the VS Code
 * client over IPC, or by any editor as `openstack-ha-language-server --stdio`. What is shared with
 * the browser build (browser/server.ts) is in lsp/session.ts; here: the disk and the real tools.
 */
import { VERSION } from './version';
import { createConnection, ProposedFeatures, Connection, Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from './lsp/uri';
import { checkerFor, ToolRunner } from './node/real-tools';
import { messagesToShow, subjectsOf } from './node/tool-messages';
import { WorkspaceFiles } from './lsp/workspace-files';
import { SessionContext, startSession } from './lsp/session';

export { CHECK_WORKSPACE_COMMAND, STATS_REQUEST, FILE_CONTEXT_NOTIFICATION, DEBOUNCE_MS } from './lsp/session';

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const runner = new ToolRunner();
  /** The real tool's messages of the last save, per document, shown beside ours until the next save. */
  const toolDiagnostics = new Map<string, Diagnostic[]>();

  const runRealTool = async (doc: TextDocument, { connection, documents, analyses, workspaceTrusted, publish }: SessionContext) => {
    const opts = analyses.settings.realTools;
    const file = URI.toPath(doc.uri);
    if (!opts?.runOnSave || !file) return;
    if (!workspaceTrusted()) {
      connection.console.info(`real tools: not run on ${file}: the workspace is not trusted`);
      return;
    }
    // the kind the analysis of this version already found
    const checker = checkerFor(analyses.get(doc).result?.kind ?? null, file);
    if (!checker) return;
    runner.timeoutMs = opts.timeoutMs;
    const ran = Date.now();
    const run = await runner.run(checker, file);
    const took = Date.now() - ran;
    const cur = documents.get(doc.uri);
    if (!cur) return;
    const lineRange = (n: number) => {
      const line = Math.min(n, cur.lineCount - 1);
      const text = cur.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
      return { start: { line, character: text.length - text.trimStart().length }, end: { line, character: text.length } };
    };
    // a message that says what one of our findings on its line says is left to ours (node/tool-messages.ts)
    const ours = analyses.get(cur).result;
    const text = cur.getText();
    const shown = messagesToShow(
      run.messages,
      (ours?.findings ?? []).map((f) => ({ line: ours!.lines.position(f.span.start).line, subjects: subjectsOf(text, f) })),
    );
    const diags: Diagnostic[] = shown.map((m) => ({
      range: lineRange(m.line ?? 0),
      severity: m.severity === 'error' ? 1 : 2,
      source: run.tool,
      code: 'real-tool',
      message: m.message,
    }));
    if (run.rejected && !run.messages.some((m) => m.severity === 'error'))
      diags.unshift({ range: lineRange(0), severity: 1, source: run.tool, code: 'real-tool', message: `${run.tool} rejects this file` });
    if (run.problem) diags.push({ range: lineRange(0), severity: 3, source: run.tool, code: 'real-tool', message: run.problem });
    connection.console.info(
      `${run.tool} on ${file}: ${run.rejected ? 'rejected' : 'accepted'}, ${run.messages.length} message(s) in ${took} ms${run.problem ? ` (${run.problem})` : ''}`,
    );
    toolDiagnostics.set(doc.uri, diags);
    publish(cur.uri);
  };

  startSession(connection, {
    createFiles: (analyses, events) => new WorkspaceFiles(analyses, events),
    saved: (doc, session) => void runRealTool(doc, session),
    extraDiagnostics: (uri) => toolDiagnostics.get(uri) ?? [],
    closed: (uri) => void toolDiagnostics.delete(uri),
    heapUsed: () => process.memoryUsage().heapUsed,
    runtime: `Node ${process.version}`,
  });
}

process.on('uncaughtException', (e) => {
  console.error(`openstack-ha-language-server: ${e.stack ?? e}`);
});

const SERVER_USAGE = `Usage: openstack-ha-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME
       openstack-ha-language-server --version | --help

The OpenStack HA language server. An editor starts it and speaks LSP to it over one of the transports
above (most editors: --stdio). It is not meant to be run by hand.`;

/** What the command line asks for: a transport to serve on, the version, or the usage (none given). */
export function serverCommand(argv: string[]): 'serve' | 'version' | 'help' | 'usage' {
  if (argv.includes('--version') || argv.includes('-v')) return 'version';
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const transport = argv.some((a) => a === '--stdio' || a === '--node-ipc' || /^--(socket|pipe)=/.test(a));
  return transport ? 'serve' : 'usage';
}

const command = serverCommand(process.argv.slice(2));
if (command === 'serve') startServer();
else if (command === 'version') process.stdout.write(VERSION + '\n');
else if (command === 'help') process.stdout.write(SERVER_USAGE + '\n');
else {
  process.stderr.write(`openstack-ha-language-server: no transport given\n${SERVER_USAGE}\n`);
  process.exitCode = 2;
}
