/** One of the options Galera requires (templates/galera-required-option.ts); galera-innodb-autoinc-lock-mode-2.test.ts tests four of them together. */
import { test } from 'node:test';
import { checkWorkspace } from '../support/workspace';
import * as assert from 'node:assert/strict';
import { lintCnf } from '../../server/src/engine/lint';
import { safeFixEdits } from '../../server/src/engine/fixes';

const rules = ['galera-wsrep-provider'];

test("no wsrep_provider, or a library that is not Galera's: the node does not replicate", () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  #^^^^^^^ error galera-wsrep-provider: wsrep_provider is not set: the node does not replicate; Galera needs wsrep_provider=/usr/lib/galera/libgalera_smm.so
  wsrep_on=ON
  #- c2/etc/mysql/conf.d/galera.cnf
  [mysqld]
  wsrep_on=ON
  wsrep_provider=none
  #              ^^^^ error galera-wsrep-provider: wsrep_provider is none: the node does not replicate; Galera needs wsrep_provider=/usr/lib/galera/libgalera_smm.so
  `,
    { rules },
  );
});

test('the Galera library wherever the distribution puts it is fine', () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  wsrep_on=ON
  wsrep_provider=/usr/lib/galera/libgalera_smm.so
  #- c2/etc/my.cnf.d/galera.cnf
  [mysqld]
  wsrep_on=ON
  wsrep_provider=/usr/lib64/galera-4/libgalera_smm.so
  `,
    { rules },
  );
});

test("the fix writes Debian's library path: offered, never applied by --fix (RHEL keeps it in /usr/lib64/galera-4)", () => {
  const fs = lintCnf('[mysqld]\nwsrep_on=ON\nwsrep_provider=none\n').findings.filter((f) => f.rule === 'galera-wsrep-provider');
  assert.deepEqual(
    fs.map((f) => f.fixes.map((x) => `${x.title} safe=${x.safe}`)),
    [['Set wsrep_provider=/usr/lib/galera/libgalera_smm.so safe=false']],
  );
  assert.deepEqual(safeFixEdits(fs), []);
});
