/** The one table of credential settings, per format. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { isSecretKey, maskUrlPasswords, shownValue } from '../../server/src/engine/text/secrets';

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
