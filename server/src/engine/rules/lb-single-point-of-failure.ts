import { defineRule } from './rule';
import { balancers, nameList, serviceNodeNames } from '../documents/manifest/queries';

export const rule = defineRule({
  meta: {
    id: 'lb-single-point-of-failure',
    severity: 'error',
    fixable: false,
    topic: 'spof',
    guide: 'intro-ha-common-tech',
    title: 'The balancer runs on fewer than two nodes, or a VIP has no cluster to move it',
    why: 'Every API behind the balancer is only as available as the balancer and its VIP. Run HAProxy on every controller and let Pacemaker or keepalived move the VIP to a live one.',
  },
  on: {
    manifest(ctx) {
      const m = ctx.manifest;
      for (const b of balancers(m)) {
        if (!b.on) continue;
        const nodes = serviceNodeNames(m, b);
        if (nodes.length === 1)
          ctx.report({
            span: b.on.span,
            message: `${b.name} runs on 1 node (${nodes[0]}): when it fails, every service behind it is unreachable`,
          });
      }
      for (const v of m.vips.values()) {
        if (!v.cluster) {
          ctx.report({
            span: v.keySpan,
            message: `VIP '${v.name}' has no cluster to move it: if the node holding it fails, the address and everything behind it go too`,
          });
          continue;
        }
        const c = m.clusters.get(v.cluster.value);
        if (c && c.manager === 'none') {
          ctx.report({
            span: v.cluster.span,
            message: `VIP '${v.name}' belongs to cluster '${c.name}', which has manager: none; nothing moves the address when its node fails`,
          });
        } else if (c && (c.members?.items.length ?? 0) === 1) {
          ctx.report({
            span: v.cluster.span,
            message: `VIP '${v.name}' can only move within cluster '${c.name}', which has 1 member (${nameList(c.members!.items.map((i) => i.value))})`,
          });
        }
      }
    },
  },
});
