import { test } from 'node:test';
import { checkWorkspace } from '../support/workspace';

const CONFIG = `
  #- openstack_deploy/openstack_user_config.yml
  cidr_networks:
    management: 172.29.236.0/22
  used_ips:
    - "172.29.236.1,172.29.236.50"
  global_overrides:
    internal_lb_vip_address: 172.29.236.9
    external_lb_vip_address: 203.0.113.9
  shared-infra_hosts:
    infra1:
      ip: 172.29.236.11
    infra2:
      ip: 172.29.236.12
    infra3:
      ip: 172.29.236.13
`;

const RULES = ['osa-single-load-balancer', 'lb-single-point-of-failure', 'address-conflict'];

test('one load balancer host: keepalived is off by default, said once, on the group', () => {
  checkWorkspace(
    `${CONFIG}
  #- openstack_deploy/conf.d/haproxy.yml
  haproxy_hosts:
  #^^^^^^^^^^^^ error osa-single-load-balancer: haproxy_hosts has one host (infra1): OSA then leaves keepalived off (haproxy_use_keepalived: groups['haproxy'] | length > 1), so nothing moves the VIPs; when infra1 fails, every service behind HAProxy is unreachable. Add two more load balancer hosts
    infra1:
      ip: 172.29.236.11
  `,
    { rules: RULES },
  );
});

test("the VIP on the one load balancer's own address is OSA's way without keepalived: the single host is the finding, not an address conflict", () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  global_overrides:
    internal_lb_vip_address: 172.29.236.11
  shared-infra_hosts:
    infra1:
      ip: 172.29.236.11
    infra2:
      ip: 172.29.236.12
    infra3:
      ip: 172.29.236.13
  load_balancer_hosts:
  #^^^^^^^^^^^^^^^^^^ error osa-single-load-balancer: load_balancer_hosts has one host (infra1): OSA then leaves keepalived off (haproxy_use_keepalived: groups['haproxy'] | length > 1), so nothing moves the VIPs; internal_lb_vip_address is infra1's own address; when infra1 fails, every service behind HAProxy is unreachable. Add two more load balancer hosts
    infra1:
      ip: 172.29.236.11
  `,
    { rules: RULES },
  );
});

test('keepalived forced on with one host still has nowhere to move the VIPs', () => {
  checkWorkspace(
    `${CONFIG}
  #- openstack_deploy/conf.d/haproxy.yml
  haproxy_hosts:
  #^^^^^^^^^^^^ error osa-single-load-balancer: haproxy_hosts has one host (infra1): keepalived runs there with no other host to move the VIPs to; when infra1 fails, every service behind HAProxy is unreachable. Add two more load balancer hosts
    infra1:
      ip: 172.29.236.11
  #- openstack_deploy/user_variables.yml
  haproxy_use_keepalived: true
  `,
    { rules: RULES },
  );
});

test('three load balancers, a single-database deployment, or no load balancer (an external one) say nothing', () => {
  checkWorkspace(
    `${CONFIG}
  #- openstack_deploy/conf.d/haproxy.yml
  haproxy_hosts:
    infra1:
      ip: 172.29.236.11
    infra2:
      ip: 172.29.236.12
    infra3:
      ip: 172.29.236.13
  `,
    { rules: RULES },
  );
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  shared-infra_hosts:
    infra1:
      ip: 172.29.236.11
  haproxy_hosts:
    infra1:
      ip: 172.29.236.11
  compute_hosts:
    compute1:
      ip: 172.29.236.21
  `,
    { rules: RULES },
  );
  checkWorkspace(CONFIG, { rules: RULES });
});

test("keepalived turned off with three load balancers is the topology rule's: the VIP has no mover", () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  global_overrides:
    internal_lb_vip_address: 172.29.236.9
    #                        ^^^^^^^^^^^^ error lb-single-point-of-failure
  shared-infra_hosts:
    infra1:
      ip: 172.29.236.11
    infra2:
      ip: 172.29.236.12
    infra3:
      ip: 172.29.236.13
  haproxy_hosts:
    infra1:
      ip: 172.29.236.11
    infra2:
      ip: 172.29.236.12
    infra3:
      ip: 172.29.236.13
  #- openstack_deploy/user_variables.yml
  haproxy_use_keepalived: false
  `,
    { rules: RULES },
  );
});
