import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';

test('fires on an option written in the wrong case, which oslo.config ignores; the fix renames it', () => {
  checkConf(
    'nova.conf',
    `
  [keystone_authtoken]
  Memcached_servers = 10.0.0.12:11211
  #^^^^^^^^^^^^^^^^ warning oslo-option-name-case: 'Memcached_servers' is ignored: option names are case-sensitive, and the option is 'memcached_servers'
  auth_type = password
  `,
    { rules: ['oslo-option-name-case'] },
  );
  assert.equal(fixed('[DEFAULT]\nDebug = true\n', 'oslo-option-name-case', undefined, undefined, 'nova.conf'), '[DEFAULT]\ndebug = true\n');
});

test('options in the right case, and names no option has in any case, are not its findings', () =>
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  debug = true
  not_an_option = 1
  `,
    { rules: ['oslo-option-name-case'] },
  ));
