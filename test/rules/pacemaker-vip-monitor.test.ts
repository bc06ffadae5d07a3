import { test } from 'node:test';
import { checkPm } from '../support/fixture';

const rules = ['pacemaker-vip-monitor'];

test('an IPaddr2 VIP without cidr_netmask, or without a monitor operation, in pcs and crm (pcs adds a monitor to what it creates)', () => {
  checkPm(
    'pcs',
    `
  pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11
  #                   ^^^ warning pacemaker-vip-monitor: VIP resource 'vip' (10.0.0.11) has no cidr_netmask; the guide uses cidr_netmask and op monitor interval=30s
  `,
    { rules },
  );
  checkPm(
    'crm',
    `
  primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.11 cidr_netmask=24
  #         ^^^ warning pacemaker-vip-monitor: VIP resource 'vip' (10.0.0.11) has no monitor operation: Pacemaker will not notice when the address is gone; the guide uses cidr_netmask and op monitor interval=30s
  primitive vip2 ocf:heartbeat:IPaddr2 params ip=10.0.0.21
  #         ^^^^ warning pacemaker-vip-monitor: VIP resource 'vip2' (10.0.0.21) has no cidr_netmask and no monitor operation: Pacemaker will not notice when the address is gone; the guide uses cidr_netmask and op monitor interval=30s
  `,
    { rules },
  );
});

test("the guide's VIP, with its netmask and a 30 s monitor, is fine", () => {
  checkPm('pcs', 'pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11 cidr_netmask=24 op monitor interval=30s\n', { rules });
  checkPm('crm', 'primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.11 cidr_netmask=24 op monitor interval=30s\n', { rules });
});
