/**
 * The language server: wires LSP (vscode-languageserver) to the engine. Started by the VS Code
 * client over IPC, or by any editor as `openstack-ha-language-server --stdio`.
 */
import { createConnection, DidChangeConfigurationNotification, FileChangeType, ProposedFeatures, TextDocuments, TextDocumentSyncKind, Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, DEFAULT_SETTINGS, Settings } from './lsp/analysis';
import { registerHandlers, SHOW_DOC_COMMAND, FIX_ALL_KIND } from './lsp/handlers';
import { toDiagnostic } from './lsp/convert';
import { ruleDocUri } from './node/docs';
import { isRuleId } from './engine/rules';
import { CONFIG_FILE_NAMES, parseConfig, ConfigError } from './engine/config';
import { URI } from './lsp/uri';
import { KNOWN_RELEASES } from './engine/knowledge/options/catalog';
import { checkerFor, ToolRunner } from './node/real-tools';
import { Diagnostic } from 'vscode-languageserver/node';

/** Diagnostics follow the last keystroke by this much at most (plus analysis time). */
export const DEBOUNCE_MS = 150;
const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new AnalysisCache();
  const timers = new Map<string, NodeJS.Timeout>();
  let hasConfigurationCapability = false;
  let workspaceRoots: string[] = [];
  // VS Code says whether the workspace is trusted; other editors do not, and their user enabled the setting themselves
  let workspaceTrusted = true;
  const runner = new ToolRunner();
  /** The real tool's messages of the last save, per document, shown beside ours until the next save. */
  const toolDiagnostics = new Map<string, Diagnostic[]>();

  const sanitize = (raw: unknown): Settings => {
    const s = (raw ?? {}) as Partial<Settings>;
    const rules: Record<string, string> = {};
    for (const [id, sev] of Object.entries(s.rules ?? {})) if (isRuleId(id) && SEVERITIES.includes(String(sev))) rules[id] = String(sev);
    const tools = (s.realTools ?? {}) as Partial<NonNullable<Settings['realTools']>>;
    const timeoutMs = Number.isFinite(tools.timeoutMs) ? Math.min(Math.max(Number(tools.timeoutMs), 500), 120_000) : 10_000;
    return { enable: s.enable !== false, rules, realTools: { runOnSave: tools.runOnSave === true, timeoutMs }, environment: ['production', 'staging', 'test', 'demo'].includes(String(s.environment)) ? s.environment : undefined, release: (KNOWN_RELEASES as string[]).includes(String(s.release)) ? s.release : undefined };
  };

  const isConfigDoc = (uri: string) => CONFIG_FILE_NAMES.some((n) => uri.endsWith('/' + n));

  const publish = (doc: TextDocument) => {
    try {
      if (isConfigDoc(doc.uri)) return publishConfigProblems(doc);
      const a = analyses.get(doc);
      const r = a.result;
      const diagnostics = r ? r.findings.map((f) => toDiagnostic(r.lines, f, ruleDocUri)) : [];
      diagnostics.push(...(toolDiagnostics.get(doc.uri) ?? []));
      if (r && a.configError) diagnostics.unshift({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'openstack-ha', code: 'config-error', message: `${a.configFile} could not be used: ${a.configError.message}` });
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    } catch (e) {
      connection.console.error(`analysis of ${doc.uri} failed: ${(e as Error).stack ?? e}`);
    }
  };

  const publishConfigProblems = (doc: TextDocument) => {
    let diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: 1; source: string; code: string; message: string }[] = [];
    try { parseConfig(doc.getText(), URI.toPath(doc.uri) ?? doc.uri); } catch (e) {
      if (e instanceof ConfigError) diagnostics = e.message.split('\n').map((m) => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'openstack-ha', code: 'config-error', message: m.replace(/^[^:]*: /, '') }));
    }
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  };

  const schedule = (doc: TextDocument, delay: number) => {
    clearTimeout(timers.get(doc.uri));
    timers.set(doc.uri, setTimeout(() => { timers.delete(doc.uri); const cur = documents.get(doc.uri); if (cur) publish(cur); }, delay));
  };

  const relintAll = () => { for (const d of documents.all()) schedule(d, 0); };
  // an edit to a node's file (sysctl, galera.cnf, keepalived.conf, ...) re-checks the other open config files against it
  analyses.onPeerChanged = (uri) => { for (const d of documents.all()) if (d.uri !== uri && !/\.ya?ml$/.test(d.uri)) schedule(d, DEBOUNCE_MS); };

  const pullSettings = async () => {
    if (!hasConfigurationCapability) return;
    try {
      const s = await connection.workspace.getConfiguration({ section: 'openstackHa' });
      analyses.setSettings(sanitize(s));
    } catch { analyses.setSettings(DEFAULT_SETTINGS); }
    relintAll();
  };

  connection.onInitialize((params) => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    const roots = (params.workspaceFolders ?? []).map((f) => URI.toPath(f.uri)).concat(params.rootUri ? [URI.toPath(params.rootUri)] : []).filter((p): p is string => !!p);
    workspaceRoots = [...new Set(roots)];
    const init = params.initializationOptions as { settings?: unknown; workspaceTrusted?: boolean } | undefined;
    analyses.setSettings(sanitize(init?.settings));
    workspaceTrusted = init?.workspaceTrusted !== false;
    return {
      capabilities: {
        // save: the real checkers run on the file as saved on disk
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '[', ',', '='] },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        executeCommandProvider: { commands: [SHOW_DOC_COMMAND] },
      },
      serverInfo: { name: 'openstack-ha-language-server', version: process.env.OPENSTACK_HA_VERSION ?? '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // the workspace's manifests describe the deployment the .conf files belong to
    setImmediate(() => { for (const r of workspaceRoots) analyses.topologies.scan(r); analyses.manifestEpoch++; relintAll(); });
    if (hasConfigurationCapability) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'openstackHa' }).catch(() => undefined);
    void pullSettings();
  });
  connection.onDidChangeConfiguration((p) => {
    if (hasConfigurationCapability) void pullSettings();
    else { analyses.setSettings(sanitize((p.settings as { openstackHa?: unknown } | undefined)?.openstackHa)); relintAll(); }
  });
  connection.onDidChangeWatchedFiles((p) => {
    let configs = false, workspace = false;
    for (const c of p.changes) {
      const file = URI.toPath(c.uri);
      if (!file || CONFIG_FILE_NAMES.some((n) => file.endsWith(n))) { configs = true; continue; }
      // open documents are followed through their edits; a file changed on disk (git pull, another editor) is read again
      if (documents.get(c.uri)) continue;
      if (analyses.topologies.refresh(file, c.type === FileChangeType.Deleted)) workspace = true;
    }
    if (configs) analyses.invalidate();
    if (workspace) analyses.manifestEpoch++;
    if (configs || workspace) relintAll();
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => {
    schedule(e.document, DEBOUNCE_MS);
    // a manifest edit changes the topology the open .conf files are checked against
    if (/\.ha\.ya?ml$|openstack-ha\.ya?ml$/.test(e.document.uri)) for (const d of documents.all()) if (d.uri !== e.document.uri && !/\.ya?ml$/.test(d.uri)) schedule(d, DEBOUNCE_MS * 2);
    if (isConfigDoc(e.document.uri)) { analyses.invalidate(); relintAll(); }
  });
  documents.onDidSave((e) => {
    if (isConfigDoc(e.document.uri)) { analyses.invalidate(); relintAll(); return; }
    void runRealTool(e.document);
  });

  const runRealTool = async (doc: TextDocument) => {
    const opts = analyses.settings.realTools;
    const file = URI.toPath(doc.uri);
    if (!opts?.runOnSave || !file) return;
    if (!workspaceTrusted) { connection.console.info(`real tools: not run on ${file}: the workspace is not trusted`); return; }
    // the kind the analysis of this version already found
    const checker = checkerFor(analyses.get(doc).result?.kind ?? null, file);
    if (!checker) return;
    runner.timeoutMs = opts.timeoutMs;
    const run = await runner.run(checker, file);
    const cur = documents.get(doc.uri);
    if (!cur) return;
    const lineRange = (n: number) => {
      const line = Math.min(n, cur.lineCount - 1);
      const text = cur.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
      return { start: { line, character: text.length - text.trimStart().length }, end: { line, character: text.length } };
    };
    const diags: Diagnostic[] = run.messages.map((m) => ({ range: lineRange(m.line ?? 0), severity: m.severity === 'error' ? 1 : 2, source: run.tool, code: 'real-tool', message: m.message }));
    if (run.rejected && !diags.some((d) => d.severity === 1)) diags.unshift({ range: lineRange(0), severity: 1, source: run.tool, code: 'real-tool', message: `${run.tool} rejects this file` });
    if (run.problem) diags.push({ range: lineRange(0), severity: 3, source: run.tool, code: 'real-tool', message: run.problem });
    connection.console.info(`${run.tool} on ${file}: ${run.rejected ? 'rejected' : 'accepted'}, ${run.messages.length} message(s)`);
    toolDiagnostics.set(doc.uri, diags);
    publish(cur);
  };
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    analyses.forget(e.document.uri);
    toolDiagnostics.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  registerHandlers(connection, documents, analyses);
  documents.listen(connection);
  connection.listen();
}

process.on('uncaughtException', (e) => { console.error(`openstack-ha-language-server: ${e.stack ?? e}`); });
startServer();
