import { test } from 'node:test';
import { checkHa } from '../support/fixture';
import { HAPROXY_DEFAULTS as DEFAULTS } from '../support/stack-files';

test('haproxy-galera-single-writer and no-roundrobin accept a stick table on the destination, not one on the client', () => {
  checkHa(
    DEFAULTS +
      `
  listen galera
      bind 10.0.0.11:3306
      balance roundrobin
      stick-table type ip size 1
      stick on dst
      server c1 10.0.0.12:3306 check
      server c2 10.0.0.13:3306 check
      server c3 10.0.0.14:3306 check backup
  `,
    { rules: ['haproxy-galera-single-writer', 'haproxy-galera-no-roundrobin'] },
  );
  checkHa(
    DEFAULTS +
      `
  listen galera
  #^^^^^^^^^^^^ error haproxy-galera-single-writer: listen galera sends Galera traffic to 2 servers (c1, c2): several writers deadlock; keep one and mark the others backup
      bind 10.0.0.11:3306
      balance roundrobin
  #   ^^^^^^^^^^^^^^^^^^ error haproxy-galera-no-roundrobin: listen galera balances Galera with roundrobin and no backup servers or stick table: every node takes writes
      stick-table type ip size 200k
      stick on src
      server c1 10.0.0.12:3306 check
      server c2 10.0.0.13:3306 check
  `,
    { rules: ['haproxy-galera-single-writer', 'haproxy-galera-no-roundrobin'] },
  );
});
