/** The simulator's model read from a manifest (issue 13): every field in its place, every default said once. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseManifestText } from '../../server/src/engine/documents/manifest/parse';
import { buildManifest } from '../../server/src/engine/documents/manifest/model';
import { simModelFromManifest } from '../../server/src/engine/simulate/from-manifest';
import { Place, SimModel } from '../../server/src/engine/simulate/model';
import { dedent } from '../support/fixture';
import { SPEC_EXAMPLE } from '../support/spec-example';

const FILE = 'sites/region-one.ha.yaml';

/** The model, its places compared by their keys (the entries' extents are checked on their own below). */
function modelOf(text: string, file = FILE): SimModel {
  const parsed = parseManifestText(text);
  assert.ok(parsed.ok, parsed.findings.map((f) => f.message).join('; '));
  const m = simModelFromManifest(buildManifest(parsed.doc!), file);
  for (const x of [...m.nodes, ...m.clusters, ...m.vips, ...m.services]) if (x.place) delete x.place.extent;
  return m;
}

test("a place is the entry's key, its extent the whole entry (findings inside it belong to it)", () => {
  const t = 'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes:\n  c1: { address: 10.0.0.1, interfaces: [eno1] }\n';
  const parsed = parseManifestText(t);
  const m = simModelFromManifest(buildManifest(parsed.doc!), FILE);
  const p = m.nodes[0].place!;
  assert.equal(t.slice(p.span.start, p.span.end), 'c1');
  assert.equal(t.slice(p.extent!.start, p.extent!.end), 'c1: { address: 10.0.0.1, interfaces: [eno1] }');
});

/** Where the key `name:` is written, after the line starting with `after` (so a name used twice is found in its section). */
function keyAt(text: string, name: string, after = ''): Place {
  const from = after ? text.indexOf(after) : 0;
  assert.ok(from >= 0, `no ${after}`);
  const re = new RegExp(`^[ \\t]*(${name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}):`, 'mg');
  re.lastIndex = from;
  const m = re.exec(text);
  assert.ok(m, `no key ${name}`);
  const start = m.index + m[0].indexOf(m[1]);
  return { file: FILE, span: { start, end: start + name.length } };
}

test("the spec's example: one Pacemaker cluster, Galera and RabbitMQ clusters of their own, the services' modes and VIPs", () => {
  const t = SPEC_EXAMPLE;
  const ctl = ['controller1', 'controller2', 'controller3'];
  const node = (name: string, address: string, role: string) => ({ name, address, roles: [role], place: keyAt(t, name) });
  const svc = (name: string) => keyAt(t, name, 'services:');
  const expected: SimModel = {
    name: 'region-one',
    source: FILE,
    nodes: [
      node('controller1', '10.0.0.12', 'controller'),
      node('controller2', '10.0.0.13', 'controller'),
      node('controller3', '10.0.0.14', 'controller'),
      node('compute1', '10.0.0.31', 'compute'),
    ],
    clusters: [
      {
        name: 'controllers',
        kind: 'pacemaker',
        place: keyAt(t, 'controllers', 'clusters:'),
        quorum: { nodes: ctl.map((name) => ({ name })), twoNode: false, waitForAll: true },
        pacemaker: { nodes: ctl, noQuorumPolicy: 'stop', stonith: true },
      },
      { name: 'galera', kind: 'galera', place: svc('galera'), config: { nodes: ctl.map((name) => ({ name })) } },
      { name: 'rabbitmq', kind: 'rabbitmq', place: svc('rabbitmq'), config: { nodes: ctl } },
    ],
    vips: [
      { name: 'internal', address: '10.0.0.11', cluster: 'controllers', place: keyAt(t, 'internal', 'vips:') },
      { name: 'public', address: '203.0.113.11', cluster: 'controllers', place: keyAt(t, 'public', 'vips:') },
    ],
    services: [
      { name: 'haproxy', mode: 'active-active', nodes: ctl, vips: ['internal', 'public'], place: svc('haproxy') },
      { name: 'keystone', mode: 'active-active', nodes: ctl, vips: ['internal'], balanced: true, place: svc('keystone') },
      { name: 'nova-api', mode: 'active-active', nodes: ctl, vips: ['internal'], balanced: true, place: svc('nova-api') },
      { name: 'nova-scheduler', mode: 'active-active', nodes: ctl, vips: [], place: svc('nova-scheduler') },
      { name: 'galera', mode: 'clustered', nodes: ctl, cluster: 'galera', vips: ['internal'], balanced: true, place: svc('galera') },
      { name: 'rabbitmq', mode: 'clustered', nodes: ctl, cluster: 'rabbitmq', vips: [], place: svc('rabbitmq') },
      { name: 'memcached', mode: 'client-side', nodes: ctl, vips: [], place: svc('memcached') },
      { name: 'cinder-volume', mode: 'active-passive', nodes: ctl, cluster: 'controllers', vips: [], place: svc('cinder-volume') },
      { name: 'nova-compute', mode: 'per-node', nodes: ['compute1'], vips: [], place: svc('nova-compute') },
    ],
    assumptions: [
      "cluster 'controllers': no fence devices are listed, so fencing is taken to succeed",
      'rabbitmq: no version given, so taken as 4.2 or later (the Khepri metadata store)',
    ],
  };
  assert.deepStrictEqual(modelOf(t), expected);
});

const EVERY_FIELD = dedent(`
  apiVersion: openstack-ha/v1
  kind: Deployment
  nodes:
    c1: { address: 10.0.0.12, roles: [controller], failure_domain: rack-a }
    c2: { address: 10.0.0.13, roles: [controller], failure_domain: rack-a }
    c3: { address: 10.0.0.14, roles: [controller], failure_domain: rack-b }
    arbiter: { address: 10.0.0.9, failure_domain: rack-c }
    lb1: { address: 10.0.1.1, roles: [loadbalancer] }
    lb2: { address: 10.0.1.2, roles: [loadbalancer] }
    cmp1: { address: 10.0.2.1, roles: [compute] }
  clusters:
    ctl:
      members: [c1, c2, c3, ghost]
      no_quorum_policy: freeze
      quorum_device: { host: 10.0.0.9, algorithm: lms, votes: 2 }
      corosync: { expected_votes: 5, wait_for_all: true, last_man_standing: true, auto_tie_breaker: true, auto_tie_breaker_node: [c3, c1] }
      fencing:
        - { name: ipmi-c1, targets: [c1], node: c1 }
        - { name: pdu-a, targets: [c1, c2], failure_domain: rack-a }
        - { name: spare }
    lb:
      manager: keepalived
      members: [lb1, lb2]
      priorities: { lb1: 150 }
      nopreempt: true
    computes: { manager: none, members: [cmp1] }
  vips:
    internal: { address: 10.0.0.11, cluster: lb, vrid: 51 }
    public: { address: 203.0.113.11, cluster: lb, vrid: 52 }
    storage: { address: 10.0.3.11, cluster: computes }
  services:
    mariadb: { on: ctl, mode: clustered, weights: { c1: 2, c3: 0 }, ignore_split_brain: true }
    rabbitmq: { on: [c1, c2, c3], version: "3.13", partition_handling: pause_minority, queue_replicas: 5, quorum_queues: false }
    keystone: { on: ctl, vip: internal, balancer: none }
    nova-compute: { on: computes }
    my-daemon: { on: [c1] }
`);

test('every new field reaches the model: lms device on a node, tie-breaker ids, fencing, keepalived priorities, Galera weights, RabbitMQ on Mnesia', () => {
  const t = EVERY_FIELD;
  const file = 'every.ha.yaml';
  const at = (name: string, after = '') => ({ ...keyAt(t, name, after), file });
  const ctl = ['c1', 'c2', 'c3'];
  const expected: SimModel = {
    name: 'every.ha.yaml',
    source: file,
    nodes: [
      { name: 'c1', address: '10.0.0.12', domain: 'rack-a', roles: ['controller'], place: at('c1') },
      { name: 'c2', address: '10.0.0.13', domain: 'rack-a', roles: ['controller'], place: at('c2') },
      { name: 'c3', address: '10.0.0.14', domain: 'rack-b', roles: ['controller'], place: at('c3') },
      { name: 'arbiter', address: '10.0.0.9', domain: 'rack-c', roles: [], place: at('arbiter') },
      { name: 'lb1', address: '10.0.1.1', roles: ['loadbalancer'], place: at('lb1') },
      { name: 'lb2', address: '10.0.1.2', roles: ['loadbalancer'], place: at('lb2') },
      { name: 'cmp1', address: '10.0.2.1', roles: ['compute'], place: at('cmp1') },
    ],
    clusters: [
      {
        name: 'ctl',
        kind: 'pacemaker',
        place: at('ctl', 'clusters:'),
        quorum: {
          nodes: ctl.map((name) => ({ name })),
          expectedVotes: 5,
          waitForAll: true,
          lastManStanding: true,
          autoTieBreaker: true,
          atbNode: [3, 1],
          qdevice: { algorithm: 'lms', votes: 2 },
        },
        pacemaker: {
          nodes: ctl,
          noQuorumPolicy: 'freeze',
          stonith: true,
          fencing: [
            { name: 'ipmi-c1', targets: ['c1'], hostNode: 'c1' },
            { name: 'pdu-a', targets: ['c1', 'c2'], domain: 'rack-a' },
            { name: 'spare' },
          ],
        },
        qnetdHost: 'arbiter',
      },
      {
        name: 'lb',
        kind: 'keepalived',
        place: at('lb', 'clusters:'),
        config: {
          vrid: 51,
          vips: ['internal', 'public'],
          instances: [
            { node: 'lb1', priority: 150, nopreempt: true, address: '10.0.1.1' },
            { node: 'lb2', priority: 100, nopreempt: true, address: '10.0.1.2' },
          ],
        },
      },
      {
        name: 'mariadb',
        kind: 'galera',
        place: at('mariadb'),
        config: { nodes: [{ name: 'c1', weight: 2 }, { name: 'c2' }, { name: 'c3', weight: 0 }], ignoreSplitBrain: true },
      },
      {
        name: 'rabbitmq',
        kind: 'rabbitmq',
        place: at('rabbitmq', 'services:'),
        config: { nodes: ctl, partitionHandling: 'pause_minority', queueReplicas: 5, quorumQueues: false },
      },
    ],
    vips: [
      { name: 'internal', address: '10.0.0.11', cluster: 'lb', place: at('internal', 'vips:') },
      { name: 'public', address: '203.0.113.11', cluster: 'lb', place: at('public', 'vips:') },
      // a cluster without a manager moves nothing
      { name: 'storage', address: '10.0.3.11', place: at('storage', 'vips:') },
    ],
    services: [
      { name: 'mariadb', mode: 'clustered', nodes: ctl, cluster: 'mariadb', vips: [], place: at('mariadb') },
      { name: 'rabbitmq', mode: 'clustered', nodes: ctl, cluster: 'rabbitmq', vips: [], place: at('rabbitmq', 'services:') },
      { name: 'keystone', mode: 'active-active', nodes: ctl, vips: ['internal'], place: at('keystone') },
      { name: 'nova-compute', mode: 'per-node', nodes: ['cmp1'], vips: [], place: at('nova-compute') },
      { name: 'my-daemon', mode: 'active-active', nodes: ['c1'], vips: [], place: at('my-daemon') },
    ],
    assumptions: [
      "cluster 'ctl': 'ghost' is not defined under nodes, so left out",
      "cluster 'ctl': stonith is not set, so fencing is taken as enabled (Pacemaker's default)",
      "keepalived cluster 'lb': its VIPs have virtual_router_ids 51, 52; simulated as one VRRP instance, as they share the priorities",
      "keepalived cluster 'lb': no priority for lb2, so 100 (keepalived's default; equal priorities go to the highest address)",
      "service 'my-daemon': no mode and not in the catalogue, so taken as active-active",
    ],
  };
  assert.deepStrictEqual(modelOf(t, file), expected);
});

/** The RabbitMQ cluster and the assumptions a rabbitmq service gives. */
function rabbit(fields: string): [unknown, string[]] {
  const m = modelOf(
    dedent(`
      apiVersion: openstack-ha/v1
      kind: Deployment
      nodes:
        a: { address: 10.0.0.1 }
        b: { address: 10.0.0.2 }
        c: { address: 10.0.0.3 }
      services:
        rabbitmq: { on: [a, b, c], mode: clustered${fields} }
    `),
  );
  const c = m.clusters.find((x) => x.kind === 'rabbitmq');
  return [c && 'config' in c ? c.config : undefined, m.assumptions];
}

test('RabbitMQ: before 4.2 Mnesia with ignore by default; from 4.2 Khepri; no version: Khepri unless partition_handling says Mnesia', () => {
  const nodes = ['a', 'b', 'c'];
  assert.deepStrictEqual(rabbit(', version: "3.12"'), [{ nodes, partitionHandling: 'ignore' }, []]);
  assert.deepStrictEqual(rabbit(', version: "4.1", partition_handling: autoheal'), [{ nodes, partitionHandling: 'autoheal' }, []]);
  assert.deepStrictEqual(rabbit(', version: "4.2"'), [{ nodes }, []]);
  assert.deepStrictEqual(rabbit(', version: "4.2", partition_handling: pause_minority'), [
    { nodes },
    ['rabbitmq 4.2: the Khepri metadata store is taken (the default from 4.2), so partition_handling pause_minority is not used'],
  ]);
  assert.deepStrictEqual(rabbit(', version: "10.0"'), [{ nodes }, []]);
  assert.deepStrictEqual(rabbit(', partition_handling: pause_minority'), [
    { nodes, partitionHandling: 'pause_minority' },
    ['rabbitmq: no version given; partition_handling is set, so taken as before 4.2 (Mnesia)'],
  ]);
  assert.deepStrictEqual(rabbit(', version: latest'), [
    { nodes },
    ["rabbitmq: version 'latest' is not major.minor, so taken as 4.2 or later (the Khepri metadata store)"],
  ]);
});

test('an ffsplit device has one vote, its host kept as written when no node has it; a service cluster named like a manifest cluster gets a suffix', () => {
  const m = modelOf(
    dedent(`
      apiVersion: openstack-ha/v1
      kind: Deployment
      metadata: { name: edge }
      nodes:
        a: { address: 10.0.0.1 }
        b: { address: 10.0.0.2 }
        c: { address: 10.0.0.3 }
      clusters:
        galera: { members: [a, b, c], stonith: false, quorum_device: qnetd.example.org, corosync: { auto_tie_breaker_node: highest } }
      services:
        galera: { on: galera, mode: clustered }
        cinder-volume: { on: [a, b], mode: active-passive }
    `),
  );
  assert.equal(m.name, 'edge');
  const [pcmk, gal] = m.clusters;
  assert.deepStrictEqual(pcmk.kind === 'pacemaker' && [pcmk.quorum.qdevice, pcmk.quorum.atbNode, pcmk.qnetdHost, pcmk.pacemaker], [
    { algorithm: 'ffsplit', votes: 1 },
    'highest',
    'qnetd.example.org',
    { nodes: ['a', 'b', 'c'], stonith: false },
  ]);
  assert.deepStrictEqual([gal.name, gal.kind], ['galera-galera', 'galera']);
  assert.deepStrictEqual(
    m.services.map((s) => [s.name, s.cluster]),
    [
      ['galera', 'galera-galera'],
      // active-passive on a node list: no cluster moves it
      ['cinder-volume', undefined],
    ],
  );
  // stonith written as false: nothing assumed about fencing
  assert.deepStrictEqual(m.assumptions, []);
});

test('a field written where its kind does not read it is said once, not silently dropped', () => {
  const m = modelOf(
    dedent(`
      apiVersion: openstack-ha/v1
      kind: Deployment
      nodes:
        a: { address: 10.0.0.1 }
        b: { address: 10.0.0.2 }
      clusters:
        ctl: { members: [a, b], stonith: false, priorities: { a: 120 }, nopreempt: true }
        lb: { manager: keepalived, members: [a, b], priorities: { a: 120, b: 110 }, fencing: [{ name: f }] }
        bare: { manager: none, members: [a], nopreempt: false }
      services:
        keystone: { on: ctl, mode: active-active, weights: { a: 2 }, queue_replicas: 3, quorum_queues: true }
        galera: { on: [a, b], mode: active-passive, ignore_split_brain: true }
    `),
  );
  assert.deepStrictEqual(m.assumptions, [
    "cluster 'ctl': priorities and nopreempt are keepalived's, so not used (its manager is pacemaker)",
    "cluster 'lb': fencing is Pacemaker's, so not used (its manager is keepalived)",
    "cluster 'bare': nopreempt is keepalived's, so not used (its manager is none)",
    "service 'keystone': weights is for a clustered galera, so not used (it is not galera)",
    "service 'keystone': queue_replicas, quorum_queues are for a clustered rabbitmq, so not used (it is not rabbitmq)",
    "service 'galera': ignore_split_brain is for a clustered galera, so not used (it is active-passive, not clustered)",
  ]);
});
