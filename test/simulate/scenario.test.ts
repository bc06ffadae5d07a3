/** Scenarios over a whole deployment (server/src/engine/simulate/scenario.ts, enumerate.ts, report.ts). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { SimModel } from '../../server/src/engine/simulate/model';
import { scenarioName, simulate, unknownNames } from '../../server/src/engine/simulate/scenario';
import { enumerate } from '../../server/src/engine/simulate/enumerate';
import { reportJson, reportText, summary } from '../../server/src/engine/simulate/report';

const ctl = ['ctl-a', 'ctl-b', 'ctl-c'];
/** Three controllers in two racks; corosync without Pacemaker, Galera, RabbitMQ (Khepri), APIs without a VIP, memcached. */
const model: SimModel = {
  name: 'lab',
  source: 'lab.ha.yaml',
  nodes: [
    { name: 'ctl-a', domain: 'rack-1', roles: ['controller'] },
    { name: 'ctl-b', domain: 'rack-1', roles: ['controller'] },
    { name: 'ctl-c', domain: 'rack-2', roles: ['controller'] },
  ],
  clusters: [
    { kind: 'corosync', name: 'control', quorum: { nodes: ctl.map((name) => ({ name })) } },
    { kind: 'galera', name: 'galera', config: { nodes: ctl.map((name) => ({ name })) } },
    { kind: 'rabbitmq', name: 'rabbitmq', config: { nodes: ctl } },
  ],
  vips: [],
  services: [
    { name: 'galera', mode: 'clustered', nodes: ctl, cluster: 'galera', vips: [] },
    { name: 'rabbitmq', mode: 'clustered', nodes: ctl, cluster: 'rabbitmq', vips: [] },
    { name: 'keystone', mode: 'active-active', nodes: ctl, vips: [] },
    { name: 'memcached', mode: 'client-side', nodes: ctl, vips: [] },
  ],
  assumptions: [],
};

const verdicts = (r: ReturnType<typeof simulate>) => Object.fromEntries(r.services.map((s) => [s.name, s.verdict]));

test('as deployed: every service available, one side per cluster', () => {
  const r = simulate(model, { steps: [{}] });
  assert.equal(r.name, 'as deployed');
  assert.deepEqual(r.partitions, [ctl]);
  assert.deepEqual(verdicts(r), { galera: 'available', rabbitmq: 'available', keystone: 'available', memcached: 'available' });
  assert.deepEqual(
    r.clusters.map((c) => [c.name, c.kind, c.votes, c.expected, c.quorum, c.quorate]),
    [
      ['control', 'corosync', 3, 3, 2, true],
      ['galera', 'galera', 3, 3, 'more than 1.5', true],
      ['rabbitmq', 'rabbitmq', 3, 3, 'at least 2', true],
    ],
  );
});

test('one node fails: degraded everywhere, the arithmetic in the explanations', () => {
  const r = simulate(model, { steps: [{ fail: ['ctl-b'] }] });
  assert.equal(r.name, 'ctl-b fails');
  assert.deepEqual(r.failed, ['ctl-b']);
  assert.deepEqual(verdicts(r), { galera: 'degraded', rabbitmq: 'degraded', keystone: 'degraded', memcached: 'degraded' });
  assert.equal(r.clusters[0].explain, '2 of 3 votes reach the quorum of 2');
  assert.equal(r.services[2].explain, '2 of 3 instances of keystone run (ctl-a, ctl-c)');
  assert.deepEqual(r.services[2].running, ['ctl-a', 'ctl-c']);
});

test('a rack holding two of three fails: Galera and RabbitMQ lose their majority, the APIs carry on', () => {
  const r = simulate(model, { steps: [{ failDomains: ['rack-1'] }] });
  assert.equal(r.name, 'rack-1 fails (ctl-a, ctl-b)');
  assert.deepEqual(verdicts(r), { galera: 'down', rabbitmq: 'down', keystone: 'degraded', memcached: 'degraded' });
  assert.equal(r.clusters[0].quorate, false);
  assert.equal(
    r.clusters.find((c) => c.kind === 'galera')!.explain,
    'Galera: 2 x 1 + 0 > 3 is false, so the remaining node (ctl-c) is not primary',
  );
});

test('failures one after the other: Galera keeps a primary at 3 -> 2, loses it at 2 -> 1 (2 x 1 + 0 > 2 is false)', () => {
  const r = simulate(model, { steps: [{ fail: ['ctl-c'] }, { fail: ['ctl-b'] }] });
  assert.equal(r.name, 'ctl-c fails, then ctl-b fails');
  assert.deepEqual(r.failed, ['ctl-b', 'ctl-c']);
  assert.equal(r.steps?.length, 1);
  assert.equal(r.steps![0].services[0].verdict, 'degraded');
  assert.equal(r.services[0].verdict, 'down');
  assert.match(r.clusters.find((c) => c.kind === 'galera')!.explain, /^Galera: 2 x 1 \+ 0 > 2 is false/);
});

test('a node that returns rejoins: the network heals between steps', () => {
  const r = simulate(model, { steps: [{ partition: [['ctl-a'], ['ctl-b', 'ctl-c']] }, { recover: [] }] });
  assert.equal(r.steps![0].partitions.length, 2);
  assert.deepEqual(r.steps![0].services.map((s) => s.verdict).slice(0, 2), ['degraded', 'degraded']);
  assert.deepEqual(r.partitions, [ctl]);
  assert.equal(r.services[0].verdict, 'available');
});

test('a partition names nodes or domains; the nodes not named join the first group', () => {
  const r = simulate(model, { steps: [{ partition: [['rack-2'], ['ctl-a']] }] });
  assert.deepEqual(r.partitions, [['ctl-b', 'ctl-c'], ['ctl-a']]);
  assert.equal(scenarioName(model, { steps: [{ partition: [['rack-2'], ['ctl-a']] }] }), 'the network splits rack-2 | ctl-a');
});

test('unknown names are refused with the closest known one', () => {
  assert.deepEqual(unknownNames(model, { steps: [{ fail: ['ctl-d'], failDomains: ['rack-3'] }] }), [
    "unknown node 'ctl-d' (did you mean 'ctl-a'?); nodes: ctl-a, ctl-b, ctl-c",
    "unknown domain 'rack-3' (did you mean 'rack-1'?); failure domains: rack-1, rack-2",
  ]);
  assert.deepEqual(unknownNames(model, { steps: [{ fail: ['ctl-a'] }] }), []);
});

test('every pair, worst first: a pair inside rack-1 is no worse than the others here, all three lose the majorities', () => {
  const rs = enumerate(model, 'pairs');
  assert.deepEqual(
    rs.map((r) => r.name),
    ['ctl-a and ctl-b fail', 'ctl-a and ctl-c fail', 'ctl-b and ctl-c fail'],
  );
  assert.equal(summary(rs[0]), '2 down (galera, rabbitmq), 2 degraded (keystone, memcached)');
  const single = enumerate(model, 'single');
  assert.equal(single.length, 3);
  assert.ok(single.every((r) => r.services.every((s) => s.verdict === 'degraded')));
});

test('domains enumeration puts the rack that holds the majority first', () => {
  const rs = enumerate(model, 'domains');
  assert.deepEqual(
    rs.map((r) => r.name),
    ['rack-1 fails (ctl-a, ctl-b)', 'rack-2 fails (ctl-c)'],
  );
});

test('the JSON report keeps spec/simulate.md names', () => {
  const r = simulate(model, { steps: [{ fail: ['ctl-b'] }] });
  const j = JSON.parse(reportJson({ model, files: ['lab.ha.yaml'], results: [r] }));
  assert.equal(j.version, 1);
  assert.deepEqual(Object.keys(j.scenarios[0]), ['name', 'failed', 'partitions', 'clusters', 'vips', 'services']);
  assert.deepEqual(Object.keys(j.scenarios[0].clusters[0]), [
    'name',
    'kind',
    'partition',
    'votes',
    'expected',
    'quorum',
    'quorate',
    'explain',
  ]);
  assert.deepEqual(j.scenarios[0].clusters[0], {
    name: 'control',
    kind: 'corosync',
    partition: ['ctl-a', 'ctl-c'],
    votes: 2,
    expected: 3,
    quorum: 2,
    quorate: true,
    explain: '2 of 3 votes reach the quorum of 2',
  });
  assert.deepEqual(Object.keys(j.scenarios[0].services[0]), ['name', 'verdict', 'running', 'explain']);
});

test('the text report: scenario, clusters, services and a result line', () => {
  const r = simulate(model, { steps: [{ fail: ['ctl-b'] }] });
  const text = reportText({ model, files: ['lab.ha.yaml'], results: [r] });
  assert.equal(text.split('\n')[0], 'lab (lab.ha.yaml)');
  assert.equal(text.split('\n')[1], 'Scenario: ctl-b fails');
  assert.ok(text.includes('    control (corosync) ctl-a, ctl-c: quorate. 2 of 3 votes reach the quorum of 2\n'), text);
  assert.ok(text.includes('    degraded  keystone: 2 of 3 instances of keystone run (ctl-a, ctl-c)\n'), text);
  assert.ok(text.endsWith('  result: 4 degraded (galera, rabbitmq, keystone, memcached)\n'), text);
});

/** Pacemaker on three controllers moving cinder-volume, keepalived on two load balancers moving the VIP HAProxy binds. */
const lbModel: SimModel = {
  name: 'lb',
  source: 'lb.ha.yaml',
  nodes: [
    { name: 'ctl-a', domain: 'rack-1', roles: ['controller'] },
    { name: 'ctl-b', domain: 'rack-2', roles: ['controller'] },
    { name: 'ctl-c', domain: 'rack-3', roles: ['controller'] },
    { name: 'lb-1', address: '10.0.0.21', domain: 'rack-1', roles: ['loadbalancer'] },
    { name: 'lb-2', address: '10.0.0.22', domain: 'rack-2', roles: ['loadbalancer'] },
  ],
  clusters: [
    {
      kind: 'pacemaker',
      name: 'control',
      quorum: { nodes: ctl.map((name) => ({ name })) },
      pacemaker: {
        nodes: ctl,
        stonith: true,
        fencing: [{ name: 'pdu-rack-1', targets: ['ctl-a', 'ctl-b', 'ctl-c'], domain: 'rack-1' }],
      },
    },
    {
      kind: 'keepalived',
      name: 'lbs',
      config: {
        vrid: 51,
        vips: ['internal'],
        instances: [
          { node: 'lb-1', priority: 150, address: '10.0.0.21' },
          { node: 'lb-2', priority: 100, address: '10.0.0.22' },
        ],
      },
    },
  ],
  vips: [{ name: 'internal', address: '10.0.0.10', cluster: 'lbs' }],
  services: [
    { name: 'keystone', mode: 'active-active', nodes: ctl, vips: ['internal'], balanced: true },
    { name: 'cinder-volume', mode: 'active-passive', nodes: ctl, cluster: 'control', vips: [] },
  ],
  assumptions: [],
};

test('as deployed: lb-1 holds the VIP, cinder-volume runs on the first controller', () => {
  const r = simulate(lbModel, { steps: [{}] });
  assert.deepEqual(
    r.vips.map((v) => [v.name, v.holders]),
    [['internal', ['lb-1']]],
  );
  assert.deepEqual(verdicts(r), { keystone: 'available', 'cinder-volume': 'available' });
  assert.deepEqual(r.services[1].running, ['ctl-a']);
});

test('the VIP moves to lb-2 when lb-1 fails, and keystone stays reachable through it', () => {
  const r = simulate(lbModel, { steps: [{ fail: ['lb-1'] }] });
  assert.deepEqual(r.vips[0].holders, ['lb-2']);
  assert.equal(r.services[0].verdict, 'available');
});

test('a crash of the node running cinder-volume: fenced through the PDU, the service moves', () => {
  const r = simulate(lbModel, { steps: [{ fail: ['ctl-a'] }] });
  assert.equal(r.services[1].verdict, 'degraded');
  assert.deepEqual(r.services[1].running, ['ctl-b']);
});

test('rack-1 loses power with the only fence device in it: cinder-volume is blocked, keepalived moves the VIP', () => {
  const r = simulate(lbModel, { steps: [{ failDomains: ['rack-1'] }] });
  assert.deepEqual(r.failed, ['ctl-a', 'lb-1']);
  assert.equal(r.services[1].verdict, 'blocked');
  assert.deepEqual(r.services[1].running, []);
  assert.match(r.services[1].explain, /pdu-rack-1/);
  assert.deepEqual(r.vips[0].holders, ['lb-2']);
  assert.equal(r.services[0].verdict, 'degraded');
});

test('the load balancers split apart: both hold the VIP, keystone is split-brain', () => {
  const r = simulate(lbModel, { steps: [{ partition: [['lb-1', 'ctl-a', 'ctl-b', 'ctl-c'], ['lb-2']] }] });
  assert.deepEqual(r.vips[0].holders, ['lb-1', 'lb-2']);
  assert.equal(r.services[0].verdict, 'split-brain');
});

test('clean shutdowns one after the other: Galera keeps a primary down to one node (2 x 1 + 1 > 2), crashes do not', () => {
  const stopped = simulate(model, { steps: [{ stop: ['ctl-c'] }, { stop: ['ctl-b'] }] });
  assert.equal(stopped.name, 'ctl-c is shut down cleanly, then ctl-b is shut down cleanly');
  assert.equal(stopped.services[0].verdict, 'degraded');
  assert.equal(
    stopped.clusters.find((c) => c.kind === 'galera')!.explain,
    'Galera: 2 x 1 + 1 > 2 is true, so the remaining node (ctl-a) is primary',
  );
  const crashed = simulate(model, { steps: [{ fail: ['ctl-c'] }, { fail: ['ctl-b'] }] });
  assert.equal(crashed.services[0].verdict, 'down');
});

test('a clean shutdown of the node running a Pacemaker resource needs no fencing, even with the only device in its rack', () => {
  const r = simulate(lbModel, { steps: [{ stop: ['ctl-a'] }] });
  assert.equal(r.services[1].verdict, 'degraded');
  assert.deepEqual(r.services[1].running, ['ctl-b']);
});

/** A clone Pacemaker runs on three controllers (no-quorum-policy stop, the default, or freeze). */
const cloneModel = (policy?: 'freeze'): SimModel => ({
  name: 'clone',
  source: 'cib.xml',
  nodes: ctl.map((name) => ({ name, roles: ['controller'] })),
  clusters: [
    {
      kind: 'pacemaker',
      name: 'control',
      quorum: { nodes: ctl.map((name) => ({ name })) },
      pacemaker: { nodes: ctl, stonith: true, ...(policy ? { noQuorumPolicy: policy } : {}) },
    },
  ],
  vips: [],
  services: [{ name: 'lb-haproxy', mode: 'active-active', nodes: ctl, cluster: 'control', vips: [] }],
  assumptions: [],
});

test('a clone on a side without quorum: Pacemaker stops its instances there (no-quorum-policy stop), freeze keeps them', () => {
  const split = { steps: [{ partition: [['ctl-a'], ['ctl-b', 'ctl-c']] }] };
  const r = simulate(cloneModel(), split);
  assert.deepEqual(r.services[0].running, ['ctl-b', 'ctl-c']);
  assert.equal(r.services[0].verdict, 'degraded');
  assert.equal(
    r.services[0].explain,
    '2 of 3 instances of lb-haproxy run (ctl-b, ctl-c): Pacemaker stops them on ctl-a; Pacemaker: the quorate side (ctl-b, ctl-c) recovers the resources of ctl-a after fencing (assumed to work: no fence devices known)',
  );
  const two = simulate(cloneModel(), { steps: [{ fail: ['ctl-a', 'ctl-b'] }] });
  assert.deepEqual(two.services[0].running, []);
  assert.equal(two.services[0].verdict, 'down');
  assert.equal(
    two.services[0].explain,
    '0 of 3 instances of lb-haproxy run (none): Pacemaker stops them on ctl-c; Pacemaker: no side is quorate and no-quorum-policy stop stops the resources on every side',
  );
  const frozen = simulate(cloneModel('freeze'), { steps: [{ fail: ['ctl-a', 'ctl-b'] }] });
  assert.deepEqual(frozen.services[0].running, ['ctl-c']);
  assert.equal(frozen.services[0].explain, '1 of 3 instances of lb-haproxy run (ctl-c)');
});
