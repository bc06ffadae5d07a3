/** Code lenses and the simulator's requests over LSP, against the bundled server over stdio. */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeLens,
  CodeLensRequest,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri } from '../support/lsp-client';

const SITE = `apiVersion: openstack-ha/v1
kind: Deployment
metadata:
  name: lens-site
nodes:
  ctl1: { address: 10.0.0.11, roles: [controller], failure_domain: rack-a }
  ctl2: { address: 10.0.0.12, roles: [controller], failure_domain: rack-b }
  ctl3: { address: 10.0.0.13, roles: [controller], failure_domain: rack-c }
  ctl4: { address: 10.0.0.14, roles: [controller], failure_domain: rack-c }
clusters:
  controllers:
    manager: pacemaker
    members: [ctl1, ctl2, ctl3]
    stonith: true
vips:
  internal: { address: 10.0.0.10, cidr: 24, cluster: controllers }
services:
  keystone: { on: controllers, mode: active-active, vip: internal }
  galera: { on: controllers, mode: clustered, vip: internal }
  rabbitmq: { on: controllers, mode: clustered }
`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-lens-'));
const file = path.join(dir, 'site.ha.yaml');
const uri = fileUri(file);
let c: TestClient;
let refreshes = 0;

before(async () => {
  fs.writeFileSync(file, SITE);
  c = new TestClient();
  c.conn.onRequest(CodeLensRefreshRequest.method, () => {
    refreshes++;
    return null;
  });
  const init = await c.initialize(dir, true, undefined, true);
  assert.deepEqual(init.capabilities.codeLensProvider, { resolveProvider: false });
  await c.open(uri, SITE);
  await c.diagnostics(uri);
});
after(async () => {
  await c.close();
});

const lenses = async () => (await c.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
const shown = (ls: CodeLens[]) =>
  ls.map((l) => `${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character} ${l.command?.title}`);

test('codeLens: one lens per cluster and clustered service, at its key, with the summary and the Simulate command', async () => {
  const ls = await lenses();
  assert.deepEqual(shown(ls), [
    '10:2-10:13 3 votes · quorum 2 · survives 1 failure · Simulate…',
    '18:2-18:8 3 votes · primary needs more than 1.5 · survives 1 failure · Simulate…',
    '19:2-19:10 3 votes · majority 2 · survives 1 failure · Simulate…',
  ]);
  assert.deepEqual(
    ls.map((l) => l.command?.command),
    ['openstackHa.simulate', 'openstackHa.simulate', 'openstackHa.simulate'],
  );
  assert.deepEqual(ls[0].command?.arguments, [uri, { kind: 'cluster', name: 'controllers' }]);
  // the galera service and the cluster the manifest makes of it share the key: one lens
  assert.deepEqual(ls[1].command?.arguments, [uri, { kind: 'cluster', name: 'galera' }]);
});

test('deploymentNodes: the nodes and failure domains for the picker, and a lens target’s members', async () => {
  const r = await c.conn.sendRequest('openstackHa/deploymentNodes', { uri, target: { kind: 'cluster', name: 'controllers' } });
  assert.deepEqual(r, {
    nodes: ['ctl1', 'ctl2', 'ctl3', 'ctl4'],
    domains: ['rack-a', 'rack-b', 'rack-c'],
    members: ['ctl1', 'ctl2', 'ctl3'],
  });
});

test('simulateReport: one node failing gives the markdown report of that scenario', async () => {
  const r = (await c.conn.sendRequest('openstackHa/simulateReport', { uri, fail: ['ctl2'] })) as { markdown: string; failing: boolean };
  assert.ok(r.markdown.startsWith('# What if it fails: lens-site\n\nFrom '), r.markdown.slice(0, 200));
  assert.match(r.markdown, /^From (.*\/)?site\.ha\.yaml\.$/m);
  assert.match(r.markdown, /^## ctl2 fails$/m);
  assert.match(r.markdown, /^\| galera \| degraded \| ctl1, ctl3 \| /m);
  assert.equal(r.failing, false);
});

test('simulateReport: every failure domain, worst first; rack-c holds two of three controllers', async () => {
  const r = (await c.conn.sendRequest('openstackHa/simulateReport', { uri, all: 'domains' })) as { markdown: string; failing: boolean };
  assert.match(r.markdown, /^## Every failure domain failing: 3 scenarios, worst first$/m);
  assert.match(r.markdown, /^\| rack-c fails \(ctl3, ctl4\) \| /m);
  assert.equal(r.failing, false);
});

test('simulateReport: an unknown node is refused with a suggestion', async () => {
  await assert.rejects(c.conn.sendRequest('openstackHa/simulateReport', { uri, fail: ['ctl9'] }), (e: ResponseError<unknown>) => {
    assert.equal(e.code, -32602);
    assert.equal(e.message, "unknown node 'ctl9' (did you mean 'ctl1'?); nodes: ctl1, ctl2, ctl3, ctl4");
    return true;
  });
  await assert.rejects(
    c.conn.sendRequest('openstackHa/simulateReport', { uri, all: 'triples' }),
    /all: expected one of single, pairs, domains, not "triples"/,
  );
});

test('an edit that adds a member changes the lens title, and the server asks the client to refresh its lenses', async () => {
  const before = refreshes;
  const line = SITE.split('\n').findIndex((l) => l.includes('members: [ctl1, ctl2, ctl3]'));
  const col = SITE.split('\n')[line].indexOf(']');
  await c.change(uri, 2, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: ', ctl4' }]);
  const ls = await lenses();
  assert.deepEqual(shown(ls), [
    '10:2-10:13 4 votes · quorum 3 · survives 1 failure · Simulate…',
    // galera and rabbitmq run on the cluster's members: four now
    '18:2-18:8 4 votes · primary needs more than 2 · survives 1 failure · Simulate…',
    '19:2-19:10 4 votes · majority 3 · survives 1 failure · Simulate…',
  ]);
  const end = Date.now() + 5000;
  while (refreshes === before && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  assert.ok(refreshes > before, 'workspace/codeLens/refresh after the edit');
});

test('a manifest with no cluster has no lenses', async () => {
  const other = fileUri(path.join(dir, 'notes.ha.yaml'));
  await c.open(other, 'apiVersion: openstack-ha/v1\nkind: Deployment\n');
  await c.diagnostics(other);
  assert.deepEqual(await c.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: other } }), []);
});

test('openstackHa.codeLens.enable false: no lenses (other editors pass it as VS Code does); true again: they are back', async () => {
  const settled = async (want: number) => {
    const end = Date.now() + 5000;
    let n = -1;
    while ((n = (await lenses()).length) !== want && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    return n;
  };
  c.settings = { enable: true, rules: {}, codeLens: { enable: false } };
  await c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  assert.equal(await settled(0), 0);
  c.settings = { enable: true, rules: {} };
  await c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  assert.equal(await settled(3), 3);
});
