/**
 * The VS Code side in a browser (vscode.dev, github.dev, code-server's web extension host): starts the
 * language server in a web worker (dist/browser-server.js) and reads the workspace's files for it,
 * through workspace.fs, which serves virtual file systems too. No topology view, tasks or real tools here.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, LanguageClientOptions } from 'vscode-languageclient/browser';
import { StatusItem } from './status';
import { LanguageStatus } from './language-status';
import { traceChannel } from './trace-channel';
import { registerSettingsCheck } from './settings-check';
import { showRuleDocument } from './rule-docs';
import { fileWatchers, Starter, startWhenNeeded } from './start-when-needed';
import { LANGUAGE_IDS } from './work';
import { codeLensMiddleware, registerSimulate } from './simulate';
import { KIND_GLOBS } from '../../server/src/engine/kinds';
import {
  MAX_FILE_BYTES,
  MAX_FILES,
  READ_FILES_REQUEST,
  SKIPPED_FOLDERS,
  ReadFile,
  ReadFilesParams,
  ReadFilesResult,
} from '../../server/src/browser/protocol';

/**
 * The server names files by path, as file: URIs. The workspace's own scheme (vscode-vfs on github.dev,
 * vscode-remote in code-server) is mapped to file: and back, so the server's cross-file checks and
 * settings files work on the paths as they do on disk; other schemes (untitled) pass as they are.
 */
export function uriConverters(home: vscode.Uri | undefined): NonNullable<LanguageClientOptions['uriConverters']> {
  const isHome = (u: vscode.Uri) => !!home && home.scheme !== 'file' && u.scheme === home.scheme && u.authority === home.authority;
  return {
    code2Protocol: (u) => (isHome(u) ? vscode.Uri.from({ scheme: 'file', path: u.path }).toString() : u.toString()),
    protocol2Code: (s) => {
      const u = vscode.Uri.parse(s);
      return home && home.scheme !== 'file' && u.scheme === 'file' ? home.with({ path: u.path, query: '', fragment: '' }) : u;
    },
  };
}

let client: LanguageClient | undefined;

/** The web extension host's Worker (the project's typings are node's, without the DOM's). */
interface WebWorker {
  terminate(): void;
}
const WebWorker = (globalThis as unknown as { Worker: new (url: string) => WebWorker }).Worker;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('OpenStack HA', { log: true });
  const trace = traceChannel();
  const folders = vscode.workspace.workspaceFolders ?? [];
  const home = folders[0]?.uri;
  const schemes = [...new Set([...folders.map((f) => f.uri.scheme), 'file'])];
  const converters = uriConverters(home);
  const patterns = [...new Set(Object.values(KIND_GLOBS).flat())];
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGE_IDS.flatMap((language) => [...schemes, 'untitled'].map((scheme) => ({ scheme, language }))),
      ...schemes.flatMap((scheme) => patterns.map((pattern) => ({ scheme, pattern }))),
    ],
    synchronize: { fileEvents: fileWatchers() },
    outputChannel: output,
    traceOutputChannel: trace,
    uriConverters: converters,
    initializationOptions: {
      workspaceTrusted: vscode.workspace.isTrusted,
      ruleDocsBase: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(),
    },
    middleware: {
      ...codeLensMiddleware(),
      window: { showDocument: (params, token, next) => showRuleDocument(params, (p) => next(p, token)) },
    },
  };
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser-server.js');
  let worker: WebWorker | undefined;
  // a new worker per start, so a restart begins afresh
  const startWorker = async () => {
    worker?.terminate();
    worker = new WebWorker(await scriptUrl(serverMain));
    // transports made here: the client's own `instanceof Worker` fails on the Worker the extension host wraps
    const port = worker as never;
    return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
  };
  client = new LanguageClient('openstackHa', 'OpenStack HA', startWorker, clientOptions);
  let starter: Starter | undefined;
  client.onRequest(READ_FILES_REQUEST, (p: ReadFilesParams) => readFiles(p, converters));
  context.subscriptions.push(
    output,
    trace,
    new StatusItem(client as never),
    new LanguageStatus(client as never),
    registerSettingsCheck(client as never),
    vscode.commands.registerCommand('openstackHa.restartServer', async () => {
      // the browser client has no restart(): stop, and start on a new worker
      if (starter?.started) {
        await client?.stop();
        await client?.start();
      } else await starter?.ready('Restart Language Server');
      output.info('language server restarted');
    }),
    vscode.commands.registerCommand('openstackHa.showOutput', () => output.show(true)),
    ...registerSimulate(() => client as never),
    vscode.commands.registerCommand('openstackHa.checkWorkspace', async () => {
      await starter?.ready('Check Workspace');
      const n = await client?.sendRequest('workspace/executeCommand', { command: 'openstack-ha.checkWorkspace', arguments: [] });
      output.info(`workspace checked: ${n} files`);
    }),
    // the picture is laid out by elkjs, which the web build leaves out
    vscode.commands.registerCommand('openstackHa.showTopology', () =>
      vscode.window.showInformationMessage('OpenStack HA: the topology view is not available in the web version of VS Code.'),
    ),
  );
  output.info(`language server: web worker; workspace scheme: ${home?.scheme ?? 'none'}`);
  // where there is work only (a virtual file system has no search: an opened file of the product's starts it)
  starter = await startWhenNeeded(
    context.extension.packageJSON,
    () => client!.start(),
    (line) => output.info(line),
  );
  context.subscriptions.push(starter);
}

/**
 * Where the worker's script loads from. An extension served by a remote (code-server installs extensions
 * there) may not start a worker by its vscode-remote URL: the script is read and given as a blob instead.
 */
async function scriptUrl(uri: vscode.Uri): Promise<string> {
  if (uri.scheme !== 'vscode-remote') return uri.toString(true);
  const code = await vscode.workspace.fs.readFile(uri);
  return URL.createObjectURL(new Blob([code], { type: 'application/javascript' }));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

const decoder = new TextDecoder('utf-8');
const SKIPPED = new Set(SKIPPED_FOLDERS);

/**
 * The files under folders, walked with workspace.fs.readDirectory: every file system provider answers it,
 * where findFiles needs a search provider a virtual file system may not have. Linked folders are not followed.
 */
async function walk(roots: vscode.Uri[], max: number): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  const queue = [...roots];
  while (queue.length && found.length < max) {
    const dir = queue.shift()!;
    const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(dir)).catch(() => [] as [string, vscode.FileType][]);
    for (const [name, type] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (type & vscode.FileType.SymbolicLink && type & vscode.FileType.Directory) continue;
      if (type & vscode.FileType.Directory) {
        if (!SKIPPED.has(name)) queue.push(vscode.Uri.joinPath(dir, name));
      } else if (type & vscode.FileType.File) found.push(vscode.Uri.joinPath(dir, name));
    }
  }
  return found;
}

/** Reads files for the server: named ones (a folder: everything under it), or every file of the workspace folders. */
async function readFiles(p: ReadFilesParams, converters: ReturnType<typeof uriConverters>): Promise<ReadFilesResult> {
  const targets: vscode.Uri[] = [];
  const folders: vscode.Uri[] = [];
  if (p.uris) {
    for (const s of p.uris) {
      const uri = converters.protocol2Code(s);
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
      if (stat && stat.type & vscode.FileType.Directory) folders.push(uri);
      else if (stat) targets.push(uri);
    }
  } else folders.push(...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri));
  targets.push(...(await walk(folders, MAX_FILES + 1)));
  const truncated = targets.length > MAX_FILES;
  const files: ReadFile[] = [];
  // a few at a time: a virtual file system may fetch each one over the network
  const todo = targets.slice(0, MAX_FILES);
  for (let i = 0; i < todo.length; i += 16) files.push(...(await Promise.all(todo.slice(i, i + 16).map((u) => readOne(u, converters)))));
  return { files, truncated };
}

async function readOne(uri: vscode.Uri, converters: ReturnType<typeof uriConverters>): Promise<ReadFile> {
  const name = converters.code2Protocol(uri);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) return { uri: name };
    return { uri: name, text: decoder.decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return { uri: name };
  }
}
