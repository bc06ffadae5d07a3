import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CONTROLLERS } from '../support/topologies';
import { check, checked, fixed, withHeader } from '../support/fixture';

const rules = ['vip-missing'];
const BASE =
  CONTROLLERS +
  `
  vips:
    public: { address: 203.0.113.11, cluster: ctl }
    internal: { address: 10.0.0.11, cluster: ctl }
`;

test('fires on an active-active API with no VIP', () =>
  check(
    BASE +
      `
  services:
    haproxy: { on: ctl, vips: [internal, public] }
    keystone: { on: ctl, mode: active-active }
  # ^^^^^^^^ warning vip-missing: keystone is active-active behind haproxy on port 5000 but has no VIP: clients would have to name one node and lose the service with it
  `,
    { rules },
  ));

test('fires on the balancer when it binds no VIP', () =>
  check(
    BASE +
      `
  services:
    haproxy: { on: ctl }
  # ^^^^^^^ warning vip-missing: haproxy balances services but binds no VIP: clients cannot reach it through an address that fails over
    nova-api: { on: ctl, mode: active-active, vip: internal }
  `,
    { rules },
  ));

test('fires once for a multi-controller deployment without any VIP', () =>
  check(
    `
  nodes:
  #^^^^ warning vip-missing: 2 controllers (c1, c2) and no VIP: clients must name one controller and lose the service when it fails
    c1: { address: 10.0.0.12, roles: [controller] }
    c2: { address: 10.0.0.13, roles: [controller] }
  services:
    keystone: { on: [c1, c2], mode: active-active }
  `,
    { rules },
  ));

test('does not fire for RPC workers, client-side, unbalanced or VIP-holding services', () =>
  check(
    BASE +
      `
  services:
    haproxy: { on: ctl, vips: [internal] }
    nova-scheduler: { on: ctl, mode: active-active }
    memcached: { on: ctl, mode: client-side }
    my-api: { on: ctl, mode: active-active, port: 8080, balancer: none }
    keystone: { on: ctl, mode: active-active, vip: internal }
  `,
    { rules },
  ));

test("the fix adds the internal VIP of the service's cluster, in flow style", () => {
  assert.equal(
    fixed(
      BASE +
        `
  services:
    keystone: { on: ctl, mode: active-active }
  `,
      'vip-missing',
      'Add vip: internal',
    ),
    withHeader(
      BASE +
        `
  services:
    keystone: { on: ctl, mode: active-active, vip: internal }
  `,
    ),
  );
});

test('the fix keeps block style, indentation and comments', () => {
  assert.equal(
    fixed(
      BASE +
        `
  services:
    keystone:
      on: ctl            # every controller
      mode: active-active
    nova-api: { on: ctl, mode: active-active, vip: internal }
  `,
      'vip-missing',
    ),
    withHeader(
      BASE +
        `
  services:
    keystone:
      on: ctl            # every controller
      mode: active-active
      vip: internal
    nova-api: { on: ctl, mode: active-active, vip: internal }
  `,
    ),
  );
});

test('with two candidate VIPs, each is offered and none is applied by --fix', () => {
  const r = checked(
    BASE +
      `
  services:
    keystone: { on: ctl, mode: active-active }
  # ^^^^^^^^ warning vip-missing
  `,
    { rules },
  );
  const f = r.findings.find((x) => x.rule === 'vip-missing')!;
  assert.deepEqual(
    f.fixes.map((x) => [x.title, x.safe, !!x.preferred]),
    [
      ['Add vip: internal', false, true],
      ['Add vip: public', false, false],
    ],
  );
});
