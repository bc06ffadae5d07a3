import { defineRule } from './rule';
import { hasMonitor, isStonith, isVip } from '../documents/pacemaker/model';

export const rule = defineRule({
  meta: {
    id: 'pacemaker-resource-monitor-op',
    severity: 'warning',
    fixable: false,
    tools: { crm_verify: 'accepts', crmsh: 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'pacemaker',
    title: 'A resource without a monitor operation',
    why: 'Pacemaker learns that a service has failed only by running its monitor operation. A resource without one is started once and then trusted forever: if the service dies, nothing restarts or moves it. Every resource in the guide has a monitor (30 s for the APIs, 1 s for HAProxy).',
  },
  on: {
    pacemaker(ctx) {
      for (const r of ctx.model.resources) {
        // Fence devices get a default monitor; VIPs are pacemaker-vip-monitor's.
        if (isStonith(r) || isVip(r) || hasMonitor(r)) continue;
        ctx.report({
          span: r.idSpan,
          message: `resource '${r.id}' (${r.agent}) has no monitor operation: if the service fails, Pacemaker will not notice; add op monitor interval=30s timeout=30s`,
        });
      }
    },
  },
});
