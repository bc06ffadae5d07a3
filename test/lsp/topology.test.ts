/**
 * The topology view's requests over LSP, against the built server and the real engine: the picture
 * of a manifest of three controllers in three racks (ids, a node's definition as a URI and range, the
 * manifest's findings marked on their elements), the picture following the open buffer, and a what-if
 * (the failed node's state, each service's verdict with its arithmetic); and a kolla-ansible folder's,
 * whose places are in its inventory and globals.yml.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceClient, uriOf } from '../support/lsp-workspace-client';
import { KOLLA_FIXTURE, ROOT } from '../support/paths';
import type { TopologyResponse, WhatIfResponse } from '../../server/src/lsp/topology';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'topology', 'site.ha.yaml');

test('openstackHa/topology and openstackHa/whatIf over LSP', async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'osha-lsp-topology-')));
  const text = fs.readFileSync(FIXTURE, 'utf8');
  const file = path.join(dir, 'site.ha.yaml');
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a deployment\n');
  const uri = uriOf(file);
  const c = new WorkspaceClient({ root: dir });
  try {
    await c.initialize();
    await c.log((m) => /^workspace: \d+ files checked in \d+ ms/.test(m), 30_000);

    const r = (await c.conn.sendRequest<TopologyResponse | null>('openstackHa/topology', { uri }))!;
    assert.equal(r.name, 'three-racks');
    assert.deepEqual(r.files, [uri]);
    assert.deepEqual(
      r.graph.nodes.map((n) => n.id),
      [
        'domain:rack-a',
        'domain:rack-b',
        'domain:rack-c',
        'node:controller1',
        'node:controller2',
        'node:controller3',
        'cluster:controllers',
        'cluster:galera',
        'cluster:rabbitmq',
        'vip:internal',
        'service:haproxy',
        'service:galera',
        'service:memcached',
      ],
    );
    const byId = new Map(r.graph.nodes.map((n) => [n.id, n]));
    assert.equal(byId.get('node:controller2')!.parent, 'domain:rack-b');
    // the node's definition: its line of the manifest (line 9, 0-based), where its name is written
    const loc = byId.get('node:controller2')!.location!;
    assert.equal(loc.uri, uri);
    assert.equal(loc.range.start.line, 9);
    assert.equal(loc.range.start.character, 2);
    // haproxy and keystone run on the same nodes in the same mode: one box, written where haproxy is
    assert.deepEqual(byId.get('service:haproxy')!.members, ['haproxy', 'keystone']);
    // the manifest's findings: controller3's one NIC (found in its entry, drawn on its box) and keystone's
    // missing VIP (on the box keystone shares)
    const marked = r.graph.nodes.filter((n) => n.findings?.length);
    assert.deepEqual(
      marked.map((n) => [n.id, n.findings]),
      [
        [
          'node:controller3',
          [
            {
              severity: 'warning',
              rule: 'network-path-redundancy',
              message: 'controller3 has 1 management interface (eno1): one NIC, cable or switch port cuts it off from the cluster',
            },
          ],
        ],
        [
          'service:haproxy',
          [
            {
              severity: 'warning',
              rule: 'vip-missing',
              message:
                'keystone is active-active behind haproxy on port 5000 but has no VIP: clients would have to name one node and lose the service with it',
            },
          ],
        ],
      ],
    );
    assert.ok(r.graph.nodes.every((n) => n.state === undefined));

    // a file of no deployment
    assert.equal(await c.conn.sendRequest('openstackHa/topology', { uri: uriOf(path.join(dir, 'notes.txt')) }), null);

    // the open buffer is what the picture shows: a second NIC on controller3 and its mark is gone
    c.open(uri, text.replace('interfaces: [eno1] }', 'interfaces: [eno1, eno2], bond: true }'), 'yaml');
    const edited = (await c.conn.sendRequest<TopologyResponse | null>('openstackHa/topology', { uri }))!;
    assert.deepEqual(
      edited.graph.nodes.filter((n) => n.findings?.length).map((n) => n.id),
      ['service:haproxy'],
    );

    const w = (await c.conn.sendRequest<WhatIfResponse | null>('openstackHa/whatIf', { uri, fail: ['controller2'], failDomains: [] }))!;
    const states = new Map(w.graph.nodes.map((n) => [n.id, n.state]));
    assert.equal(states.get('node:controller2'), 'failed');
    assert.equal(states.get('node:controller1'), undefined);
    assert.deepEqual(w.result.failed, ['controller2']);
    const keystone = w.result.services.find((s) => s.name === 'keystone')!;
    assert.equal(keystone.verdict, 'degraded');
    assert.equal(states.get('service:haproxy'), 'degraded');
    assert.deepEqual(keystone.running, ['controller1', 'controller3']);
    assert.equal(keystone.explain, '2 of 3 instances of keystone run (controller1, controller3)');
    assert.equal(w.result.name, 'controller2 fails');

    // a rack: every node in it fails
    const rack = (await c.conn.sendRequest<WhatIfResponse | null>('openstackHa/whatIf', { uri, fail: [], failDomains: ['rack-a'] }))!;
    assert.deepEqual(rack.result.failed, ['controller1']);
    assert.equal(rack.result.name, 'rack-a fails (controller1)');
    assert.equal(rack.graph.nodes.find((n) => n.id === 'node:controller1')!.state, 'failed');

    await assert.rejects(c.conn.sendRequest('openstackHa/whatIf', { uri, fail: ['controller9'], failDomains: [] }), {
      message: 'no node controller9 in three-racks',
    });
  } finally {
    await c.close();
  }
});

test('the topology of a kolla-ansible folder: places in the inventory and globals.yml, a what-if asked from either file', async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'osha-lsp-topology-kolla-')));
  fs.cpSync(KOLLA_FIXTURE, dir, { recursive: true });
  const inventory = uriOf(path.join(dir, 'multinode'));
  const globals = uriOf(path.join(dir, 'globals.yml'));
  const c = new WorkspaceClient({ root: dir });
  try {
    await c.initialize();
    await c.log((m) => /^workspace: \d+ files checked in \d+ ms/.test(m), 30_000);
    const r = (await c.conn.sendRequest<TopologyResponse | null>('openstackHa/topology', { uri: inventory }))!;
    assert.equal(r.name, path.basename(dir));
    assert.equal(r.source, `kolla-ansible files in ${dir}`);
    assert.deepEqual(r.files, [globals, inventory]);
    const byId = new Map(r.graph.nodes.map((n) => [n.id, n]));
    assert.deepEqual(byId.get('node:control01')!.location, {
      uri: inventory,
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } },
    });
    assert.deepEqual(byId.get('vip:internal')!.location, {
      uri: globals,
      range: { start: { line: 3, character: 28 }, end: { line: 3, character: 39 } },
    });
    // the two-node Galera cluster's finding, on the [mariadb:children] group that defines it
    assert.deepEqual(byId.get('cluster:mariadb')!.findings, [
      {
        severity: 'error',
        rule: 'cluster-min-three-nodes',
        message: 'mariadb has 2 votes; a 1:1 split leaves neither side with the 2 needed for a Galera primary component (use at least 3)',
      },
    ]);

    const w = (await c.conn.sendRequest<WhatIfResponse | null>('openstackHa/whatIf', {
      uri: globals,
      fail: ['control01'],
      failDomains: [],
    }))!;
    assert.deepEqual(w.result.services, [
      {
        name: 'mariadb',
        verdict: 'down',
        running: [],
        explain:
          "Galera: no side is primary (each needs more than 1 of the last primary component's weight 2); non-primary nodes refuse queries until enough of that component returns or an operator sets pc.bootstrap",
      },
    ]);
    assert.deepEqual(
      w.graph.nodes.filter((n) => n.state).map((n) => `${n.id} ${n.state}`),
      ['node:control01 failed', 'cluster:mariadb down', 'vip:internal down', 'service:mariadb down'],
    );
  } finally {
    await c.close();
  }
});
