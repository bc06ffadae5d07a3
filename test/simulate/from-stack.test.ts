/**
 * The stack's own files read into the simulator's model (server/src/engine/simulate/from-stack.ts):
 * three controllers' corosync.conf, keepalived.conf, galera.cnf and haproxy.cfg, and the cluster's CIB
 * (test/fixtures/simulate/stack), through a workspace as the CLI reads them (sources.ts).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { filesOf, folderFiles } from '../support/workspace';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { simSources } from '../../server/src/engine/deployments/sources';
import { simModelFromStack } from '../../server/src/engine/simulate/from-stack';
import { peerFacts, detectKind } from '../../server/src/engine/languages';
import type { SimModel } from '../../server/src/engine/simulate/model';

const STACK = path.resolve(__dirname, '../../../test/fixtures/simulate/stack');

function found(files: Map<string, string>) {
  const ws = new Workspace();
  for (const [p, t] of files) ws.setFile(p, t);
  return simSources(ws, ws.paths());
}

const bare = (m: SimModel): SimModel => JSON.parse(JSON.stringify(m, (k, v) => (k === 'place' ? undefined : v))) as SimModel;

test('three controllers: one node per host, matched by name and address across every file', () => {
  const all = found(folderFiles(STACK, '/site'));
  assert.equal(all.length, 1);
  assert.equal(all[0].files.length, 13);
  const m = bare(all[0].model);
  assert.equal(m.name, 'site');
  assert.equal(m.source, "the stack's files in /site");
  assert.deepEqual(m.nodes, [
    { name: 'ctl1', address: '10.0.0.11', roles: ['controller', 'database', 'loadbalancer'] },
    { name: 'ctl2', address: '10.0.0.12', roles: ['controller', 'database', 'loadbalancer'] },
    { name: 'ctl3', address: '10.0.0.13', roles: ['controller', 'database', 'loadbalancer'] },
  ]);
  assert.deepEqual(m.assumptions, []);
});

test('corosync and Pacemaker: the nodelist, the quorum options, no-quorum-policy, and each BMC fencing the node it is in', () => {
  const m = bare(found(folderFiles(STACK, '/site'))[0].model);
  assert.deepEqual(
    m.clusters.find((c) => c.kind === 'pacemaker'),
    {
      kind: 'pacemaker',
      name: 'control',
      quorum: {
        nodes: [
          { name: 'ctl1', nodeid: 1 },
          { name: 'ctl2', nodeid: 2 },
          { name: 'ctl3', nodeid: 3, votes: 1 },
        ],
        waitForAll: true,
        lastManStanding: true,
      },
      pacemaker: {
        nodes: ['ctl1', 'ctl2', 'ctl3'],
        noQuorumPolicy: 'stop',
        stonith: true,
        fencing: [
          { name: 'fence-ctl1', targets: ['ctl1'], hostNode: 'ctl1' },
          { name: 'fence-ctl2', targets: ['ctl2'], hostNode: 'ctl2' },
          // a PDU is outside the node it fences
          { name: 'fence-pdu', targets: ['ctl3'] },
        ],
      },
    },
  );
  // click-to-reveal: the nodelist of the first node's corosync.conf
  const raw = found(folderFiles(STACK, '/site'))[0].model;
  assert.equal(raw.clusters[0].place?.file, '/site/ctl1/etc/corosync/corosync.conf');
});

test("Galera: the members of wsrep_cluster_address, each weighted by its own file's pc.weight; the proxy in front of it", () => {
  const m = bare(found(folderFiles(STACK, '/site'))[0].model);
  assert.deepEqual(
    m.clusters.find((c) => c.kind === 'galera'),
    {
      kind: 'galera',
      name: 'openstack_db',
      config: {
        nodes: [
          { name: 'ctl1', weight: 2 },
          { name: 'ctl2', weight: 1 },
          { name: 'ctl3', weight: 1 },
        ],
      },
    },
  );
  assert.deepEqual(m.services, [
    { name: 'keystone_public_back', mode: 'active-active', nodes: ['ctl1', 'ctl2', 'ctl3'], vips: ['10.0.0.10'], balanced: true },
    { name: 'galera', mode: 'clustered', nodes: ['ctl1', 'ctl2', 'ctl3'], vips: ['10.0.0.10'], balanced: true, cluster: 'openstack_db' },
  ]);
});

test('keepalived: one instance per node with its state, priority, address and tracked scripts (weight 0: FAULT)', () => {
  const m = bare(found(folderFiles(STACK, '/site'))[0].model);
  const trackers = [
    { name: 'check_haproxy', weight: 0 },
    { name: 'ping_gateway', weight: -101 },
  ];
  assert.deepEqual(
    m.clusters.find((c) => c.kind === 'keepalived'),
    {
      kind: 'keepalived',
      name: 'VI_internal',
      config: {
        vrid: 61,
        vips: ['10.0.0.10'],
        instances: [
          { node: 'ctl1', priority: 150, state: 'MASTER', address: '10.0.0.11', trackers },
          { node: 'ctl2', priority: 100, state: 'BACKUP', address: '10.0.0.12', trackers },
          { node: 'ctl3', priority: 50, state: 'BACKUP', address: '10.0.0.13', trackers },
        ],
      },
    },
  );
  assert.deepEqual(m.vips, [{ name: '10.0.0.10', address: '10.0.0.10', cluster: 'VI_internal' }]);
});

test('a two-node corosync cluster with a quorum device, nopreempt keepalived without a priority, bootstrap Galera', () => {
  const files = filesOf(`
    #- a/etc/corosync/corosync.conf
    totem {
        version: 2
        cluster_name: pair
    }
    nodelist {
        node {
            ring0_addr: 192.168.1.1
            nodeid: 1
        }
        node {
            ring0_addr: 192.168.1.2
            nodeid: 2
        }
    }
    quorum {
        provider: corosync_votequorum
        auto_tie_breaker: 1
        auto_tie_breaker_node: highest
        device {
            model: net
            votes: 1
            net {
                host: qnetd.example.net
                algorithm: lms
                tie_breaker: 2
            }
        }
    }
    #- a/etc/keepalived/keepalived.conf
    vrrp_instance VI_1 {
        state BACKUP
        nopreempt
        interface eth0
        virtual_router_id 7
        virtual_ipaddress {
            192.168.1.100
        }
    }
    #- a/etc/my.cnf.d/galera.cnf
    [galera]
    wsrep_on = ON
    wsrep_cluster_address = gcomm://
    wsrep_node_address = 192.168.1.1
    wsrep_provider_options = "pc.ignore_sb=true"
  `);
  const [s] = found(files);
  const m = bare(s.model);
  assert.equal(m.name, 'w');
  // the nodelist names no node: the folder a/ names the node whose address its galera.cnf gives; the other keeps its address
  assert.deepEqual(
    m.nodes.map((n) => `${n.name} ${n.address ?? '-'} ${n.roles.join(',')}`),
    ['a 192.168.1.1 controller,database,loadbalancer', '192.168.1.2 192.168.1.2 controller'],
  );
  assert.deepEqual(m.clusters[0], {
    kind: 'corosync',
    name: 'pair',
    quorum: {
      nodes: [
        { name: 'a', nodeid: 1 },
        { name: '192.168.1.2', nodeid: 2 },
      ],
      autoTieBreaker: true,
      atbNode: 'highest',
      qdevice: { algorithm: 'lms', votes: 1, tieBreaker: 2 },
    },
    qnetdHost: 'qnetd.example.net',
  });
  assert.deepEqual(m.clusters[1], {
    kind: 'galera',
    name: 'my_wsrep_cluster',
    config: { nodes: [{ name: 'a' }], ignoreSplitBrain: true },
  });
  assert.deepEqual(m.clusters[2], {
    kind: 'keepalived',
    name: 'VI_1',
    // keepalived's default priority, 100
    config: {
      vrid: 7,
      vips: ['192.168.1.100'],
      instances: [{ node: 'a', priority: 100, state: 'BACKUP', nopreempt: true, address: '192.168.1.1' }],
    },
  });
  assert.deepEqual(m.assumptions, []);
});

test('a corosync.conf whose quorum section names no provider: said in the assumptions', () => {
  const [s] = found(
    filesOf(`
      #- n1/etc/corosync/corosync.conf
      totem {
          version: 2
          cluster_name: bare
      }
      nodelist {
          node {
              ring0_addr: 10.9.0.1
              name: n1
              nodeid: 1
          }
      }
    `),
  );
  assert.deepEqual(s.model.assumptions, [
    "corosync cluster bare: its quorum section names no provider (corosync then has no quorum); votequorum's arithmetic is used",
  ]);
});

test('files that describe no cluster give no model', () => {
  const conf = '[DEFAULT]\ndebug = true\n';
  const p = '/w/ctl1/etc/nova/nova.conf';
  const peer = peerFacts(p, detectKind(p, conf), conf);
  assert.equal(simModelFromStack(peer ? [peer] : [], 'w'), undefined);
  assert.equal(simModelFromStack([], 'w'), undefined);
  assert.deepEqual(found(new Map([[p, conf]])), []);
});

test('a crm shell configuration that names no node speaks for the only corosync cluster: its VIP and its services', () => {
  const files = new Map([...folderFiles(STACK, '/site')].filter(([p]) => !p.endsWith('cib.xml')));
  files.set(
    '/site/ctl1/cluster.crm',
    [
      'property cib-bootstrap-options: \\',
      '    stonith-enabled=false \\',
      '    no-quorum-policy=freeze',
      'primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.20 cidr_netmask=24 op monitor interval=10s',
      'primitive cinder-volume systemd:openstack-cinder-volume op monitor interval=30s',
      'primitive lb-haproxy systemd:haproxy op monitor interval=10s',
      'clone lb-haproxy-clone lb-haproxy',
      'colocation volume-with-vip inf: cinder-volume vip',
      '',
    ].join('\n'),
  );
  const m = bare(found(files)[0].model);
  const c = m.clusters.find((x) => x.name === 'control');
  assert.equal(c?.kind, 'pacemaker');
  assert.deepEqual(c?.kind === 'pacemaker' ? c.pacemaker : undefined, {
    nodes: ['ctl1', 'ctl2', 'ctl3'],
    noQuorumPolicy: 'freeze',
    stonith: false,
    fencing: [],
  });
  assert.deepEqual(
    m.vips.find((v) => v.name === 'vip'),
    { name: 'vip', address: '10.0.0.20', cluster: 'control' },
  );
  assert.deepEqual(
    m.services.filter((s) => s.cluster === 'control'),
    [
      { name: 'cinder-volume', mode: 'active-passive', nodes: ['ctl1', 'ctl2', 'ctl3'], cluster: 'control', vips: ['vip'] },
      { name: 'lb-haproxy', mode: 'active-active', nodes: ['ctl1', 'ctl2', 'ctl3'], cluster: 'control', vips: [] },
    ],
  );
});

test("keepalived's peer facts: a track_script line's own weight wins over its vrrp_script's; a script without one weighs 0", () => {
  const text = [
    'vrrp_script chk_haproxy {',
    '    script "/usr/bin/killall -0 haproxy"',
    '    weight 2',
    '}',
    'vrrp_script chk_api {',
    '    script "/usr/bin/curl -fs http://127.0.0.1:5000"',
    '}',
    'vrrp_instance VI_9 {',
    '    state MASTER',
    '    virtual_router_id 9',
    '    priority 120',
    '    unicast_src_ip 10.2.0.1',
    '    virtual_ipaddress {',
    '        10.2.0.100/24 dev eth0',
    '    }',
    '    track_script {',
    '        chk_haproxy weight -30',
    '        chk_api',
    '    }',
    '}',
    '',
  ].join('\n');
  const p = '/w/lb1/etc/keepalived/keepalived.conf';
  const peer = peerFacts(p, detectKind(p, text), text);
  assert.deepEqual(
    peer?.vrrp?.map(({ span: _span, ...rest }) => rest),
    [
      {
        name: 'VI_9',
        vrid: '9',
        priority: '120',
        vips: ['10.2.0.100'],
        state: 'MASTER',
        unicastSrc: '10.2.0.1',
        trackScripts: [
          { name: 'chk_haproxy', weight: -30 },
          { name: 'chk_api', weight: 0 },
        ],
      },
    ],
  );
});

test('option files side by side in one folder: each is its own node, known by its address, weighted by its own pc.weight', () => {
  const cnf = (i: number, weight: number) => `
    #- galera/node${i}.cnf
    [galera]
    wsrep_on = ON
    wsrep_cluster_name = db
    wsrep_cluster_address = gcomm://10.3.0.1,10.3.0.2,10.3.0.3
    wsrep_node_address = 10.3.0.${i}
    wsrep_provider_options = "pc.weight=${weight}"
  `;
  const [s] = found(filesOf([cnf(1, 3), cnf(2, 1), cnf(3, 1)].join('\n')));
  assert.deepEqual(
    s.model.nodes.map((n) => `${n.name} ${n.address}`),
    ['10.3.0.1 10.3.0.1', '10.3.0.2 10.3.0.2', '10.3.0.3 10.3.0.3'],
  );
  assert.deepEqual(bare(s.model).clusters, [
    {
      kind: 'galera',
      name: 'db',
      config: {
        nodes: [
          { name: '10.3.0.1', weight: 3 },
          { name: '10.3.0.2', weight: 1 },
          { name: '10.3.0.3', weight: 1 },
        ],
      },
    },
  ]);
});

test("a manifest is read by the caller's reader, and skipped without one", () => {
  const files = filesOf(`
    #- site.ha.yaml
    apiVersion: openstack-ha/v1
    kind: Deployment
    metadata:
      name: site
    nodes:
      ctl1: { address: 10.0.0.11 }
  `);
  const ws = new Workspace();
  for (const [p, t] of files) ws.setFile(p, t);
  assert.equal(ws.kindOf('/w/site.ha.yaml'), 'manifest');
  assert.deepEqual(simSources(ws, ws.paths()), []);
  const model: SimModel = { name: 'site', source: 'site.ha.yaml', nodes: [], clusters: [], vips: [], services: [], assumptions: [] };
  const seen: string[] = [];
  const read = simSources(ws, ws.paths(), {
    manifest: (_ws, p) => {
      seen.push(p);
      return model;
    },
  });
  assert.deepEqual(seen, ['/w/site.ha.yaml']);
  assert.deepEqual(read, [{ model, files: ['/w/site.ha.yaml'] }]);
});
