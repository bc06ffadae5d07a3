/** The Galera/MariaDB rules: each fires, the guide's my.cnf raises what guide-examples.md predicts, fixes as shown. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../../server/src/engine/fixes';
import { lintCnf } from '../../../server/src/engine/lint';
import { ROOT } from '../../support/paths';
import { deployment } from '../../support/topologies';

const GUIDE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'galera', 'guide-my.cnf'), 'utf8');
const rules = (text: string, opts = {}) => lintCnf(text, undefined, opts).findings.map((f) => `${f.rule} ${f.severity}: ${f.message} [${text.slice(f.span.start, f.span.end)}]`);
const topology = deployment({ services: 'galera: { on: ctl, mode: clustered, vip: internal }' });
const NODE = '[mysqld]\nbinlog_format=ROW\nbind-address=10.0.0.12\ninnodb_autoinc_lock_mode=2\nwsrep_on=ON\nwsrep_provider=/usr/lib/galera/libgalera_smm.so\nwsrep_cluster_name=openstack\nwsrep_cluster_address=gcomm://10.0.0.12,10.0.0.13,10.0.0.14\nwsrep_node_name=c1\nwsrep_node_address=10.0.0.12\nwsrep_sst_method=mariabackup\nwsrep_sst_auth=sst:secret\n';

test("the guide's my.cnf: node identity warnings and the durability note; with the manifest, bind-address 0.0.0.0 too", () => {
  assert.deepEqual(lintCnf(GUIDE).findings.map((f) => f.rule), ['galera-node-identity', 'galera-node-identity', 'galera-flush-log-durability']);
  assert.ok(rules(GUIDE, { topology }).includes('galera-bind-address error: bind-address=0.0.0.0 also binds the database VIP (10.0.0.11) when it moves here, and HAProxy cannot listen on it; bind the node\'s management address [0.0.0.0]'));
});

test('a sound node file has no finding; a file without wsrep options is not judged', () => {
  assert.deepEqual(rules(NODE, { topology }), []);
  assert.deepEqual(rules('[mysqld]\nbinlog_format=STATEMENT\n'), []);
});

test('the required settings, each with a fix', () => {
  const text = NODE.replace('binlog_format=ROW', 'binlog_format=STATEMENT').replace('innodb_autoinc_lock_mode=2\n', '').replace('wsrep_provider=/usr/lib/galera/libgalera_smm.so\n', '') + 'default-storage-engine=MyISAM\n';
  assert.deepEqual(rules(text), [
    'galera-innodb-autoinc-lock-mode-2 error: innodb_autoinc_lock_mode is not set: INSERTs into auto-increment tables can deadlock the cluster; Galera needs innodb_autoinc_lock_mode=2 [[mysqld]]',
    'galera-wsrep-provider error: wsrep_provider is not set: the node does not replicate; Galera needs wsrep_provider=/usr/lib/galera/libgalera_smm.so [[mysqld]]',
    'galera-binlog-format-row error: binlog_format is STATEMENT: Galera replicates rows only, and the node does not start; Galera needs binlog_format=ROW [STATEMENT]',
    'galera-default-storage-engine-innodb error: default_storage_engine is MyISAM: tables in other engines are not replicated; Galera needs default_storage_engine=InnoDB [MyISAM]',
  ]);
  const f = lintCnf(text).findings.find((x) => x.rule === 'galera-innodb-autoinc-lock-mode-2')!;
  assert.equal(applyEdits(text, f.fixes[0].edits), `${text}innodb_autoinc_lock_mode=2\n`);
});

test('cluster address: empty gcomm://, a missing member (with a fix), a VIP; SST credentials; 127.0.0.1', () => {
  assert.deepEqual(rules(NODE.replace('gcomm://10.0.0.12,10.0.0.13,10.0.0.14', 'gcomm://')), ['galera-cluster-address-complete error: wsrep_cluster_address=gcomm:// (empty) bootstraps a new cluster at every start; list every member, and bootstrap once with --wsrep-new-cluster [gcomm://]']);
  const missing = NODE.replace('gcomm://10.0.0.12,10.0.0.13,10.0.0.14', 'gcomm://10.0.0.12,10.0.0.13');
  const f = lintCnf(missing, undefined, { topology }).findings;
  assert.deepEqual(f.map((x) => x.message), ['wsrep_cluster_address lists 2 of the 3 Galera nodes of site.ha.yaml; missing: c3 (10.0.0.14)']);
  assert.equal(applyEdits(missing, f[0].fixes[0].edits), NODE);
  assert.deepEqual(lintCnf(NODE.replace('gcomm://10.0.0.12,10.0.0.13,10.0.0.14', 'gcomm://10.0.0.11'), undefined, { topology }).findings.map((x) => x.message), ["wsrep_cluster_address names VIP 'internal': Galera members must name each other"]);
  assert.deepEqual(rules(NODE.replace('wsrep_sst_auth=sst:secret\n', '').replace('bind-address=10.0.0.12', 'bind-address=127.0.0.1')), [
    "galera-bind-address error: bind-address=127.0.0.1: only this host can reach the database; bind the node's management address [127.0.0.1]",
    'galera-sst-auth warning: wsrep_sst_method=mariabackup logs in to the donor but wsrep_sst_auth is not set: a joining node cannot copy the data [mariabackup]',
  ]);
});

test('peers: a different cluster name, a shared node name', () => {
  const peers = [{ file: '../c2/my.cnf', kind: 'galera', values: { wsrep_cluster_name: 'other', wsrep_node_name: 'c1', wsrep_node_address: '10.0.0.13', wsrep_cluster_address: 'gcomm://10.0.0.12,10.0.0.13,10.0.0.14' } }];
  assert.deepEqual(lintCnf(NODE, undefined, { peers }).findings.map((f) => f.message), [
    "wsrep_cluster_name is 'openstack' here but 'other' in ../c2/my.cnf: these nodes cannot join one cluster",
    "wsrep_node_name 'c1' is also set in ../c2/my.cnf: each node needs its own",
  ]);
});

test('parse problems: a broken group header, text before any group', () => {
  assert.deepEqual(lintCnf('binlog_format=ROW\n[mysqld\n').findings.map((f) => f.message), ["'binlog_format=ROW' comes before any [group]", "'[mysqld' is not a [group] header"]);
});

test('mariadb-unknown-option: a misspelt server option, with the closest name as fix; client groups, loose-, skip- and plugins left alone', () => {
  const text = '[mysqld]\nmax_conections = 4096\nskip-name-resolve\nloose-server_audit_logging = ON\ninnodb_flush_log_at_trx_comm = 1\n[galera]\nwsrep-sst-methd = rsync\n[client]\nnot_a_server_option = 1\n';
  const f = lintCnf(text).findings.filter((x) => x.rule === 'mariadb-unknown-option');
  assert.deepEqual(f.map((x) => [x.message, text.slice(x.span.start, x.span.end), x.fixes[0]?.edits[0].newText]), [
    ['[mysqld] max_conections is not an option of the MariaDB server (mariadbd 10.11.19-MariaDB-0+deb12u1): mariadbd refuses to start; did you mean max_connections?', 'max_conections', 'max_connections'],
    ['[galera] wsrep-sst-methd is not an option of the MariaDB server (mariadbd 10.11.19-MariaDB-0+deb12u1): mariadbd refuses to start; did you mean wsrep-sst-method?', 'wsrep-sst-methd', 'wsrep-sst-method'],
  ]);
  assert.deepEqual(lintCnf('[mysqld]\nplugin_load_add = ha_rocksdb\nrocksdb_max_open_files = 1000\n').findings.filter((x) => x.rule === 'mariadb-unknown-option'), []);
});

test('mariadb-invalid-value: flags, numbers, lists and sets as mariadbd reads them; the fixes', () => {
  const cnf = (extra: string) => NODE + extra;
  const found = (extra: string) => lintCnf(cnf(extra)).findings.filter((f) => f.rule === 'mariadb-invalid-value').map((f) => `${f.severity}: ${f.message} [${cnf(extra).slice(f.span.start, f.span.end)}]`);
  assert.deepEqual(found(''), []);
  assert.deepEqual(found('innodb_buffer_pool_size=2g\nsql_mode="STRICT_TRANS_TABLES,NO_ZERO_DATE"\nalter_algorithm=inplace\nalter_algorithm=2\nsql_mode=\nlog_bin_trust_function_creators=TRUE\nloose_wsrep_on=1\n'), []);
  assert.deepEqual(found('wsrep_on=yes\n'), ['warning: [mysqld] wsrep_on=yes: mariadbd recognises ON/OFF, TRUE/FALSE or 1/0 and reads anything else as OFF, so Galera replication is off [yes]']);
  // the start of one value is that value, as mariadbd reads it (INPLAC is INPLACE); the start of several is none
  assert.deepEqual(found('alter_algorithm=INPLAC\nsql_mode=STRICT_TRANS_TABLE,NO_ZERO_DATE\n'), []);
  assert.deepEqual(found('max_connections=4096x\nalter_algorithm=INPLAX\nalter_algorithm=IN\nsql_mode=STRICT,NO_ZERO_DATE\n'), [
    'error: [mysqld] max_connections=4096x: not a number (digits with an optional K, M, G, T, P or E): mariadbd rejects the value [4096x]',
    'error: [mysqld] alter_algorithm=INPLAX: INPLAX is not one of DEFAULT, COPY, INPLACE, NOCOPY, INSTANT (mariadbd 10.11.19-MariaDB-0+deb12u1): mariadbd refuses to start; did you mean INPLACE? [INPLAX]',
    'error: [mysqld] alter_algorithm=IN: IN is the start of INPLACE, INSTANT, so it is none of them (mariadbd 10.11.19-MariaDB-0+deb12u1): mariadbd refuses to start [IN]',
    'error: [mysqld] sql_mode=STRICT,NO_ZERO_DATE: STRICT is the start of STRICT_TRANS_TABLES, STRICT_ALL_TABLES, so it is none of them (mariadbd 10.11.19-MariaDB-0+deb12u1): mariadbd refuses to start [STRICT,NO_ZERO_DATE]',
  ]);
  const text = cnf('wsrep_on=yes\n');
  const f = lintCnf(text).findings.find((x) => x.rule === 'mariadb-invalid-value')!;
  assert.equal(applyEdits(text, f.fixes[0].edits), cnf('wsrep_on=ON\n'));
});

test('mariadb-unknown-option: names as mariadbd matches them (any case), removed options it ignores, prefixes it takes or refuses', () => {
  // Red Hat's galera.cnf spells these with capitals; mariadbd 10.11 takes them in any case
  const text = NODE + 'wsrep_certify_nonPK=1\nwsrep_convert_LOCK_to_trx=0\nwsrep_OSU_method=TOI\nwsrep_slave_FK_checks=1\nwsrep_slave_UK_checks=0\nWSREP_SLAVE_THREADS=4\n';
  assert.deepEqual(lintCnf(text).findings.filter((x) => x.rule.startsWith('mariadb-')), []);
  const f = (extra: string) => rules(NODE + extra).filter((x) => x.startsWith('mariadb-'));
  assert.deepEqual(f('innodb_locks_unsafe_for_binlog=1\nbinlog_order_commits=1\n'), [
    'mariadb-unknown-option warning: [mysqld] innodb_locks_unsafe_for_binlog was removed from MariaDB: mariadbd starts, warns, and ignores it, so it changes nothing [innodb_locks_unsafe_for_binlog]',
    'mariadb-unknown-option warning: [mysqld] binlog_order_commits is a MySQL 5.6/5.7 option MariaDB never implemented: mariadbd starts, warns, and ignores it, so it changes nothing [binlog_order_commits]',
  ]);
  assert.deepEqual(f('binlog_cache=1M\nskip_name\n'), []);
  assert.deepEqual(f('innodb_buffer_pool=1G\n'), ['mariadb-unknown-option error: [mysqld] innodb_buffer_pool is the start of 13 option names (innodb_buffer_pool_chunk_size, innodb_buffer_pool_dump_at_shutdown, innodb_buffer_pool_dump_now, innodb_buffer_pool_dump_pct, and 9 more): mariadbd refuses to start on an ambiguous option; write the whole name [innodb_buffer_pool]']);
});

test('mariadb-invalid-value: a negative number for an unsigned option; a signed one may be negative', () => {
  assert.deepEqual(rules(NODE + 'open_files_limit = -1\nmax_connections=-5\n').filter((x) => x.startsWith('mariadb-')), [
    'mariadb-invalid-value error: [mysqld] open_files_limit=-1: open_files_limit takes no negative number: mariadbd refuses to start (Incorrect unsigned value) [-1]',
    'mariadb-invalid-value error: [mysqld] max_connections=-5: max_connections takes no negative number: mariadbd refuses to start (Incorrect unsigned value) [-5]',
  ]);
  assert.deepEqual(rules(NODE + 'innodb_autoinc_lock_mode=-1\n').filter((x) => x.startsWith('mariadb-')), []);
});

test('placeholder-value: addresses left from a sample in bind-address and in the gcomm:// list', () => {
  const text = NODE.replace('bind-address=10.0.0.12', 'bind-address=192.168.1.22X').replace('gcomm://10.0.0.12,10.0.0.13,10.0.0.14', 'gcomm://10.0.0.12,<NODE2_IP>,10.0.0.14');
  assert.deepEqual(rules(text).filter((x) => x.startsWith('placeholder-value')), [
    "placeholder-value error: bind-address '192.168.1.22X' is a placeholder left from a sample (an address with letters where digits belong), not a real value: mariadbd cannot resolve it and the node does not start [192.168.1.22X]",
    "placeholder-value error: wsrep_cluster_address member '<NODE2_IP>' is a placeholder left from a sample (text in angle brackets), not a real value: mariadbd cannot resolve it and the node does not start [<NODE2_IP>]",
  ]);
  // host names, even in capitals, are names
  assert.deepEqual(rules(NODE.replace('gcomm://10.0.0.12,10.0.0.13,10.0.0.14', 'gcomm://CTL1,ctl2,ctl3')).filter((x) => x.startsWith('placeholder-value')), []);
});

test('a node without wsrep_cluster_address: an error when the file switches wsrep on (mariadbd refuses), a warning in a fragment that leaves both to the command line', () => {
  assert.deepEqual(rules(NODE.replace(/wsrep_cluster_address=.*\n/, '')).filter((x) => x.startsWith('galera-cluster-address')), [
    'galera-cluster-address-complete error: wsrep_cluster_address is not set: mariadbd refuses to start a Galera node without it, and the node would know no other member [[mysqld]]',
  ]);
  assert.deepEqual(rules(NODE.replace(/wsrep_cluster_address=.*\n/, '').replace('wsrep_on=ON\n', '')).filter((x) => x.startsWith('galera-cluster-address')), [
    'galera-cluster-address-complete warning: wsrep_cluster_address is not set, nor wsrep_on: unless the command line or another option file gives both, this node joins no cluster [[mysqld]]',
  ]);
});

test('galera-cluster-name-consistent: unset is the default name, which other unnamed nodes share and named ones do not', () => {
  const unnamed = NODE.replace('wsrep_cluster_name=openstack\n', '');
  assert.deepEqual(rules(unnamed).filter((x) => x.startsWith('galera-cluster-name')), ['galera-cluster-name-consistent info: wsrep_cluster_name is not set: the node takes the default my_wsrep_cluster, as would any other Galera node on the network; name the cluster on every node [[mysqld]]']);
  const named = [{ file: '../c2/my.cnf', kind: 'galera', values: { wsrep_cluster_name: 'openstack' } }];
  assert.deepEqual(lintCnf(unnamed, undefined, { peers: named }).findings.filter((f) => f.rule === 'galera-cluster-name-consistent').map((f) => `${f.severity}: ${f.message}`), ["error: wsrep_cluster_name is not set here, so it is my_wsrep_cluster, but 'openstack' in ../c2/my.cnf: these nodes cannot join one cluster"]);
  assert.deepEqual(lintCnf(NODE, undefined, { peers: [{ file: '../c2/my.cnf', kind: 'galera', values: {} }] }).findings.filter((f) => f.rule === 'galera-cluster-name-consistent').map((f) => f.message), ["wsrep_cluster_name is 'openstack' here but not set (so my_wsrep_cluster) in ../c2/my.cnf: these nodes cannot join one cluster"]);
});
