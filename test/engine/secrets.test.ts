/** The one table of credential settings, per format. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintManifest } from '../../server/src/engine/lint';
import { isSecretKey, maskSecretsInLine, maskUrlPasswords, shownValue } from '../../server/src/engine/text/secrets';

test('credential settings by format, and what is not one', () => {
  for (const k of ['password', 'admin_password', 'memcache_secret_key', 'secret', 'metadata_proxy_shared_secret'])
    assert.ok(isSecretKey('oslo', k), k);
  for (const k of ['auth_token', 'token_cache_time', 'auth_url', 'username']) assert.ok(!isSecretKey('oslo', k), k);
  for (const k of ['wsrep_sst_auth', 'password']) assert.ok(isSecretKey('mariadb', k), k);
  assert.ok(!isSecretKey('mariadb', 'wsrep_sst_method'));
  assert.ok(isSecretKey('keepalived', 'auth_pass'));
  assert.ok(!isSecretKey('keepalived', 'auth_type'));
});

test('values: *** for a credential, URL passwords masked in any other', () => {
  assert.equal(shownValue('mariadb', 'wsrep_sst_auth', 'sst:Secr3t'), '***');
  assert.equal(
    shownValue('oslo', 'transport_url', 'rabbit://nova:Secr3t@c1:5672,nova:Secr3t@c2:5672/'),
    'rabbit://nova:***@c1:5672,nova:***@c2:5672/',
  );
  assert.equal(maskUrlPasswords('mysql+pymysql://nova:pw@10.0.0.11/nova'), 'mysql+pymysql://nova:***@10.0.0.11/nova');
});

test('URL passwords holding / or @, and every host of a list', () => {
  assert.equal(maskUrlPasswords('rabbit://nova:pa/ss@w@rd@c1:5672/'), 'rabbit://nova:***@c1:5672/');
  assert.equal(maskUrlPasswords('rabbit://u:p@h1,u:p@h2/'), 'rabbit://u:***@h1,u:***@h2/');
  assert.equal(maskUrlPasswords('rabbit://u:p,w@h1:5672,u:q@x@h2:5672/v'), 'rabbit://u:***@h1:5672,u:***@h2:5672/v');
  assert.equal(maskUrlPasswords('rabbit://u:p@[fd00::1]:5672/'), 'rabbit://u:***@[fd00::1]:5672/');
  assert.equal(maskUrlPasswords("'rabbit://u:p@h1' is"), "'rabbit://u:***@h1' is");
  // no password, nothing to mask; an @ in the path reads as the userinfo's end: masking more is safe, less is not
  assert.equal(maskUrlPasswords('mysql://root@h/db http://h:80/p'), 'mysql://root@h/db http://h:80/p');
  assert.equal(maskUrlPasswords('http://h:80/p@x'), 'http://h:***@x');
});

test('a quoted line: what follows a credential word is masked, in every format', () => {
  const cases: [string, string][] = [
    ['password SECRET', 'password ***'],
    ['password=SECRET', 'password=***'],
    ["unknown variable 'password=SE CRET'", "unknown variable 'password=***'"],
    ['wsrep_sst_auth = sst:SECRET', 'wsrep_sst_auth = ***'],
    ['auth_pass SECRET }', 'auth_pass ***'],
    // a bare PASS is the auth_type, not a credential
    ['authentication { auth_type PASS auth_pass SECRET }', 'authentication { auth_type PASS auth_pass ***'],
    ['stats auth admin:SECRET', 'stats auth ***'],
    ['user admin insecure-password SECRET', 'user admin insecure-password ***'],
    ['pcs cluster auth c1 -u hacluster -p SECRET', 'pcs cluster auth ***'],
    ['params passwd="SECRET" ip=1', 'params passwd=***'],
    ['memcache_secret_key=SECRET', 'memcache_secret_key=***'],
    ['transport_url = rabbit://u:SECRET@h/', 'transport_url = rabbit://u:***@h/'],
    // no credential word: the line as it is
    ["'auth_pass' is unknown", "'auth_pass' is unknown"],
    ['bind 10.0.0.1:80', 'bind 10.0.0.1:80'],
  ];
  for (const [line, shown] of cases) assert.equal(maskSecretsInLine(line), shown, line);
});

test('masking is linear: a 1 MB word of dots and dashes, of @ or of credential words takes milliseconds', () => {
  // `\b` before the scheme tried each dot again: 80 kB of a.b-c took 8.5 s, 1 MB would take half an hour
  for (const s of ['a.b-c'.repeat(2e5), 'x://' + '@a'.repeat(4e5), 'pass '.repeat(2e5), 'x://u:p@' + 'h,'.repeat(4e5)]) {
    const t = Date.now();
    maskSecretsInLine(s);
    maskUrlPasswords(s);
    assert.ok(Date.now() - t < 2000, `${s.slice(0, 10)}...: ${Date.now() - t} ms`);
  }
});

test('a manifest value of the wrong type under a credential key is not quoted', () => {
  const t =
    'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes:\n  password: Secr3t\nclusters:\n  ctl: { members: [password], stonith: maybe }\n';
  assert.deepEqual(
    lintManifest(t)
      .findings.filter((f) => f.rule === 'schema-wrong-type')
      .map((f) => [f.span, f.message]),
    [
      [{ start: 64, end: 70 }, "'password' in node 'password' must be a mapping, not the string '***'"],
      [{ start: 120, end: 125 }, "'stonith' in cluster 'ctl' must be true or false, not the string 'maybe'"],
    ],
  );
});
