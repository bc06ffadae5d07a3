import { test } from 'node:test';
import { checkConf } from '../support/fixture';

test('with OVN (ovn-router, or an [ovn] section) the L3 and DHCP agent rules stay quiet', () => {
  checkConf('neutron.conf', '[DEFAULT]\nservice_plugins = ovn-router, qos\n[database]\nconnection = sqlite://\n', { rules: ['neutron-dhcp-agents-per-network', 'neutron-l3-ha'] });
  checkConf('neutron.conf', '[DEFAULT]\ncore_plugin = ml2\n[database]\nconnection = sqlite://\n[ovn]\novn_nb_connection = tcp:10.0.0.11:6641\n', { rules: ['neutron-dhcp-agents-per-network', 'neutron-l3-ha'] });
});
