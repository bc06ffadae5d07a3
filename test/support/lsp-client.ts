/** A plain LSP client over stdio against the built server: what Neovim or Emacs would do. */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  createProtocolConnection,
  ProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  LogMessageNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  ExitNotification,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShowDocumentParams,
  ConfigurationRequest,
} from 'vscode-languageserver-protocol/node';
import { SERVER } from './paths';

export class TestClient {
  readonly conn: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: {
    uri: string;
    pred: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  readonly shown: ShowDocumentParams[] = [];
  stderr = '';
  readonly logs: string[] = [];
  private readonly logWaiters: { pred: (m: string) => boolean; resolve: (m: string) => void }[] = [];
  settings: unknown = { enable: true, rules: {} };
  /** window/showMessage from the server. */
  readonly messages: { type: number; message: string }[] = [];
  private readonly messageWaiters: { pred: (m: string) => boolean; resolve: (m: string) => void }[] = [];
  /** Merged into the client capabilities the next initialize sends (e.g. `experimental`). */
  extraCapabilities: Record<string, unknown> = {};

  constructor(nodeArgs: string[] = []) {
    this.child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => {
      this.stderr += d;
    });
    this.conn = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.latest.set(p.uri, p);
      for (const w of [...this.waiters])
        if (w.uri === p.uri && w.pred(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
    });
    this.conn.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
      for (const w of [...this.logWaiters])
        if (w.pred(p.message)) {
          this.logWaiters.splice(this.logWaiters.indexOf(w), 1);
          w.resolve(p.message);
        }
    });
    this.conn.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
      for (const w of [...this.messageWaiters])
        if (w.pred(p.message)) {
          this.messageWaiters.splice(this.messageWaiters.indexOf(w), 1);
          w.resolve(p.message);
        }
    });
    this.conn.onRequest(ShowDocumentRequest.type, (p) => {
      this.shown.push(p);
      return { success: true };
    });
    this.conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.conn.listen();
  }

  /** `codeLensRefresh`: the client says it honours workspace/codeLens/refresh. */
  async initialize(rootPath?: string, configuration = true, initializationOptions?: unknown, codeLensRefresh = false) {
    const r = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: rootPath ? pathToFileURL(rootPath).toString() : null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration, ...(codeLensRefresh ? { codeLens: { refreshSupport: true } } : {}) },
        window: { showDocument: { support: true } },
        ...this.extraCapabilities,
      },
      initializationOptions,
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
    return r;
  }

  /** Resolves with the first diagnostics for `uri` that satisfy `pred` (waits on the condition, never a fixed sleep). */
  diagnostics(
    uri: string,
    pred: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    const have = this.latest.get(uri);
    if (have && pred(have)) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`no matching diagnostics for ${uri} in ${timeoutMs} ms; last: ${JSON.stringify(this.latest.get(uri))}`)),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        pred,
        resolve: (p) => {
          clearTimeout(t);
          resolve(p);
        },
      });
    });
  }

  /** Resolves with the first window/logMessage from the server that satisfies `pred`. */
  log(pred: (m: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const have = this.logs.find(pred);
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`no matching log message in ${timeoutMs} ms; logs: ${JSON.stringify(this.logs)}`)),
        timeoutMs,
      );
      this.logWaiters.push({
        pred,
        resolve: (m) => {
          clearTimeout(t);
          resolve(m);
        },
      });
    });
  }

  /** Resolves with the first window/showMessage text that satisfies `pred`. */
  message(pred: (m: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const have = this.messages.find((m) => pred(m.message));
    if (have) return Promise.resolve(have.message);
    return new Promise((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`no matching message in ${timeoutMs} ms; messages: ${JSON.stringify(this.messages)}`)),
        timeoutMs,
      );
      this.messageWaiters.push({
        pred,
        resolve: (m) => {
          clearTimeout(t);
          resolve(m);
        },
      });
    });
  }

  forget(uri: string) {
    this.latest.delete(uri);
  }

  save(uri: string) {
    return this.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  open(uri: string, text: string, version = 1) {
    return this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  change(
    uri: string,
    version: number,
    changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[],
  ) {
    return this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes as never,
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

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}
export function exists(uri: string): boolean {
  return fs.existsSync(new URL(uri));
}
