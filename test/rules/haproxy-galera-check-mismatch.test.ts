import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkHa, fixedHa } from '../support/fixture';
import { HAPROXY_DEFAULTS as DEFAULTS } from '../support/stack-files';
import { lintHaproxy } from '../../server/src/engine/lint';

test('haproxy-galera-check-mismatch: option httpchk sent to the MySQL port itself fails every check', () => {
  checkHa(
    DEFAULTS +
      `
  listen galera
      bind 10.0.0.11:3306
      option httpchk
  #   ^^^^^^^^^^^^^^ warning haproxy-galera-check-mismatch: listen galera uses option httpchk but checks c1, c2 on the MySQL port 3306, which does not speak HTTP: every check fails; add \`port 9200\` (clustercheck) to the servers, or use option mysql-check
      server c1 10.0.0.12:3306 check
      server c2 10.0.0.13:3306 backup check
  `,
    { rules: ['haproxy-galera-check-mismatch'] },
  );
  // a default-server port counts as the servers' check port
  checkHa(
    DEFAULTS +
      'listen galera\n    bind 10.0.0.11:3306\n    option httpchk\n    default-server port 9200\n    server c1 10.0.0.12:3306 check\n',
    { rules: ['haproxy-galera-check-mismatch'] },
  );
  assert.equal(
    fixedHa(
      'listen galera\n    bind 10.0.0.11:3306\n    option httpchk\n    server c1 10.0.0.12:3306 check\n',
      'haproxy-galera-check-mismatch',
    ),
    'listen galera\n    bind 10.0.0.11:3306\n    option mysql-check\n    server c1 10.0.0.12:3306 check\n',
  );
});

test('haproxy-galera-check-mismatch: no fix when the servers mix both ports, so a fix never flips the check back and forth', () => {
  const mixed = (option: string): string =>
    `listen galera\n    bind 10.0.0.11:3306\n    ${option}\n    server c1 10.0.0.12:3306 check\n    server c2 10.0.0.13:3306 check port 9200\n`;
  for (const option of ['option httpchk', 'option mysql-check']) {
    const fs = lintHaproxy(mixed(option)).findings.filter((f) => f.rule === 'haproxy-galera-check-mismatch');
    assert.equal(fs.length, 1, option);
    assert.deepEqual(fs[0].fixes, [], option);
  }
  // all servers on 9200: the fix to httpchk is offered, and afterwards the rule is quiet
  const after = fixedHa(
    'listen galera\n    bind 10.0.0.11:3306\n    option mysql-check\n    server c1 10.0.0.12:3306 check port 9200\n',
    'haproxy-galera-check-mismatch',
  );
  assert.equal(after, 'listen galera\n    bind 10.0.0.11:3306\n    option httpchk\n    server c1 10.0.0.12:3306 check port 9200\n');
  assert.deepEqual(
    lintHaproxy(after).findings.filter((f) => f.rule === 'haproxy-galera-check-mismatch'),
    [],
  );
});
