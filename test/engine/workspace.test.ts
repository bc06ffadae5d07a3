/** The engine's Workspace: which manifest a file belongs to, what it learns from it, who its peers are. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Workspace, nodeRoot } from '../../server/src/engine/workspace/workspace';
import { detectKind, HEAD_CHARS, LANGUAGES } from '../../server/src/engine/languages';
import { analyseAll, filesOf } from '../support/workspace';
import { KIND_GLOBS } from '../../server/src/engine/kinds';

const manifest = (extra = '') =>
  `apiVersion: openstack-ha/v1\nkind: Deployment\n${extra}nodes:\n  ctl1: { address: 10.0.0.11, roles: [controller] }\n`;

test("the manifest's environment reaches every file of its deployment: a test deployment's pcs script may turn fencing off", () => {
  const pcs = '#!/bin/sh\npcs property set stonith-enabled=false\n';
  const test = analyseAll(`
    #- site.ha.yaml
    ${manifest('metadata:\n  environment: test\n').split('\n').join('\n    ')}
    #- cluster/setup.sh
    ${pcs.split('\n').join('\n    ')}
  `);
  const script = test.results.get('/w/cluster/setup.sh')!;
  assert.equal(script.environment, 'test');
  assert.deepEqual(
    script.findings.filter((f) => f.rule === 'stonith-disabled-in-production'),
    [],
  );
  const prod = analyseAll(
    new Map([
      ['/w/site.ha.yaml', manifest()],
      ['/w/cluster/setup.sh', pcs],
    ]),
  );
  assert.equal(prod.results.get('/w/cluster/setup.sh')!.environment, 'production');
  assert.ok(prod.results.get('/w/cluster/setup.sh')!.findings.some((f) => f.rule === 'stonith-disabled-in-production'));
});

test("the manifest's release chooses the option catalogue of its service configs", () => {
  const conf = '[DEFAULT]\nmy_shared_fs_storage_ip = 10.0.0.11\n';
  const zed = analyseAll(
    new Map([
      ['/w/site.ha.yaml', manifest('metadata:\n  release: zed\n')],
      ['/w/ctl1/etc/nova/nova.conf', conf],
    ]),
  );
  const r = zed.results.get('/w/ctl1/etc/nova/nova.conf')!;
  assert.equal(r.release, 'zed');
  assert.ok(
    r.findings.some((f) => f.rule === 'unknown-option'),
    r.findings.map((f) => f.rule).join(),
  );
  const newest = analyseAll(
    new Map([
      ['/w/site.ha.yaml', manifest()],
      ['/w/ctl1/etc/nova/nova.conf', conf],
    ]),
  );
  assert.ok(!newest.results.get('/w/ctl1/etc/nova/nova.conf')!.findings.some((f) => f.rule === 'unknown-option'));
});

test('a file is checked against the nearest manifest above it; two equally near are a finding, with both as related locations', () => {
  const ws = new Workspace();
  ws.setFile('/w/a/site.ha.yaml', manifest());
  ws.setFile('/w/b/site.ha.yaml', manifest());
  ws.setFile('/w/b/staging.ha.yaml', manifest());
  ws.setFile('/w/a/ctl1/etc/nova/nova.conf', '[DEFAULT]\n');
  ws.setFile('/w/b/ctl1/etc/nova/nova.conf', '[DEFAULT]\n');
  ws.setFile('/w/c/etc/nova/nova.conf', '[DEFAULT]\n');
  assert.equal(ws.contextFor('/w/a/ctl1/etc/nova/nova.conf').manifest, '/w/a/site.ha.yaml');
  assert.deepEqual(ws.contextFor('/w/b/ctl1/etc/nova/nova.conf').ambiguous, ['/w/b/site.ha.yaml', '/w/b/staging.ha.yaml']);
  // none above, and several in the workspace: none
  assert.equal(ws.contextFor('/w/c/etc/nova/nova.conf').manifest, undefined);
  const out = analyseAll(
    new Map([
      ['/w/b/site.ha.yaml', manifest()],
      ['/w/b/staging.ha.yaml', manifest()],
      ['/w/b/ctl1/etc/nova/nova.conf', '[DEFAULT]\n'],
    ]),
  );
  const f = out.results.get('/w/b/ctl1/etc/nova/nova.conf')!.findings.find((x) => x.rule === 'manifest-ambiguous')!;
  assert.equal(
    f.message,
    '2 manifests are equally near this file (../../../site.ha.yaml, ../../../staging.ha.yaml): it is checked against neither; keep one manifest per deployment folder',
  );
  assert.deepEqual(
    f.related!.map((r) => r.file),
    ['/w/b/site.ha.yaml', '/w/b/staging.ha.yaml'],
  );
  // a manifest that describes nothing is no candidate
  const one = new Workspace();
  one.setFile('/w/site.ha.yaml', manifest());
  one.setFile('/w/empty.ha.yaml', 'apiVersion: openstack-ha/v1\nkind: Deployment\n');
  one.setFile('/w/ctl1/etc/nova/nova.conf', '[DEFAULT]\n');
  assert.equal(one.contextFor('/w/ctl1/etc/nova/nova.conf').manifest, '/w/site.ha.yaml');
});

test('with one manifest in the workspace, it speaks for every file', () => {
  const ws = new Workspace();
  ws.setFile('/w/deploy/site.ha.yaml', manifest());
  ws.setFile('/w/nodes/ctl1/etc/nova/nova.conf', '[DEFAULT]\n');
  assert.equal(ws.contextFor('/w/nodes/ctl1/etc/nova/nova.conf').manifest, '/w/deploy/site.ha.yaml');
});

test('peers are the other files of the same deployment, grouped by node', () => {
  const cnf = (n: string) => `[mysqld]\nwsrep_cluster_name=${n}\nwsrep_cluster_address=gcomm://10.0.0.11\n`;
  const ws = new Workspace();
  ws.setFile('/w/site-a/site.ha.yaml', manifest());
  ws.setFile('/w/site-b/site.ha.yaml', manifest());
  ws.setFile('/w/site-a/ctl1/etc/mysql/my.cnf', cnf('a'));
  ws.setFile('/w/site-a/ctl2/etc/mysql/my.cnf', cnf('a'));
  ws.setFile('/w/site-a/ctl1/etc/sysctl.d/60-ha.conf', 'net.ipv4.ip_nonlocal_bind = 1\n');
  ws.setFile('/w/site-b/ctl1/etc/mysql/my.cnf', cnf('b'));
  const peers = ws.contextFor('/w/site-a/ctl1/etc/mysql/my.cnf').peers;
  assert.deepEqual(peers.map((p) => [p.kind, p.file, p.node, p.sameNode, p.path]).sort(), [
    ['galera', '../../../ctl2/etc/mysql/my.cnf', 'ctl2', false, '/w/site-a/ctl2/etc/mysql/my.cnf'],
    ['sysctl', '../sysctl.d/60-ha.conf', 'ctl1', true, '/w/site-a/ctl1/etc/sysctl.d/60-ha.conf'],
  ]);
  assert.equal(nodeRoot('/w/site-a/ctl1/etc/mysql/my.cnf'), '/w/site-a/ctl1');
  assert.equal(nodeRoot('/w/flat/my.cnf'), '/w/flat');
});

test("dependents: a manifest's change re-checks the files under it, a peer's the files of its deployment; removal says whether it mattered", () => {
  const ws = new Workspace();
  for (const [p, t] of filesOf(`
    #- a/site.ha.yaml
    apiVersion: openstack-ha/v1
    kind: Deployment
    nodes:
      ctl1: { address: 10.0.0.11 }
    #- b/site.ha.yaml
    apiVersion: openstack-ha/v1
    kind: Deployment
    nodes:
      ctl9: { address: 10.0.9.11 }
    #- a/ctl1/etc/haproxy/haproxy.cfg
    listen x
        bind 10.0.0.10:80
    #- a/ctl1/etc/keepalived/keepalived.conf
    vrrp_instance VI_1 {
    }
    #- b/ctl9/etc/nova/nova.conf
    [DEFAULT]
  `))
    ws.setFile(p, t);
  assert.deepEqual(ws.dependents('/w/a/site.ha.yaml').sort(), [
    '/w/a/ctl1/etc/haproxy/haproxy.cfg',
    '/w/a/ctl1/etc/keepalived/keepalived.conf',
  ]);
  assert.deepEqual(ws.dependents('/w/a/ctl1/etc/keepalived/keepalived.conf'), ['/w/a/ctl1/etc/haproxy/haproxy.cfg']);
  // a peer's edit that changes nothing others see is not a change for them
  assert.equal(ws.setFile('/w/a/ctl1/etc/keepalived/keepalived.conf', 'vrrp_instance VI_1 {\n}\n# a comment\n'), false);
  assert.equal(ws.setFile('/w/a/ctl1/etc/keepalived/keepalived.conf', 'vrrp_instance VI_1 {\n  virtual_router_id 7\n}\n'), true);
  assert.equal(ws.removeFile('/w/a/ctl1/etc/keepalived/keepalived.conf'), true);
  assert.equal(ws.removeFile('/w/b/ctl9/etc/nova/nova.conf'), true); // nova.conf's listen settings are facts too
  assert.equal(ws.removeFile('/w/nowhere.conf'), false);
  assert.deepEqual(ws.pathsUnder('/w/a'), ['/w/a/site.ha.yaml', '/w/a/ctl1/etc/haproxy/haproxy.cfg']);
});

test('recognition reads the same head in every host: a Galera file whose wsrep settings start after 4 KB of comments', () => {
  const text = `[mysqld]\n${"# a long comment line about the settings below, kept from the vendor's sample\n".repeat(80)}wsrep_on=ON\nwsrep_cluster_address=gcomm://10.0.0.11\n`;
  assert.ok(text.indexOf('wsrep_on') > 4096);
  assert.equal(detectKind('/w/db/server.cnf', text), 'galera');
  assert.equal(detectKind('/w/db/server.cnf', text.slice(0, HEAD_CHARS)), 'galera');
  // binary content is never a kind, except where the name claims the file (its check says it is binary)
  assert.equal(detectKind('/w/x.cfg', '\u0000\u0001global\n'), null);
  assert.equal(detectKind('/w/etc/nova/nova.conf', '\u0000\u0001'), 'oslo-conf');
});

test('every kind is listed once, with globs for the client', () => {
  const kinds = LANGUAGES.map((l) => l.kind);
  assert.equal(new Set(kinds).size, kinds.length);
  assert.deepEqual([...kinds].sort(), Object.keys(KIND_GLOBS).sort());
  for (const l of LANGUAGES) assert.ok(l.globs.length && l.label, l.kind);
});

test('manifest-ambiguous goes through the settings and suppressions like any finding', () => {
  const files = (conf: string) =>
    new Map([
      ['/w/b/site.ha.yaml', manifest()],
      ['/w/b/staging.ha.yaml', manifest()],
      ['/w/b/ctl1/etc/nova/nova.conf', conf],
    ]);
  const of = (conf: string, rules: Record<string, string> = {}) =>
    analyseAll(files(conf), { rules } as never)
      .results.get('/w/b/ctl1/etc/nova/nova.conf')!
      .findings.filter((f) => f.rule === 'manifest-ambiguous')
      .map((f) => f.severity);
  assert.deepEqual(of('[DEFAULT]\n'), ['warning']);
  assert.deepEqual(of('[DEFAULT]\n', { 'manifest-ambiguous': 'error' }), ['error']);
  assert.deepEqual(of('[DEFAULT]\n', { 'manifest-ambiguous': 'off' }), []);
  assert.deepEqual(of('# openstack-ha-disable manifest-ambiguous\n[DEFAULT]\n'), []);
});
