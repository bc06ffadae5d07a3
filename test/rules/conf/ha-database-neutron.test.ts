import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../../support/fixture';

test('db-max-retries-infinite: the default 10, an explicit value; -1 is quiet', () => {
  checkConf('cinder.conf', `
  [database]
  connection = mysql+pymysql://cinder:pw@10.0.0.11/cinder
  #^^^^^^^^^ info db-max-retries-infinite: [database] max_retries is 10 (the default): the service stops reconnecting before a Galera failover may have finished; -1 retries for ever
  `, { rules: ['db-max-retries-infinite'] });
  checkConf('cinder.conf', '[database]\nconnection = mysql+pymysql://cinder:pw@10.0.0.11/cinder\nmax_retries = -1\n', { rules: ['db-max-retries-infinite'] });
  assert.equal(fixed('[database]\nconnection = sqlite://\nmax_retries = 5\n', 'db-max-retries-infinite', undefined, undefined, 'cinder.conf'), '[database]\nconnection = sqlite://\nmax_retries = -1\n');
});

test("neutron-dhcp-agents-per-network and neutron-l3-ha on the server's neutron.conf only", () => {
  checkConf('neutron.conf', `
  [DEFAULT]
  #^^^^^^^^ warning neutron-l3-ha: l3_ha is off (the default): each router lives on one L3 agent and its networks lose external connectivity with that node
  #^^^^^^^^ warning neutron-l3-ha: allow_automatic_l3agent_failover is off (the default): routers stay on a dead L3 agent until someone moves them
  dhcp_agents_per_network = 1
  #                         ^ warning neutron-dhcp-agents-per-network: dhcp_agents_per_network is 1: each network has one DHCP agent, so leases stop while it is down; schedule each network on 2 or 3
  [database]
  connection = mysql+pymysql://neutron:pw@10.0.0.11/neutron
  `, { rules: ['neutron-dhcp-agents-per-network', 'neutron-l3-ha'] });
  checkConf('neutron.conf', '[DEFAULT]\nl3_ha = true\ndhcp_agents_per_network = 3\n[database]\nconnection = sqlite://\n', { rules: ['neutron-dhcp-agents-per-network', 'neutron-l3-ha'] });
  checkConf('neutron.conf', '[DEFAULT]\ncore_plugin = ml2\n', { rules: ['neutron-dhcp-agents-per-network', 'neutron-l3-ha'] });
});

test('db-max-retries-infinite also reports the MySQLdb driver, and switches it to PyMySQL', () => {
  checkConf('glance-api.conf', `
  [database]
  connection = mysql://glance:pw@10.0.0.11/glance
  #            ^^^^^ info db-max-retries-infinite: [database] connection uses mysql://, the MySQLdb driver; the guide uses mysql+pymysql://, which does not block the service's event loop during a failover
  max_retries = -1
  `, { rules: ['db-max-retries-infinite'] });
  assert.equal(fixed('[database]\nconnection = mysql://glance:pw@10.0.0.11/glance\nmax_retries = -1\n', 'db-max-retries-infinite', undefined, undefined, 'glance-api.conf'),
    '[database]\nconnection = mysql+pymysql://glance:pw@10.0.0.11/glance\nmax_retries = -1\n');
});

test('with OVN (ovn-router, or an [ovn] section) the L3 and DHCP agent rules stay quiet', () => {
  checkConf('neutron.conf', '[DEFAULT]\nservice_plugins = ovn-router, qos\n[database]\nconnection = sqlite://\n', { rules: ['neutron-dhcp-agents-per-network', 'neutron-l3-ha'] });
  checkConf('neutron.conf', '[DEFAULT]\ncore_plugin = ml2\n[database]\nconnection = sqlite://\n[ovn]\novn_nb_connection = tcp:10.0.0.11:6641\n', { rules: ['neutron-dhcp-agents-per-network', 'neutron-l3-ha'] });
});
