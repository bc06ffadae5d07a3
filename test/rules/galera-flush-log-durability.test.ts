import { test } from 'node:test';
import { checkWorkspace } from '../support/workspace';

const rules = ['galera-flush-log-durability'];

test('innodb_flush_log_at_trx_commit 2 or 0 on a Galera node is a note on what a power cut costs', () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  wsrep_on=ON
  innodb_flush_log_at_trx_commit=2
  #                              ^ info galera-flush-log-durability: innodb_flush_log_at_trx_commit=2: commits reach disk about once a second; a power cut to every node loses up to a second of them
  #- c2/etc/mysql/conf.d/galera.cnf
  [mysqld]
  wsrep_on=ON
  innodb_flush_log_at_trx_commit=0
  #                              ^ info galera-flush-log-durability: innodb_flush_log_at_trx_commit=0: commits reach disk about once a second; a power cut to every node loses up to a second of them
  `,
    { rules },
  );
});

test('1 (the default), or a server without Galera, is quiet', () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  wsrep_on=ON
  innodb_flush_log_at_trx_commit=1
  #- db/etc/mysql/my.cnf
  [mysqld]
  innodb_flush_log_at_trx_commit=2
  `,
    { rules },
  );
});
