import { test } from 'node:test';
import { THREE_NODE_CLUSTER, TWO_NODES } from '../support/topologies';
import { check } from '../support/fixture';

const rules = ['stateful-service-unmanaged'];

test('fires on active-passive cinder-volume on a node list', () =>
  check(
    TWO_NODES +
      `
  services:
    cinder-volume: { on: [a, b], mode: active-passive }
  #                      ^^^^^^ warning stateful-service-unmanaged: cinder-volume is stateful and runs active-passive on a list of 2 nodes; only a Pacemaker cluster moves it to a standby, and fences the old node, when the active one fails
  `,
    { rules },
  ));

test('fires on active-passive under keepalived', () =>
  check(
    TWO_NODES +
      `
  clusters:
    lb: { manager: keepalived, members: [a, b] }
  services:
    redis: { on: lb, mode: active-passive }
  #              ^^ warning stateful-service-unmanaged: redis is stateful and runs active-passive on cluster 'lb', managed by keepalived; only a Pacemaker cluster moves it to a standby, and fences the old node, when the active one fails
  `,
    { rules },
  ));

test('fires on a stateful service on one node, including services outside the catalogue', () =>
  check(
    `
  nodes:
    a: { address: 10.0.0.1 }
  services:
    galera: { on: [a], mode: clustered }
  #               ^^^ warning stateful-service-unmanaged: galera is stateful and runs on one node (a) with no replication: its data and service go down with that node
    my-ledger: { on: [a], stateful: true }
  #                  ^^^ warning stateful-service-unmanaged: my-ledger is stateful and runs on one node (a) with no replication: its data and service go down with that node
  `,
    { rules },
  ));

test('active-passive under Pacemaker, per-node and client-side services do not fire', () =>
  check(
    THREE_NODE_CLUSTER +
      `
  services:
    cinder-volume: { on: ctl, mode: active-passive }
    memcached: { on: [a], mode: client-side }
    neutron-l3-agent: { on: [a], mode: per-node }
    my-cache: { on: [a], stateful: false }
  `,
    { rules },
  ));
