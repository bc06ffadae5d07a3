/**
 * A kolla-ansible folder in the built language server over stdio (issue 12): globals.yml and an INI
 * inventory named `multinode` (no extension) are found on disk and checked together, each file
 * showing the findings about it; an edit of the inventory in the editor checks globals.yml again
 * when its findings depend on the inventory (a VIP that is also a host's address). Every wait is on
 * a condition (a publishDiagnostics from the server), never a sleep.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Diagnostic, FileChangeType, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { WorkspaceClient, uriOf } from '../support/lsp-workspace-client';

const GLOBALS = 'kolla_internal_vip_address: "10.0.0.11"\n';
const inventory = (control: string[], lb = 'haproxy', extra = '') =>
  `[control]\n${control.join('\n')}\n\n[network]\ncontrol01\ncontrol02\n\n[${lb}:children]\nnetwork\n\n[mariadb:children]\ncontrol\n${extra}`;
const TWO = ['control01 ansible_host=10.0.0.21', 'control02 ansible_host=10.0.0.22'];
const THREE = [...TWO, 'control03 ansible_host=10.0.0.23'];

/** A finding as the test states it: rule, severity, range as `line:char-line:char`, the start of its message. */
interface Want {
  rule: string;
  severity: 'error' | 'warning';
  range: string;
  message: string;
}
const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const rangeOf = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code)).sort();
const has = (p: PublishDiagnosticsParams, rule: string) => p.diagnostics.some((d) => d.code === rule);

/** The diagnostics are exactly `want` (in any order): rule, severity, range, the message's start, our source. */
function exactly(p: PublishDiagnosticsParams, want: Want[]): void {
  const have = p.diagnostics
    .map((d) => ({ rule: String(d.code), severity: SEVERITY[d.severity!], range: rangeOf(d), message: messageOf(d), source: d.source }))
    .sort((a, b) => (a.range + a.rule < b.range + b.rule ? -1 : 1));
  const sorted = [...want].sort((a, b) => (a.range + a.rule < b.range + b.rule ? -1 : 1));
  assert.equal(have.length, sorted.length, `${p.uri}: ${JSON.stringify(have, null, 1)}`);
  sorted.forEach((w, i) => {
    const h = have[i];
    assert.deepEqual(
      { rule: h.rule, severity: h.severity, range: h.range, source: h.source },
      { rule: w.rule, severity: w.severity, range: w.range, source: 'openstack-ha' },
      `${p.uri}: ${JSON.stringify(h)}`,
    );
    assert.ok(h.message.startsWith(w.message), `${p.uri}: ${w.rule}: ${h.message}`);
  });
}

const ROUTER_ID: Want = {
  rule: 'kolla-keepalived-router-id',
  severity: 'warning',
  range: '0:0-0:26',
  message: 'keepalived_virtual_router_id is not set, so kolla uses 51 for this VIP',
};
const OLD_GROUP: Want = {
  rule: 'kolla-loadbalancer-group',
  severity: 'error',
  range: '8:1-8:8',
  message: '[haproxy] is the group kolla read before Xena; kolla now puts HAProxy and keepalived on [loadbalancer]',
};

test('a kolla folder: globals.yml and multinode are read from disk, checked together, and checked again when the inventory is edited', async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'osha-lsp-kolla-')));
  fs.writeFileSync(path.join(dir, 'globals.yml'), GLOBALS);
  fs.writeFileSync(path.join(dir, 'multinode'), inventory(TWO));
  // a YAML file and a file without extension that are not kolla's: nothing is published for them
  fs.writeFileSync(path.join(dir, 'notes.yml'), 'title: not kolla\n');
  fs.writeFileSync(path.join(dir, 'README'), '[control]\nsome text\n');
  const globals = uriOf(path.join(dir, 'globals.yml'));
  const multinode = uriOf(path.join(dir, 'multinode'));
  const c = new WorkspaceClient({ root: dir });
  try {
    await c.initialize();
    await c.log((m) => /^workspace: \d+ files checked in \d+ ms/.test(m), 30_000);

    // no file open: both are published from disk, each with the findings about it
    exactly(await c.diagnostics(globals), [ROUTER_ID]);
    exactly(await c.diagnostics(multinode), [
      OLD_GROUP,
      {
        rule: 'cluster-min-three-nodes',
        severity: 'error',
        range: '11:0-11:18',
        message: 'mariadb has 2 votes; a 1:1 split leaves neither side with the 2 needed',
      },
    ]);
    assert.deepEqual([...new Set(c.published.map((p) => p.uri))].sort(), [globals, multinode].sort(), 'nothing else is published');

    // the inventory opened (VS Code gives a file without extension `plaintext`) and edited: a third host in control
    await c.open(multinode, inventory(TWO), 'plaintext', 1);
    let mark = c.published.length;
    await c.change(multinode, 2, inventory(THREE));
    exactly(await c.next(multinode, (p) => !has(p, 'cluster-min-three-nodes'), mark), [{ ...OLD_GROUP, range: '9:1-9:8' }]);

    // kolla's loadbalancer group, and a host whose address is the internal VIP: globals.yml is checked again and shows the conflict
    mark = c.published.length;
    const conflict = inventory(THREE, 'loadbalancer', '\n[monitoring]\nmonitor01 ansible_host=10.0.0.11\n');
    await c.change(multinode, 3, conflict);
    exactly(await c.next(globals, (p) => has(p, 'address-conflict'), mark), [
      ROUTER_ID,
      {
        rule: 'address-conflict',
        severity: 'error',
        range: '0:28-0:39',
        message: "10.0.0.11 of VIP 'internal' is already the address of node 'monitor01'",
      },
    ]);
    exactly(await c.diagnostics(multinode, (p) => !has(p, 'kolla-loadbalancer-group')), []);

    // the host removed again: globals.yml is published once more, without the conflict
    mark = c.published.length;
    await c.change(multinode, 4, inventory(THREE, 'loadbalancer'));
    exactly(await c.next(globals, (p) => !has(p, 'address-conflict'), mark), [ROUTER_ID]);
    exactly(await c.diagnostics(multinode), []);
    assert.deepEqual(codes((await c.diagnostics(globals))!), ['kolla-keepalived-router-id']);
    assert.equal(c.stderr.includes('Error'), false, c.stderr);
  } finally {
    await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a kolla inventory changed on disk (no buffer open): globals.yml is checked again with it', async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'osha-lsp-kolla-')));
  const inv = path.join(dir, 'inventory', 'multinode');
  fs.mkdirSync(path.dirname(inv));
  fs.writeFileSync(path.join(dir, 'globals.yml'), GLOBALS);
  fs.writeFileSync(inv, inventory(THREE, 'loadbalancer'));
  const globals = uriOf(path.join(dir, 'globals.yml'));
  const c = new WorkspaceClient({ root: dir });
  try {
    await c.initialize();
    await c.log((m) => /^workspace: \d+ files checked in \d+ ms/.test(m), 30_000);
    // inventory/multinode belongs to the deployment of the folder above inventory/
    exactly(await c.diagnostics(globals), [ROUTER_ID]);
    exactly(await c.diagnostics(uriOf(inv)), []);
    let mark = c.published.length;
    fs.writeFileSync(inv, inventory(THREE, 'loadbalancer', '\n[monitoring]\nmonitor01 ansible_host=10.0.0.11\n'));
    await c.watched([[inv, FileChangeType.Changed]]);
    exactly(await c.next(globals, (p) => has(p, 'address-conflict'), mark), [
      ROUTER_ID,
      {
        rule: 'address-conflict',
        severity: 'error',
        range: '0:28-0:39',
        message: "10.0.0.11 of VIP 'internal' is already the address of node 'monitor01'",
      },
    ]);
    mark = c.published.length;
    fs.rmSync(inv);
    await c.watched([[inv, FileChangeType.Deleted]]);
    await c.next(uriOf(inv), (p) => p.diagnostics.length === 0, mark);
    // without an inventory the deployment has no hosts: the VIP conflicts with nothing
    exactly(await c.next(globals, (p) => !has(p, 'address-conflict'), mark), [ROUTER_ID]);
  } finally {
    await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
