/** What a user sees in VS Code: diagnostics of a manifest, a hover, and a quick fix applied. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { DEPLOY, writeDeploy } from '../../support/ha-deployment';
import { KOLLA_FIXTURE } from '../../support/paths';
import { checkRulesSetting } from '../../../client/src/settings-check';

export const tests: { name: string; fn: () => Promise<void> }[] = [];
const test = (name: string, fn: () => Promise<void>) => tests.push({ name, fn });

/** Polls a condition until it holds: editor tests wait on conditions, never on fixed sleeps. */
async function until<T>(what: string, get: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'openstack-ha');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

async function openCopy(name: string): Promise<vscode.TextDocument> {
  const src = path.resolve(__dirname, '../../../../examples', name === 'good.ha.yaml' ? 'region-one/good.ha.yaml' : name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-ext-'));
  const file = path.join(dir, name);
  fs.copyFileSync(fs.existsSync(src) ? src : path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, name), file);
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  return doc;
}

test('the extension activates on a YAML manifest', async () => {
  await openCopy('good.ha.yaml');
  const ext = await until('the extension', () => vscode.extensions.all.find((e) => e.packageJSON.name === 'openstack-ha'));
  await until('activation', () => ext.isActive || undefined);
});

test('bad.ha.yaml shows the expected rule ids with doc links', async () => {
  const doc = await openCopy('bad.ha.yaml');
  const diags = await until('diagnostics', () => {
    const d = ours(doc.uri);
    return d.length >= 10 ? d : undefined;
  });
  const codes = new Set(diags.map(codeOf));
  for (const id of [
    'stonith-disabled',
    'quorum-ignored-multi-node',
    'galera-multi-writer',
    'service-not-behind-balancer',
    'unknown-reference',
    'cluster-even-node-count',
  ])
    assert.ok(codes.has(id), id);
  const s = diags.find((d) => codeOf(d) === 'stonith-disabled')!;
  assert.ok(typeof s.code === 'object' && /docs\/rules\/stonith-disabled\.md$/.test(s.code.target.toString()));
});

test('hover on a node name shows the node', async () => {
  const doc = await openCopy('bad.ha.yaml');
  const line = doc
    .getText()
    .split('\n')
    .findIndex((l) => l.includes('members: [controller1, controller2, controller3, controller4]'));
  const col = doc.lineAt(line).text.indexOf('controller1') + 2;
  await until('diagnostics', () => (ours(doc.uri).length ? true : undefined));
  const result = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    doc.uri,
    new vscode.Position(line, col),
  );
  const text = result.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
  assert.match(text, /\*\*node controller1\*\*: 10\.1\.0\.12/);
});

/** A fresh copy of bad.ha.yaml, and the quick fixes VS Code offers on its stonith-disabled finding. */
async function stonithActions(): Promise<{ doc: vscode.TextDocument; d: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  const doc = await openCopy('bad.ha.yaml');
  const d = await until('stonith-disabled', () => ours(doc.uri).find((x) => codeOf(x) === 'stonith-disabled'));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    d.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return { doc, d, actions };
}

test('the stonith quick fix edits the file and the finding goes away', async () => {
  const { doc, d, actions } = await stonithActions();
  const fix = actions.find((a) => a.title === 'Set stonith: true');
  assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
  assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
  assert.equal(doc.lineAt(d.range.start.line).text.trim(), 'stonith: true');
  await until('stonith-disabled to clear', () => (ours(doc.uri).some((x) => codeOf(x) === 'stonith-disabled') ? undefined : true));
});

test('an OpenStack service config gets the openstack-conf language and its diagnostics', async () => {
  const src = path.resolve(__dirname, '../../../../examples/region-one/etc/nova/nova.conf');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-ext-'));
  fs.mkdirSync(path.join(dir, 'etc', 'nova'), { recursive: true });
  const file = path.join(dir, 'etc', 'nova', 'nova.conf');
  fs.copyFileSync(src, file);
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'openstack-conf');
  const diags = await until('diagnostics', () => {
    const d = ours(doc.uri);
    return d.length >= 5 ? d : undefined;
  });
  const codes = new Set(diags.map(codeOf));
  for (const id of ['oslo-option-name-case', 'rabbit-all-hosts-listed', 'invalid-value', 'rabbit-heartbeat-enabled'])
    assert.ok(codes.has(id), id);
  assert.ok(!diags.some((d) => d.message.includes('RABBIT_PASS')), 'no secret in a message');
});

test("the HA stack's own files get their languages and their diagnostics, checked against each other", async () => {
  const examples = path.resolve(__dirname, '../../../../examples/region-one/etc');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-ext-'));
  const open = async (rel: string, language: string) => {
    const file = path.join(dir, 'etc', rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(path.join(examples, rel), file);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, language, rel);
    return doc;
  };
  const has = async (doc: vscode.TextDocument, id: string) =>
    until(`${id} on ${doc.uri.fsPath}`, () => ours(doc.uri).find((d) => codeOf(d) === id));
  // the node's Galera file first: the firewall and haproxy.cfg are checked against it
  await has(await open('mysql/conf.d/galera.cnf', 'mariadb-cnf'), 'galera-innodb-autoinc-lock-mode-2');
  const fw = await has(await open('iptables/rules.v4', 'iptables'), 'galera-firewall-ports');
  assert.match(fw.message, /does not open TCP 4444 \(SST\)/);
  await has(await open('haproxy/haproxy.cfg', 'haproxy'), 'galera-clustercheck-endpoint');
});

/** deploy/ was not in the workspace when VS Code started: the suite wrote it (see below). */
let deployWrittenByTheSuite = false;

test('workspace diagnostics: the files of a multi-node deployment are checked without being opened, cross-file findings point into the manifest and the other node', async () => {
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const ext = await until('the extension', () => vscode.extensions.all.find((e) => e.packageJSON.name === 'openstack-ha'));
  await until('activation', () => ext.isActive || undefined);
  // the code-server harness lays deploy/ out before VS Code starts; elsewhere it is written now and the workspace checked again
  if (!fs.existsSync(path.join(folder, 'deploy', 'site.ha.yaml'))) {
    writeDeploy(folder);
    deployWrittenByTheSuite = true;
    await vscode.commands.executeCommand('openstackHa.checkWorkspace');
  }
  const at = (rel: string) => vscode.Uri.file(path.join(folder, ...rel.split('/')));
  const manifest = at('deploy/site.ha.yaml');
  for (const [rel, ids] of Object.entries(DEPLOY.expected)) {
    await until(
      `${ids.join(', ')} on ${rel}`,
      () => {
        const have = new Set(ours(at(rel)).map(codeOf));
        return ids.every((id) => have.has(id)) || undefined;
      },
      60_000,
    );
  }
  const deploy = path.join(folder, 'deploy') + path.sep;
  assert.deepEqual(
    vscode.workspace.textDocuments.filter((d) => d.uri.fsPath.startsWith(deploy)).map((d) => d.uri.fsPath),
    [],
    'none of them was opened',
  );

  // a related location is a file and a range of it: check the line it names
  const lineAt = (loc: vscode.Location) => fs.readFileSync(loc.uri.fsPath, 'utf8').split('\n')[loc.range.start.line];
  const vip = ours(at('deploy/node1/etc/keepalived/keepalived.conf')).find(
    (d) => codeOf(d) === 'keepalived-vip-drift' && d.message.startsWith('10.3.0.99'),
  );
  assert.ok(vip, 'the VIP the manifest lacks');
  assert.deepEqual(
    vip.relatedInformation?.map((r) => r.location.uri.toString()),
    [manifest.toString()],
  );
  assert.match(lineAt(vip.relatedInformation![0].location), /^ {2}internal: \{ address: 10\.3\.0\.10/);
  const drift = ours(at('deploy/node2/etc/haproxy/haproxy.cfg')).find((d) => codeOf(d) === 'haproxy-backends-differ')!;
  assert.deepEqual(
    drift.relatedInformation?.map((r) => r.location.uri.toString()),
    [at('deploy/node1/etc/haproxy/haproxy.cfg').toString()],
  );
  assert.equal(lineAt(drift.relatedInformation![0].location), 'listen keystone');
  assert.match(drift.relatedInformation![0].message, /^listen keystone of \.\.\/\.\.\/\.\.\/node1\/etc\/haproxy\/haproxy\.cfg$/);
  const broker = ours(at('deploy/node1/etc/nova/nova.conf')).find((d) => codeOf(d) === 'rabbit-all-hosts-listed')!;
  assert.ok(
    broker.relatedInformation?.length && broker.relatedInformation.every((r) => r.location.uri.toString() === manifest.toString()),
    JSON.stringify(broker.relatedInformation),
  );
  assert.ok(!broker.message.includes('RABBIT_PASS'), 'no secret in a message');
});

test('workspace diagnostics follow the disk: a deleted node file is cleared and the other node stops differing from it', async () => {
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const at = (rel: string) => vscode.Uri.file(path.join(folder, ...rel.split('/')));
  // VS Code reports only the folders for a tree written while it runs, and no event for a file deleted in them soon after:
  // this test needs deploy/ laid out before VS Code started (the code-server harness does)
  if (deployWrittenByTheSuite) {
    console.log('skipped: deploy/ was written while VS Code ran');
    return;
  }
  const gone = at('deploy/node2/etc/haproxy/haproxy.cfg'),
    other = at('deploy/node1/etc/haproxy/haproxy.cfg');
  await until(
    'haproxy-backends-differ on node1',
    () => ours(other).some((d) => codeOf(d) === 'haproxy-backends-differ') || undefined,
    60_000,
  );
  fs.rmSync(gone.fsPath);
  await until(`${gone.fsPath} to be cleared`, () => (ours(gone).length === 0 ? true : undefined), 60_000);
  await until(
    'haproxy-backends-differ on node1 to go',
    () => (ours(other).some((d) => codeOf(d) === 'haproxy-backends-differ') ? undefined : true),
    60_000,
  );
});

test("a kolla-ansible folder: globals.yml and the multinode inventory get their languages and show the deployment's findings", async () => {
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const dir = path.join(folder, 'kolla');
  // the harnesses lay kolla/ out before VS Code starts (test/vscode/run.ts, the code-server one); elsewhere it is copied now
  if (!fs.existsSync(path.join(dir, 'multinode'))) fs.cpSync(KOLLA_FIXTURE, dir, { recursive: true });
  const open = async (name: string, language: string) => {
    const doc = await vscode.workspace.openTextDocument(path.join(dir, name));
    await vscode.window.showTextDocument(doc);
    // multinode has no extension: package.json gives kolla's inventory names the ini language
    assert.equal(doc.languageId, language, name);
    return doc;
  };
  // rule ids and 1-based lines, as the Problems panel shows them; the code-server workspace has two manifests side by side
  // at its root (bad.ha.yaml, good.ha.yaml), which gives every other file under it manifest-ambiguous: not kolla's finding
  const seen = (doc: vscode.TextDocument) =>
    ours(doc.uri)
      .filter((d) => codeOf(d) !== 'manifest-ambiguous')
      .map((d) => `${codeOf(d)}@${d.range.start.line + 1}`)
      .sort();
  const shows = async (doc: vscode.TextDocument, want: string[]) => {
    await until(
      `${want.join(', ')} on ${doc.uri.fsPath}`,
      () => JSON.stringify(seen(doc)) === JSON.stringify(want) || undefined,
      60_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}; it shows ${JSON.stringify(seen(doc))}`);
    });
  };
  const globals = await open('globals.yml', 'yaml');
  const inventory = await open('multinode', 'ini');
  await shows(globals, ['kolla-keepalived-router-id@4']);
  await shows(inventory, ['cluster-min-three-nodes@16', 'kolla-loadbalancer-group@13']);
  const lb = ours(inventory.uri).find((d) => codeOf(d) === 'kolla-loadbalancer-group')!;
  assert.equal(inventory.getText(lb.range), 'haproxy');
  assert.equal(lb.severity, vscode.DiagnosticSeverity.Error);
});

test('code lenses over a manifest: each cluster and clustered service with its resilience and the Simulate command', async () => {
  const doc = await openCopy('good.ha.yaml');
  const lineOf = (text: string) =>
    doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith(text));
  const seen = async () =>
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)).map(
      (l) => `${l.range.start.line}:${l.range.start.character} ${l.command?.title} ${l.command?.command}`,
    );
  const want = [
    `${lineOf('  controllers:')}:2 3 votes · quorum 2 · survives 1 failure · Simulate… openstackHa.simulate`,
    `${lineOf('  galera:')}:2 3 votes · primary needs more than 1.5 · survives 1 failure · Simulate… openstackHa.simulate`,
    `${lineOf('  rabbitmq:')}:2 3 votes · majority 2 · survives 1 failure · Simulate… openstackHa.simulate`,
  ];
  let last: string[] = [];
  // the server answers once it has read the file; until then the provider may give none
  await until('the code lenses', async () => JSON.stringify((last = await seen())) === JSON.stringify(want) || undefined).catch(
    (e: Error) => {
      throw new Error(`${e.message}; it shows ${JSON.stringify(last)}`);
    },
  );
});

test('Simulate failures… with a node given: the report opens in a Markdown preview', async () => {
  const doc = await openCopy('good.ha.yaml');
  // the lenses come once the server has read the file
  await until('the code lenses', async () =>
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)).length ? true : undefined,
  );
  const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('openstackHa.simulate', doc.uri.toString(), undefined, [
    { fail: ['controller2'] },
  ]);
  assert.equal(report?.scheme, 'openstack-ha-simulation');
  const text = (await vscode.workspace.openTextDocument(report!)).getText();
  assert.ok(text.startsWith('# What if it fails: region-one\n'), text.slice(0, 200));
  assert.match(text, /^## controller2 fails$/m);
  assert.match(text, /^\| galera \| degraded \| controller1, controller3 \| /m);
  await until(
    'the Markdown preview',
    () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview')) || undefined,
  );
});

/** What the extension's language status item shows now (read through the extension's exports: VS Code's API cannot read it). */
async function languageStatus(): Promise<{ uri: string; text: string; detail: string; severity: string } | undefined> {
  const ext = await until('the extension', () => vscode.extensions.all.find((e) => e.packageJSON.name === 'openstack-ha'));
  await until('activation', () => ext.isActive || undefined);
  return (ext.exports as { fileStatus(): { uri: string; text: string; detail: string; severity: string } | undefined }).fileStatus();
}

test('the language status item: what a checked file is and what it was checked against; nothing on an unrelated YAML', async () => {
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  // deploy/ is there (the workspace-diagnostics tests above saw to it): one of its nodes' nova.conf
  const nova = await vscode.workspace.openTextDocument(path.join(folder, 'deploy', 'node1', 'etc', 'nova', 'nova.conf'));
  await vscode.window.showTextDocument(nova);
  const diags = await until('diagnostics on nova.conf', () => (ours(nova.uri).length ? ours(nova.uri) : undefined));
  const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  let last: unknown;
  await until('the status of nova.conf', async () => {
    const s = (last = await languageStatus());
    return (
      (s?.uri === nova.uri.toString() &&
        s.text === '$(shield) nova.conf (oslo.config)' &&
        s.detail ===
          `checked against deploy/site.ha.yaml · production, 2025.1 · ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` &&
        s.severity === (errors ? 'error' : 'warning')) ||
      undefined
    );
  }).catch((e: Error) => {
    throw new Error(`${e.message}; it shows ${JSON.stringify(last)}`);
  });

  const plain = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'osha-ext-')), 'deployment.yaml');
  fs.writeFileSync(plain, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
  const doc = await vscode.workspace.openTextDocument(plain);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'yaml');
  await until('no status on a plain YAML', async () => ((await languageStatus()) === undefined ? true : undefined));
  // nor the manifest snippets in its completion
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    doc.uri,
    new vscode.Position(4, 0),
  );
  assert.deepEqual(
    list.items.filter((i) => String(typeof i.label === 'string' ? i.label : i.label.label).startsWith('ha-')).map((i) => i.label),
    [],
  );
});

test('completion in a manifest offers the manifest snippets', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-ext-'));
  const file = path.join(dir, 'new.ha.yaml');
  fs.writeFileSync(file, 'ha-\n');
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  let labels: string[] = [];
  await until('the snippets', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(0, 3),
    );
    labels = list.items
      .filter((i) => i.kind === vscode.CompletionItemKind.Snippet)
      .map((i) => String(typeof i.label === 'string' ? i.label : i.label.label));
    return labels.includes('ha-manifest') || undefined;
  });
  assert.deepEqual(labels.filter((l) => l.startsWith('ha-')).sort(), ['ha-cluster', 'ha-manifest', 'ha-node', 'ha-service', 'ha-vip']);
});

test('Show documentation for a rule opens its page in the Markdown preview, not as a file to edit', async () => {
  const { actions } = await stonithActions();
  const show = actions.find((a) => a.title === 'Show documentation for stonith-disabled');
  assert.ok(show?.command, actions.map((a) => a.title).join(', '));
  await vscode.commands.executeCommand(show!.command!.command, ...(show!.command!.arguments ?? []));
  const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
  await until(
    'the preview of stonith-disabled.md',
    () =>
      tabs().some(
        (t) =>
          t.input instanceof vscode.TabInputWebview &&
          t.input.viewType.includes('markdown.preview') &&
          t.label.includes('stonith-disabled'),
      ) || undefined,
  );
  assert.deepEqual(
    tabs()
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('/docs/rules/stonith-disabled.md'))
      .map((t) => t.label),
    [],
    'the page is not open as text',
  );
});

test('openstackHa.trace.server alone turns the protocol trace on, in its own channel; off, nothing is traced', async () => {
  const ext = await until('the extension', () => vscode.extensions.all.find((e) => e.packageJSON.name === 'openstack-ha'));
  const api = ext.exports as { traceTail(): string[] };
  // every test above ran with the setting at its default, off
  assert.deepEqual(api.traceTail(), []);
  const doc = await openCopy('good.ha.yaml');
  const config = vscode.workspace.getConfiguration('openstackHa');
  await config.update('trace.server', 'messages', vscode.ConfigurationTarget.Global);
  try {
    await until('a traced hover', async () => {
      await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(8, 4));
      return api.traceTail().some((l) => /Sending request 'textDocument\/hover/.test(l)) || undefined;
    });
  } finally {
    await config.update('trace.server', undefined, vscode.ConfigurationTarget.Global);
  }
});

test('openstackHa.rules: an unknown id is said with its closest, and "Use" renames the key at the scope where it was set', async () => {
  const config = () => vscode.workspace.getConfiguration('openstackHa');
  const Workspace = vscode.ConfigurationTarget.Workspace,
    Global = vscode.ConfigurationTarget.Global;
  await config().update('rules', { 'vip-missing': 'off', 'stonith-disable': 'off' }, Workspace);
  await config().update('rules', { 'cluster-even-nodes': 'warning' }, Global);
  try {
    // the server's answer for these keys (openstackHa/ruleIds, tested against the server in test/lsp/settings-rules.test.ts)
    const closest: Record<string, string> = { 'stonith-disable': 'stonith-disabled', 'cluster-even-nodes': 'cluster-even-node-count' };
    const unknownKeys = async (keys: string[]) => keys.filter((k) => closest[k]).map((key) => ({ key, closest: closest[key] }));
    const asked: string[] = [];
    const ask = async (message: string, ...buttons: string[]) => {
      asked.push(`${message} [${buttons.join('|')}]`);
      return buttons[0];
    };
    const offered = new Set<string>();
    await checkRulesSetting(unknownKeys, ask, offered);
    assert.deepEqual(asked.sort(), [
      "openstackHa.rules in the workspace settings: unknown rule 'stonith-disable'; did you mean 'stonith-disabled'? The setting does nothing. [Use 'stonith-disabled']",
      "openstackHa.rules in your user settings: unknown rule 'cluster-even-nodes'; did you mean 'cluster-even-node-count'? The setting does nothing. [Use 'cluster-even-node-count']",
    ]);
    const rules = config().inspect('rules')!;
    // renamed in place, each at its own scope
    assert.deepEqual(rules.workspaceValue, { 'vip-missing': 'off', 'stonith-disabled': 'off' });
    assert.deepEqual(Object.keys(rules.workspaceValue as object), ['vip-missing', 'stonith-disabled']);
    assert.deepEqual(rules.globalValue, { 'cluster-even-node-count': 'warning' });
    // said once per scope and key: the same typo again asks nothing
    await config().update('rules', { 'stonith-disable': 'off' }, Workspace);
    await checkRulesSetting(unknownKeys, ask, offered);
    assert.equal(asked.length, 2);
  } finally {
    await config().update('rules', undefined, Workspace);
    await config().update('rules', undefined, Global);
  }
});
