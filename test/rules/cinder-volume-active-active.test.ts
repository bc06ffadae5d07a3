import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, fixed, withHeader } from '../support/fixture';
import { THREE_NODE_CLUSTER } from '../support/topologies';

const rules = ['cinder-volume-active-active'];
const BASE = THREE_NODE_CLUSTER;

test('fires on active-active cinder-volume', () =>
  check(
    BASE +
      `
  services:
    cinder-volume: { on: ctl, mode: active-active, backend: ceph }
  #                                 ^^^^^^^^^^^^^ warning cinder-volume-active-active: cinder-volume runs active-active on 3 nodes; run one instance at a time (active-passive) so that only one owns the storage backend
  `,
    { rules },
  ));

test('does not fire for active-passive', () =>
  check(
    BASE +
      `
  services:
    cinder-volume: { on: ctl, mode: active-passive }
  `,
    { rules },
  ));

test('the fix sets active-passive', () => {
  assert.equal(
    fixed(
      BASE +
        `
  services:
    cinder-volume:
      on: ctl
      mode: active-active # was A/A in Queens
  `,
      'cinder-volume-active-active',
    ),
    withHeader(
      BASE +
        `
  services:
    cinder-volume:
      on: ctl
      mode: active-passive # was A/A in Queens
  `,
    ),
  );
});
