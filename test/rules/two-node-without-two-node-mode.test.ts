import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TWO_NODES } from '../support/topologies';
import { check, fixed, withHeader } from '../support/fixture';

const rules = ['two-node-without-two-node-mode'];
const NODES =
  TWO_NODES +
  `
`;
const MSG =
  "cluster 'pair' has 2 members without corosync two_node: after a 1:1 split neither node has the 2 votes quorum needs, so both stop their resources";

test('fires on the members of a two-member cluster without corosync settings', () =>
  check(
    NODES +
      `
  clusters:
    pair: { members: [a, b] }
  #                  ^^^^^^ error two-node-without-two-node-mode: ${MSG}
  `,
    { rules },
  ));

test('fires on an explicit two_node: false', () =>
  check(
    NODES +
      `
  clusters:
    pair:
      members: [a, b]
      corosync: { transport: knet, two_node: false }
  #                                          ^^^^^ error two-node-without-two-node-mode: ${MSG}
  `,
    { rules },
  ));

test('does not fire with two_node, a quorum device, or three members', () =>
  check(
    NODES +
      `
  clusters:
    p1: { members: [a, b], corosync: { two_node: true } }
    p2: { members: [a, b], quorum_device: 10.0.0.9 }
    p3: { members: [a, b, c] }
  `,
    { rules },
  ));

test('the fix adds a corosync mapping when there is none (flow style)', () => {
  assert.equal(
    fixed(
      NODES +
        `
  clusters:
    pair: { members: [a, b], stonith: true }
  `,
      'two-node-without-two-node-mode',
    ),
    withHeader(
      NODES +
        `
  clusters:
    pair: { members: [a, b], stonith: true, corosync: { two_node: true, wait_for_all: true } }
  `,
    ),
  );
});

test('the fix edits an existing block corosync mapping key by key', () => {
  assert.equal(
    fixed(
      NODES +
        `
  clusters:
    pair:
      members: [a, b]
      corosync:
        transport: knet   # corosync 3
        two_node: false
  `,
      'two-node-without-two-node-mode',
    ),
    withHeader(
      NODES +
        `
  clusters:
    pair:
      members: [a, b]
      corosync:
        transport: knet   # corosync 3
        two_node: true
        wait_for_all: true
  `,
    ),
  );
});

test('the fix adds both keys to a flow corosync mapping', () => {
  assert.equal(
    fixed(
      NODES +
        `
  clusters:
    pair: { members: [a, b], corosync: { token: 10000 } }
  `,
      'two-node-without-two-node-mode',
    ),
    withHeader(
      NODES +
        `
  clusters:
    pair: { members: [a, b], corosync: { token: 10000, two_node: true, wait_for_all: true } }
  `,
    ),
  );
});
