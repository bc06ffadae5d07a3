import { defineRule } from './rule';
import { defaultAnchor, flag, usesDatabase, usesOvn } from './conf/support';
import { setOption } from '../documents/oslo-conf/edits';

export const rule = defineRule({
  meta: {
    id: 'neutron-l3-ha',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    guide: '2016:networking-ha-l3',
    topic: 'neutron-l3-ha',
    title: 'Routers are not made highly available (l3_ha, max_l3_agents_per_router, allow_automatic_l3agent_failover)',
    why: 'With l3_ha each router runs on several L3 agents and VRRP picks the active one; without it a router lives on one network node and its tenants lose external connectivity with it. allow_automatic_l3agent_failover moves legacy routers off dead agents.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view, text } = ctx;
      if (view.catalog.file !== 'neutron.conf' || !usesDatabase(view) || usesOvn(view)) return; // OVN routes and serves DHCP itself
      const at = defaultAnchor(view);
      const ha = flag(view, 'DEFAULT', 'l3_ha');
      if (!ha.on) {
        ctx.report({
          span: ha.entry?.valueSpan ?? at,
          message: `l3_ha is off${ha.entry ? '' : ' (the default)'}: each router lives on one L3 agent and its networks lose external connectivity with that node`,
          fixes: [{ title: 'Set l3_ha = true', safe: true, preferred: true, edits: [setOption(text, view, 'DEFAULT', 'l3_ha', 'true')] }],
        });
      } else {
        const max = view.entry('DEFAULT', 'max_l3_agents_per_router');
        if (max && /^\d+$/.test(max.value.trim()) && Number(max.value) < 2 && Number(max.value) !== 0) {
          ctx.report({
            span: max.valueSpan,
            message: `max_l3_agents_per_router is ${max.value.trim()}: an HA router needs at least 2 agents to fail over to`,
            fixes: [
              {
                title: 'Set max_l3_agents_per_router = 3',
                safe: true,
                preferred: true,
                edits: [{ start: max.valueSpan.start, end: max.valueSpan.end, newText: '3' }],
              },
            ],
          });
        }
      }
      const fo = flag(view, 'DEFAULT', 'allow_automatic_l3agent_failover');
      if (!fo.on && !ha.on) {
        ctx.report({
          span: fo.entry?.valueSpan ?? at,
          message: `allow_automatic_l3agent_failover is off${fo.entry ? '' : ' (the default)'}: routers stay on a dead L3 agent until someone moves them`,
          fixes: [
            {
              title: 'Set allow_automatic_l3agent_failover = true',
              safe: true,
              preferred: true,
              edits: [setOption(text, view, 'DEFAULT', 'allow_automatic_l3agent_failover', 'true')],
            },
          ],
        });
      }
    },
  },
});
