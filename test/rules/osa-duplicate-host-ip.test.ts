import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWorkspace, relatedOf } from '../support/workspace';

const RULES = ['osa-duplicate-host-ip', 'address-conflict'];

test("two hosts with one ip: OSA's generator stops; said once, on the second ip, with the first as related", () => {
  const out = checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  cidr_networks:
    management: 172.29.236.0/22
  shared-infra_hosts:
    infra1:
      ip: 172.29.236.11
    infra2:
      ip: 172.29.236.12
    infra3:
      ip: 172.29.236.13
  #- openstack_deploy/conf.d/compute.yml
  compute_hosts:
    compute1:
      ip: 172.29.236.12
      #   ^^^^^^^^^^^^^ error osa-duplicate-host-ip: 172.29.236.12 is already infra2's ip: OSA's inventory generator refuses two hosts with one address ("Both host:infra2 and host:compute1 have address:172.29.236.12 assigned")
  `,
    { rules: RULES },
  );
  assert.deepEqual(relatedOf(out, 'openstack_deploy/conf.d/compute.yml', 'osa-duplicate-host-ip'), [
    "openstack_deploy/openstack_user_config.yml:7:9 infra2's ip",
  ]);
});

test('one host written under several groups, or through an anchor, is one host', () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  _infra: &infra
    infra1:
      ip: 172.29.236.11
    infra2:
      ip: 172.29.236.12
    infra3:
      ip: 172.29.236.13
  shared-infra_hosts: *infra
  identity_hosts: *infra
  haproxy_hosts:
    infra1:
      ip: 172.29.236.11
  `,
    { rules: RULES },
  );
});
