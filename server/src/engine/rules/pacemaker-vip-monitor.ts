import { defineRule } from './rule';
import { hasMonitor, isVip } from '../documents/pacemaker/model';

export const rule = defineRule({
  meta: {
    id: 'pacemaker-vip-monitor',
    severity: 'warning',
    fixable: false,
    tools: { crm_verify: 'accepts', crmsh: 'accepts' },
    guide: '2016:controller-ha-vip',
    topic: 'vip',
    title: 'An IPaddr2 VIP without a netmask or without a monitor operation',
    why: 'Without cidr_netmask the agent guesses the prefix from the routes of the node it lands on, which can differ between nodes; without a monitor operation Pacemaker never notices that the address has gone and does not move it. The guide gives the VIP both, with a 30 s monitor.',
  },
  on: {
    pacemaker(ctx) {
      for (const r of ctx.model.resources) {
        if (!isVip(r)) continue;
        const missing = [!r.params.has('cidr_netmask') && 'cidr_netmask', !hasMonitor(r) && 'monitor operation'].filter(Boolean);
        if (!missing.length) continue;
        const ip = r.params.get('ip')?.value;
        ctx.report({
          span: r.idSpan,
          message: `VIP resource '${r.id}'${ip ? ` (${ip})` : ''} has no ${missing.join(' and no ')}${!hasMonitor(r) ? ': Pacemaker will not notice when the address is gone' : ''}; the guide uses cidr_netmask and op monitor interval=30s`,
        });
      }
    },
  },
});
