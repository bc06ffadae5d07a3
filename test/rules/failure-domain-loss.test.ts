import { test } from 'node:test';
import { check } from '../support/fixture';

const rules = ['failure-domain-loss'];

test('a rack holding two of three Galera nodes takes the database down; the report is on its first node', () =>
  check(
    `
  nodes:
    c1: { address: 10.0.0.1, roles: [controller], failure_domain: rack-a }
  #                                                               ^^^^^^ warning failure-domain-loss: losing failure domain 'rack-a' (c1, c2) leaves galera down: Galera: 2 x 1 + 0 > 3 is false, so the remaining node (c3) is not primary; \`openstack-ha simulate --fail-domain rack-a\` shows the whole scenario
    c2: { address: 10.0.0.2, roles: [controller], failure_domain: rack-a }
    c3: { address: 10.0.0.3, roles: [controller], failure_domain: rack-b }
  services:
    galera: { on: [c1, c2, c3], mode: clustered }
  `,
    { rules },
  ));

test('a service whose every instance sits in one rack, and a Pacemaker resource whose only fence device is in the rack', () =>
  check(
    `
  nodes:
    c1: { address: 10.0.0.1, roles: [controller], failure_domain: rack-a }
  #                                                               ^^^^^^ warning failure-domain-loss: losing failure domain 'rack-a' (c1) leaves cinder-volume blocked, heat-engine down: no node of heat-engine is running (0 of 1: c1); \`openstack-ha simulate --fail-domain rack-a\` shows the whole scenario
    c2: { address: 10.0.0.2, roles: [controller], failure_domain: rack-b }
    c3: { address: 10.0.0.3, roles: [controller], failure_domain: rack-c }
  clusters:
    ctl:
      manager: pacemaker
      members: [c1, c2, c3]
      stonith: true
      fencing: [{ name: pdu-a, failure_domain: rack-a }]
  services:
    cinder-volume: { on: ctl, mode: active-passive }
    heat-engine: { on: [c1], mode: active-active }
  `,
    { rules },
  ));

test('a Pacemaker resource blocked on fencing: the device is named', () =>
  check(
    `
  nodes:
    c1: { address: 10.0.0.1, roles: [controller], failure_domain: rack-a }
  #                                                               ^^^^^^ warning failure-domain-loss: losing failure domain 'rack-a' (c1) leaves cinder-volume blocked: Pacemaker: recovery waits on fencing of c1: its only device pdu-a is in rack-a, which lost power; \`openstack-ha simulate --fail-domain rack-a\` shows the whole scenario
    c2: { address: 10.0.0.2, roles: [controller], failure_domain: rack-b }
    c3: { address: 10.0.0.3, roles: [controller], failure_domain: rack-c }
  clusters:
    ctl:
      manager: pacemaker
      members: [c1, c2, c3]
      stonith: true
      fencing: [{ name: pdu-a, failure_domain: rack-a }, { name: pdu-c, targets: [c3], failure_domain: rack-c }]
  services:
    cinder-volume: { on: ctl, mode: active-passive }
  `,
    { rules },
  ));

test('spread services, per-node services and a single failure domain do not fire', () =>
  check(
    `
  nodes:
    c1: { address: 10.0.0.1, roles: [controller], failure_domain: rack-a }
    c2: { address: 10.0.0.2, roles: [controller], failure_domain: rack-b }
    c3: { address: 10.0.0.3, roles: [controller], failure_domain: rack-c }
    n1: { address: 10.0.0.11, roles: [compute], failure_domain: rack-a }
  clusters:
    ctl: { manager: pacemaker, members: [c1, c2, c3], stonith: true }
  services:
    galera: { on: ctl, mode: clustered }
    rabbitmq: { on: ctl, mode: clustered }
    keystone: { on: ctl, mode: active-active }
    cinder-volume: { on: ctl, mode: active-passive }
    nova-compute: { on: [n1], mode: per-node }
  `,
    { rules },
  ));

test('one failure domain for every node: nothing can survive its loss, so nothing is said', () =>
  check(
    `
  nodes:
    c1: { address: 10.0.0.1, roles: [controller], failure_domain: hall-1 }
    c2: { address: 10.0.0.2, roles: [controller], failure_domain: hall-1 }
    c3: { address: 10.0.0.3, roles: [controller], failure_domain: hall-1 }
  services:
    galera: { on: [c1, c2, c3], mode: clustered }
  `,
    { rules },
  ));
