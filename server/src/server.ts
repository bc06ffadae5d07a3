/**
 * The language server: wires LSP (vscode-languageserver) to the engine. Started by the VS Code
 * client over IPC, or by any editor as `openstack-ha-language-server --stdio`.
 */
import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind, Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, DEFAULT_SETTINGS, Settings } from './lsp/analysis';
import { registerHandlers, SHOW_DOC_COMMAND, FIX_ALL_KIND } from './lsp/handlers';
import { toDiagnostic } from './lsp/convert';
import { ruleDocUri } from './node/docs';
import { isRuleId } from './engine/rules';
import { CONFIG_FILE_NAMES, parseConfig, ConfigError } from './engine/config';
import { URI } from './lsp/uri';
import { KNOWN_RELEASES } from './engine/knowledge/options/catalog';

/** Diagnostics follow the last keystroke by this much at most (plus analysis time). */
export const DEBOUNCE_MS = 150;
const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new AnalysisCache();
  const timers = new Map<string, NodeJS.Timeout>();
  let hasConfigurationCapability = false;
  let workspaceRoots: string[] = [];

  const sanitize = (raw: unknown): Settings => {
    const s = (raw ?? {}) as Partial<Settings>;
    const rules: Record<string, string> = {};
    for (const [id, sev] of Object.entries(s.rules ?? {})) if (isRuleId(id) && SEVERITIES.includes(String(sev))) rules[id] = String(sev);
    return { enable: s.enable !== false, rules, environment: ['production', 'staging', 'test', 'demo'].includes(String(s.environment)) ? s.environment : undefined, release: (KNOWN_RELEASES as string[]).includes(String(s.release)) ? s.release : undefined };
  };

  const isConfigDoc = (uri: string) => CONFIG_FILE_NAMES.some((n) => uri.endsWith('/' + n));

  const publish = (doc: TextDocument) => {
    try {
      if (isConfigDoc(doc.uri)) return publishConfigProblems(doc);
      const a = analyses.get(doc);
      const r = a.result;
      const diagnostics = r ? r.findings.map((f) => toDiagnostic(r.lines, f, ruleDocUri)) : [];
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
    analyses.setSettings(sanitize((params.initializationOptions as { settings?: unknown } | undefined)?.settings));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
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
  connection.onDidChangeWatchedFiles(() => { analyses.invalidate(); relintAll(); });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => {
    schedule(e.document, DEBOUNCE_MS);
    // a manifest edit changes the topology the open .conf files are checked against
    if (/\.ha\.ya?ml$|openstack-ha\.ya?ml$/.test(e.document.uri)) for (const d of documents.all()) if (d.uri !== e.document.uri && !/\.ya?ml$/.test(d.uri)) schedule(d, DEBOUNCE_MS * 2);
    if (isConfigDoc(e.document.uri)) { analyses.invalidate(); relintAll(); }
  });
  documents.onDidSave((e) => { if (isConfigDoc(e.document.uri)) { analyses.invalidate(); relintAll(); } });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    analyses.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  registerHandlers(connection, documents, analyses);
  documents.listen(connection);
  connection.listen();
}

process.on('uncaughtException', (e) => { console.error(`openstack-ha-language-server: ${e.stack ?? e}`); });
startServer();
