import { test } from 'node:test';
import { checkHa } from '../support/fixture';

test('haproxy-cookie-duplicate: servers of an HTTP proxy sharing a cookie value; quiet in TCP mode and without cookie persistence', () => {
  checkHa(
    `
  defaults
      mode http
  listen horizon
      bind 10.0.0.11:80
      cookie SERVERID insert indirect nocache
      server c1 10.0.0.12:80 cookie c1 check
      server c2 10.0.0.13:80 cookie c1 check
  #                                 ^^ warning haproxy-cookie-duplicate: servers c1, c2 of listen horizon share the cookie value c1: every returning client goes to c1, and the others keep no session
      server c3 10.0.0.14:80 cookie c3 check
  listen tcp_one
      mode tcp
      bind 10.0.0.11:81
      cookie SERVERID insert
      server c1 10.0.0.12:81 cookie a check
      server c2 10.0.0.13:81 cookie a check
  `,
    { rules: ['haproxy-cookie-duplicate'] },
  );
});
