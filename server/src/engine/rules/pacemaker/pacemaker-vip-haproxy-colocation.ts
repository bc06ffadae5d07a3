import { PmRule } from './rule';
import { isVip, PmResource, sameResource } from '../../documents/pacemaker/model';

const isHaproxy = (r: PmResource) => /(^|:)haproxy$/i.test(r.agent) || /openstack-haproxy|haproxy-bundle/i.test(r.agent);

export const rule: PmRule = {
  meta: {
    id: 'pacemaker-vip-haproxy-colocation', severity: 'error', fixable: false, guide: 'control-plane-stateless', topic: 'vip-haproxy-colocation',
    title: 'A VIP is not tied to the node where HAProxy runs',
    why: 'Clients reach the APIs through the VIP, and on the node holding it HAProxy must be running to pass their connections on. Without a colocation constraint Pacemaker may place the VIP on a node whose HAProxy is stopped or failed, and every API behind it becomes unreachable.',
  },
  check(ctx) {
    const m = ctx.model;
    const haproxy = m.resources.filter(isHaproxy);
    if (!haproxy.length) return;
    for (const vip of m.resources.filter(isVip)) {
      const tied = m.colocations.some((c) => haproxy.some((h) =>
        (sameResource(m, c.a, vip) && sameResource(m, c.b, h)) || (sameResource(m, c.a, h) && sameResource(m, c.b, vip))));
      if (tied) continue;
      const h = haproxy[0].cloneId ?? haproxy[0].id;
      ctx.report({ span: vip.idSpan, message: `VIP resource '${vip.id}' has no colocation constraint with HAProxy ('${h}'): Pacemaker may place it on a node where HAProxy is not running; add a colocation of ${h} with ${vip.id} (and order ${vip.id} before ${h})` });
    }
  },
};
