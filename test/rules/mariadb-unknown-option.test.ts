import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintCnf } from '../../server/src/engine/lint';
import { GALERA_NODE as NODE } from '../support/stack-files';

const rules = (text: string, opts = {}) =>
  lintCnf(text, undefined, opts).findings.map((f) => `${f.rule} ${f.severity}: ${f.message} [${text.slice(f.span.start, f.span.end)}]`);

test('mariadb-unknown-option: a misspelt server option, with the closest name as fix; client groups, loose-, skip- and plugins left alone', () => {
  const text =
    '[mysqld]\nmax_conections = 4096\nskip-name-resolve\nloose-server_audit_logging = ON\ninnodb_flush_log_at_trx_comm = 1\n[galera]\nwsrep-sst-methd = rsync\n[client]\nnot_a_server_option = 1\n';
  const f = lintCnf(text).findings.filter((x) => x.rule === 'mariadb-unknown-option');
  assert.deepEqual(
    f.map((x) => [x.message, text.slice(x.span.start, x.span.end), x.fixes[0]?.edits[0].newText]),
    [
      [
        '[mysqld] max_conections is not an option of the MariaDB server (mariadbd 10.11.19-MariaDB-0+deb12u1): mariadbd refuses to start; did you mean max_connections?',
        'max_conections',
        'max_connections',
      ],
      [
        '[galera] wsrep-sst-methd is not an option of the MariaDB server (mariadbd 10.11.19-MariaDB-0+deb12u1): mariadbd refuses to start; did you mean wsrep-sst-method?',
        'wsrep-sst-methd',
        'wsrep-sst-method',
      ],
    ],
  );
  assert.deepEqual(
    lintCnf('[mysqld]\nplugin_load_add = ha_rocksdb\nrocksdb_max_open_files = 1000\n').findings.filter(
      (x) => x.rule === 'mariadb-unknown-option',
    ),
    [],
  );
});

test('mariadb-unknown-option: names as mariadbd matches them (any case), removed options it ignores, prefixes it takes or refuses', () => {
  // Red Hat's galera.cnf spells these with capitals; mariadbd 10.11 takes them in any case
  const text =
    NODE +
    'wsrep_certify_nonPK=1\nwsrep_convert_LOCK_to_trx=0\nwsrep_OSU_method=TOI\nwsrep_slave_FK_checks=1\nwsrep_slave_UK_checks=0\nWSREP_SLAVE_THREADS=4\n';
  assert.deepEqual(
    lintCnf(text).findings.filter((x) => x.rule.startsWith('mariadb-')),
    [],
  );
  const f = (extra: string) => rules(NODE + extra).filter((x) => x.startsWith('mariadb-'));
  assert.deepEqual(f('innodb_locks_unsafe_for_binlog=1\nbinlog_order_commits=1\n'), [
    'mariadb-unknown-option warning: [mysqld] innodb_locks_unsafe_for_binlog was removed from MariaDB: mariadbd starts, warns, and ignores it, so it changes nothing [innodb_locks_unsafe_for_binlog]',
    'mariadb-unknown-option warning: [mysqld] binlog_order_commits is a MySQL 5.6/5.7 option MariaDB never implemented: mariadbd starts, warns, and ignores it, so it changes nothing [binlog_order_commits]',
  ]);
  assert.deepEqual(f('binlog_cache=1M\nskip_name\n'), []);
  assert.deepEqual(f('innodb_buffer_pool=1G\n'), [
    'mariadb-unknown-option error: [mysqld] innodb_buffer_pool is the start of 13 option names (innodb_buffer_pool_chunk_size, innodb_buffer_pool_dump_at_shutdown, innodb_buffer_pool_dump_now, innodb_buffer_pool_dump_pct, and 9 more): mariadbd refuses to start on an ambiguous option; write the whole name [innodb_buffer_pool]',
  ]);
});
