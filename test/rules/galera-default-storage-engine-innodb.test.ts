/** One of the options Galera requires (templates/galera-required-option.ts); galera-innodb-autoinc-lock-mode-2.test.ts tests four of them together. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWorkspace, fixedIn } from '../support/workspace';

const rules = ['galera-default-storage-engine-innodb'];

test('another default engine on a Galera node; the fix sets InnoDB', () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  default_storage_engine=MyISAM
  #                      ^^^^^^ error galera-default-storage-engine-innodb: default_storage_engine is MyISAM: tables in other engines are not replicated; Galera needs default_storage_engine=InnoDB
  wsrep_on=ON
  `,
    { rules },
  );
  assert.equal(
    fixedIn('#- c1/my.cnf\n[mysqld]\ndefault-storage-engine=Aria\nwsrep_on=ON\n', 'c1/my.cnf', 'galera-default-storage-engine-innodb'),
    '[mysqld]\ndefault-storage-engine=InnoDB\nwsrep_on=ON\n',
  );
});

test('InnoDB, or no default engine at all (InnoDB is the default), is fine', () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  default_storage_engine=innodb
  wsrep_on=ON
  #- c2/etc/mysql/conf.d/galera.cnf
  [mysqld]
  wsrep_on=ON
  `,
    { rules },
  );
});
