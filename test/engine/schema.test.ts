import { test } from 'node:test';
import { SPEC_EXAMPLE } from '../support/spec-example';
import * as assert from 'node:assert/strict';
import { check, fixed, withHeader } from '../support/fixture';

const rules = ['schema-unknown-key', 'schema-wrong-type', 'schema-missing-field', 'schema-invalid-value'];

test("unknown keys are warnings with a did-you-mean rename; x- keys are the user's own", () =>
  check(
    `
  nodes:
    a: { address: 10.0.0.1, x-rack-unit: 12 }
  clusters:
    ctl:
      members: [a]
      stonit: true
  #   ^^^^^^ warning schema-unknown-key: unknown key 'stonit' in cluster 'ctl'; did you mean 'stonith'?
  `,
    { rules },
  ));

test('the rename fix for an unknown key', () => {
  assert.equal(
    fixed(
      `
  nodes:
    a: { adress: 10.0.0.1 }
  `,
      'schema-unknown-key',
      "Rename to 'address'",
    ),
    withHeader(`
  nodes:
    a: { address: 10.0.0.1 }
  `),
  );
});

test('wrong types name what was expected; yes/no get a YAML 1.2 hint and fix', () => {
  check(
    `
  nodes:
    a: { address: 10.0.0.1, roles: controller }
  #                                ^^^^^^^^^^ error schema-wrong-type: 'roles' in node 'a' must be a list, not the string 'controller'
  clusters:
    ctl: { members: a, stonith: yes }
  #                 ^ error schema-wrong-type: 'members' in cluster 'ctl' must be a list of node names, not the string 'a'
  #                             ^^^ error schema-wrong-type: 'stonith' in cluster 'ctl' must be true or false, not the string 'yes' (YAML 1.2 reads 'yes' as a string; write true)
  services:
    keystone: { on: { cluster: ctl } }
  #                 ^^^^^^^^^^^^^^^^ error schema-wrong-type: 'on' in service 'keystone' must be a cluster name or a list of node names, not a mapping
  `,
    { rules },
  );
  assert.equal(
    fixed(
      `
  nodes:
    a: { address: 10.0.0.1 }
    b: { address: 10.0.0.2 }
    c: { address: 10.0.0.3 }
  clusters:
    ctl: { members: [a, b, c], stonith: yes }
  `,
      'schema-wrong-type',
    ),
    withHeader(`
  nodes:
    a: { address: 10.0.0.1 }
    b: { address: 10.0.0.2 }
    c: { address: 10.0.0.3 }
  clusters:
    ctl: { members: [a, b, c], stonith: true }
  `),
  );
});

test("missing required fields point at the owner's key", () =>
  check(
    `
  nodes:
    a: { roles: [controller] }
  # ^ error schema-missing-field: node 'a' has no 'address': every node and VIP needs its IP address
    b:
  # ^ error schema-missing-field: node 'b' is empty; it needs 'address'
  clusters:
    ctl: { manager: pacemaker }
  # ^^^ error schema-missing-field: cluster 'ctl' has no 'members': a cluster without members has no quorum to reason about
  `,
    { rules },
  ));

test('the manifest header is required', () =>
  check(
    `
  # no-header
  nodes: {}
  #^^^^ error schema-missing-field: the manifest has no 'apiVersion': add \`apiVersion: openstack-ha/v1\`
  #^^^^ error schema-missing-field: the manifest has no 'kind': add \`kind: Deployment\`
  `,
    { rules },
  ));

test('enum values, addresses and ranges are checked', () =>
  check(
    `
  metadata: { environment: prod }
  #                        ^^^^ error schema-invalid-value: 'prod' is not a valid environment in metadata; expected production, staging, test, demo
  nodes:
    a: { address: 10.0.0.300, roles: [controler] }
  #               ^^^^^^^^^^ error schema-invalid-value: '10.0.0.300' in node 'a' is not an IPv4 or IPv6 address
  #                                   ^^^^^^^^^ error schema-invalid-value: 'controler' is not a valid roles in node 'a'; expected controller, compute, network, storage, database, messaging, loadbalancer. Did you mean 'controller'?
  vips:
    v: { address: 10.0.0.9, cidr: 33, vrid: 0 }
  #                               ^^ error schema-invalid-value: 'cidr' in VIP 'v' is 33; an IPv4 prefix is at most 32
  #                                         ^ error schema-invalid-value: 'vrid' in VIP 'v' is 0; it must be between 1 and 255
  `,
    { rules },
  ));

test('the enum fix replaces the value with the closest one', () => {
  assert.equal(
    fixed(
      `
  nodes:
    a: { address: 10.0.0.1, roles: [controler] }
  `,
      'schema-invalid-value',
    ),
    withHeader(`
  nodes:
    a: { address: 10.0.0.1, roles: [controller] }
  `),
  );
});

test('the example of spec/manifest.md has no finding at all', () => check(SPEC_EXAMPLE));
