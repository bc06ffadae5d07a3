import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWorkspace, fixedIn } from '../support/workspace';

const INVENTORY = `
  #- multinode
  [control]
  control[01:03]

  [loadbalancer:children]
  control
`;

test('left unset: kolla uses 51, said on the VIP it serves; set to 51: said on the value', () => {
  checkWorkspace(
    `
  #- globals.yml
  ---
  kolla_internal_vip_address: "10.0.0.250"
  #^^^^^^^^^^^^^^^^^^^^^^^^^ warning kolla-keepalived-router-id: keepalived_virtual_router_id is not set, so kolla uses 51 for this VIP: another kolla cloud or keepalived pair on this segment that kept the default joins the same VRRP group and takes over the VIP; set an id no neighbour uses
  ${INVENTORY}`,
    { rules: ['kolla-keepalived-router-id'] },
  );
  checkWorkspace(
    `
  #- globals.yml
  kolla_internal_vip_address: "10.0.0.250"
  keepalived_virtual_router_id: "51"
  #                             ^^^^ warning kolla-keepalived-router-id: keepalived_virtual_router_id is 51, kolla's default: another kolla cloud or keepalived pair on this segment that kept it joins the same VRRP group and takes over these VIPs; pick an id no neighbour uses
  ${INVENTORY}`,
    { rules: ['kolla-keepalived-router-id'] },
  );
});

test('outside 1-255 is an error (keepalived refuses it), where the value that wins is written; a template or keepalived off says nothing', () => {
  checkWorkspace(
    `
  #- globals.yml
  kolla_internal_vip_address: "10.0.0.250"
  keepalived_virtual_router_id: 0
  #                             ^ error kolla-keepalived-router-id: keepalived_virtual_router_id 0 is outside 1-255: keepalived refuses the vrrp_instance kolla renders, and the VIPs never come up
  ${INVENTORY}`,
    { rules: ['kolla-keepalived-router-id'] },
  );
  checkWorkspace(
    `
  #- globals.yml
  kolla_internal_vip_address: "10.0.0.250"
  keepalived_virtual_router_id: 0
  #- globals.d/vrid.yml
  keepalived_virtual_router_id: "256"
  #                             ^^^^^ error kolla-keepalived-router-id: keepalived_virtual_router_id 256 is outside 1-255: keepalived refuses the vrrp_instance kolla renders, and the VIPs never come up
  ${INVENTORY}`,
    { rules: ['kolla-keepalived-router-id'] },
  );
  checkWorkspace(
    `
  #- globals.yml
  kolla_internal_vip_address: "10.0.0.250"
  keepalived_virtual_router_id: "{{ site_vrid }}"
  ${INVENTORY}`,
    { rules: ['kolla-keepalived-router-id'] },
  );
  checkWorkspace(
    `
  #- globals.yml
  kolla_internal_vip_address: "10.0.0.250"
  enable_keepalived: "no"
  ${INVENTORY}`,
    { rules: ['kolla-keepalived-router-id'] },
  );
});

test('the fix sets an id after the VIP line, from its last byte; it is offered, not applied (the VRRP group changes)', () => {
  const fixture = `
  #- globals.yml
  kolla_internal_vip_address: "10.0.0.250"
  enable_haproxy: "yes"
  ${INVENTORY}`;
  assert.equal(
    fixedIn(fixture, 'globals.yml', 'kolla-keepalived-router-id'),
    'kolla_internal_vip_address: "10.0.0.250"\nkeepalived_virtual_router_id: "250"\nenable_haproxy: "yes"\n',
  );
});
