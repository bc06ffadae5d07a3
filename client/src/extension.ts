/**
 * The VS Code side: starts the language server, and adds the commands, the status bar item and
 * the output channel. Everything about manifests happens in the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind, State } from 'vscode-languageclient/node';
import { StatusItem } from './status';
import { LanguageStatus, ShownStatus } from './language-status';
import { traceChannel } from './trace-channel';
import { TopologyView } from './topology';
import { codeLensMiddleware, registerSimulate } from './simulate';
import { registerSettingsCheck } from './settings-check';
import { showRuleDocument } from './rule-docs';
import { fileWatchers, Starter, startWhenNeeded } from './start-when-needed';
import { LANGUAGE_IDS } from './work';
import { KIND_GLOBS } from '../../server/src/engine/kinds';

/** Files of every kind the server reads, from the one list of kinds (server/src/engine/kinds.ts). */
export function documentSelector(): { scheme: string; language?: string; pattern?: string }[] {
  const patterns = [...new Set(Object.values(KIND_GLOBS).flat())];
  return [
    ...LANGUAGE_IDS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    ...patterns.map((pattern) => ({ scheme: 'file', pattern })),
  ];
}

let client: LanguageClient | undefined;
let cliPath = '';

/** What the extension offers other code: the extension-host tests read the language status item through it. */
export interface Api {
  fileStatus(): ShownStatus | undefined;
  /** The last lines of the protocol trace (none while `openstackHa.trace.server` is off). */
  traceTail(): string[];
  /** Whether the language server was started (it starts only where it has work: start-when-needed.ts). */
  serverStarted(): boolean;
}

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  const output = vscode.window.createOutputChannel('OpenStack HA', { log: true });
  const trace = traceChannel();
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  cliPath = context.asAbsolutePath(path.join('dist', 'cli.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // the server keeps to the files it recognises (by name and content) among these
    documentSelector: documentSelector(),
    synchronize: { fileEvents: fileWatchers() },
    // the server's own lines (version, workspace, manifests, real-tool runs) at the default level; the protocol trace apart
    outputChannel: output,
    traceOutputChannel: trace,
    // the server runs real checkers on save only in a trusted workspace
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    // openstackHa.codeLens.enable: the lenses over clusters, off in this client when the user turns them off
    middleware: {
      ...codeLensMiddleware(),
      // "Show documentation for <rule>": the rule's page opens rendered, not as a file to edit
      window: { showDocument: (params, token, next) => showRuleDocument(params, (p) => next(p, token)) },
    },
  };
  client = new LanguageClient('openstackHa', 'OpenStack HA', serverOptions, clientOptions);
  let starter: Starter | undefined;
  const status = new StatusItem(client);
  const languageStatus = new LanguageStatus(client);
  context.subscriptions.push(registerSettingsCheck(client));
  context.subscriptions.push(
    output,
    trace,
    status,
    languageStatus,
    new TopologyView(client, vscode.Uri.joinPath(context.extensionUri, 'client', 'media')),
    vscode.commands.registerCommand('openstackHa.restartServer', async () => {
      if (starter?.started) await client?.restart();
      else await starter?.ready('Restart Language Server');
      output.info('language server restarted');
    }),
    vscode.commands.registerCommand('openstackHa.showOutput', () => output.show(true)),
    ...registerSimulate(() => client),
    vscode.commands.registerCommand('openstackHa.checkWorkspace', async () => {
      await starter?.ready('Check Workspace');
      const n = await client?.sendRequest('workspace/executeCommand', { command: 'openstack-ha.checkWorkspace', arguments: [] });
      output.info(`workspace checked: ${n} files`);
    }),
    vscode.tasks.registerTaskProvider('openstack-ha', {
      provideTasks: () => workspaceTasks(),
      resolveTask: (t) => lintTask(t.definition as LintTaskDefinition, t.scope),
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (client && starter?.started) {
        client.clientOptions.initializationOptions = { workspaceTrusted: true };
        await client.restart();
      }
    }),
  );
  client.onDidChangeState((e) => {
    if (e.newState === State.Stopped) output.warn('language server stopped');
  });
  // where there is work only: an unrelated workspace activates the extension and starts no server
  starter = await startWhenNeeded(
    context.extension.packageJSON,
    () => client!.start(),
    (line) => output.info(line),
  );
  context.subscriptions.push(starter);
  output.info(`OpenStack HA ${context.extension.packageJSON.version} activated`);
  return { fileStatus: () => languageStatus.shown, traceTail: () => [...trace.recent], serverStarted: () => !!starter?.started };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

interface LintTaskDefinition extends vscode.TaskDefinition {
  type: 'openstack-ha';
  paths?: string[];
}

/** "openstack-ha: lint": the CLI over a workspace folder, its findings in Problems through the `$openstack-ha` matcher. */
function lintTask(def: LintTaskDefinition, scope: vscode.Task['scope']): vscode.Task {
  const folder = typeof scope === 'object' ? scope : vscode.workspace.workspaceFolders?.[0];
  const paths = def.paths?.length ? def.paths : ['.'];
  // the CLI shipped in the extension, run by the editor's own runtime (no Node on PATH needed)
  const exec = new vscode.ProcessExecution(process.execPath, [cliPath, 'lint', ...paths], {
    cwd: folder?.uri.fsPath,
    env: { ELECTRON_RUN_AS_NODE: '1' },
  });
  return new vscode.Task(def, folder ?? vscode.TaskScope.Workspace, 'lint', 'openstack-ha', exec, '$openstack-ha');
}

function workspaceTasks(): vscode.Task[] {
  return (vscode.workspace.workspaceFolders ?? []).map((f) => lintTask({ type: 'openstack-ha' }, f));
}
