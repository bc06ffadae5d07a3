import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkHa, fixedHa } from '../support/fixture';
import { HAPROXY_DEFAULTS as DEFAULTS } from '../support/stack-files';

test('haproxy-unknown-keyword: typos, a keyword in the wrong section, did-you-mean', () =>
  checkHa(
    `
  global
      deamon
  #   ^^^^^^ error haproxy-unknown-keyword: 'deamon' is not a global keyword of HAProxy 2.6.12; did you mean 'daemon'?
  defaults
      timeout conect 10s
  #   ^^^^^^^^^^^^^^ error haproxy-unknown-keyword: 'timeout conect' is not a keyword of HAProxy 2.6.12; did you mean 'timeout connect'?
      no option httplog
  backend b
      bind :80
  #   ^^^^ warning haproxy-unknown-keyword: 'bind' is not allowed in a backend section: HAProxy ignores it
      balanse source
  #   ^^^^^^^ error haproxy-unknown-keyword: 'balanse' is not a keyword of HAProxy 2.6.12; did you mean 'balance'?
      http-request set-header X-Forwarded-Proto https
  `,
    { rules: ['haproxy-unknown-keyword'] },
  ));

test('haproxy-unknown-keyword: server and default-server options, their values skipped, one report per line', () => {
  checkHa(
    DEFAULTS +
      `
  listen api
      bind 10.0.0.11:9292
      default-server inter 2000 rsie 2 fall 5
  #                             ^^^^ error haproxy-unknown-keyword: 'rsie' is not a server option of HAProxy 2.6.12; did you mean 'rise'?: HAProxy refuses to start
      server c1 10.0.0.12:9292 check inetr 2000 rise 2 weight 10 backup
  #                                  ^^^^^ error haproxy-unknown-keyword: 'inetr' is not a server option of HAProxy 2.6.12; did you mean 'inter'?: HAProxy refuses to start
      server c2 10.0.0.13:9292 check inter 2000 rise 2 fall 5 track api/c1 init-addr last,libc,none on-marked-down shutdown-sessions
  `,
    { rules: ['haproxy-unknown-keyword'] },
  );
  assert.equal(
    fixedHa('listen api\n    bind 10.0.0.11:9292\n    server c1 10.0.0.12:9292 check inetr 2000\n', 'haproxy-unknown-keyword'),
    'listen api\n    bind 10.0.0.11:9292\n    server c1 10.0.0.12:9292 check inter 2000\n',
  );
});
