import { test } from 'node:test';
import { checkWorkspace } from '../support/workspace';

const RULES = ['osa-fqdn-vip-without-cidr'];
const LB = `
  haproxy_hosts:
    infra1:
      ip: 172.29.236.11
    infra2:
      ip: 172.29.236.12
    infra3:
      ip: 172.29.236.13
`;

test('an FQDN VIP without its keepalived CIDR: keepalived moves the link-local placeholder', () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  global_overrides:
    internal_lb_vip_address: 172.29.236.9
    external_lb_vip_address: cloud.example.org
    #                        ^^^^^^^^^^^^^^^^^ warning osa-fqdn-vip-without-cidr: external_lb_vip_address is a name (cloud.example.org) and haproxy_keepalived_external_vip_cidr is not set: keepalived moves the placeholder 169.254.1.1/24, not the address the name resolves to, so no load balancer holds that address; set haproxy_keepalived_external_vip_cidr to it and its prefix
  ${LB}
  `,
    { rules: RULES },
  );
});

test('set in user_variables (even as a template), an address, or no load balancer: nothing to say', () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  global_overrides:
    internal_lb_vip_address: internal.example.org
    external_lb_vip_address: cloud.example.org
  ${LB}
  #- openstack_deploy/user_variables.yml
  haproxy_keepalived_external_vip_cidr: "203.0.113.9/32"
  haproxy_keepalived_internal_vip_cidr: "{{ internal_vip }}/32"
  `,
    { rules: RULES },
  );
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  global_overrides:
    external_lb_vip_address: cloud.example.org
  compute_hosts:
    compute1:
      ip: 172.29.236.21
  `,
    { rules: RULES },
  );
});

test('with one load balancer keepalived is off: advice for when it runs', () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  global_overrides:
    internal_lb_vip_address: internal.example.org
    #                        ^^^^^^^^^^^^^^^^^^^^ info osa-fqdn-vip-without-cidr: internal_lb_vip_address is a name (internal.example.org) and haproxy_keepalived_internal_vip_cidr is not set: keepalived is off now, but once it runs (a second load balancer host) it will move the placeholder 169.254.2.1/24, not the name's address; set haproxy_keepalived_internal_vip_cidr to that address and its prefix
  haproxy_hosts:
    infra1:
      ip: 172.29.236.11
  `,
    { rules: RULES },
  );
});
