import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintCnf } from '../../server/src/engine/lint';
import { GALERA_NODE as NODE } from '../support/stack-files';

const rules = (text: string, opts = {}) =>
  lintCnf(text, undefined, opts).findings.map((f) => `${f.rule} ${f.severity}: ${f.message} [${text.slice(f.span.start, f.span.end)}]`);

test('galera-cluster-name-consistent: unset is the default name, which other unnamed nodes share and named ones do not', () => {
  const unnamed = NODE.replace('wsrep_cluster_name=openstack\n', '');
  assert.deepEqual(
    rules(unnamed).filter((x) => x.startsWith('galera-cluster-name')),
    [
      'galera-cluster-name-consistent info: wsrep_cluster_name is not set: the node takes the default my_wsrep_cluster, as would any other Galera node on the network; name the cluster on every node [[mysqld]]',
    ],
  );
  const named = [{ file: '../c2/my.cnf', kind: 'galera', values: { wsrep_cluster_name: 'openstack' } }];
  assert.deepEqual(
    lintCnf(unnamed, undefined, { peers: named })
      .findings.filter((f) => f.rule === 'galera-cluster-name-consistent')
      .map((f) => `${f.severity}: ${f.message}`),
    [
      "error: wsrep_cluster_name is not set here, so it is my_wsrep_cluster, but 'openstack' in ../c2/my.cnf: these nodes cannot join one cluster",
    ],
  );
  assert.deepEqual(
    lintCnf(NODE, undefined, { peers: [{ file: '../c2/my.cnf', kind: 'galera', values: {} }] })
      .findings.filter((f) => f.rule === 'galera-cluster-name-consistent')
      .map((f) => f.message),
    ["wsrep_cluster_name is 'openstack' here but not set (so my_wsrep_cluster) in ../c2/my.cnf: these nodes cannot join one cluster"],
  );
});
