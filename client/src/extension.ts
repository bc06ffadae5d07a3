/**
 * The VS Code side: starts the language server, and adds the commands, the status bar item and
 * the output channel. Everything about manifests happens in the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind, State } from 'vscode-languageclient/node';
import { StatusItem } from './status';

/** Host firewalls (checked for the Galera ports) and clustercheck's files (for the guide's example password). */
const STACK_PATTERNS = ['**/iptables/rules.v{4,6}', '**/ufw/user{,6}.rules', '**/sysconfig/{iptables,ip6tables}', '**/*.nft', '**/nftables.conf', '**/firewalld/zones/*.xml',
  '**/{sysconfig,default}/clustercheck', '**/xinetd.d/*'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('OpenStack HA', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // every YAML file (the server keeps to manifests, by name or apiVersion) and OpenStack service configs
    documentSelector: [{ scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' }, { scheme: 'file', language: 'openstack-conf' }, { scheme: 'untitled', language: 'openstack-conf' }, { scheme: 'file', language: 'haproxy' }, { scheme: 'untitled', language: 'haproxy' }, { scheme: 'file', language: 'corosync' }, { scheme: 'untitled', language: 'corosync' }, { scheme: 'file', language: 'keepalived' }, { scheme: 'untitled', language: 'keepalived' }, { scheme: 'file', language: 'iptables' }, { scheme: 'file', language: 'crm' }, { scheme: 'file', language: 'mariadb-cnf' }, { scheme: 'file', pattern: '**/*.cnf' }, { scheme: 'file', pattern: '**/*.crm' }, { scheme: 'file', pattern: '**/*.pcs' }, { scheme: 'file', pattern: '**/*.sh' }, { scheme: 'file', pattern: '**/cib*.xml' }, ...STACK_PATTERNS.map((pattern) => ({ scheme: 'file', pattern }))],
    // settings files, and the files other files are checked against (manifests, the nodes' configs, sysctl, xinetd)
    synchronize: { fileEvents: [vscode.workspace.createFileSystemWatcher('**/.openstack-ha.{yaml,yml}'), vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,conf,cnf,cfg,socket}'), vscode.workspace.createFileSystemWatcher('**/xinetd.d/*')] },
    outputChannel: output,
    // the server runs real checkers on save only in a trusted workspace
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('openstackHa', 'OpenStack HA', serverOptions, clientOptions);
  const status = new StatusItem(client);
  context.subscriptions.push(
    output, status,
    vscode.commands.registerCommand('openstackHa.restartServer', async () => { await client?.restart(); output.info('language server restarted'); }),
    vscode.commands.registerCommand('openstackHa.showOutput', () => output.show(true)),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => { if (client) { client.clientOptions.initializationOptions = { workspaceTrusted: true }; await client.restart(); } }),
  );
  client.onDidChangeState((e) => { if (e.newState === State.Stopped) output.warn('language server stopped'); });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
