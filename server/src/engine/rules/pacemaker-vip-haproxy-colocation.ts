import { defineRule } from './rule';
import { isVip, partners, PmResource } from '../documents/pacemaker/model';

const isHaproxy = (r: PmResource) => /(^|:)haproxy$/i.test(r.agent) || /openstack-haproxy|haproxy-bundle/i.test(r.agent);

export const rule = defineRule({
  meta: {
    id: 'pacemaker-vip-haproxy-colocation',
    severity: 'error',
    fixable: false,
    tools: { crm_verify: 'accepts', crmsh: 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'vip-haproxy-colocation',
    title: 'A VIP is not tied to the node where HAProxy runs',
    why: "Clients reach the APIs through the VIP, and on the node holding it HAProxy must be running to pass their connections on. Without a colocation constraint (or a group holding both) Pacemaker may place the VIP on a node whose HAProxy is stopped or failed, and every API behind it becomes unreachable. A VIP grouped or colocated with another service (a database that answers on the VIP itself) is that service's, and is not judged.",
  },
  on: {
    pacemaker(ctx) {
      const m = ctx.model;
      const haproxy = m.resources.filter(isHaproxy);
      if (!haproxy.length) return;
      for (const vip of m.resources.filter(isVip)) {
        const withIt = partners(m, vip);
        // a colocation constraint, or one group holding both
        if (withIt.some(isHaproxy)) continue;
        // a VIP that runs with a service of its own (MySQL in the old guide's DRBD group) fronts that service, not HAProxy
        if (withIt.some((r) => !isVip(r))) continue;
        const h = haproxy[0].cloneId ?? haproxy[0].id;
        ctx.report({
          span: vip.idSpan,
          message: `VIP resource '${vip.id}' has no colocation constraint with HAProxy ('${h}'): Pacemaker may place it on a node where HAProxy is not running; add a colocation of ${h} with ${vip.id} (and order ${vip.id} before ${h})`,
        });
      }
    },
  },
});
