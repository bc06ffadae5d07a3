import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, fixed, withHeader } from '../support/fixture';
import { THREE_NODES } from '../support/topologies';

const rules = ['stonith-disabled'];
const NODES = THREE_NODES;

test('fires on stonith: false in production (the default environment)', () =>
  check(
    NODES +
      `
  clusters:
    ctl:
      members: [a, b, c]
      stonith: false
  #            ^^^^^ error stonith-disabled: cluster 'ctl' (3 members) has STONITH off in a production deployment: a node that stops answering may still write while its resources start elsewhere
  `,
    { rules },
  ));

test('fires in staging too', () =>
  check(
    `
  metadata: { environment: staging }` +
      NODES +
      `
  clusters:
    ctl: { members: [a, b, c], stonith: false }
  #                                     ^^^^^ error stonith-disabled
  `,
    { rules },
  ));

test('does not fire in demo or test environments, with stonith on, or under keepalived', () => {
  check(
    `
  metadata: { environment: demo }` +
      NODES +
      `
  clusters:
    ctl: { members: [a, b, c], stonith: false }
  `,
    { rules },
  );
  check(
    NODES +
      `
  clusters:
    ctl: { members: [a, b, c], stonith: true }
    lb: { manager: keepalived, members: [a, b], stonith: false }
  `,
    { rules },
  );
});

test('the fix sets stonith: true and keeps the comment', () => {
  assert.equal(
    fixed(
      NODES +
        `
  clusters:
    ctl:
      members: [a, b, c]
      stonith: false   # TODO: IPMI
  `,
      'stonith-disabled',
    ),
    withHeader(
      NODES +
        `
  clusters:
    ctl:
      members: [a, b, c]
      stonith: true   # TODO: IPMI
  `,
    ),
  );
});
