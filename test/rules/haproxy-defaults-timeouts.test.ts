import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkHa, fixedHa } from '../support/fixture';

test("haproxy-defaults-timeouts: missing timeouts, with a fix in the section's own indentation", () => {
  checkHa(
    `
  defaults
  #^^^^^^^ warning haproxy-defaults-timeouts: defaults sets no timeout client, server, and some proxies after it set none of their own: their connections are never timed out (the guide uses timeout client 1m, timeout server 1m)
      timeout connect 10s
      timeout check 10s
  listen x
      bind 10.0.0.11:8774
  `,
    { rules: ['haproxy-defaults-timeouts'] },
  );
  // timeout check is not asked for (inter bounds each check); proxies with their own timeouts need none from defaults
  checkHa(
    `
  defaults
      timeout connect 10s
      timeout client 1m
      timeout server 1m
  listen x
      bind 10.0.0.11:8774
  `,
    { rules: ['haproxy-defaults-timeouts'] },
  );
  checkHa(
    `
  defaults
      mode tcp
  frontend f
      bind 10.0.0.11:80
      timeout client 1m
      default_backend b
  backend b
      timeout connect 5s
      timeout server 1m
      server c1 10.0.0.12:80 check
  `,
    { rules: ['haproxy-defaults-timeouts'] },
  );
  // a proxy inherits from the last defaults above it, not from one further up
  checkHa(
    `
  defaults
      timeout connect 10s
      timeout client 1m
      timeout server 1m
  listen x
      bind 10.0.0.11:8774
  defaults
  #^^^^^^^ warning haproxy-defaults-timeouts: defaults sets no timeout connect, client, server, and some proxies after it set none of their own: their connections are never timed out (the guide uses timeout connect 10s, timeout client 1m, timeout server 1m)
      mode http
  listen y
      bind 10.0.0.11:8775
  `,
    { rules: ['haproxy-defaults-timeouts'] },
  );
  assert.equal(
    fixedHa('defaults\n  timeout connect 10s\n  timeout check 10s\nlisten x\n  bind :1\n', 'haproxy-defaults-timeouts'),
    'defaults\n  timeout connect 10s\n  timeout check 10s\n  timeout client 1m\n  timeout server 1m\nlisten x\n  bind :1\n',
  );
});
