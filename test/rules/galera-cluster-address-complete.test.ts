import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/fixes';
import { lintCnf } from '../../server/src/engine/lint';
import { deployment } from '../support/topologies';
import { GALERA_NODE as NODE } from '../support/stack-files';

const rules = (text: string, opts = {}) =>
  lintCnf(text, undefined, opts).findings.map((f) => `${f.rule} ${f.severity}: ${f.message} [${text.slice(f.span.start, f.span.end)}]`);
const topology = deployment({ services: 'galera: { on: ctl, mode: clustered, vip: internal }' });

test('cluster address: empty gcomm://, a missing member (with a fix), a VIP; SST credentials; 127.0.0.1', () => {
  assert.deepEqual(rules(NODE.replace('gcomm://10.0.0.12,10.0.0.13,10.0.0.14', 'gcomm://')), [
    'galera-cluster-address-complete error: wsrep_cluster_address=gcomm:// (empty) bootstraps a new cluster at every start; list every member, and bootstrap once with --wsrep-new-cluster [gcomm://]',
  ]);
  const missing = NODE.replace('gcomm://10.0.0.12,10.0.0.13,10.0.0.14', 'gcomm://10.0.0.12,10.0.0.13');
  const f = lintCnf(missing, undefined, { topology }).findings;
  assert.deepEqual(
    f.map((x) => x.message),
    ['wsrep_cluster_address lists 2 of the 3 Galera nodes of site.ha.yaml; missing: c3 (10.0.0.14)'],
  );
  assert.equal(applyEdits(missing, f[0].fixes[0].edits), NODE);
  assert.deepEqual(
    lintCnf(NODE.replace('gcomm://10.0.0.12,10.0.0.13,10.0.0.14', 'gcomm://10.0.0.11'), undefined, { topology }).findings.map(
      (x) => x.message,
    ),
    ["wsrep_cluster_address names VIP 'internal': Galera members must name each other"],
  );
  assert.deepEqual(rules(NODE.replace('wsrep_sst_auth=sst:secret\n', '').replace('bind-address=10.0.0.12', 'bind-address=127.0.0.1')), [
    "galera-bind-address error: bind-address=127.0.0.1: only this host can reach the database; bind the node's management address [127.0.0.1]",
    'galera-sst-auth warning: wsrep_sst_method=mariabackup logs in to the donor but wsrep_sst_auth is not set: a joining node cannot copy the data [mariabackup]',
  ]);
});

test('a node without wsrep_cluster_address: an error when the file switches wsrep on (mariadbd refuses), a warning in a fragment that leaves both to the command line', () => {
  assert.deepEqual(
    rules(NODE.replace(/wsrep_cluster_address=.*\n/, '')).filter((x) => x.startsWith('galera-cluster-address')),
    [
      'galera-cluster-address-complete error: wsrep_cluster_address is not set: mariadbd refuses to start a Galera node without it, and the node would know no other member [[mysqld]]',
    ],
  );
  assert.deepEqual(
    rules(NODE.replace(/wsrep_cluster_address=.*\n/, '').replace('wsrep_on=ON\n', '')).filter((x) =>
      x.startsWith('galera-cluster-address'),
    ),
    [
      'galera-cluster-address-complete warning: wsrep_cluster_address is not set, nor wsrep_on: unless the command line or another option file gives both, this node joins no cluster [[mysqld]]',
    ],
  );
});
