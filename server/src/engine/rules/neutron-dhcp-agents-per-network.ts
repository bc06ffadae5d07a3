import { defineRule } from './rule';
import { defaultAnchor, usesDatabase, usesOvn } from './conf/support';
import { setOption } from '../documents/oslo-conf/edits';

export const rule = defineRule({
  meta: {
    id: 'neutron-dhcp-agents-per-network',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    guide: 'networking-ha-l3-agent',
    topic: 'neutron-dhcp-ha',
    title: 'Each network is served by one DHCP agent (dhcp_agents_per_network < 2)',
    why: 'The DHCP agent is made highly available by the scheduler putting each network on several agents; with one per network (the default), instances on that network get no leases while its agent is down.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view, text } = ctx;
      // only the server's neutron.conf (it has the database) schedules networks
      if (view.catalog.file !== 'neutron.conf' || !usesDatabase(view) || usesOvn(view)) return; // OVN routes and serves DHCP itself
      const e = view.entry('DEFAULT', 'dhcp_agents_per_network');
      const n = e ? Number(e.value) : 1;
      if (!Number.isFinite(n) || n >= 2) return;
      ctx.report({
        span: e ? e.valueSpan : defaultAnchor(view),
        message: `dhcp_agents_per_network is ${n}${e ? '' : ' (the default)'}: each network has one DHCP agent, so leases stop while it is down; schedule each network on 2 or 3`,
        fixes: [
          {
            title: 'Set dhcp_agents_per_network = 2',
            safe: true,
            preferred: true,
            edits: [setOption(text, view, 'DEFAULT', 'dhcp_agents_per_network', '2')],
          },
        ],
      });
    },
  },
});
