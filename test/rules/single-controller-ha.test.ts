import { test } from 'node:test';
import { CONTROLLERS } from '../support/topologies';
import { check } from '../support/fixture';

const rules = ['single-controller-ha'];

test('fires when clusters and VIPs are declared over one controller', () =>
  check(
    `
  nodes:
    ctl1: { address: 10.0.0.12, roles: [controller] }
    cmp1: { address: 10.0.0.31, roles: [compute] }
  clusters:
  #^^^^^^^ error single-controller-ha: the manifest declares 1 cluster and 1 VIP but has one controller (ctl1): there is nothing to fail over to
    ctl: { members: [ctl1] }
  vips:
    internal: { address: 10.0.0.11, cluster: ctl }
  `,
    { rules },
  ));

test('points at vips when there is no cluster', () =>
  check(
    `
  nodes:
    ctl1: { address: 10.0.0.12, roles: [controller] }
  vips:
  #^^^ error single-controller-ha: the manifest declares 1 VIP but has one controller (ctl1): there is nothing to fail over to
    internal: { address: 10.0.0.11 }
  `,
    { rules },
  ));

test('does not fire with three controllers or with no HA declared', () => {
  check(
    CONTROLLERS +
      `
  `,
    { rules },
  );
  check(
    `
  nodes:
    c1: { address: 10.0.0.12, roles: [controller] }
  services:
    keystone: { on: [c1] }
  `,
    { rules },
  );
});
