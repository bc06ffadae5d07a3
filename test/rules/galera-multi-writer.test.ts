import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, fixed, withHeader } from '../support/fixture';
import { CLUSTER_WITH_VIP } from '../support/topologies';

const rules = ['galera-multi-writer'];
const BASE = CLUSTER_WITH_VIP;

test('fires on active-active galera behind the balancer', () =>
  check(
    BASE +
      `
  services:
    galera: { on: ctl, mode: active-active, vip: internal }
  #                          ^^^^^^^^^^^^^ error galera-multi-writer: galera is active-active behind haproxy: 3 nodes take writes and OpenStack's SELECT ... FOR UPDATE deadlocks across them; use one writer with the others as backup (mode: clustered)
  `,
    { rules },
  ));

test('catalogue aliases (mariadb) are galera too', () =>
  check(
    BASE +
      `
  services:
    mariadb: { on: ctl, mode: active-active }
  #                           ^^^^^^^^^^^^^ error galera-multi-writer
  `,
    { rules },
  ));

test('does not fire for clustered galera or without a balancer', () =>
  check(
    BASE +
      `
  services:
    galera: { on: ctl, mode: clustered, vip: internal }
    mysql: { on: ctl, mode: active-active, balancer: none }
  `,
    { rules },
  ));

test('the fix sets mode: clustered', () => {
  assert.equal(
    fixed(
      BASE +
        `
  services:
    galera: { on: ctl, mode: active-active, vip: internal }
  `,
      'galera-multi-writer',
    ),
    withHeader(
      BASE +
        `
  services:
    galera: { on: ctl, mode: clustered, vip: internal }
  `,
    ),
  );
});
