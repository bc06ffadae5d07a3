import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, fixed, withHeader } from '../support/fixture';
import { THREE_NODES } from '../support/topologies';

const rules = ['quorum-ignored-multi-node'];
const NODES = THREE_NODES;

test('fires on ignore with three members', () => check(NODES + `
  clusters:
    ctl: { members: [a, b, c], no_quorum_policy: ignore }
  #                                              ^^^^^^ error quorum-ignored-multi-node: cluster 'ctl' ignores the loss of quorum with 3 members: after a split, the side without the 2 votes keeps running its resources too
  `, { rules }));

test('does not fire with two members or another policy', () => check(NODES + `
  clusters:
    pair: { members: [a, b], no_quorum_policy: ignore, corosync: { two_node: true } }
    ctl: { members: [a, b, c], no_quorum_policy: freeze }
  `, { rules }));

test('the fix sets stop', () => {
  assert.equal(fixed(NODES + `
  clusters:
    ctl: { members: [a, b, c], no_quorum_policy: ignore }
  `, 'quorum-ignored-multi-node'), withHeader(NODES + `
  clusters:
    ctl: { members: [a, b, c], no_quorum_policy: stop }
  `));
});
