import { test } from 'node:test';
import { checkWorkspace } from '../support/workspace';
import * as assert from 'node:assert/strict';
import { lintCnf } from '../../server/src/engine/lint';
import { GALERA_NODE as NODE } from '../support/stack-files';

test('peers: a different cluster name, a shared node name', () => {
  const peers = [
    {
      file: '../c2/my.cnf',
      kind: 'galera',
      values: {
        wsrep_cluster_name: 'other',
        wsrep_node_name: 'c1',
        wsrep_node_address: '10.0.0.13',
        wsrep_cluster_address: 'gcomm://10.0.0.12,10.0.0.13,10.0.0.14',
      },
    },
  ];
  assert.deepEqual(
    lintCnf(NODE, undefined, { peers }).findings.map((f) => f.message),
    [
      "wsrep_cluster_name is 'openstack' here but 'other' in ../c2/my.cnf: these nodes cannot join one cluster",
      "wsrep_node_name 'c1' is also set in ../c2/my.cnf: each node needs its own",
    ],
  );
});

test('a node that does not name itself, and two nodes with one address, across the workspace', () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  #^^^^^^^ warning galera-node-identity: wsrep_node_name is not set: each node should name itself and the address the others reach it on
  wsrep_on=ON
  wsrep_node_address=10.0.0.12
  #                  ^^^^^^^^^ warning galera-node-identity: wsrep_node_address '10.0.0.12' is also set in ../../../../c2/etc/mysql/conf.d/galera.cnf: each node needs its own
  #- c2/etc/mysql/conf.d/galera.cnf
  [mysqld]
  wsrep_on=ON
  wsrep_node_name=c2
  wsrep_node_address=10.0.0.12
  #                  ^^^^^^^^^ warning galera-node-identity: wsrep_node_address '10.0.0.12' is also set in ../../../../c1/etc/mysql/conf.d/galera.cnf: each node needs its own
  `,
    { rules: ['galera-node-identity'] },
  );
});
