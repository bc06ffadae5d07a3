import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWorkspace, fixedIn } from '../support/workspace';

const GLOBALS = `
  #- globals.yml
  kolla_internal_vip_address: "10.0.0.250"
  keepalived_virtual_router_id: "61"
`;

test("the pre-Xena [haproxy:children] leaves kolla's loadbalancer group empty", () => {
  checkWorkspace(
    `${GLOBALS}
  #- multinode
  [control]
  control[01:03]

  [network]
  network01
  network02

  [haproxy:children]
   #^^^^^^ error kolla-loadbalancer-group: [haproxy] is the group kolla read before Xena; kolla now puts HAProxy and keepalived on [loadbalancer], which is empty, so network01, network02 get no load balancer and the VIPs no holder
  network
  `,
    { rules: ['kolla-loadbalancer-group'] },
  );
});

test('a loadbalancer group without hosts, or none at all; HAProxy off says nothing', () => {
  checkWorkspace(
    `${GLOBALS}
  #- multinode
  [control]
  control[01:03]

  [loadbalancer:children]
  #^^^^^^^^^^^^^^^^^^^^^^ error kolla-loadbalancer-group: the loadbalancer group has no host while enable_haproxy is on: kolla places HAProxy, keepalived and the VIPs on its hosts, so its prechecks stop
  network
  `,
    { rules: ['kolla-loadbalancer-group'] },
  );
  checkWorkspace(
    `${GLOBALS}
  #- multinode
  [control]
  #^^^^^^^^ error kolla-loadbalancer-group: the inventory has no loadbalancer group while enable_haproxy is on: kolla places HAProxy, keepalived and the VIPs on its hosts, so its prechecks stop; add [loadbalancer:children] naming the hosts (kolla's example uses network)
  control[01:03]

  [mariadb:children]
  control
  `,
    { rules: ['kolla-loadbalancer-group'] },
  );
  checkWorkspace(
    `
  #- globals.yml
  enable_haproxy: "no"
  #- multinode
  [control]
  control[01:03]

  [mariadb:children]
  control
  `,
    { rules: ['kolla-loadbalancer-group'] },
  );
});

test('the fix renames the old group (offered: it moves HAProxy onto hosts)', () => {
  const fixed = fixedIn(
    `${GLOBALS}\n  #- multinode\n  [network]\n  net1\n  [haproxy:children]\n  network\n  [control:children]\n  network\n`,
    'multinode',
    'kolla-loadbalancer-group',
  );
  assert.equal(fixed, '[network]\nnet1\n[loadbalancer:children]\nnetwork\n[control:children]\nnetwork\n');
});
