import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintPacemaker } from '../../server/src/engine/lint';

test('pcs: several operations after one op, and the monitor pcs adds to every resource it creates', () => {
  const m = lintPacemaker(
    'pcs resource create api systemd:openstack-nova-api op start timeout=20s stop timeout=20s monitor interval=10s\npcs resource create lb systemd:haproxy --no-default-ops\n',
    'pcs',
  ).pacemaker!;
  assert.deepEqual(
    m.resources[0].ops.map((o) => `${o.name} ${o.interval ?? ''}`.trim()),
    ['start', 'stop', 'monitor 10s'],
  );
  assert.deepEqual(
    m.resources[1].ops.map((o) => `${o.name}${o.implicit ? ' (added by pcs)' : ''}`),
    ['monitor (added by pcs)'],
  );
  // crm gives each operation its own op: a second name after one op is not read as an operation
  const crm = lintPacemaker('primitive api systemd:openstack-nova-api op start timeout=20s op monitor interval=10s\n', 'crm').pacemaker!;
  assert.deepEqual(
    crm.resources[0].ops.map((o) => o.name),
    ['start', 'monitor'],
  );
  assert.deepEqual(
    lintPacemaker('primitive api systemd:openstack-nova-api op start timeout=20s\n', 'crm').findings.map((f) => f.rule),
    ['pacemaker-resource-monitor-op'],
  );
});
