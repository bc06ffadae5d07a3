import { test } from 'node:test';
import { checkWorkspace } from '../support/workspace';

test('compute pulled into the load balancers through [network:children], once, on the line that names it', () => {
  checkWorkspace(
    `
  #- globals.yml
  kolla_internal_vip_address: "10.0.0.250"
  #- multinode
  [control]
  control01

  [compute]
  compute01
  compute02

  [network:children]
  control
  compute
  #^^^^^^ warning kolla-compute-in-control-plane: compute under [network:children] makes compute01, compute02 part of loadbalancer (through network): workload hosts become keepalived peers that may hold the VIPs

  [loadbalancer:children]
  network

  [mariadb:children]
  network

  [hacluster-remote:children]
  compute
  `,
    { rules: ['kolla-compute-in-control-plane'] },
  );
});

test('a host listed in both control and compute (hyperconverged, on purpose) is not reported', () => {
  checkWorkspace(
    `
  #- multinode
  [control]
  node[01:03]

  [compute]
  node[01:03]

  [loadbalancer:children]
  control

  [mariadb:children]
  control
  `,
    { rules: ['kolla-compute-in-control-plane'] },
  );
});
