import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/fixes';
import { lintCnf } from '../../server/src/engine/lint';
import { GALERA_NODE as NODE } from '../support/stack-files';

const rules = (text: string, opts = {}) =>
  lintCnf(text, undefined, opts).findings.map((f) => `${f.rule} ${f.severity}: ${f.message} [${text.slice(f.span.start, f.span.end)}]`);

test('the required settings, each with a fix', () => {
  const text =
    NODE.replace('binlog_format=ROW', 'binlog_format=STATEMENT')
      .replace('innodb_autoinc_lock_mode=2\n', '')
      .replace('wsrep_provider=/usr/lib/galera/libgalera_smm.so\n', '') + 'default-storage-engine=MyISAM\n';
  assert.deepEqual(rules(text), [
    'galera-innodb-autoinc-lock-mode-2 error: innodb_autoinc_lock_mode is not set: INSERTs into auto-increment tables can deadlock the cluster; Galera needs innodb_autoinc_lock_mode=2 [[mysqld]]',
    'galera-wsrep-provider error: wsrep_provider is not set: the node does not replicate; Galera needs wsrep_provider=/usr/lib/galera/libgalera_smm.so [[mysqld]]',
    'galera-binlog-format-row error: binlog_format is STATEMENT: Galera replicates rows only, and the node does not start; Galera needs binlog_format=ROW [STATEMENT]',
    'galera-default-storage-engine-innodb error: default_storage_engine is MyISAM: tables in other engines are not replicated; Galera needs default_storage_engine=InnoDB [MyISAM]',
  ]);
  const f = lintCnf(text).findings.find((x) => x.rule === 'galera-innodb-autoinc-lock-mode-2')!;
  assert.equal(applyEdits(text, f.fixes[0].edits), `${text}innodb_autoinc_lock_mode=2\n`);
});
