/**
 * Against the built server over stdio: `openstackHa/fileStatus` (what the editor's language status
 * item shows), the manifest snippets in completion (in manifests only), and what the server says at
 * the default log level after a workspace scan (version, the folder's size and kinds, the manifest
 * each file was checked against).
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeLensRequest,
  CompletionItem,
  CompletionItemKind,
  CompletionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InsertTextFormat,
} from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri } from '../support/lsp-client';
import { KOLLA_FIXTURE, ROOT } from '../support/paths';
import { VERSION } from '../../server/src/version';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'osha-status-')));
const at = (rel: string) => path.join(dir, ...rel.split('/'));
const K8S = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n';
let c: TestClient;

interface FileStatus {
  kind: string;
  label: string;
  manifest?: string;
  environment?: string;
  release?: string;
  counts: { errors: number; warnings: number; infos: number; hints: number };
}
const status = (rel: string) => c.conn.sendRequest<FileStatus | null>('openstackHa/fileStatus', { uri: fileUri(at(rel)) });

before(async () => {
  fs.cpSync(path.join(ROOT, 'examples', 'region-one'), at('region-one'), { recursive: true });
  fs.cpSync(KOLLA_FIXTURE, at('kolla'), { recursive: true });
  fs.mkdirSync(at('k8s'));
  for (const n of ['web', 'db', 'cache']) fs.writeFileSync(at(`k8s/${n}.yaml`), K8S.replace('web', n));
  c = new TestClient();
  await c.initialize(dir);
  await c.log((m) => /^workspace: \d+ files checked in \d+ ms/.test(m), 30_000);
});
after(async () => {
  await c.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the log at the default level: version, the folder with its size and kinds, the manifest each file was checked against', async () => {
  await c.log((m) => m.startsWith('no manifest:'));
  const info = c.logs.filter((m) => !/ in \d+ ms$/.test(m));
  assert.deepEqual(info, [
    `OpenStack HA language server ${VERSION} (Node ${process.version}, unnamed client); workspace folders: ${dir}`,
    `workspace ${dir}: 10 files, 7 recognised: 2 kolla-ansible files, 1 HA manifest, 1 OpenStack service config, 1 MariaDB/Galera option file, 1 host firewall, 1 haproxy.cfg`,
    'manifest region-one/good.ha.yaml: 5 files checked against it (production, 2025.1)',
    'no manifest: 2 files checked on their own',
  ]);
  assert.match(
    c.logs.find((m) => m.startsWith('workspace: '))!,
    /^workspace: 10 files read, 7 checked \(.*\) in \d+ ms$/,
  );
  // file names and counts, never a file's contents (nova.conf holds a password)
  assert.ok(!c.logs.some((m) => m.includes('RABBIT_PASS')));
});

test('fileStatus of a manifest: its kind, itself as the manifest, its environment (no release: it names none), its counts', async () => {
  const uri = fileUri(at('region-one/good.ha.yaml'));
  const diags = await c.diagnostics(uri);
  const s = await status('region-one/good.ha.yaml');
  assert.deepEqual(s, {
    kind: 'manifest',
    label: 'HA manifest',
    manifest: uri,
    environment: 'production',
    counts: {
      errors: diags.diagnostics.filter((d) => d.severity === 1).length,
      warnings: diags.diagnostics.filter((d) => d.severity === 2).length,
      infos: diags.diagnostics.filter((d) => d.severity === 3).length,
      hints: diags.diagnostics.filter((d) => d.severity === 4).length,
    },
  });
});

test('fileStatus of files not opened: nova.conf checked against the manifest, the kolla inventory on its own', async () => {
  const nova = await status('region-one/etc/nova/nova.conf');
  const novaDiags = (await c.diagnostics(fileUri(at('region-one/etc/nova/nova.conf')))).diagnostics;
  assert.deepEqual(nova, {
    kind: 'oslo-conf',
    label: 'nova.conf (oslo.config)',
    manifest: fileUri(at('region-one/good.ha.yaml')),
    environment: 'production',
    release: '2025.1',
    counts: {
      errors: novaDiags.filter((d) => d.severity === 1).length,
      warnings: novaDiags.filter((d) => d.severity === 2).length,
      infos: novaDiags.filter((d) => d.severity === 3).length,
      hints: novaDiags.filter((d) => d.severity === 4).length,
    },
  });
  assert.ok(nova!.counts.errors + nova!.counts.warnings > 0, JSON.stringify(nova));
  const inventory = await status('kolla/multinode');
  assert.equal(inventory?.label, 'kolla-ansible inventory');
  assert.equal(inventory?.manifest, undefined);
  assert.equal((await status('kolla/globals.yml'))?.label, 'kolla-ansible globals');
  assert.equal((await status('region-one/etc/haproxy/haproxy.cfg'))?.label, 'haproxy.cfg');
});

test('an unrelated YAML, open or not, gets nothing (no status, diagnostics, lens, outline, hover nor completion); a file outside the workspace: null', async () => {
  assert.equal(await status('k8s/web.yaml'), null);
  await c.open(fileUri(at('k8s/db.yaml')), fs.readFileSync(at('k8s/db.yaml'), 'utf8'));
  assert.deepEqual((await c.diagnostics(fileUri(at('k8s/db.yaml')))).diagnostics, []);
  assert.equal(await status('k8s/db.yaml'), null);
  // nor anything else: no lens, no outline, no hover, no completion
  const textDocument = { uri: fileUri(at('k8s/db.yaml')) };
  const position = { line: 1, character: 2 };
  assert.deepEqual(await c.conn.sendRequest(CodeLensRequest.type, { textDocument }), []);
  assert.deepEqual(await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument }), []);
  assert.equal(await c.conn.sendRequest(HoverRequest.type, { textDocument, position }), null);
  assert.deepEqual(await c.conn.sendRequest(CompletionRequest.type, { textDocument, position }), []);
  assert.equal(await c.conn.sendRequest('openstackHa/fileStatus', { uri: 'file:///nowhere/x.ha.yaml' }), null);
  assert.equal(await c.conn.sendRequest('openstackHa/fileStatus', {}), null);
});

const complete = async (uri: string, line: number, character: number) =>
  (await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionItem[];

test('completion in a manifest offers the snippets, with their text; in a plain YAML it does not', async () => {
  const manifest = fileUri(at('new.ha.yaml'));
  await c.open(manifest, 'ha');
  await c.diagnostics(manifest);
  const items = await complete(manifest, 0, 2);
  const snippets = items.filter((i) => i.kind === CompletionItemKind.Snippet);
  assert.deepEqual(
    snippets.map((i) => i.label),
    ['ha-manifest', 'openstack-ha', 'ha-cluster', 'ha-vip', 'ha-service', 'ha-node'],
  );
  const whole = snippets[0];
  assert.equal(whole.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(whole.detail, 'HA manifest: 3-node Pacemaker control plane');
  const edit = whole.textEdit as { range: unknown; newText: string };
  // the word typed so far is replaced
  assert.deepEqual(edit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
  assert.ok(edit.newText.startsWith('apiVersion: openstack-ha/v1\nkind: Deployment\nmetadata:\n  name: ${1:region-one}\n'), edit.newText);
  assert.match(edit.newText, /^ {2}galera: {11}\{ on: \$9, mode: clustered, vip: internal \}$/m);
  const vip = snippets.find((i) => i.label === 'ha-vip')!;
  assert.equal(
    (vip.textEdit as { newText: string }).newText,
    '${1:internal}: { address: ${2:10.0.0.11}, cidr: ${3:24}, cluster: ${4:controllers} }$0',
  );

  // not inside a value: a snippet is a block of keys
  const value = fileUri(at('value.ha.yaml'));
  await c.open(value, 'apiVersion: openstack-ha/v1\nkind: Deployment\nmetadata:\n  name: ha');
  await c.diagnostics(value);
  assert.deepEqual(
    (await complete(value, 3, 10)).filter((i) => i.kind === CompletionItemKind.Snippet),
    [],
  );

  const plain = fileUri(at('k8s/cache.yaml'));
  await c.open(plain, 'ha');
  await c.diagnostics(plain);
  assert.deepEqual(await complete(plain, 0, 2), []);
});
