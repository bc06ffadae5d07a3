import { test } from 'node:test';
import { checkWorkspace } from '../support/workspace';

const rules = ['galera-sst-auth'];

test('an SST method that logs in to the donor, without wsrep_sst_auth', () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  wsrep_on=ON
  wsrep_sst_method=mariabackup
  #                ^^^^^^^^^^^ warning galera-sst-auth: wsrep_sst_method=mariabackup logs in to the donor but wsrep_sst_auth is not set: a joining node cannot copy the data
  #- c2/etc/mysql/conf.d/galera.cnf
  [mysqld]
  wsrep_on=ON
  wsrep_sst_method=mysqldump
  #                ^^^^^^^^^ warning galera-sst-auth: wsrep_sst_method=mysqldump logs in to the donor but wsrep_sst_auth is not set: a joining node cannot copy the data
  `,
    { rules },
  );
});

test('credentials given, or rsync (which needs none), are fine', () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  wsrep_on=ON
  wsrep_sst_method=mariabackup
  wsrep_sst_auth=sst:secret
  #- c2/etc/mysql/conf.d/galera.cnf
  [mysqld]
  wsrep_on=ON
  wsrep_sst_method=rsync
  `,
    { rules },
  );
});
