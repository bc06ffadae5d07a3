import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';

test('with OVN (ovn-router, or an [ovn] section) the L3 and DHCP agent rules stay quiet', () => {
  checkConf('neutron.conf', '[DEFAULT]\nservice_plugins = ovn-router, qos\n[database]\nconnection = sqlite://\n', {
    rules: ['neutron-dhcp-agents-per-network', 'neutron-l3-ha'],
  });
  checkConf(
    'neutron.conf',
    '[DEFAULT]\ncore_plugin = ml2\n[database]\nconnection = sqlite://\n[ovn]\novn_nb_connection = tcp:10.0.0.11:6641\n',
    { rules: ['neutron-dhcp-agents-per-network', 'neutron-l3-ha'] },
  );
});

test('max_l3_agents_per_router of 1 leaves an HA router nowhere to fail over; the fix sets 3', () => {
  checkConf(
    'neutron.conf',
    `
  [DEFAULT]
  l3_ha = true
  max_l3_agents_per_router = 1
  #                          ^ warning neutron-l3-ha: max_l3_agents_per_router is 1: an HA router needs at least 2 agents to fail over to
  [database]
  connection = mysql+pymysql://neutron:pw@10.0.0.11/neutron
  `,
    { rules: ['neutron-l3-ha'] },
  );
  assert.equal(
    fixed(
      '[DEFAULT]\nl3_ha = true\nmax_l3_agents_per_router = 1\n[database]\nconnection = sqlite://\n',
      'neutron-l3-ha',
      undefined,
      undefined,
      'neutron.conf',
    ),
    '[DEFAULT]\nl3_ha = true\nmax_l3_agents_per_router = 3\n[database]\nconnection = sqlite://\n',
  );
  // 0 is neutron's "every agent"
  checkConf('neutron.conf', '[DEFAULT]\nl3_ha = true\nmax_l3_agents_per_router = 0\n[database]\nconnection = sqlite://\n', {
    rules: ['neutron-l3-ha'],
  });
});

test('without l3_ha, allow_automatic_l3agent_failover alone still moves routers off a dead agent', () =>
  checkConf(
    'neutron.conf',
    `
  [DEFAULT]
  l3_ha = false
  #       ^^^^^ warning neutron-l3-ha: l3_ha is off: each router lives on one L3 agent and its networks lose external connectivity with that node
  allow_automatic_l3agent_failover = true
  [database]
  connection = mysql+pymysql://neutron:pw@10.0.0.11/neutron
  `,
    { rules: ['neutron-l3-ha'] },
  ));
