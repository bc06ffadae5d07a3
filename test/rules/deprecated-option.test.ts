import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';
import { lintConf } from '../../server/src/engine/lint';

test('fires on an old name in its old section (Zed)', () =>
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  rabbit_ha_queues = true
  #^^^^^^^^^^^^^^^ warning deprecated-option: [DEFAULT] rabbit_ha_queues is a deprecated name of [oslo_messaging_rabbit] rabbit_ha_queues
  [keystone_authtoken]
  memcache_servers = a:11211
  #^^^^^^^^^^^^^^^ warning deprecated-option: [keystone_authtoken] memcache_servers is a deprecated name of 'memcached_servers'
  `,
    { rules: ['deprecated-option'], config: { rules: {}, release: 'zed' } },
  ));

test('the fix renames in place, or moves the line to the new section', () => {
  assert.equal(
    fixed('[keystone_authtoken]\nmemcache_servers = a:11211\n', 'deprecated-option', undefined, { rules: {}, release: 'zed' }, 'nova.conf'),
    '[keystone_authtoken]\nmemcached_servers = a:11211\n',
  );
  assert.equal(
    fixed(
      '[DEFAULT]\ndebug = true\nrabbit_ha_queues = true\n\n[oslo_messaging_rabbit]\nheartbeat_rate = 2\n',
      'deprecated-option',
      undefined,
      { rules: {}, release: 'zed' },
      'nova.conf',
    ),
    '[DEFAULT]\ndebug = true\n\n[oslo_messaging_rabbit]\nheartbeat_rate = 2\nrabbit_ha_queues = true\n',
  );
  // moving a secret option would copy its value into the fix, which the CLI prints: no fix then
  const r = lintConf('nova.conf', '[DEFAULT]\nsql_connection = mysql+pymysql://nova:pw@db/nova\n', { rules: {}, release: 'zed' });
  assert.deepEqual(
    r.findings.filter((f) => f.rule === 'deprecated-option').map((f) => f.fixes.length),
    [0],
  );
});
