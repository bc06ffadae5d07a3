import { test } from 'node:test';
import { checkPm } from '../support/fixture';

test("groups: a VIP and HAProxy in one group are colocated; a service in the VIP's group that binds another address is an error", () => {
  checkPm(
    'crm',
    `
  primitive p_vip ocf:heartbeat:IPaddr2 params ip=10.0.0.11 cidr_netmask=24 op monitor interval=30s
  primitive p_haproxy systemd:haproxy op monitor interval=1s
  group g_lb p_vip p_haproxy
  primitive p_ip_mysql ocf:heartbeat:IPaddr2 params ip=192.168.42.101 cidr_netmask=24 op monitor interval=30s
  primitive p_mysql ocf:heartbeat:mysql params additional_parameters="--bind-address=50.56.179.138" op monitor interval=20s timeout=10s
  #                                                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error pacemaker-vip-service-address: p_mysql binds 50.56.179.138 (additional_parameters) but runs with VIP p_ip_mysql (192.168.42.101): clients of the VIP reach nothing, and after a failover 50.56.179.138 is not on the new node
  group g_mysql p_ip_mysql p_mysql
  `,
    { rules: ['pacemaker-vip-haproxy-colocation', 'pacemaker-vip-service-address'] },
  );
  // bound to the VIP, to every address, or not running with it: quiet
  checkPm(
    'pcs',
    `
  pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11 cidr_netmask=24 --group g
  pcs resource create db ocf:heartbeat:mysql additional_parameters="--bind-address=10.0.0.11" --group g
  pcs resource create other ocf:heartbeat:mysql additional_parameters="--bind-address=10.0.0.99"
  pcs resource create any ocf:heartbeat:mysql additional_parameters="--bind-address=0.0.0.0"
  pcs constraint colocation add any with vip INFINITY
  `,
    { rules: ['pacemaker-vip-service-address'] },
  );
});
