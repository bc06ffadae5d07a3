import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintCnf } from '../../server/src/engine/lint';
import { GALERA_NODE as NODE } from '../support/stack-files';

test('peers: a different cluster name, a shared node name', () => {
  const peers = [{ file: '../c2/my.cnf', kind: 'galera', values: { wsrep_cluster_name: 'other', wsrep_node_name: 'c1', wsrep_node_address: '10.0.0.13', wsrep_cluster_address: 'gcomm://10.0.0.12,10.0.0.13,10.0.0.14' } }];
  assert.deepEqual(lintCnf(NODE, undefined, { peers }).findings.map((f) => f.message), [
    "wsrep_cluster_name is 'openstack' here but 'other' in ../c2/my.cnf: these nodes cannot join one cluster",
    "wsrep_node_name 'c1' is also set in ../c2/my.cnf: each node needs its own",
  ]);
});
