/** One of the options Galera requires (templates/galera-required-option.ts); galera-innodb-autoinc-lock-mode-2.test.ts tests four of them together. */
import { test } from 'node:test';
import { checkFix, checkWorkspace } from '../support/workspace';

const rules = ['galera-binlog-format-row'];

test('STATEMENT, MIXED or no binlog_format on a Galera node; the fix sets ROW', () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  binlog_format=MIXED
  #             ^^^^^ error galera-binlog-format-row: binlog_format is MIXED: Galera replicates rows only, and the node does not start; Galera needs binlog_format=ROW
  wsrep_on=ON
  #- c2/etc/mysql/conf.d/galera.cnf
  [galera]
  #^^^^^^^ error galera-binlog-format-row: binlog_format is not set: Galera replicates rows only, and the node does not start; Galera needs binlog_format=ROW
  wsrep_on=ON
  `,
    { rules },
  );
  checkFix(
    `
    #- c1/my.cnf
    [mysqld]
    binlog_format=MIXED
    wsrep_on=ON
    `,
    `
    #- c1/my.cnf
    [mysqld]
    binlog_format=ROW
    wsrep_on=ON
    `,
    'galera-binlog-format-row',
  );
});

test('ROW in any case, or a server without Galera, is fine', () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  binlog_format=row
  wsrep_on=ON
  #- db/etc/mysql/my.cnf
  [mysqld]
  binlog_format=STATEMENT
  `,
    { rules },
  );
});
