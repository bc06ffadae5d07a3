import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { THREE_NODE_CLUSTER, TWO_NODES } from '../support/topologies';
import { check } from '../support/fixture';
import { lintCorosync } from '../../server/src/engine/lint';

const rules = ['cluster-min-three-nodes'];

test('fires as an error on a two-member cluster in production', () =>
  check(
    TWO_NODES +
      `
  clusters:
    ctl: { members: [a, b] }
  #                 ^^^^^^ error cluster-min-three-nodes: cluster 'ctl' has 2 votes; a 1:1 split leaves neither side with the 2 needed for quorum (use at least 3)
  `,
    { rules },
  ));

test('with corosync two_node and fencing, two members are supported: what it costs is information', () =>
  check(
    TWO_NODES +
      `
  clusters:
    ctl: { members: [a, b], corosync: { two_node: true } }
  #                 ^^^^^^ info cluster-min-three-nodes: cluster 'ctl' has 2 votes with corosync two_node: a 1:1 split keeps both nodes quorate and fencing decides which survives (a fence race: give one node a fencing delay); after both stop, wait_for_all keeps the cluster down until both are back. A third node or a quorum device avoids the race
  `,
    { rules },
  ));

test('two_node with STONITH off, or with Galera on the cluster, is still an error', () => {
  check(
    TWO_NODES +
      `
  clusters:
    ctl: { members: [a, b], stonith: false, corosync: { two_node: true } }
  #                 ^^^^^^ error cluster-min-three-nodes: cluster 'ctl' has 2 votes with corosync two_node and STONITH off: after a 1:1 split both nodes keep quorum and both run every resource
  `,
    { rules },
  );
  check(
    TWO_NODES +
      `
  clusters:
    ctl: { members: [a, b], corosync: { two_node: true } }
  #                 ^^^^^^ error cluster-min-three-nodes: cluster 'ctl' has 2 votes: corosync two_node keeps Pacemaker quorate after a 1:1 split, but galera on it has a quorum of its own, which neither node keeps (use at least 3)
  services:
    galera: { on: ctl, mode: clustered }
  `,
    { rules },
  );
});

test('is a warning in a test environment', () =>
  check(
    `
  metadata: { environment: test }
  nodes:
    a: { address: 10.0.0.1 }
  services:
    rabbitmq: { on: [a], mode: clustered }
  #                 ^^^ warning cluster-min-three-nodes: rabbitmq has 1 vote: it cannot survive the loss of its only member
  `,
    { rules },
  ));

test('the environment can come from the configuration', () =>
  check(
    TWO_NODES +
      `
  clusters:
    ctl: { members: [a, b] }
  #                 ^^^^^^ warning cluster-min-three-nodes
  `,
    { rules, config: { environment: 'demo', rules: {} } },
  ));

test('three members, or two with a quorum device, do not fire', () =>
  check(
    THREE_NODE_CLUSTER +
      `
    pair: { members: [a, b], quorum_device: 10.0.0.9 }
  `,
    { rules },
  ));

// the nodelist of corosync.conf
test("two nodes with two_node: 1 are supported: the nodelist's size is information on what it costs", () => {
  const text = `nodelist {\n    node {\n        ring0_addr: 10.0.0.1\n        nodeid: 1\n    }\n    node {\n        ring0_addr: 10.0.0.2\n        nodeid: 2\n    }\n}\nquorum {\n    provider: corosync_votequorum\n    two_node: 1\n}\n`;
  assert.deepEqual(
    lintCorosync(text).findings.map((f) => `${f.severity} ${f.rule}: ${f.message}`),
    [
      'info cluster-min-three-nodes: the nodelist has 2 votes with two_node: 1: a 1:1 split keeps both nodes quorate and fencing decides which survives (a fence race: give one node a fencing delay); after both stop, wait_for_all keeps the cluster down until both are back. A third node or a quorum device avoids the race',
    ],
  );
  // quorum_votes count: two nodes with two votes each are four votes
  assert.match(
    lintCorosync(
      text
        .replace('nodeid: 1\n', 'nodeid: 1\n        quorum_votes: 2\n')
        .replace('nodeid: 2\n', 'nodeid: 2\n        quorum_votes: 2\n')
        .replace('    two_node: 1\n', ''),
    )
      .findings.map((f) => f.message)
      .join('\n'),
    /the nodelist has 4 votes; a 2:2 split/,
  );
});
