import { test } from 'node:test';
import { check } from '../support/fixture';

const rules = ['lb-single-point-of-failure'];
const NODES = `
  nodes:
    a: { address: 10.0.0.1, roles: [controller] }
    b: { address: 10.0.0.2, roles: [controller] }
    c: { address: 10.0.0.3, roles: [controller] }
`;

test('fires on a balancer on one node and on a VIP nothing moves', () =>
  check(
    NODES +
      `
  clusters:
    ctl: { members: [a, b, c] }
    static: { manager: none, members: [a, b] }
  vips:
    internal: { address: 10.0.0.11 }
  # ^^^^^^^^ error lb-single-point-of-failure: VIP 'internal' has no cluster to move it: if the node holding it fails, the address and everything behind it go too
    public: { address: 203.0.113.1, cluster: static }
  #                                          ^^^^^^ error lb-single-point-of-failure: VIP 'public' belongs to cluster 'static', which has manager: none; nothing moves the address when its node fails
  services:
    haproxy: { on: [a], vips: [internal, public] }
  #                ^^^ error lb-single-point-of-failure: haproxy runs on 1 node (a): when it fails, every service behind it is unreachable
  `,
    { rules },
  ));

test('a named balancer other than haproxy is checked too', () =>
  check(
    NODES +
      `
  clusters:
    ctl: { members: [a, b, c] }
  vips:
    internal: { address: 10.0.0.11, cluster: ctl }
  services:
    nginx: { on: [b], vips: [internal] }
  #              ^^^ error lb-single-point-of-failure: nginx runs on 1 node (b): when it fails, every service behind it is unreachable
    keystone: { on: ctl, mode: active-active, vip: internal, balancer: nginx }
  `,
    { rules },
  ));

test('balancers on every controller with managed VIPs do not fire', () =>
  check(
    NODES +
      `
  clusters:
    ctl: { members: [a, b, c] }
    lb: { manager: keepalived, members: [a, b, c] }
  vips:
    internal: { address: 10.0.0.11, cluster: ctl }
    public: { address: 203.0.113.1, cluster: lb, vrid: 51 }
  services:
    haproxy: { on: ctl, vips: [internal, public] }
  `,
    { rules },
  ));
