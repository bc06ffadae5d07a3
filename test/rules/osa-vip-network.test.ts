import { test } from 'node:test';
import { checkWorkspace } from '../support/workspace';

const RULES = ['osa-vip-network'];
const HOSTS = `
  shared-infra_hosts:
    infra1:
      ip: 172.29.236.11
    infra2:
      ip: 172.29.236.12
    infra3:
      ip: 172.29.236.13
`;

test('the internal VIP in the management network but not in used_ips: the generator may give it to a container', () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  cidr_networks:
    management: 172.29.236.0/22
  used_ips:
    - "172.29.236.1,172.29.236.8"
  global_overrides:
    internal_lb_vip_address: 172.29.236.9
    #                        ^^^^^^^^^^^^ warning osa-vip-network: internal_lb_vip_address 172.29.236.9 is inside cidr_networks.management (172.29.236.0/22) but not reserved in used_ips: OSA's inventory generator may give it to a container, and then two holders answer for the VIP
    external_lb_vip_address: 203.0.113.9
  ${HOSTS}
  `,
    { rules: RULES },
  );
});

test('the internal VIP outside every network; the external one outside is usual and says nothing', () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  cidr_networks:
    management: 172.29.236.0/22
    tunnel: 172.29.240.0/22
  global_overrides:
    internal_lb_vip_address: 10.9.9.9
    #                        ^^^^^^^^ warning osa-vip-network: internal_lb_vip_address 10.9.9.9 is in none of cidr_networks (management 172.29.236.0/22, tunnel 172.29.240.0/22): the services reach the internal VIP over the management network, so it belongs in it (and in used_ips)
    external_lb_vip_address: 203.0.113.9
  ${HOSTS}
  `,
    { rules: RULES },
  );
});

test('reserved as a single address or in a range, set in user_variables, a name: nothing to say', () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  cidr_networks:
    management: 172.29.236.0/22
    public: 203.0.113.0/28
  used_ips:
    - "172.29.236.1,172.29.236.50"
    - 203.0.113.9
  global_overrides:
    internal_lb_vip_address: internal.example.org
    external_lb_vip_address: 203.0.113.9
  ${HOSTS}
  #- openstack_deploy/user_variables.yml
  internal_lb_vip_address: 172.29.236.9
  `,
    { rules: RULES },
  );
});

test('a VIP set in user_variables is reported there', () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  cidr_networks:
    management: 172.29.236.0/22
  ${HOSTS}
  #- openstack_deploy/user_variables.yml
  internal_lb_vip_address: 172.29.236.200
  #                        ^^^^^^^^^^^^^^ warning osa-vip-network
  `,
    { rules: RULES },
  );
});
