import { test } from 'node:test';
import { FOUR_NODES } from '../support/topologies';
import { check, checkCoro } from '../support/fixture';

const rules = ['cluster-even-node-count'];

test('fires on a four-member Pacemaker cluster, with the numbers of the split', () =>
  check(
    FOUR_NODES +
      `
  clusters:
    ctl:
      manager: pacemaker
      members: [a, b, c, d]
  #            ^^^^^^^^^^^^ warning cluster-even-node-count: cluster 'ctl' has 4 votes; a 2:2 split leaves no side with the 3 needed for quorum
  `,
    { rules },
  ));

test('a quorum device makes four members five votes', () =>
  check(
    FOUR_NODES +
      `
  clusters:
    ctl: { manager: pacemaker, members: [a, b, c, d], quorum_device: qnetd.example.org }
  `,
    { rules },
  ));

test('fires on a clustered service placed on a node list, and names the Galera quorum', () =>
  check(
    FOUR_NODES +
      `
  services:
    galera: { on: [a, b, c, d], mode: clustered }
  #               ^^^^^^^^^^^^ warning cluster-even-node-count: galera has 4 votes; a 2:2 split leaves no side with the 3 needed for a Galera primary component
  `,
    { rules },
  ));

test("a clustered service on a Pacemaker cluster is named in the cluster's finding, not reported twice", () =>
  check(
    FOUR_NODES +
      `
  clusters:
    ctl: { members: [a, b, c, d] }
  #                 ^^^^^^^^^^^^ warning cluster-even-node-count: cluster 'ctl' has 4 votes; a 2:2 split leaves no side with the 3 needed for quorum (galera and rabbitmq on it split the same way)
  services:
    galera: { on: ctl, mode: clustered }
    rabbitmq: { on: ctl, mode: clustered }
  `,
    { rules },
  ));

test('odd clusters, two-member clusters (another rule) and keepalived clusters do not fire', () =>
  check(
    FOUR_NODES +
      `
  clusters:
    three: { members: [a, b, c] }
    two: { members: [a, b], corosync: { two_node: true } }
    lb: { manager: keepalived, members: [a, b, c, d] }
  `,
    { rules },
  ));

// the nodelist of corosync.conf
test('a corosync nodelist of four votes; a quorum device makes it five', () => {
  const nodes = Array.from(
    { length: 4 },
    (_, i) => `    node {\n        ring0_addr: 10.0.0.${i + 1}\n        nodeid: ${i + 1}\n    }`,
  ).join('\n');
  checkCoro(
    `nodelist {\n#^^^^^^^ warning cluster-even-node-count: the nodelist has 4 votes; a 2:2 split leaves no side with the 3 needed for quorum\n${nodes}\n}\nquorum {\n    provider: corosync_votequorum\n}\n`,
    { rules },
  );
  checkCoro(`nodelist {\n${nodes}\n}\nquorum {\n    provider: corosync_votequorum\n    device {\n        model: net\n    }\n}\n`, {
    rules,
  });
});
