import { test } from 'node:test';
import { checkConf } from '../support/fixture';

test("neutron-dhcp-agents-per-network and neutron-l3-ha on the server's neutron.conf only", () => {
  checkConf(
    'neutron.conf',
    `
  [DEFAULT]
  #^^^^^^^^ warning neutron-l3-ha: l3_ha is off (the default): each router lives on one L3 agent and its networks lose external connectivity with that node
  #^^^^^^^^ warning neutron-l3-ha: allow_automatic_l3agent_failover is off (the default): routers stay on a dead L3 agent until someone moves them
  dhcp_agents_per_network = 1
  #                         ^ warning neutron-dhcp-agents-per-network: dhcp_agents_per_network is 1: each network has one DHCP agent, so leases stop while it is down; schedule each network on 2 or 3
  [database]
  connection = mysql+pymysql://neutron:pw@10.0.0.11/neutron
  `,
    { rules: ['neutron-dhcp-agents-per-network', 'neutron-l3-ha'] },
  );
  checkConf('neutron.conf', '[DEFAULT]\nl3_ha = true\ndhcp_agents_per_network = 3\n[database]\nconnection = sqlite://\n', {
    rules: ['neutron-dhcp-agents-per-network', 'neutron-l3-ha'],
  });
  checkConf('neutron.conf', '[DEFAULT]\ncore_plugin = ml2\n', { rules: ['neutron-dhcp-agents-per-network', 'neutron-l3-ha'] });
});
