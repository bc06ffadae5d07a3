/**
 * mariadbd (Debian's mariadb-server with galera-4) is the ground truth for a Galera option file:
 * `mariadbd --defaults-file=F --help --verbose` reads the file as the server would, without
 * starting it. When it rejects a file we report at least one error; when we report a syntax error
 * (parse-error) it rejects the file. Known disagreements carry a reason.
 */
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintCnf } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { JUDGES } from './sandbox';
import { mutationCases, runDifferential } from './differential';

const MUTATIONS: [string, (t: string) => string][] = [
  ['a sound Galera node', (t) => t],
  ['binlog_format=STATEMENT', (t) => t.replace('binlog_format=ROW', 'binlog_format=STATEMENT')],
  ['no binlog_format (MIXED by default)', (t) => t.replace('binlog_format=ROW\n', '')],
  ['a group header without its ]', (t) => t.replace('[mysqld]', '[mysqld')],
  ['an option before any group', (t) => t.replace(/^# .*\n/, '$&binlog_format=ROW\n')],
  [
    'innodb_autoinc_lock_mode=7 (mariadbd adjusts it to 2, with a warning)',
    (t) => t.replace('innodb_autoinc_lock_mode=2', 'innodb_autoinc_lock_mode=7'),
  ],
  [
    'MyISAM by default (valid for mariadbd, an HA error for us)',
    (t) => t.replace('default_storage_engine=InnoDB', 'default_storage_engine=MyISAM'),
  ],
  [
    'an empty gcomm:// (valid for mariadbd, an HA error for us)',
    (t) => t.replace(/wsrep_cluster_address=.*/, 'wsrep_cluster_address=gcomm://'),
  ],
  ['a misspelt variable', (t) => t.replace('wsrep_on=ON', 'wsrep_on=ON\nmax_conections=4096')],
  ['a misspelt wsrep option', (t) => t.replace('wsrep_sst_method', 'wsrep_sst_methd')],
  ['an unknown option behind loose- (mariadbd ignores it)', (t) => t.replace('wsrep_on=ON', 'wsrep_on=ON\nloose-max_conections=4096')],
  ['skip- before a boolean option', (t) => t.replace('wsrep_on=ON', 'wsrep_on=ON\nskip-name-resolve\nskip-log-bin')],
  ['an option given by a prefix of its name', (t) => t.replace('innodb_flush_log_at_trx_commit=1', 'innodb_flush_log_at_trx_comm=1')],
  ['wsrep_on=yes (mariadbd reads OFF and warns; a warning for us)', (t) => t.replace('wsrep_on=ON', 'wsrep_on=yes')],
  [
    'a sql_mode value given by the start of its name (mariadbd takes it)',
    (t) => t.replace('wsrep_on=ON', 'wsrep_on=ON\nsql_mode=STRICT_TRANS_TABLE'),
  ],
  [
    'a value given by the start of its name (mariadbd takes INPLAC for INPLACE)',
    (t) => t.replace('wsrep_on=ON', 'wsrep_on=ON\nalter_algorithm=INPLAC'),
  ],
  ["a misspelt value outside an option's list", (t) => t.replace('wsrep_on=ON', 'wsrep_on=ON\nalter_algorithm=INPLAX')],
  ['the start of two values of a set', (t) => t.replace('wsrep_on=ON', 'wsrep_on=ON\nsql_mode=STRICT')],
  ['a negative number for an unsigned option', (t) => t.replace('wsrep_on=ON', 'wsrep_on=ON\nopen_files_limit=-1')],
  ['an ambiguous start of an option name', (t) => t.replace('wsrep_on=ON', 'wsrep_on=ON\nauto_increment=2')],
  [
    'a removed option mariadbd still reads (it warns and starts; a warning for us)',
    (t) => t.replace('wsrep_on=ON', 'wsrep_on=ON\ninnodb_locks_unsafe_for_binlog=1'),
  ],
  [
    "option names in mixed case (Red Hat's galera.cnf)",
    (t) => t.replace('wsrep_on=ON', 'wsrep_on=ON\nwsrep_certify_nonPK=1\nwsrep_OSU_method=TOI\nwsrep_slave_FK_checks=1'),
  ],
  ['a number with an unknown suffix (mariadbd logs an error)', (t) => t.replace('wsrep_on=ON', 'wsrep_on=ON\ninnodb_buffer_pool_size=1Q')],
];
const KNOWN: Record<string, string> = {
  // none today
};

test("mariadbd --help --verbose agrees with our errors on a Galera node's option file and its mutations", (t) => {
  if (spawnSync('mariadbd', ['--version']).status !== 0)
    throw new Error('mariadbd is not installed (scripts/e2e/setup.sh installs mariadb-server)');
  const base = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'galera', 'sound.cnf'), 'utf8');
  runDifferential(t, {
    tool: 'mariadbd',
    cases: mutationCases(base, MUTATIONS),
    known: KNOWN,
    verdict: JUDGES.mariadbd!,
    ours: (text) => lintCnf(text).findings,
  });
});
