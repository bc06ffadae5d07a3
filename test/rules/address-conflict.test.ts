import { test } from 'node:test';
import { TWO_NODES } from '../support/topologies';
import { check } from '../support/fixture';

const rules = ['address-conflict'];

test('fires on a node and a VIP sharing an address, and on IPv6 written two ways', () => check(`
  nodes:
    a: { address: 10.0.0.1 }
    b: { address: 10.0.0.2 }
    c: { address: "fd00::1" }
    d: { address: "fd00:0:0:0:0:0:0:1" }
  #               ^^^^^^^^^^^^^^^^^^^^ error address-conflict: fd00:0:0:0:0:0:0:1 of node 'd' is already the address of node 'c'
  vips:
    internal: { address: 10.0.0.2 }
  #                      ^^^^^^^^ error address-conflict: 10.0.0.2 of VIP 'internal' is already the address of node 'b'
  `, { rules }));

test('distinct addresses do not fire', () => check(TWO_NODES + `
  vips:
    internal: { address: 10.0.0.3 }
    public: { address: 203.0.113.3 }
  `, { rules }));
