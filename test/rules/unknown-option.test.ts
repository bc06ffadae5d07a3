import { test } from 'node:test';
import { checkConf } from '../support/fixture';

const rules = ['unknown-option', 'oslo-option-name-case', 'option-in-wrong-section', 'deprecated-option'];

test('fires on an unknown key with a suggestion; case typos, moved and renamed options get their own rule', () =>
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  trasport_url = rabbit://u:p@h1:5672,u:p@h2:5672/
  #^^^^^^^^^^^ warning unknown-option: 'trasport_url' is not an option of [DEFAULT] in nova.conf (2025.1); did you mean 'transport_url'?
  memcached_servers = a:11211
  #^^^^^^^^^^^^^^^^ warning option-in-wrong-section: 'memcached_servers' is not read in [DEFAULT]; it belongs in [keystone_authtoken]
  sql_connection = mysql+pymysql://nova:secret@db/nova
  #^^^^^^^^^^^^^ warning unknown-option: 'sql_connection' is not an option of [DEFAULT] in nova.conf (2025.1); in zed it was an old name of [database] connection, which is what to write now
  [keystone_authtoken]
  Memcached_servers = a:11211,b:11211
  #^^^^^^^^^^^^^^^^ warning oslo-option-name-case: 'Memcached_servers' is ignored: option names are case-sensitive, and the option is 'memcached_servers'
  username = nova
  password = s3cret
  `,
    { rules },
  ));

test('with oslo-option-name-case off, unknown-option still catches the case typo', () =>
  checkConf(
    'nova.conf',
    `
  [keystone_authtoken]
  Memcached_servers = a:11211
  #^^^^^^^^^^^^^^^^ warning unknown-option: 'Memcached_servers' is not an option of [keystone_authtoken] in nova.conf (2025.1); option names are case-sensitive: 'memcached_servers'
  `,
    { rules: ['unknown-option'], config: { rules: { 'oslo-option-name-case': 'off' } } },
  ));

test('keystoneauth plugin options (auth_type = password) and options of the files a process also reads are known', () => {
  checkConf(
    'nova.conf',
    `
  [neutron]
  auth_type = password
  auth_url = http://10.0.0.11:5000
  username = nova
  [service_user]
  auth_type = v3password
  user_domain_name = Default
  `,
    { rules },
  );
  checkConf(
    'ml2_conf.ini',
    `
  [DEFAULT]
  debug = true
  [ml2]
  type_drivers = flat,vlan
  `,
    { rules },
  );
});

test('in Zed the same old name was still a deprecated one', () =>
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  sql_connection = mysql+pymysql://nova:secret@db/nova
  #^^^^^^^^^^^^^ warning deprecated-option: [DEFAULT] sql_connection is a deprecated name of [database] connection
  `,
    { rules, config: { rules: {}, release: 'zed' } },
  ));

test('neutron.conf may hold the ML2 and OVN sections that neutron-server reads with it', () =>
  checkConf(
    'neutron.conf',
    `
  [ml2]
  mechanism_drivers = ovn
  [ovn]
  ovn_nb_connection = tcp:10.0.0.11:6641
  `,
    { rules: ['unknown-option', 'unknown-section'] },
  ));
