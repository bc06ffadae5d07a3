import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, fixed, fixedPm, withHeader } from '../support/fixture';
import { pacemakerRulesOf as rulesOf } from '../support/stack-files';
import { THREE_NODES } from '../support/topologies';

const rules = ['quorum-ignored-multi-node'];
const NODES = THREE_NODES;

test('fires on ignore with three members', () =>
  check(
    NODES +
      `
  clusters:
    ctl: { members: [a, b, c], no_quorum_policy: ignore }
  #                                              ^^^^^^ error quorum-ignored-multi-node: cluster 'ctl' ignores the loss of quorum with 3 members: after a split, the side without the 2 votes keeps running its resources too
  `,
    { rules },
  ));

test('does not fire with two members or another policy', () =>
  check(
    NODES +
      `
  clusters:
    pair: { members: [a, b], no_quorum_policy: ignore, corosync: { two_node: true } }
    ctl: { members: [a, b, c], no_quorum_policy: freeze }
  `,
    { rules },
  ));

test('the fix sets stop', () => {
  assert.equal(
    fixed(
      NODES +
        `
  clusters:
    ctl: { members: [a, b, c], no_quorum_policy: ignore }
  `,
      'quorum-ignored-multi-node',
    ),
    withHeader(
      NODES +
        `
  clusters:
    ctl: { members: [a, b, c], no_quorum_policy: stop }
  `,
    ),
  );
});

// no-quorum-policy=ignore in a Pacemaker configuration (CIB, crm or pcs)
test('pcs: in a test environment fencing may be off; with two nodes, ignore is only a production concern', () => {
  assert.deepEqual(rulesOf('pcs', 'pcs property set stonith-enabled=false\n', 'test'), []);
  assert.deepEqual(rulesOf('pcs', 'pcs cluster setup lab n1 n2\npcs property set no-quorum-policy=ignore\n', 'test'), []);
  assert.deepEqual(rulesOf('pcs', 'pcs cluster setup lab n1 n2\npcs property set no-quorum-policy=ignore\n'), [
    "quorum-ignored-multi-node: no-quorum-policy=ignore in a 2-node production cluster: use corosync's two_node: 1 (with wait_for_all) instead, or add a third node",
  ]);
  // pcs before 0.10 named the cluster with --name
  assert.deepEqual(
    rulesOf('pcs', 'pcs cluster setup --name lab n1 n2 n3\npcs property set no-quorum-policy=ignore\n', 'test').map(
      (x) => /a cluster of (\d+) nodes/.exec(x)?.[1],
    ),
    ['3'],
  );
});

test('quick fix: no-quorum-policy=ignore becomes stop, in place', () => {
  assert.equal(
    fixedPm('pcs', 'pcs cluster setup c a b c\npcs property set no-quorum-policy=ignore\n', 'quorum-ignored-multi-node'),
    'pcs cluster setup c a b c\npcs property set no-quorum-policy=stop\n',
  );
  assert.equal(fixedPm('crm', 'property no-quorum-policy="ignore"\n', 'quorum-ignored-multi-node'), 'property no-quorum-policy="stop"\n');
});
