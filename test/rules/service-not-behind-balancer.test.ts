import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, fixed, withHeader } from '../support/fixture';
import { CLUSTER_WITH_VIP } from '../support/topologies';

const rules = ['service-not-behind-balancer'];
const BASE = CLUSTER_WITH_VIP;

test('fires on rabbitmq with a VIP and on memcached behind haproxy', () =>
  check(
    BASE +
      `
  services:
    rabbitmq: { on: ctl, mode: clustered, vip: internal }
  #                                       ^^^^^^^^^^^^^ error service-not-behind-balancer: rabbitmq must not sit behind a VIP or balancer: clients must list every broker in transport_url; through a VIP, connections to the old owner hang for many minutes after a failover
    memcached: { on: ctl, mode: client-side, balancer: haproxy }
  #                                          ^^^^^^^^^^^^^^^^^ error service-not-behind-balancer: memcached must not sit behind a VIP or balancer: clients hash keys across every instance they list; a VIP or proxy in front defeats that and adds a hop to every cache call
  `,
    { rules },
  ));

test('does not fire without a VIP, or with balancer: none', () =>
  check(
    BASE +
      `
  services:
    rabbitmq: { on: ctl, mode: clustered }
    memcached: { on: ctl, mode: client-side, balancer: none }
    keystone: { on: ctl, vip: internal }
  `,
    { rules },
  ));

test('the fix removes the VIP entries from a flow mapping', () => {
  assert.equal(
    fixed(
      BASE +
        `
  services:
    rabbitmq: { on: ctl, vip: internal, mode: clustered, vips: [internal] }
  `,
      'service-not-behind-balancer',
    ),
    withHeader(
      BASE +
        `
  services:
    rabbitmq: { on: ctl, mode: clustered }
  `,
    ),
  );
});

test('the fix removes whole lines from a block mapping and keeps the rest', () => {
  assert.equal(
    fixed(
      BASE +
        `
  services:
    rabbitmq:
      on: ctl
      vip: internal    # wrong
      mode: clustered  # quorum queues
  `,
      'service-not-behind-balancer',
    ),
    withHeader(
      BASE +
        `
  services:
    rabbitmq:
      on: ctl
      mode: clustered  # quorum queues
  `,
    ),
  );
});
