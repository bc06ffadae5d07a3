import { test } from 'node:test';
import { check } from '../support/fixture';

const rules = ['network-path-redundancy'];

test('fires on one NIC, and on two NICs without a bond', () =>
  check(
    `
  nodes:
    c1: { address: 10.0.0.1, roles: [controller], interfaces: [eno1] }
  #                                                           ^^^^^^ warning network-path-redundancy: c1 has 1 management interface (eno1): one NIC, cable or switch port cuts it off from the cluster
    n1: { address: 10.0.0.2, roles: [network], interfaces: [eno1, eno2] }
  #                                                        ^^^^^^^^^^^^ warning network-path-redundancy: n1 lists 2 interfaces (eno1, eno2) without bond: true; unbonded, losing eno1 still cuts the node off
  `,
    { rules },
  ));

test('bonded pairs, compute nodes and nodes without interfaces do not fire', () =>
  check(
    `
  nodes:
    c1: { address: 10.0.0.1, roles: [controller], interfaces: [eno1, eno2], bond: true }
    cmp: { address: 10.0.0.3, roles: [compute], interfaces: [eno1] }
    c2: { address: 10.0.0.2, roles: [controller] }
  `,
    { rules },
  ));
