import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check } from '../support/fixture';
import { ConfigError, mergeConfigs, parseConfig, parseSuppressions } from '../../server/src/engine/config';
import { lintManifest } from '../../server/src/engine/lint';

const NODES = `
  nodes:
    a: { address: 10.0.0.1 }
    b: { address: 10.0.0.2 }
    c: { address: 10.0.0.3 }
    d: { address: 10.0.0.4 }
`;

test('disable-next-line silences the named rule on the next line only', () =>
  check(
    NODES +
      `
  clusters:
    # openstack-ha-disable-next-line cluster-even-node-count
    ctl: { members: [a, b, c, d] }
    other: { members: [a, b, c, d] }
  #                   ^^^^^^^^^^^^ warning cluster-even-node-count
  `,
    { rules: ['cluster-even-node-count'] },
  ));

test('disable-next-line for another rule does not silence this one; several ids may be listed', () =>
  check(
    NODES +
      `
  clusters:
    # openstack-ha-disable-next-line stonith-disabled, failure-domain-concentration
    ctl: { members: [a, b, c, d] }
  #                 ^^^^^^^^^^^^ warning cluster-even-node-count
    # openstack-ha-disable-next-line stonith-disabled cluster-even-node-count
    other: { members: [a, b, c, d] }
  `,
    { rules: ['cluster-even-node-count'] },
  ));

test('disable-line and a bare disable-next-line (every rule)', () =>
  check(
    NODES +
      `
  clusters:
    ctl: { members: [a, b, c, d] }  # openstack-ha-disable-line cluster-even-node-count
    # openstack-ha-disable-next-line
    other: { members: [a, b, c, d], stonith: false }
  `,
  ));

test('a file-wide disable comment', () =>
  check(
    `
  # openstack-ha-disable cluster-even-node-count
  ` +
      NODES +
      `
  clusters:
    ctl: { members: [a, b, c, d] }
  `,
    { rules: ['cluster-even-node-count'] },
  ));

test('a directive inside a value is not a comment', () => {
  assert.equal(parseSuppressions('name: "x#openstack-ha-disable cluster-even-node-count"\n').file instanceof Set, true);
  assert.equal((parseSuppressions('name: "x#openstack-ha-disable foo"\n').file as Set<string>).size, 0);
});

test('config: severity overrides, off, disable list and environment', () => {
  const cfg = parseConfig('environment: demo\nrules:\n  cluster-even-node-count: error\n  vip-missing: off\ndisable: [address-conflict]\n');
  assert.deepEqual(cfg, {
    environment: 'demo',
    rules: { 'cluster-even-node-count': 'error', 'vip-missing': 'off', 'address-conflict': 'off' },
  });
  check(
    NODES +
      `
  clusters:
    ctl: { members: [a, b, c, d], stonith: false }
  #                 ^^^^^^^^^^^^ error cluster-even-node-count
  `,
    { rules: ['cluster-even-node-count', 'stonith-disabled'], config: cfg },
  );
});

test("the manifest's own environment wins over the configuration's default", () => {
  const cfg = parseConfig('environment: demo\n');
  const text =
    'apiVersion: openstack-ha/v1\nkind: Deployment\nmetadata: { environment: production }\nnodes: { a: { address: 10.0.0.1 }, b: { address: 10.0.0.2 }, c: { address: 10.0.0.3 } }\nclusters: { ctl: { members: [a, b, c], stonith: false } }\n';
  assert.deepEqual(
    lintManifest(text, cfg).findings.map((f) => f.rule),
    ['stonith-disabled'],
  );
});

test('config errors are all reported; an unknown rule id is not one of them (unknown-rule-id reports it in the file)', () => {
  assert.throws(
    () => parseConfig('rules:\n  cluster-even-nodes: error\n  vip-missing: loud\nenvironment: prod\nextra: 1\n'),
    (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.equal(
        e.message,
        [
          ".openstack-ha.yaml: rule 'vip-missing' must be one of error, warning, info, hint, off",
          '.openstack-ha.yaml: environment must be one of production, staging, test, demo',
          ".openstack-ha.yaml: unknown key 'extra' (expected environment, release, corosync, vips, controllers, rules, disable)",
        ].join('\n'),
      );
      return true;
    },
  );
  assert.throws(() => parseConfig('rules: [a\n'), ConfigError);
  assert.deepEqual(parseConfig('rules:\n  cluster-even-nodes: error\n  vip-missing: off\n').rules, { 'vip-missing': 'off' });
});

test('corosync: 2 or 3 says which corosync the project runs; anything else is an error', () => {
  assert.equal(parseConfig('corosync: 2\n').corosync, 2);
  assert.equal(parseConfig('corosync: 3\n').corosync, 3);
  assert.equal(parseConfig('environment: test\n').corosync, undefined);
  assert.throws(() => parseConfig('corosync: "2.4"\n'), /corosync must be 2 or 3/);
  assert.equal(mergeConfigs(parseConfig('corosync: 2\n'), { rules: {} }).corosync, 2);
});
