import { test } from 'node:test';
import { checkWorkspace } from '../support/workspace';

const RULES = ['osa-host-outside-management'];

test('a host left on the old network after cidr_networks.management changed', () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  cidr_networks:
    management: 172.16.2.0/24
  shared-infra_hosts:
    infra1:
      ip: 172.16.2.11
    infra2:
      ip: 172.29.236.12
      #   ^^^^^^^^^^^^^ warning osa-host-outside-management: infra2's ip 172.29.236.12 is outside the management network 172.16.2.0/24 (cidr_networks.management): OSA uses it as the host's management address, which the containers, HAProxy's backends and the internal VIP expect on that network
  identity_hosts:
    infra2:
      ip: 172.29.236.12
  `,
    { rules: RULES },
  );
});

test("the older 'container' network name counts; no management network, a template or a name says nothing", () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  cidr_networks:
    container: 10.20.0.0/22
  compute_hosts:
    compute1:
      ip: 10.20.0.31
    compute2:
      ip: 10.30.0.32
      #   ^^^^^^^^^^ warning osa-host-outside-management
    compute3:
      ip: "{{ lookup('env', 'IP') }}"
    compute4:
      ip: compute4.example.org
  `,
    { rules: RULES },
  );
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  cidr_networks:
    tunnel: 10.20.4.0/22
  compute_hosts:
    compute1:
      ip: 10.20.0.31
  `,
    { rules: RULES },
  );
});
