/**
 * An LSP client over stdio for workspace-level tests against the built server: workspace folders,
 * per-section answers to workspace/configuration, work-done progress, and a log of every
 * publishDiagnostics. Waits are event driven: a condition is checked again on every message the
 * server sends, never on a timer.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  createProtocolConnection,
  ProtocolConnection,
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  ExitNotification,
  ConfigurationRequest,
  WorkDoneProgressCreateRequest,
  ProgressType,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  RegistrationRequest,
  WorkDoneProgressBegin,
  WorkDoneProgressReport,
  WorkDoneProgressEnd,
  ShowDocumentRequest,
} from 'vscode-languageserver-protocol/node';
import { SERVER } from './paths';

export type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export interface StartOptions {
  /** The folder opened (rootUri and the one workspace folder). */
  root: string;
  /** Answers to workspace/configuration by section; a section not listed gets null. */
  sections?: Record<string, unknown>;
  workDoneProgress?: boolean;
}

export class WorkspaceClient {
  readonly conn: ProtocolConnection;
  private readonly child: ChildProcess;
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  readonly progressCreated: string[] = [];
  readonly progress: { token: string | number; value: ProgressValue }[] = [];
  readonly configRequests: (string | undefined)[][] = [];
  stderr = '';
  sections: Record<string, unknown>;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly opts: StartOptions) {
    this.sections = opts.sections ?? { openstackHa: {}, 'files.exclude': {} };
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => {
      this.stderr += d;
    });
    this.conn = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.latest.set(p.uri, p);
      this.wake();
    });
    this.conn.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
      this.wake();
    });
    this.conn.onRequest(ConfigurationRequest.type, (p) => {
      this.configRequests.push(p.items.map((i) => i.section));
      return p.items.map((i) => (i.section !== undefined && i.section in this.sections ? this.sections[i.section] : null));
    });
    // as an editor does: the token the server creates gets a handler before any $/progress for it can arrive
    this.conn.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
      this.progressCreated.push(String(p.token));
      this.conn.onProgress(new ProgressType<ProgressValue>(), p.token, (value) => {
        this.progress.push({ token: p.token, value });
        this.wake();
      });
      this.wake();
    });
    this.conn.onRequest(ShowDocumentRequest.type, () => ({ success: true }));
    this.conn.onRequest(RegistrationRequest.type, () => undefined);
    this.conn.listen();
  }

  initializeResult?: InitializeResult;

  async initialize() {
    const uri = pathToFileURL(this.opts.root).toString();
    const r = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } },
        window: { workDoneProgress: !!this.opts.workDoneProgress },
      },
    });
    this.initializeResult = r;
    await this.conn.sendNotification(InitializedNotification.type, {});
    return r;
  }

  private wake() {
    for (const w of [...this.waiters]) w();
  }

  /**
   * Resolves with the first truthy value of `get`, checked now and after every message from the
   * server; rejects after `timeoutMs` with `what` and the last diagnostics seen.
   */
  until<T>(what: string, get: () => T | undefined | false | null, timeoutMs = 20_000): Promise<T> {
    const now = get();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const check = () => {
        let v: T | undefined | false | null;
        try {
          v = get();
        } catch (e) {
          done();
          reject(e);
          return;
        }
        if (v) {
          done();
          resolve(v);
        }
      };
      const t = setTimeout(() => {
        done();
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}\nstderr: ${this.stderr.slice(-2000)}\nlogs: ${this.logs.slice(-10).join('\n')}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(t);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  /** The next publish for `uri` (after `after` publishes in all) that satisfies `pred`. */
  next(
    uri: string,
    pred: (p: PublishDiagnosticsParams) => boolean = () => true,
    after = this.published.length,
    timeoutMs = 20_000,
  ): Promise<PublishDiagnosticsParams> {
    return this.until(
      `a publish for ${uri}`,
      () =>
        this.published
          .slice(after)
          .filter((p) => p.uri === uri && pred(p))
          .at(0),
      timeoutMs,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\nlast for it: ${JSON.stringify(this.latest.get(uri))}`);
    });
  }

  /** The latest publish for `uri` once it satisfies `pred`. */
  diagnostics(
    uri: string,
    pred: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<PublishDiagnosticsParams> {
    return this.until(
      `diagnostics for ${uri}`,
      () => {
        const p = this.latest.get(uri);
        return p && pred(p) ? p : undefined;
      },
      timeoutMs,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\nlast for it: ${JSON.stringify(this.latest.get(uri))}`);
    });
  }

  log(pred: (m: string) => boolean, timeoutMs = 20_000): Promise<string> {
    return this.until('a log message', () => this.logs.find(pred), timeoutMs);
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1) {
    return this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }
  change(uri: string, version: number, text: string) {
    return this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }
  closeDoc(uri: string) {
    return this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }
  watched(changes: [string, FileChangeType][]) {
    return this.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: changes.map(([file, type]) => ({ uri: pathToFileURL(file).toString(), type })),
    });
  }

  async close() {
    await this.conn.sendRequest(ShutdownRequest.type);
    await this.conn.sendNotification(ExitNotification.type);
    await new Promise((r) => {
      if (this.child.exitCode !== null) r(null);
      else this.child.on('exit', r);
    });
    this.conn.dispose();
  }
}

export const uriOf = (file: string) => pathToFileURL(file).toString();
export const pathOf = (uri: string) => fileURLToPath(uri);
