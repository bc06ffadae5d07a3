/** The topology picture's elements from a SimModel (graph/build.ts): ids, boxes, edges, findings, the what-if overlay. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildGraph, clusterDetail } from '../../server/src/engine/graph/build';
import type { GraphFinding } from '../../server/src/engine/graph';
import type { ScenarioResult } from '../../server/src/engine/simulate/scenario';
import type { SimCluster, SimCorosync, SimModel } from '../../server/src/engine/simulate/model';
import { FILE, smallModel } from './model';

const at = (start: number, end: number) => ({ file: FILE, span: { start, end } });
const unplaced = { x: 0, y: 0, width: 0, height: 0 };

test('a box per failure domain holding its nodes, one per cluster, VIP and service, with ids and details', () => {
  const g = buildGraph(smallModel());
  assert.equal(g.name, 'region-one');
  assert.deepEqual(g.nodes, [
    { id: 'domain:rack-a', kind: 'domain', label: 'rack-a', ...unplaced },
    { id: 'domain:rack-b', kind: 'domain', label: 'rack-b', ...unplaced },
    { id: 'node:ctl-a', kind: 'node', label: 'ctl-a', detail: '10.0.0.11', parent: 'domain:rack-a', place: at(100, 140), ...unplaced },
    { id: 'node:ctl-b', kind: 'node', label: 'ctl-b', detail: '10.0.0.12', parent: 'domain:rack-a', place: at(140, 180), ...unplaced },
    { id: 'node:ctl-c', kind: 'node', label: 'ctl-c', detail: '10.0.0.13', parent: 'domain:rack-b', place: at(180, 220), ...unplaced },
    { id: 'cluster:pcs', kind: 'cluster', label: 'pcs', detail: '3 votes · quorum 2', place: at(300, 400), ...unplaced },
    { id: 'cluster:galera', kind: 'cluster', label: 'galera', detail: 'Galera · 3 nodes', place: at(400, 460), ...unplaced },
    { id: 'cluster:rabbitmq', kind: 'cluster', label: 'rabbitmq', detail: 'RabbitMQ · 3 nodes', place: at(460, 520), ...unplaced },
    { id: 'cluster:keepalived', kind: 'cluster', label: 'keepalived', detail: 'keepalived · VRID 51', place: at(520, 600), ...unplaced },
    { id: 'vip:internal', kind: 'vip', label: 'internal', detail: '10.0.0.10', place: at(600, 640), ...unplaced },
    { id: 'service:keystone', kind: 'service', label: 'keystone', detail: 'active-active', place: at(700, 760), ...unplaced },
    { id: 'service:mysql', kind: 'service', label: 'mysql', detail: 'clustered', place: at(760, 820), ...unplaced },
  ]);
  const edge = (kind: string, source: string, target: string) => ({ id: `${kind}:${source}->${target}`, kind, source, target, points: [] });
  const members = (c: string, ns: string[]) => ns.map((n) => edge('member', `cluster:${c}`, `node:${n}`));
  const all = ['ctl-a', 'ctl-b', 'ctl-c'];
  assert.deepEqual(g.edges, [
    ...members('pcs', all),
    ...members('galera', all),
    ...members('rabbitmq', all),
    ...members('keepalived', ['ctl-a', 'ctl-b']),
    // the VIP is moved by keepalived: its edge goes to the cluster, not to the services behind it
    edge('vip', 'vip:internal', 'cluster:keepalived'),
    ...all.map((n) => edge('runs', 'service:keystone', `node:${n}`)),
    ...all.map((n) => edge('runs', 'service:mysql', `node:${n}`)),
  ]);
});

test('nodes without a failure domain are at the top level; members that are not nodes get no edge', () => {
  const m = smallModel();
  delete m.nodes[2].domain;
  (m.clusters[1] as Extract<SimCluster, { kind: 'galera' }>).config.nodes.push({ name: 'arbitrator' });
  const g = buildGraph(m);
  assert.deepEqual(
    g.nodes.filter((n) => n.kind === 'domain' || n.kind === 'node').map((n) => [n.id, n.parent]),
    [
      ['domain:rack-a', undefined],
      ['node:ctl-a', 'domain:rack-a'],
      ['node:ctl-b', 'domain:rack-a'],
      ['node:ctl-c', undefined],
    ],
  );
  assert.equal(g.nodes.find((n) => n.id === 'cluster:galera')!.detail, 'Galera · 4 nodes');
  assert.deepEqual(
    g.edges.filter((e) => e.source === 'cluster:galera').map((e) => e.target),
    ['node:ctl-a', 'node:ctl-b', 'node:ctl-c'],
  );
});

test('a VIP no cluster moves points at the services reached through it', () => {
  const m = smallModel();
  m.vips.push({ name: 'public', address: '203.0.113.10' });
  m.services[0].vips.push('public');
  const g = buildGraph(m);
  assert.deepEqual(
    g.edges.filter((e) => e.kind === 'vip').map((e) => e.id),
    ['vip:vip:internal->cluster:keepalived', 'vip:vip:public->service:keystone'],
  );
});

test("corosync's detail follows votequorum: expected votes, quorum, two_node, a quorum device", () => {
  const corosync = (quorum: SimCorosync['quorum']): SimCluster => ({ name: 'c', kind: 'corosync', quorum });
  const n = (k: number) => Array.from({ length: k }, (_, i) => ({ name: `n${i + 1}` }));
  assert.equal(clusterDetail(corosync({ nodes: n(5) })), '5 votes · quorum 3');
  assert.equal(clusterDetail(corosync({ nodes: n(4) })), '4 votes · quorum 3');
  assert.equal(clusterDetail(corosync({ nodes: n(3), expectedVotes: 5 })), '5 votes · quorum 3');
  assert.equal(clusterDetail(corosync({ nodes: [{ name: 'a', votes: 2 }, { name: 'b' }, { name: 'c' }] })), '4 votes · quorum 3');
  assert.equal(clusterDetail(corosync({ nodes: n(2), twoNode: true })), '2 votes · quorum 1 (two_node)');
  // two_node is ignored with three nodes (votequorum(5))
  assert.equal(clusterDetail(corosync({ nodes: n(3), twoNode: true })), '3 votes · quorum 2');
  // the device's votes default to the nodes' votes minus one: 2 + 1 = 3 expected
  assert.equal(clusterDetail(corosync({ nodes: n(2), qdevice: { algorithm: 'ffsplit' } })), '3 votes · quorum 2 · qdevice ffsplit 1');
  assert.equal(clusterDetail(corosync({ nodes: n(4), qdevice: { algorithm: 'lms' } })), '7 votes · quorum 4 · qdevice lms 3');
  assert.equal(
    clusterDetail({ name: 'k', kind: 'keepalived', config: { vips: [], instances: [{ node: 'a', priority: 100 }] } }),
    'keepalived · 1 node',
  );
});

test('services on the same nodes in the same mode share a box: "a, b, +N", the first one\'s id and place', () => {
  const m = smallModel();
  const s = (name: string, nodes = ['ctl-a', 'ctl-b', 'ctl-c']) => ({
    name,
    mode: 'active-active' as const,
    nodes,
    vips: [],
    place: at(900, 901),
  });
  m.services.push(
    s('nova-api', ['ctl-c', 'ctl-b', 'ctl-a']),
    s('glance-api'),
    s('cinder-api'),
    s('horizon', ['ctl-a', 'ctl-b']),
    s('heat-api', ['ctl-a', 'ctl-b']),
  );
  const g = buildGraph(m);
  const services = g.nodes.filter((n) => n.kind === 'service');
  assert.deepEqual(
    services.map((n) => [n.id, n.label, n.detail, n.members]),
    [
      ['service:keystone', 'keystone, nova-api, +2', 'active-active · 4 services', ['keystone', 'nova-api', 'glance-api', 'cinder-api']],
      ['service:mysql', 'mysql', 'clustered', undefined],
      ['service:horizon', 'horizon, heat-api', 'active-active · 2 services', ['horizon', 'heat-api']],
    ],
  );
  assert.deepEqual(services[0].place, at(700, 760));
  assert.deepEqual(
    g.edges.filter((e) => e.source === 'service:horizon').map((e) => e.target),
    ['node:ctl-a', 'node:ctl-b'],
  );
});

test("findings hang on the innermost element whose definition holds the finding's start, worst first", () => {
  const m = smallModel();
  // the cluster's definition holds the nodes' (as a manifest key holding its members would)
  m.clusters[0].place = at(90, 400);
  const f = (start: number, severity: GraphFinding['severity'], rule: string, file = FILE): GraphFinding => ({
    file,
    span: { start, end: start + 3 },
    severity,
    rule,
    message: `${rule} at ${start}`,
  });
  const g = buildGraph(m, {
    findings: [
      f(110, 'info', 'node-info'),
      f(139, 'error', 'node-error'),
      f(140, 'warning', 'next-node'),
      f(95, 'warning', 'cluster-head'),
      f(5, 'error', 'deployment-wide'),
      f(110, 'error', 'other-file', '/other.yaml'),
    ],
  });
  const marks = Object.fromEntries(g.nodes.filter((n) => n.findings).map((n) => [n.id, n.findings]));
  assert.deepEqual(marks, {
    'node:ctl-a': [
      { severity: 'error', rule: 'node-error', message: 'node-error at 139' },
      { severity: 'info', rule: 'node-info', message: 'node-info at 110' },
    ],
    'node:ctl-b': [{ severity: 'warning', rule: 'next-node', message: 'next-node at 140' }],
    'cluster:pcs': [{ severity: 'warning', rule: 'cluster-head', message: 'cluster-head at 95' }],
  });
});

/** ctl-c failed and the network split ctl-a from ctl-b, with hand-made outcomes for each kind of cluster. */
function splitResult(): ScenarioResult {
  const side = (name: string, kind: SimCluster['kind'], partition: string[], quorate: boolean) => ({
    name,
    kind,
    partition,
    votes: partition.length,
    expected: 3,
    quorum: 2,
    quorate,
    explain: '',
  });
  return {
    name: 'ctl-c fails',
    failed: ['ctl-c'],
    partitions: [['ctl-a'], ['ctl-b']],
    clusters: [
      side('pcs', 'pacemaker', ['ctl-a'], true),
      side('pcs', 'pacemaker', ['ctl-b'], false),
      side('galera', 'galera', ['ctl-a'], false),
      side('galera', 'galera', ['ctl-b'], false),
      side('rabbitmq', 'rabbitmq', ['ctl-a'], true),
      side('rabbitmq', 'rabbitmq', ['ctl-b'], true),
      side('keepalived', 'keepalived', ['ctl-a', 'ctl-b'], true),
    ],
    vips: [{ name: 'internal', holders: ['ctl-a', 'ctl-b'], explain: '' }],
    services: [
      { name: 'keystone', verdict: 'degraded', running: ['ctl-a', 'ctl-b'], explain: '' },
      { name: 'mysql', verdict: 'down', running: [], explain: '' },
    ],
  };
}

test("the what-if overlay: failed nodes, each cluster's worst side, the VIP's holders, the services' verdicts", () => {
  const g = buildGraph(smallModel(), { result: splitResult() });
  assert.deepEqual(
    g.nodes.map((n) => [n.id, n.state]),
    [
      ['domain:rack-a', undefined],
      ['domain:rack-b', undefined],
      ['node:ctl-a', undefined],
      ['node:ctl-b', undefined],
      ['node:ctl-c', 'failed'],
      // one quorate side holding 1 of 3 members
      ['cluster:pcs', 'degraded'],
      // no quorate side
      ['cluster:galera', 'down'],
      // two quorate sides
      ['cluster:rabbitmq', 'split-brain'],
      // VRRP has no quorum: its address is on two nodes
      ['cluster:keepalived', 'split-brain'],
      // two holders: the address is up on two nodes
      ['vip:internal', 'split-brain'],
      ['service:keystone', 'degraded'],
      ['service:mysql', 'down'],
    ],
  );
});

test('the overlay: a VIP nobody holds is down, one holder is available; keepalived follows its VIPs; a group takes its worst verdict', () => {
  const m: SimModel = smallModel();
  m.services.push({ name: 'nova-api', mode: 'active-active', nodes: ['ctl-a', 'ctl-b', 'ctl-c'], vips: [] });
  const r = splitResult();
  r.failed = ['ctl-a', 'ctl-b'];
  r.clusters = r.clusters.filter((c) => c.name !== 'keepalived');
  r.vips = [{ name: 'internal', holders: [], explain: '' }];
  r.services.push({ name: 'nova-api', verdict: 'blocked', running: [], explain: '' });
  const state = (g: ReturnType<typeof buildGraph>, id: string) => g.nodes.find((n) => n.id === id)!.state;
  let g = buildGraph(m, { result: r });
  assert.equal(state(g, 'cluster:keepalived'), 'down');
  assert.equal(state(g, 'vip:internal'), 'down');
  assert.equal(state(g, 'service:keystone'), 'blocked');
  assert.deepEqual(g.nodes.find((n) => n.id === 'service:keystone')!.members, ['keystone', 'nova-api']);
  r.failed = ['ctl-a'];
  r.vips = [{ name: 'internal', holders: ['ctl-b'], explain: '' }];
  g = buildGraph(m, { result: r });
  // its address held by one node, the other member failed
  assert.equal(state(g, 'cluster:keepalived'), 'degraded');
  r.failed = [];
  g = buildGraph(m, { result: r });
  assert.equal(state(g, 'cluster:keepalived'), 'available');
  // a cluster the result says nothing of (no side, a member alive): no state rather than a guess
  r.clusters = r.clusters.filter((c) => c.name !== 'galera');
  g = buildGraph(m, { result: r });
  assert.equal(state(g, 'cluster:galera'), undefined);
  // no side because every member failed: down
  r.failed = ['ctl-a', 'ctl-b', 'ctl-c'];
  g = buildGraph(m, { result: r });
  assert.equal(state(g, 'cluster:galera'), 'down');
  assert.equal(state(g, 'vip:internal'), 'available');
});
