/**
 * The language server's session, shared by its node entry (server.ts: stdio, IPC, sockets; the disk;
 * the real tools) and its browser entry (browser/server.ts: a web worker; files from the client):
 * settings, scheduling, publishing diagnostics, and the LSP handlers over the engine.
 */
import {
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  Connection,
  Diagnostic,
  InitializeParams,
  MessageType,
  ShowMessageNotification,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, DEFAULT_SETTINGS, Settings } from './analysis';
import { registerHandlers, SHOW_DOC_COMMAND, FIX_ALL_KIND, handleCommand } from './handlers';
import { toDiagnostic } from './convert';
import { finish } from '../engine/check';
import { LineIndex } from '../engine/text/line-index';
import { ruleDocUri } from '../node/docs';
import { isRuleId } from '../engine/rules';
import { CONFIG_FILE_NAMES } from '../engine/config';
import { configDiagnostics } from './config-diagnostics';
import { enginePath, hostPath } from '../node/files';
import { RULE_IDS_REQUEST, ruleIdsAnswer, SETTINGS_CHECK_CAPABILITY, settingsRuleProblems } from './settings-rules';
import { VERSION } from '../version';
import { isWithin } from '../engine/text/paths';
import { registerFileStatus } from './file-status';
import { URI } from './uri';
import { KNOWN_RELEASES } from '../engine/knowledge/options/catalog';
import { Finding, Related } from '../engine/types';
import type { WorkspaceFilesHost } from './workspace-files';
import { kindCounts, languageOf } from '../engine/languages';
import type { Analysis } from './analysis';
import { registerTopology } from './topology';
import { registerCodeLens } from './code-lens';

export const CHECK_WORKSPACE_COMMAND = 'openstack-ha.checkWorkspace';
/** What the server holds (documents, workspace files, heap after a collection when node runs with --expose-gc): for the soak test and bug reports. */
export const STATS_REQUEST = 'openstackHa/stats';
export const FILE_CONTEXT_NOTIFICATION = 'openstackHa/fileContext';

/** Diagnostics follow the last keystroke by this much at most (plus analysis time). */
export const DEBOUNCE_MS = 150;
const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

/**
 * What the host adds to the shared session: where the workspace's files come from (the disk in node,
 * the client in a browser) and, in node, the real tools run on save.
 */
export interface SessionHost {
  createFiles(analyses: AnalysisCache, events: WorkspaceFilesHost, connection: Connection): WorkspaceSource;
  /** A document saved (not a config file). */
  saved?(doc: TextDocument, session: SessionContext): void;
  /** Diagnostics from other sources shown beside ours (the real tool's of the last save). */
  extraDiagnostics?(uri: string): Diagnostic[];
  /** A document closed: what the host held for it goes. */
  closed?(uri: string): void;
  /** The client's initialize request, after the session took what it needs of it. */
  initialize?(params: InitializeParams): void;
  /** The heap in use, for the stats request (none in a browser worker). */
  heapUsed?(): number;
  /** What the server runs on, for the first line of the log (e.g. "Node v20.19.0"). */
  runtime?: string;
}

/** What a host's save handler may use of the session. */
export interface SessionContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyses: AnalysisCache;
  workspaceTrusted(): boolean;
  publish(uri: string): void;
}

/**
 * The workspace's files as the session sees them: lsp/workspace-files.ts reads them from disk;
 * browser/workspace.ts has the client read them. Host paths throughout, keys as AnalysisCache makes them.
 */
export interface WorkspaceSource {
  roots: string[];
  setIgnored(globs: string[], exclude: string[]): boolean;
  /** Reads every file of the folders; how many were read. */
  readAll(): number | Promise<number>;
  /** After readAll: how many files each folder has (for the log; paths and counts only). */
  readCounts?: Map<string, number>;
  changeFolders(added: string[], removed: string[]): void;
  onDisk(file: string, deleted: boolean): void;
  /** A config file (.openstack-ha.yaml) changed: resolved once the host sees its new text. */
  configChanged?(file: string): Promise<void>;
  closed(file: string | undefined, key: string): boolean;
  uncheckedOf(key: string): { finding: Finding; head: string } | undefined;
  uncheckedKeys(): string[];
}

/** The next turn of the event loop: setImmediate in node; a browser worker has only timers. */
const nextTurn: (f: () => void) => void = typeof setImmediate === 'function' ? (f) => void setImmediate(f) : (f) => void setTimeout(f, 0);

export function startSession(connection: Connection, host: SessionHost): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new AnalysisCache();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let hasConfigurationCapability = false;
  let dynamicConfiguration = false;
  let workDoneProgress = false;
  let workspaceFoldersCapability = false;
  let codeLensRefresh = false;
  /** The client offers the fix for unknown rule ids in openstackHa.rules itself (VS Code's does). */
  let clientChecksRuleIds = false;
  /** The problems of openstackHa.rules last said: each is said once, not at every change of settings. */
  let settingsSaid = new Set<string>();
  const warnSettings = (raw: unknown) => {
    const problems = settingsRuleProblems((raw as { rules?: unknown } | null)?.rules, !clientChecksRuleIds);
    for (const m of problems)
      if (!settingsSaid.has(m)) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: m });
    settingsSaid = new Set(problems);
  };
  // VS Code says whether the workspace is trusted; other editors do not, and their user enabled the setting themselves
  let workspaceTrusted = true;

  const sanitize = (raw: unknown): Settings => {
    const s = (raw ?? {}) as Partial<Settings>;
    const rules: Record<string, string> = {};
    for (const [id, sev] of Object.entries(s.rules ?? {})) if (isRuleId(id) && SEVERITIES.includes(String(sev))) rules[id] = String(sev);
    const tools = (s.realTools ?? {}) as Partial<NonNullable<Settings['realTools']>>;
    const timeoutMs = Number.isFinite(tools.timeoutMs) ? Math.min(Math.max(Number(tools.timeoutMs), 500), 120_000) : 10_000;
    const ws = (raw ?? {}) as { workspace?: { ignore?: unknown } };
    const ignore = Array.isArray(ws.workspace?.ignore)
      ? ws.workspace!.ignore.filter((g): g is string => typeof g === 'string' && g.length > 0)
      : [];
    return {
      ignore,
      enable: s.enable !== false,
      rules,
      realTools: { runOnSave: tools.runOnSave === true, timeoutMs },
      codeLens: { enable: (s.codeLens as { enable?: unknown } | undefined)?.enable !== false },
      environment: ['production', 'staging', 'test', 'demo'].includes(String(s.environment)) ? s.environment : undefined,
      release: (KNOWN_RELEASES as string[]).includes(String(s.release)) ? s.release : undefined,
    };
  };

  const isConfigDoc = (uri: string) => CONFIG_FILE_NAMES.some((n) => uri.endsWith('/' + n));
  /** Open documents by workspace key (their URIs as the client wrote them). */
  const openUris = new Map<string, string>();
  const keyOf = AnalysisCache.keyOf;
  const uriFor = (key: string) => openUris.get(key) ?? AnalysisCache.uriOf(key);
  /** The workspace folders: read, followed, filtered (on disk: lsp/workspace-files.ts). */
  const files = host.createFiles(
    analyses,
    {
      isOpen: (key) => openUris.has(key),
      cleared: (key) => void connection.sendDiagnostics({ uri: uriFor(key), diagnostics: [] }),
      changed: (key) => {
        schedule(key, DEBOUNCE_MS);
        lenses.workspaceChanged();
      },
    },
    connection,
  );

  /** Diagnostics of a file: its open buffer's, else what the workspace holds of it on disk. */
  const publish = (key: string) => {
    const uri = uriFor(key);
    try {
      const doc = documents.get(uri);
      if (doc && isConfigDoc(doc.uri)) return publishConfigProblems(doc);
      // a file left unread (too large, a FIFO, no permission): its one finding, as the CLI states it
      const unread = doc ? undefined : files.uncheckedOf(key);
      if (unread) {
        const lines = new LineIndex(unread.head);
        const findings = analyses.settings.enable ? finish([unread.finding], unread.head, lines, analyses.configForPath(key)) : [];
        void connection.sendDiagnostics({ uri, diagnostics: findings.map((f) => toDiagnostic(lines, f, ruleDocUri)) });
        return;
      }
      const a = doc ? analyses.get(doc) : analyses.analysePath(key);
      const r = a.result;
      const diagnostics = r ? r.findings.map((f) => withRelated(toDiagnostic(r.lines, f, ruleDocUri), f.related)) : [];
      if (doc) diagnostics.push(...(host.extraDiagnostics?.(doc.uri) ?? []));
      if (r && a.configError)
        diagnostics.unshift({
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 1,
          source: 'openstack-ha',
          code: 'config-error',
          message: `${a.configFile} could not be used: ${a.configError.message}`,
        });
      void connection.sendDiagnostics({ uri, version: doc?.version, diagnostics });
      if (a.configFile) publishConfigFile(a.configFile, key);
      // for an open file: what it was checked as and against (the client's status item shows it)
      if (doc) void connection.sendNotification(FILE_CONTEXT_NOTIFICATION, fileContext(uri, r));
    } catch (e) {
      connection.console.error(`analysis of ${uri} failed: ${(e as Error).stack ?? e}`);
    }
  };
  const fileContext = (uri: string, r: Analysis['result']) => ({
    uri,
    kind: r?.kind ?? null,
    label: r ? languageOf(r.kind).label : null,
    manifest: r?.manifestFile ? AnalysisCache.uriOf(r.manifestFile) : null,
    environment: r?.kind === 'manifest' ? (r.manifest?.environment ?? null) : (r?.environment ?? null),
    release: r?.release ?? null,
  });
  const withRelated = (d: Diagnostic, related: Related[] | undefined): Diagnostic => {
    if (!related?.length) return d;
    return {
      ...d,
      relatedInformation: related.map((x) => {
        const r = analyses.resolve(x);
        return { location: { uri: r.uri, range: r.range }, message: r.message };
      }),
    };
  };

  /** A .openstack-ha.yaml being edited: its unknown rule ids (with their fix) and the problems that make it unusable, where they are. */
  const publishConfigProblems = (doc: TextDocument) => {
    void connection.sendDiagnostics({
      uri: doc.uri,
      version: doc.version,
      diagnostics: configDiagnostics(doc.getText(), URI.toPath(doc.uri) ?? doc.uri),
    });
  };

  /** The text of each unopened config file whose diagnostics were last sent: its unknown rule ids show in the Problems view without opening it. */
  const configSent = new Map<string, string>();
  const publishConfigFile = (file: string, forKey: string) => {
    const configKey = enginePath(file);
    if (openUris.has(configKey)) return;
    const uri = uriFor(configKey);
    const checked = analyses.configs.forDocument(hostPath(forKey)).checked;
    if (!checked || configSent.get(file) === checked.text) return;
    configSent.set(file, checked.text);
    void connection.sendDiagnostics({ uri, diagnostics: configDiagnostics(checked.text, file) });
  };

  const schedule = (key: string, delay: number) => {
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        enqueue(key);
      }, delay),
    );
  };
  /**
   * Files due for a check, checked one per turn of the event loop: timers that fall due together
   * (a manifest's dependents, relintAll) would otherwise all run before the next request, and a
   * hover on one file would wait for every other file's check, not for one at most.
   */
  const due = new Set<string>();
  const enqueue = (key: string) => {
    if (!due.size) nextTurn(drain);
    due.add(key);
  };
  const drain = () => {
    const key = due.values().next().value;
    if (key === undefined) return;
    due.delete(key);
    publish(key);
    if (due.size) nextTurn(drain);
  };

  /** Every file the workspace checks, and every open document, again. */
  const relintAll = () => {
    const keys = new Set([...analyses.workspace.checkedFiles().map((f) => f.path), ...files.uncheckedKeys()]);
    for (const d of documents.all()) keys.add(keyOf(d.uri));
    for (const k of keys) schedule(k, 0);
    lenses.workspaceChanged();
  };
  /** While the workspace is read, nothing is scheduled: every file is checked once at the end. */
  let scanning = false;
  // a change to a manifest or a node's file (sysctl, galera.cnf, keepalived.conf, ...) re-checks the files checked against it
  analyses.onDependentsChanged = (keys) => {
    if (!scanning) for (const k of keys) schedule(k, DEBOUNCE_MS * 2);
    lenses.workspaceChanged();
  };

  let scanned = false;
  const pullSettings = async () => {
    if (!hasConfigurationCapability) return;
    let rescan = false;
    try {
      const [s, exclude] = await connection.workspace.getConfiguration([{ section: 'openstackHa' }, { section: 'files.exclude' }]);
      analyses.setSettings(sanitize(s));
      warnSettings(s);
      rescan = files.setIgnored(
        analyses.settings.ignore ?? [],
        Object.entries((exclude ?? {}) as Record<string, unknown>)
          .filter(([, on]) => on === true)
          .map(([g]) => g),
      );
    } catch {
      analyses.setSettings(DEFAULT_SETTINGS);
    }
    // other files to leave out, or to take in again: the workspace is read anew
    if (rescan && scanned) void scanWorkspace();
    else relintAll();
  };

  /** Which manifest the checked files were checked against: one line per manifest, one for the files with none. */
  const logDeployments = (checked: { path: string; kind: string }[]) => {
    const rel = (key: string) => {
      const root = files.roots.map(enginePath).find((r) => isWithin(r, key));
      return root ? key.slice(root.length + 1) || key : key;
    };
    const byManifest = new Map<string, { files: number; environment?: string; release?: string }>();
    let alone = 0;
    for (const f of checked) {
      const r = analyses.analysePath(f.path).result;
      if (!r) continue;
      const manifest = r.kind === 'manifest' ? f.path : r.manifestFile;
      if (!manifest) {
        alone++;
        continue;
      }
      const d = byManifest.get(manifest) ?? { files: 0 };
      d.files++;
      if (r.kind === 'manifest') d.environment = r.manifest?.environment ?? r.environment;
      d.release ??= r.release;
      byManifest.set(manifest, d);
    }
    for (const [m, d] of byManifest)
      connection.console.info(
        `manifest ${rel(m)}: ${d.files} file${d.files === 1 ? '' : 's'} checked against it (${d.environment ?? 'production'}${d.release ? `, ${d.release}` : ''})`,
      );
    if (alone) connection.console.info(`no manifest: ${alone} file${alone === 1 ? '' : 's'} checked on their own`);
  };

  /**
   * Workspace diagnostics: reads every file under the workspace folders into the workspace, then
   * checks each recognised one, reporting progress; the user may cancel (the rest is checked when edited).
   */
  const scanWorkspace = async () => {
    scanning = true;
    const started = Date.now();
    const progress = workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('OpenStack HA', 0, 'reading the workspace', true);
    try {
      const read = await files.readAll();
      const checked = analyses.workspace.checkedFiles();
      // per folder: its size and the kinds found (paths and counts only, never contents)
      for (const root of files.roots) {
        const mine = checked.filter((f) => isWithin(enginePath(root), f.path));
        const n = files.readCounts?.get(root);
        const size = n === undefined ? '' : `${n} file${n === 1 ? '' : 's'}, `;
        connection.console.info(`workspace ${root}: ${size}${mine.length} recognised${mine.length ? `: ${kindCounts(mine)}` : ''}`);
      }
      connection.console.info(
        `workspace: ${read} files read, ${checked.length} checked (${kindCounts(checked) || 'none'}) in ${Date.now() - started} ms`,
      );
      scanning = false;
      let turn = Date.now();
      let cancelled = false;
      // and the files left unread (too large, not readable), whose one finding the CLI reports too
      const due = [...checked.map((f) => f.path), ...files.uncheckedKeys()];
      for (let i = 0; i < due.length; i++) {
        if (progress?.token.isCancellationRequested) {
          connection.console.info(`workspace check cancelled after ${i} of ${due.length} files`);
          cancelled = true;
          break;
        }
        publish(due[i]);
        if (i % 50 === 49) progress?.report(Math.round((100 * (i + 1)) / due.length), `${i + 1} of ${due.length} files`);
        // let requests and edits through every 20 ms, so one slow file delays a hover by its own check at most
        if (Date.now() - turn >= 20) {
          await new Promise<void>((r) => nextTurn(r));
          turn = Date.now();
        }
      }
      connection.console.info(`workspace: ${checked.length} files checked in ${Date.now() - started} ms`);
      // from the analyses just made (a cancelled check would have the rest analysed here, all at once)
      if (!cancelled) logDeployments(checked);
    } finally {
      scanning = false;
      scanned = true;
      lenses.reset();
      progress?.done();
    }
  };

  connection.onInitialize((params) => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    dynamicConfiguration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    workDoneProgress = !!params.capabilities.window?.workDoneProgress;
    workspaceFoldersCapability = !!params.capabilities.workspace?.workspaceFolders;
    codeLensRefresh = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    clientChecksRuleIds = (params.capabilities.experimental as Record<string, unknown> | undefined)?.[SETTINGS_CHECK_CAPABILITY] === true;
    const roots = (params.workspaceFolders ?? [])
      .map((f) => URI.toPath(f.uri))
      .concat(params.rootUri ? [URI.toPath(params.rootUri)] : [])
      .filter((p): p is string => !!p);
    files.roots = [...new Set(roots)];
    connection.console.info(
      `OpenStack HA language server ${VERSION} (${host.runtime ?? 'unknown runtime'}, ${params.clientInfo?.name ?? 'unnamed client'}); workspace folders: ${files.roots.join(', ') || 'none'}`,
    );
    const init = params.initializationOptions as { settings?: unknown; workspaceTrusted?: boolean } | undefined;
    analyses.setSettings(sanitize(init?.settings));
    warnSettings(init?.settings);
    files.setIgnored(analyses.settings.ignore ?? [], []);
    workspaceTrusted = init?.workspaceTrusted !== false;
    host.initialize?.(params);
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
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [SHOW_DOC_COMMAND, CHECK_WORKSPACE_COMMAND] },
        // folders added to or removed from the workspace are read or forgotten
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'openstack-ha-language-server', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    // the workspace's manifests describe the deployment the .conf files belong to
    // only a client that says it can: others (Neovim, Emacs) would log the refused registration as a failure
    if (hasConfigurationCapability && dynamicConfiguration)
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: ['openstackHa', 'files'] })
        .catch(() => undefined);
    if (workspaceFoldersCapability)
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const paths = (fs: { uri: string }[]) => fs.map((f) => URI.toPath(f.uri)).filter((p): p is string => !!p);
        files.changeFolders(paths(e.added), paths(e.removed));
      });
    // the settings first (ignore globs), then every file of the workspace
    void pullSettings().then(() => scanWorkspace());
  });
  connection.onDidChangeConfiguration((p) => {
    if (hasConfigurationCapability) void pullSettings();
    else {
      analyses.setSettings(sanitize((p.settings as { openstackHa?: unknown } | undefined)?.openstackHa));
      warnSettings((p.settings as { openstackHa?: unknown } | undefined)?.openstackHa);
      files.setIgnored(analyses.settings.ignore ?? [], []);
      relintAll();
    }
  });
  connection.onDidChangeWatchedFiles((p) => {
    let configs = false;
    const read: Promise<void>[] = [];
    for (const c of p.changes) {
      const file = URI.toPath(c.uri);
      if (!file || CONFIG_FILE_NAMES.some((n) => file.endsWith(n))) {
        configs = true;
        if (file && files.configChanged) read.push(files.configChanged(file));
        continue;
      }
      // an open document is followed through its buffer; a file changed on disk (git pull, a terminal) is read again
      files.onDisk(file, c.type === FileChangeType.Deleted);
    }
    if (configs)
      void Promise.all(read).then(() => {
        analyses.invalidate();
        relintAll();
      });
  });

  documents.onDidOpen((e) => {
    const key = keyOf(e.document.uri);
    openUris.set(key, e.document.uri);
    schedule(key, 0);
  });
  documents.onDidChangeContent((e) => {
    const key = keyOf(e.document.uri);
    schedule(key, DEBOUNCE_MS);
    // the workspace sees the buffer at once, so the files checked against it are redone with it
    if (URI.toPath(e.document.uri)) analyses.setText(key, e.document.getText());
    lenses.workspaceChanged();
    if (isConfigDoc(e.document.uri)) {
      analyses.invalidate();
      relintAll();
    }
  });
  documents.onDidSave((e) => {
    if (isConfigDoc(e.document.uri)) {
      analyses.invalidate();
      relintAll();
      return;
    }
    host.saved?.(e.document, context);
  });

  documents.onDidClose((e) => {
    const key = keyOf(e.document.uri);
    clearTimeout(timers.get(key));
    openUris.delete(key);
    analyses.forget(key);
    host.closed?.(e.document.uri);
    // a closed settings file: its diagnostics are sent again from the disk's text at the next check
    if (isConfigDoc(e.document.uri)) configSent.delete(URI.toPath(e.document.uri) ?? '');
    // closed without saving: the workspace goes back to the file on disk, and keeps showing its findings
    if (files.closed(URI.toPath(e.document.uri), key)) publish(key);
    else void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const context: SessionContext = {
    connection,
    documents,
    analyses,
    workspaceTrusted: () => workspaceTrusted,
    publish: (uri) => publish(keyOf(uri)),
  };
  registerHandlers(connection, documents, analyses);
  registerTopology(connection, documents, analyses);
  registerFileStatus(connection, documents, analyses);
  const lenses = registerCodeLens(connection, documents, analyses, () => codeLensRefresh);
  connection.onRequest(RULE_IDS_REQUEST, (p: unknown) => ruleIdsAnswer(p));
  connection.onRequest(STATS_REQUEST, () => {
    (globalThis as { gc?: () => void }).gc?.();
    return {
      documents: documents.all().length,
      workspaceFiles: analyses.workspace.paths().length,
      heapUsed: host.heapUsed?.() ?? null,
      pendingChecks: timers.size + due.size,
    };
  });
  connection.onExecuteCommand(async (p) => {
    if (p.command === CHECK_WORKSPACE_COMMAND) {
      await scanWorkspace();
      return analyses.workspace.checkedFiles().length;
    }
    return handleCommand(p);
  });
  documents.listen(connection);
  connection.listen();
}
