import { test } from 'node:test';
import { THREE_NODE_CLUSTER, TWO_NODES } from '../support/topologies';
import { check } from '../support/fixture';

const rules = ['cluster-min-three-nodes'];

test('fires as an error on a two-member cluster in production', () => check(TWO_NODES + `
  clusters:
    ctl: { members: [a, b], corosync: { two_node: true } }
  #                 ^^^^^^ error cluster-min-three-nodes: cluster 'ctl' has 2 votes; a 1:1 split leaves neither side with the 2 needed for quorum (use at least 3)
  `, { rules }));

test('is a warning in a test environment', () => check(`
  metadata: { environment: test }
  nodes:
    a: { address: 10.0.0.1 }
  services:
    rabbitmq: { on: [a], mode: clustered }
  #                 ^^^ warning cluster-min-three-nodes: rabbitmq has 1 vote: it cannot survive the loss of its only member
  `, { rules }));

test('the environment can come from the configuration', () => check(TWO_NODES + `
  clusters:
    ctl: { members: [a, b] }
  #                 ^^^^^^ warning cluster-min-three-nodes
  `, { rules, config: { environment: 'demo', rules: {} } }));

test('three members, or two with a quorum device, do not fire', () => check(THREE_NODE_CLUSTER + `
    pair: { members: [a, b], quorum_device: 10.0.0.9 }
  `, { rules }));
