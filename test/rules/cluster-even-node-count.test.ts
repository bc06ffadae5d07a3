import { test } from 'node:test';
import { FOUR_NODES } from '../support/topologies';
import { check } from '../support/fixture';

const rules = ['cluster-even-node-count'];

test('fires on a four-member Pacemaker cluster, with the numbers of the split', () => check(FOUR_NODES + `
  clusters:
    ctl:
      manager: pacemaker
      members: [a, b, c, d]
  #            ^^^^^^^^^^^^ warning cluster-even-node-count: cluster 'ctl' has 4 votes; a 2:2 split leaves no side with the 3 needed for quorum
  `, { rules }));

test('a quorum device makes four members five votes', () => check(FOUR_NODES + `
  clusters:
    ctl: { manager: pacemaker, members: [a, b, c, d], quorum_device: qnetd.example.org }
  `, { rules }));

test('fires on a clustered service placed on a node list, and names the Galera quorum', () => check(FOUR_NODES + `
  services:
    galera: { on: [a, b, c, d], mode: clustered }
  #               ^^^^^^^^^^^^ warning cluster-even-node-count: galera has 4 votes; a 2:2 split leaves no side with the 3 needed for a Galera primary component
  `, { rules }));

test("a clustered service on a Pacemaker cluster is named in the cluster's finding, not reported twice", () => check(FOUR_NODES + `
  clusters:
    ctl: { members: [a, b, c, d] }
  #                 ^^^^^^^^^^^^ warning cluster-even-node-count: cluster 'ctl' has 4 votes; a 2:2 split leaves no side with the 3 needed for quorum (galera and rabbitmq on it split the same way)
  services:
    galera: { on: ctl, mode: clustered }
    rabbitmq: { on: ctl, mode: clustered }
  `, { rules }));

test('odd clusters, two-member clusters (another rule) and keepalived clusters do not fire', () => check(FOUR_NODES + `
  clusters:
    three: { members: [a, b, c] }
    two: { members: [a, b], corosync: { two_node: true } }
    lb: { manager: keepalived, members: [a, b, c, d] }
  `, { rules }));
