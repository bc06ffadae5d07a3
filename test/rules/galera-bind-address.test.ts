import { test } from 'node:test';
import { checkWorkspace } from '../support/workspace';

const rules = ['galera-bind-address'];
/** The deployment: three controllers, Galera on them behind the VIP 10.0.0.11. */
const MANIFEST = `
  #- site.ha.yaml
  apiVersion: openstack-ha/v1
  kind: Deployment
  nodes:
    c1: { address: 10.0.0.12, roles: [controller] }
    c2: { address: 10.0.0.13, roles: [controller] }
    c3: { address: 10.0.0.14, roles: [controller] }
  clusters:
    ctl: { manager: pacemaker, members: [c1, c2, c3], stonith: true }
  vips:
    internal: { address: 10.0.0.11, cidr: 24, cluster: ctl }
  services:
    galera: { on: ctl, mode: clustered, vip: internal }
`;

test('127.0.0.1 shuts out HAProxy and the other nodes', () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  bind-address=127.0.0.1
  #            ^^^^^^^^^ error galera-bind-address: bind-address=127.0.0.1: only this host can reach the database; bind the node's management address
  wsrep_on=ON
  wsrep_cluster_address=gcomm://10.0.0.12,10.0.0.13,10.0.0.14
  `,
    { rules },
  );
});

test("0.0.0.0 takes the database VIP's port where the manifest puts HAProxy in front of Galera; the node's address is right", () => {
  checkWorkspace(
    `${MANIFEST}
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  bind-address=0.0.0.0
  #            ^^^^^^^ error galera-bind-address: bind-address=0.0.0.0 also binds the database VIP (10.0.0.11) when it moves here, and HAProxy cannot listen on it; bind the node's management address
  wsrep_on=ON
  wsrep_cluster_address=gcomm://10.0.0.12,10.0.0.13,10.0.0.14
  #- c2/etc/mysql/conf.d/galera.cnf
  [mysqld]
  bind-address=10.0.0.13
  wsrep_on=ON
  wsrep_cluster_address=gcomm://10.0.0.12,10.0.0.13,10.0.0.14
  `,
    { rules },
  );
});

test('without a deployment that puts a VIP in front, 0.0.0.0 is not judged; a file without wsrep options is not a Galera node', () => {
  checkWorkspace(
    `
  #- c1/etc/mysql/conf.d/galera.cnf
  [mysqld]
  bind-address=0.0.0.0
  wsrep_on=ON
  #- db/etc/mysql/my.cnf
  [mysqld]
  bind-address=127.0.0.1
  `,
    { rules },
  );
});
