import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkHa, fixedHa } from '../support/fixture';
import { HAPROXY_DEFAULTS as DEFAULTS } from '../support/stack-files';

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
