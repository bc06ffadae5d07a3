import { test } from 'node:test';
import { checkConf } from '../support/fixture';

const rules = ['invalid-value'];

test('bool, int with bounds, port, enum, list items, IP; secrets never appear in the message', () =>
  checkConf(
    'neutron.conf',
    `
  [DEFAULT]
  debug = maybe
  #       ^^^^^ error invalid-value: [DEFAULT] debug must be a boolean (true/false, yes/no, on/off, 1/0), not 'maybe'
  dhcp_agents_per_network = 0
  #                         ^ error invalid-value: [DEFAULT] dhcp_agents_per_network must be at least 1, not '0'
  bind_port = 70000
  #           ^^^^^ error invalid-value: [DEFAULT] bind_port must be a port number (0-65535), not '70000'
  [database]
  connection = mysql+pymysql://neutron:hunter2@10.0.0.11/neutron
  max_retries = lots
  #             ^^^^ error invalid-value: [database] max_retries must be a whole number, not 'lots'
  [cache]
  backend = dogpile.cache.memcache
  #         ^^^^^^^^^^^^^^^^^^^^^^ error invalid-value
  [keystone_authtoken]
  memcache_pool_maxsize = many
  #                       ^^^^ error invalid-value: [keystone_authtoken] memcache_pool_maxsize must be a whole number, not 'many'
  `,
    { rules },
  ));

test("valid values, $interpolation and oslo's spellings of booleans do not fire", () =>
  checkConf(
    'neutron.conf',
    `
  [DEFAULT]
  debug = Yes
  state_path = /var/lib/neutron
  lock_path = $state_path/lock
  dhcp_agents_per_network = 3
  [cache]
  backend = dogpile.cache.pymemcache
  memcache_servers = a:11211, b:11211
  `,
    { rules },
  ));
