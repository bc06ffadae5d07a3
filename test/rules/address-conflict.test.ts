import { test } from 'node:test';
import { TWO_NODES } from '../support/topologies';
import { check, checkPm } from '../support/fixture';

const rules = ['address-conflict'];

test('fires on a node and a VIP sharing an address, and on IPv6 written two ways', () =>
  check(
    `
  nodes:
    a: { address: 10.0.0.1 }
    b: { address: 10.0.0.2 }
    c: { address: "fd00::1" }
    d: { address: "fd00:0:0:0:0:0:0:1" }
  #               ^^^^^^^^^^^^^^^^^^^^ error address-conflict: fd00:0:0:0:0:0:0:1 of node 'd' is already the address of node 'c'
  vips:
    internal: { address: 10.0.0.2 }
  #                      ^^^^^^^^ error address-conflict: 10.0.0.2 of VIP 'internal' is already the address of node 'b'
  `,
    { rules },
  ));

test('distinct addresses do not fire', () =>
  check(
    TWO_NODES +
      `
  vips:
    internal: { address: 10.0.0.3 }
    public: { address: 203.0.113.3 }
  `,
    { rules },
  ));

// in a Pacemaker configuration: the IPaddr2 VIPs of a CIB, crm file or pcs script
test('two VIPs with one address, and a VIP left as a placeholder', () =>
  checkPm(
    'pcs',
    `
  pcs resource create vip-public ocf:heartbeat:IPaddr2 ip=10.0.0.11 cidr_netmask=24
  pcs resource create vip-internal ocf:heartbeat:IPaddr2 ip=10.0.0.11 cidr_netmask=24
  #                                                         ^^^^^^^^^ error address-conflict: 10.0.0.11 of VIP resource 'vip-internal' is already the address of VIP resource 'vip-public': the two answer ARP for one address wherever Pacemaker places them
  pcs resource create vip-db ocf:heartbeat:IPaddr2 ip=<DB_VIP> cidr_netmask=24
  #                                                   ^^^^^^^^ error placeholder-value: vip-db's ip '<DB_VIP>' is a placeholder left from a sample (text in angle brackets), not a real value: IPaddr2 cannot use it and the VIP does not start
  pcs resource create vip-var ocf:heartbeat:IPaddr2 ip=$VIP cidr_netmask=24
  `,
    { rules: ['address-conflict', 'placeholder-value'] },
  ));
