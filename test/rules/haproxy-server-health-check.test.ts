import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkHa, fixedHa } from '../support/fixture';
import { HAPROXY_DEFAULTS as DEFAULTS } from '../support/stack-files';

test("haproxy-server-health-check: no check is an error with a fix; only checks slower than the guide's are info", () => {
  checkHa(
    DEFAULTS +
      `
  listen keystone
      bind 10.0.0.11:5000
      option httpchk
      server c1 10.0.0.12:5000
  #   ^^^^^^^^^^^^^^^^^^^^^^^^ error haproxy-server-health-check: server c1 in listen keystone has no health check: HAProxy keeps sending traffic to it when it is down
      server c2 10.0.0.13:5000 check inter 5000 rise 2 fall 3
  #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info haproxy-server-health-check: server c2 is taken out only 15 s after it dies (inter 5 s, fall 3): the guide's checks (inter 2000 fall 5) take 10 s
      server c3 10.0.0.14:5000 check inter 2000 rise 2 fall 5
      server c4 10.0.0.15:5000 check inter 1s
      server c5 10.0.0.16:5000 check rise 3 fall 4
      server c6 10.0.0.17:5000 check inter 3s fall 3 fastinter 1s
  `,
    { rules: ['haproxy-server-health-check'] },
  );
  // default-server timings count, as HAProxy applies them
  checkHa(
    DEFAULTS +
      `
  backend b
      default-server inter 10s fall 3
      server c1 10.0.0.12:80 check
  #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info haproxy-server-health-check: server c1 is taken out only 30 s after it dies (inter 10 s, fall 3): the guide's checks (inter 2000 fall 5) take 10 s
  `,
    { rules: ['haproxy-server-health-check'] },
  );
  assert.equal(
    fixedHa('listen k\n    bind 10.0.0.11:5000\n    server c1 10.0.0.12:5000\n', 'haproxy-server-health-check'),
    'listen k\n    bind 10.0.0.11:5000\n    server c1 10.0.0.12:5000 check inter 2000 rise 2 fall 5\n',
  );
  checkHa('defaults\n    default-server check\nbackend b\n    server c1 10.0.0.12:80\n', { rules: ['haproxy-server-health-check'] });
});
