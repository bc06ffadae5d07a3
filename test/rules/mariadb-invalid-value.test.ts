import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/fixes';
import { lintCnf } from '../../server/src/engine/lint';
import { GALERA_NODE as NODE } from '../support/stack-files';

const rules = (text: string, opts = {}) =>
  lintCnf(text, undefined, opts).findings.map((f) => `${f.rule} ${f.severity}: ${f.message} [${text.slice(f.span.start, f.span.end)}]`);

test('mariadb-invalid-value: flags, numbers, lists and sets as mariadbd reads them; the fixes', () => {
  const cnf = (extra: string) => NODE + extra;
  const found = (extra: string) =>
    lintCnf(cnf(extra))
      .findings.filter((f) => f.rule === 'mariadb-invalid-value')
      .map((f) => `${f.severity}: ${f.message} [${cnf(extra).slice(f.span.start, f.span.end)}]`);
  assert.deepEqual(found(''), []);
  assert.deepEqual(
    found(
      'innodb_buffer_pool_size=2g\nsql_mode="STRICT_TRANS_TABLES,NO_ZERO_DATE"\nalter_algorithm=inplace\nalter_algorithm=2\nsql_mode=\nlog_bin_trust_function_creators=TRUE\nloose_wsrep_on=1\n',
    ),
    [],
  );
  assert.deepEqual(found('wsrep_on=yes\n'), [
    'warning: [mysqld] wsrep_on=yes: mariadbd recognises ON/OFF, TRUE/FALSE or 1/0 and reads anything else as OFF, so Galera replication is off [yes]',
  ]);
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

test('mariadb-invalid-value: a negative number for an unsigned option; a signed one may be negative', () => {
  assert.deepEqual(
    rules(NODE + 'open_files_limit = -1\nmax_connections=-5\n').filter((x) => x.startsWith('mariadb-')),
    [
      'mariadb-invalid-value error: [mysqld] open_files_limit=-1: open_files_limit takes no negative number: mariadbd refuses to start (Incorrect unsigned value) [-1]',
      'mariadb-invalid-value error: [mysqld] max_connections=-5: max_connections takes no negative number: mariadbd refuses to start (Incorrect unsigned value) [-5]',
    ],
  );
  assert.deepEqual(
    rules(NODE + 'innodb_autoinc_lock_mode=-1\n').filter((x) => x.startsWith('mariadb-')),
    [],
  );
});
