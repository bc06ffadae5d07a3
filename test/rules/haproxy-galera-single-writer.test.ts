import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkHa, fixedHa } from '../support/fixture';
import { HAPROXY_DEFAULTS as DEFAULTS } from '../support/stack-files';

test('the Galera rules: several writers, round-robin, mysql-check on port 9200', () => {
  checkHa(
    DEFAULTS +
      `
  listen galera
  #^^^^^^^^^^^^ error haproxy-galera-single-writer: listen galera sends Galera traffic to 3 servers (c1, c2, c3): several writers deadlock; keep one and mark the others backup
      bind 10.0.0.11:3306
      balance roundrobin
  #   ^^^^^^^^^^^^^^^^^^ error haproxy-galera-no-roundrobin: listen galera balances Galera with roundrobin and no backup servers or stick table: every node takes writes
      option mysql-check
  #   ^^^^^^^^^^^^^^^^^^ warning haproxy-galera-check-mismatch: listen galera uses option mysql-check but checks c1, c2, c3 on port 9200, where clustercheck answers HTTP
      server c1 10.0.0.12:3306 check port 9200
      server c2 10.0.0.13:3306 check port 9200
      server c3 10.0.0.14:3306 check port 9200
  `,
    { rules: ['haproxy-galera-single-writer', 'haproxy-galera-no-roundrobin', 'haproxy-galera-check-mismatch'] },
  );
  assert.equal(
    fixedHa(
      'listen galera\n    bind 10.0.0.11:3306\n    balance source\n    server c1 10.0.0.12:3306 check\n    server c2 10.0.0.13:3306 check\n',
      'haproxy-galera-single-writer',
    ),
    'listen galera\n    bind 10.0.0.11:3306\n    balance source\n    server c1 10.0.0.12:3306 check\n    server c2 10.0.0.13:3306 check backup\n',
  );
});

test('one Galera server is one writer, however it is balanced (an all-in-one node)', () =>
  checkHa(
    DEFAULTS +
      `
  listen mariadb
      bind 10.0.0.11:3306
      option mysql-check user haproxy post-41
      server localhost 10.0.0.12:3306 check inter 2000 rise 2 fall 5
  `,
    { rules: ['haproxy-galera-single-writer', 'haproxy-galera-no-roundrobin'] },
  ));
