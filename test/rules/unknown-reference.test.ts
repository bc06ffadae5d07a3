import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, fixed, withHeader } from '../support/fixture';

const rules = ['unknown-reference'];

test('fires on misspelt members, clusters and VIPs, suggesting the closest name', () =>
  check(
    `
  nodes:
    controller1: { address: 10.0.0.12 }
    controller2: { address: 10.0.0.13 }
  clusters:
    ctl: { members: [controller1, controler2] }
  #                               ^^^^^^^^^^ error unknown-reference: 'controler2' is not a node defined under nodes; did you mean 'controller2'?
  vips:
    internal: { address: 10.0.0.11, cluster: ctrl }
  #                                          ^^^^ error unknown-reference: 'ctrl' is not a cluster defined under clusters; did you mean 'ctl'?
  services:
    keystone: { on: ctl, mode: active-active, vip: intenral }
  #                                                ^^^^^^^^ error unknown-reference: 'intenral' is not a vip defined under vips; did you mean 'internal'?
    haproxy: { on: [controller1, nodeX], vips: [internal, public] }
  #                              ^^^^^ error unknown-reference: 'nodeX' is not a node defined under nodes (defined: controller1, controller2)
  #                                                       ^^^^^^ error unknown-reference: 'public' is not a vip defined under vips (defined: internal)
  `,
    { rules },
  ));

test('a node named where a cluster belongs gets a specific message and fix', () => {
  const src = `
  nodes:
    a: { address: 10.0.0.1 }
  services:
    keystone: { on: a }
  #                 ^ error unknown-reference: 'a' is a node, not a cluster; a list of nodes is written on: [a]
  `;
  check(src, { rules });
  assert.equal(fixed(src, 'unknown-reference'), withHeader(src.replace('{ on: a }', '{ on: [a] }')));
});

test('the fix replaces only the name', () => {
  assert.equal(
    fixed(
      `
  nodes:
    controller1: { address: 10.0.0.12 }
  clusters:
    ctl:
      members:
        - controler1   # first
  `,
      'unknown-reference',
    ),
    withHeader(`
  nodes:
    controller1: { address: 10.0.0.12 }
  clusters:
    ctl:
      members:
        - controller1   # first
  `),
  );
});

test('defined names do not fire', () =>
  check(
    `
  nodes:
    a: { address: 10.0.0.1 }
  clusters:
    ctl: { members: [a] }
  vips:
    v: { address: 10.0.0.9, cluster: ctl }
  services:
    keystone: { on: ctl, vip: v }
    nova-api: { on: [a], vips: [v] }
  `,
    { rules },
  ));

test('a name already in the list is not suggested: the fix would list it twice', () => {
  check(
    `
  nodes:
    controller1: { address: 10.0.0.12 }
    controller2: { address: 10.0.0.13 }
    controller3: { address: 10.0.0.14 }
  clusters:
    ctl: { members: [controller1, controller2, controler1] }
  #                                            ^^^^^^^^^^ error unknown-reference: 'controler1' is not a node defined under nodes; did you mean 'controller3'?
  `,
    { rules },
  );
  check(
    `
  nodes:
    controller1: { address: 10.0.0.12 }
  services:
    haproxy: { on: [controller1, controler1] }
  #                              ^^^^^^^^^^ error unknown-reference: 'controler1' is not a node defined under nodes (defined: controller1)
  `,
    { rules },
  );
});
