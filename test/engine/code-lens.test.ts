/** Code lenses over clusters and clustered services (server/src/engine/service/code-lens.ts). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { codeLenses } from '../../server/src/engine/service/code-lens';
import type { SimModel, SimNode } from '../../server/src/engine/simulate/model';
import { LineIndex } from '../../server/src/engine/text/line-index';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { deploymentOfFile } from '../../server/src/engine/deployments';
import { folderFiles } from '../support/workspace';

const at = (text: string, needle: string, file = 'site.ha.yaml') => {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { file, span: { start, end: start + needle.length } };
};
const node = (name: string, domain?: string): SimNode => ({ name, roles: [], domain });

/** A hand-made model whose places point into TEXT (the builders set them the same way). */
const TEXT = `clusters:
  ctl: { members: [c1, c2, c3] }
  db: { members: [c1, c2, c3] }
services:
  galera: { on: db, mode: clustered }
  rabbitmq: { on: [c1, c2, c3, c4, c5], mode: clustered }
  keystone: { on: ctl, mode: active-active }
`;
function model(): SimModel {
  const ctl = ['c1', 'c2', 'c3'];
  return {
    name: 'site',
    source: 'site.ha.yaml',
    nodes: ['c1', 'c2', 'c3', 'c4', 'c5'].map((n) => node(n)),
    clusters: [
      { kind: 'corosync', name: 'ctl', quorum: { nodes: ctl.map((name) => ({ name })) }, place: at(TEXT, 'ctl') },
      { kind: 'galera', name: 'db', config: { nodes: ctl.map((name) => ({ name })) }, place: at(TEXT, 'db') },
      { kind: 'rabbitmq', name: 'rabbitmq', config: { nodes: ['c1', 'c2', 'c3', 'c4', 'c5'] } },
    ],
    vips: [],
    services: [
      { name: 'galera', mode: 'clustered', nodes: ctl, cluster: 'db', vips: [], place: at(TEXT, 'galera') },
      {
        name: 'rabbitmq',
        mode: 'clustered',
        nodes: ['c1', 'c2', 'c3', 'c4', 'c5'],
        cluster: 'rabbitmq',
        vips: [],
        place: at(TEXT, 'rabbitmq'),
      },
      { name: 'keystone', mode: 'active-active', nodes: ctl, cluster: 'ctl', vips: [], place: at(TEXT, 'keystone') },
    ],
    assumptions: [],
  };
}

test('one lens per cluster and per clustered service defined in the file, in file order, with the exact summary', () => {
  const m = model();
  assert.deepEqual(codeLenses(m, 'site.ha.yaml'), [
    { span: { start: 12, end: 15 }, title: '3 votes · quorum 2 · survives 1 failure', target: { kind: 'cluster', name: 'ctl' } },
    {
      span: { start: 45, end: 47 },
      title: '3 votes · primary needs more than 1.5 · survives 1 failure',
      target: { kind: 'cluster', name: 'db' },
    },
    {
      span: { start: 87, end: 93 },
      title: '3 votes · primary needs more than 1.5 · survives 1 failure',
      target: { kind: 'service', name: 'galera' },
    },
    // the RabbitMQ cluster has no place of its own: its service carries its lens (5 nodes: 2 may fail)
    { span: { start: 125, end: 133 }, title: '5 votes · majority 3 · survives 2 failures', target: { kind: 'service', name: 'rabbitmq' } },
  ]);
  // keystone is active-active (not clustered): no lens, though it names a cluster
  assert.equal(TEXT.slice(12, 15), 'ctl');
  assert.equal(TEXT.slice(125, 133), 'rabbitmq');
});

test('a file the model does not place anything in has no lens', () => {
  assert.deepEqual(codeLenses(model(), 'other.ha.yaml'), []);
});

test('a clustered service and its own cluster on one line give one lens (an inventory group that is both)', () => {
  const ini = '[galera:children]\ncontrol\n\n[control]\nc1\nc2\nc3\n';
  const m = model();
  const header = { file: 'inventory', span: { start: 0, end: 17 } };
  const name = { file: 'inventory', span: { start: 1, end: 7 } };
  m.clusters[1].place = header;
  m.services[0].place = name;
  const lenses = codeLenses(m, 'inventory', { lines: new LineIndex(ini) });
  assert.deepEqual(lenses, [
    {
      span: { start: 0, end: 17 },
      title: '3 votes · primary needs more than 1.5 · survives 1 failure',
      target: { kind: 'cluster', name: 'db' },
    },
  ]);
  // on another line, both stay
  m.services[0].place = { file: 'inventory', span: { start: 18, end: 25 } };
  assert.deepEqual(
    codeLenses(m, 'inventory', { lines: new LineIndex(ini) }).map((l) => `${l.target.kind}:${l.target.name}@${l.span.start}`),
    ['cluster:db@0', 'service:galera@18'],
  );
});

test('a cluster whose summary cannot be computed gets no lens, and the caller is told', () => {
  const m = model();
  // two_node with three nodes is fine for votequorum; a keepalived cluster needs the keepalived module
  const bad = { kind: 'galera' as const, name: 'broken', config: { nodes: null as never }, place: at(TEXT, 'clusters') };
  m.clusters.push(bad);
  const errors: string[] = [];
  const lenses = codeLenses(m, 'site.ha.yaml', { onError: (c) => errors.push(c) });
  assert.deepEqual(errors, ['broken']);
  assert.equal(lenses.length, 4);
  assert.ok(!lenses.some((l) => l.target.name === 'broken'));
});

test('summaries are computed once per model: a second ask is cheap, a new model is computed afresh', () => {
  const m = model();
  const first = codeLenses(m, 'site.ha.yaml');
  // mutate the model behind the memo's back: the memo answers, which shows it did not recompute
  (m.clusters[0] as { quorum: { nodes: { name: string }[] } }).quorum.nodes.push({ name: 'c4' }, { name: 'c5' });
  assert.deepEqual(codeLenses(m, 'site.ha.yaml'), first);
  const again = model();
  (again.clusters[0] as { quorum: { nodes: { name: string }[] } }).quorum.nodes.push({ name: 'c4' }, { name: 'c5' });
  assert.equal(codeLenses(again, 'site.ha.yaml')[0].title, '5 votes · quorum 3 · survives 2 failures');
});

/** A 54-node deployment: 3 controllers (corosync, Galera), 3 RabbitMQ nodes, 48 computes in 4 racks, a 16-node storage corosync. */
function large(): SimModel {
  const nodes: SimNode[] = [];
  for (let i = 1; i <= 3; i++) nodes.push(node(`ctl${i}`, `rack-${i}`));
  for (let i = 1; i <= 3; i++) nodes.push(node(`mq${i}`, `rack-${i}`));
  for (let i = 1; i <= 48; i++) nodes.push(node(`cmp${i}`, `rack-${(i % 4) + 1}`));
  const ctl = ['ctl1', 'ctl2', 'ctl3'];
  const storage = nodes.slice(6, 22).map((n) => n.name);
  const place = (start: number) => ({ file: 'big.ha.yaml', span: { start, end: start + 1 } });
  return {
    name: 'big',
    source: 'big.ha.yaml',
    nodes,
    clusters: [
      { kind: 'corosync', name: 'ctl', quorum: { nodes: ctl.map((name) => ({ name })) }, place: place(10) },
      { kind: 'galera', name: 'db', config: { nodes: ctl.map((name) => ({ name })) }, place: place(20) },
      { kind: 'rabbitmq', name: 'mq', config: { nodes: ['mq1', 'mq2', 'mq3'] }, place: place(30) },
      { kind: 'corosync', name: 'storage', quorum: { nodes: storage.map((name) => ({ name })) }, place: place(40) },
    ],
    vips: [],
    services: [
      { name: 'galera', mode: 'clustered', nodes: ctl, cluster: 'db', vips: [], place: place(50) },
      { name: 'rabbitmq', mode: 'clustered', nodes: ['mq1', 'mq2', 'mq3'], cluster: 'mq', vips: [], place: place(60) },
      { name: 'nova-compute', mode: 'per-node', nodes: nodes.slice(6).map((n) => n.name), vips: [] },
    ],
    assumptions: [],
  };
}

test('a 54-node deployment with a 16-node corosync cluster answers in well under 100 ms', () => {
  const m = large();
  const t0 = performance.now();
  const lenses = codeLenses(m, 'big.ha.yaml');
  const first = performance.now() - t0;
  const t1 = performance.now();
  codeLenses(m, 'big.ha.yaml');
  const second = performance.now() - t1;
  assert.deepEqual(
    lenses.map((l) => l.title),
    [
      '3 votes · quorum 2 · survives 1 failure',
      '3 votes · primary needs more than 1.5 · survives 1 failure',
      '3 votes · majority 2 · survives 1 failure',
      '16 votes · quorum 9 · survives 7 failures',
      '3 votes · primary needs more than 1.5 · survives 1 failure',
      '3 votes · majority 2 · survives 1 failure',
    ],
  );
  console.log(`lenses on 54 nodes: first ${first.toFixed(1)} ms, memoised ${second.toFixed(2)} ms`);
  assert.ok(first < 100, `first ask took ${first.toFixed(1)} ms`);
  assert.ok(second < 5, `memoised ask took ${second.toFixed(2)} ms`);
});

/** A manifest as the builders read it (simulate/from-manifest.ts through deployments.ts). */
const SITE = `apiVersion: openstack-ha/v1
kind: Deployment
metadata:
  name: lens-site
nodes:
  ctl1: { address: 10.0.0.11, roles: [controller], failure_domain: rack-a }
  ctl2: { address: 10.0.0.12, roles: [controller], failure_domain: rack-b }
  ctl3: { address: 10.0.0.13, roles: [controller], failure_domain: rack-c }
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

function lensesOf(files: Record<string, string>, file: string): string[] {
  const ws = new Workspace();
  for (const [p, text] of Object.entries(files)) ws.setFile(p, text);
  const d = deploymentOfFile(ws, file);
  assert.ok(d, `${file} belongs to a deployment`);
  const text = files[file];
  return codeLenses(d!.model, file, { lines: new LineIndex(text) }).map(
    (l) => `${JSON.stringify(text.slice(l.span.start, l.span.end).split('\n')[0])} ${l.title} -> ${l.target.kind} ${l.target.name}`,
  );
}

test('a manifest: the Pacemaker cluster at its key, galera and rabbitmq at theirs (each its own cluster: one lens)', () => {
  assert.deepEqual(lensesOf({ '/site/site.ha.yaml': SITE }, '/site/site.ha.yaml'), [
    '"controllers" 3 votes · quorum 2 · survives 1 failure -> cluster controllers',
    '"galera" 3 votes · primary needs more than 1.5 · survives 1 failure -> cluster galera',
    '"rabbitmq" 3 votes · majority 2 · survives 1 failure -> cluster rabbitmq',
  ]);
});

/** 50 nodes: 3 controllers (Pacemaker, Galera, RabbitMQ), 2 load balancers (keepalived), 45 computes in 3 racks. */
function fiftyNodes(): string {
  const lines = ['apiVersion: openstack-ha/v1', 'kind: Deployment', 'metadata:', '  name: fifty', 'nodes:'];
  for (let i = 1; i <= 3; i++) lines.push(`  ctl${i}: { address: 10.0.0.${10 + i}, roles: [controller], failure_domain: rack-${i} }`);
  for (let i = 1; i <= 2; i++) lines.push(`  lb${i}: { address: 10.0.0.${20 + i}, roles: [loadbalancer], failure_domain: rack-${i} }`);
  for (let i = 1; i <= 45; i++) lines.push(`  cmp${i}: { address: 10.0.1.${i}, roles: [compute], failure_domain: rack-${(i % 3) + 1} }`);
  lines.push(
    'clusters:',
    '  controllers: { manager: pacemaker, members: [ctl1, ctl2, ctl3], stonith: true }',
    '  balancers: { manager: keepalived, members: [lb1, lb2] }',
    'vips:',
    '  internal: { address: 10.0.0.10, cidr: 24, cluster: balancers }',
    'services:',
    '  keystone: { on: controllers, mode: active-active, vip: internal }',
    '  galera: { on: controllers, mode: clustered, vip: internal }',
    '  rabbitmq: { on: controllers, mode: clustered }',
    `  nova-compute: { on: [${Array.from({ length: 45 }, (_, i) => `cmp${i + 1}`).join(', ')}], mode: per-node }`,
  );
  return lines.join('\n') + '\n';
}

test('a 50-node manifest: after an edit, its lenses take a few milliseconds', () => {
  const text = fiftyNodes();
  // once cold (the parser's and the managers' code compiled), then timed as an edit is: a new text, a new model
  const cold = performance.now();
  const warm = new Workspace();
  warm.setFile('/fifty/site.ha.yaml', text);
  codeLenses(deploymentOfFile(warm, '/fifty/site.ha.yaml')!.model, '/fifty/site.ha.yaml');
  const first = performance.now() - cold;
  const ws = new Workspace();
  const edited = text.replace('name: fifty', 'name: fifty-one');
  ws.setFile('/fifty/site.ha.yaml', edited);
  const t0 = performance.now();
  const d = deploymentOfFile(ws, '/fifty/site.ha.yaml')!;
  const t1 = performance.now();
  const lenses = codeLenses(d.model, '/fifty/site.ha.yaml', { lines: new LineIndex(edited) });
  const t2 = performance.now();
  assert.deepEqual(
    lenses.map((l) => `${edited.slice(l.span.start, l.span.end)}: ${l.title}`),
    [
      'controllers: 3 votes · quorum 2 · survives 1 failure',
      'balancers: 2 instances · no quorum (VRRP) · survives 1 failure',
      'galera: 3 votes · primary needs more than 1.5 · survives 1 failure',
      'rabbitmq: 3 votes · majority 2 · survives 1 failure',
    ],
  );
  console.log(
    `50-node manifest: first ask ${first.toFixed(1)} ms; after an edit: deployment ${(t1 - t0).toFixed(1)} ms, lenses ${(t2 - t1).toFixed(1)} ms`,
  );
  // the lenses' own part (the deployment's is the builders', and the editor's cache keeps it between asks)
  assert.ok(t2 - t1 < 50, `${(t2 - t1).toFixed(1)} ms`);
});

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

/** Each lens of `file` as its line and column, the text under it and its title. */
function lensesIn(files: Map<string, string>, file: string): string[] {
  const ws = new Workspace();
  for (const [p, t] of files) ws.setFile(p, t);
  const d = deploymentOfFile(ws, file);
  assert.ok(d, `${file} belongs to a deployment`);
  const lines = new LineIndex(files.get(file)!);
  return codeLenses(d!.model, file, { lines }).map((l) => {
    const at = lines.position(l.span.start);
    return `${at.line}:${at.character} ${files.get(file)!.slice(l.span.start, l.span.end)}: ${l.title} -> ${l.target.kind} ${l.target.name}`;
  });
}

test("kolla-ansible's multinode: a lens on each group header that is a cluster; galera and rabbitmq are their groups (one lens each)", () => {
  const files = new Map([...folderFiles(path.join(FIXTURES, 'kolla'))].filter(([p]) => /^\/w\/(multinode|globals\.yml)$/.test(p)));
  assert.deepEqual(lensesIn(files, '/w/multinode'), [
    '73:0 [loadbalancer:children]: 2 instances · no quorum (VRRP) · survives 1 failure -> cluster loadbalancer',
    '76:0 [mariadb:children]: 3 votes · primary needs more than 1.5 · survives 1 failure -> cluster mariadb',
    '79:0 [rabbitmq:children]: 3 votes · majority 2 · survives 1 failure -> cluster rabbitmq',
  ]);
  // globals.yml defines none of them
  assert.deepEqual(lensesIn(files, '/w/globals.yml'), []);
});

test("the stack's own files: the corosync nodelist where the cluster is read from, keepalived's vrrp_instance, HAProxy's galera", () => {
  const files = folderFiles(path.join(FIXTURES, 'simulate', 'stack'), '/site');
  assert.deepEqual(lensesIn(files, '/site/ctl1/etc/corosync/corosync.conf'), [
    '8:0 nodelist: 3 votes · quorum 2 · survives 1 failure -> cluster control',
  ]);
  // the same cluster is not shown again on the other nodes' copies
  assert.deepEqual(lensesIn(files, '/site/ctl2/etc/corosync/corosync.conf'), []);
  assert.deepEqual(lensesIn(files, '/site/ctl1/etc/keepalived/keepalived.conf'), [
    '17:14 VI_internal: 3 instances · no quorum (VRRP) · survives 2 failures -> cluster VI_internal',
  ]);
  // Galera's cluster has no place of its own; its service is read from HAProxy's listen block. ctl1 has pc.weight=2:
  // losing it leaves 2 of 4, and 2 x 2 + 0 > 4 is false, so no single failure is safe
  assert.deepEqual(lensesIn(files, '/site/ctl1/etc/haproxy/haproxy.cfg'), [
    '22:0 listen galera: 4 votes · primary needs more than 2 · survives 0 failures -> service galera',
  ]);
});

test('OpenStack-Ansible: clusters sharing a `*_hosts` key each get a lens, named, since one line holds several', () => {
  const files = folderFiles(path.join(FIXTURES, 'osa', 'three-infra'));
  assert.deepEqual(lensesIn(files, '/w/openstack_user_config.yml'), [
    '37:0 shared-infra_hosts: galera: 3 votes · primary needs more than 1.5 · survives 1 failure -> cluster galera',
    '37:0 shared-infra_hosts: rabbitmq: 3 votes · majority 2 · survives 1 failure -> cluster rabbitmq',
  ]);
  assert.deepEqual(lensesIn(files, '/w/conf.d/haproxy.yml'), [
    '2:0 haproxy_hosts: loadbalancer-external: 3 instances · no quorum (VRRP) · survives 2 failures -> cluster loadbalancer-external',
    '2:0 haproxy_hosts: loadbalancer-internal: 3 instances · no quorum (VRRP) · survives 2 failures -> cluster loadbalancer-internal',
  ]);
  assert.deepEqual(lensesIn(files, '/w/user_variables.yml'), []);
});
