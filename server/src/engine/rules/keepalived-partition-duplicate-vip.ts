import { defineRule } from './rule';
import { instances, name, vips } from './keepalived/support';

export const rule = defineRule({
  meta: {
    id: 'keepalived-partition-duplicate-vip',
    severity: 'info',
    fixable: false,
    tools: { 'keepalived -t': 'accepts' },
    guide: '2016:intro-ha-arch-keepalived',
    topic: 'keepalived-vs-pacemaker',
    title: 'A VIP moved by keepalived, which has no fencing: a partition can put it on two nodes',
    why: "VRRP elects the VIP's holder by multicast; when the network splits, each side elects its own and both answer for the address until the split heals. The guide calls this a known limit of the keepalived architecture and points to Pacemaker with fencing where it matters.",
  },
  on: {
    keepalived(ctx) {
      const t = ctx.topology;
      if (!t) return;
      for (const i of instances(ctx.file)) {
        for (const v of vips(i)) {
          const c = t.vipCluster(v.address);
          if (!c || c.manager !== 'keepalived') continue;
          ctx.report({
            span: v.span,
            message: `VIP '${c.vip}' (${v.address}) is moved by keepalived (cluster '${c.cluster}', ${c.members} nodes, vrrp_instance ${name(i)}): without fencing, a network partition can leave it on two nodes at once`,
          });
        }
      }
    },
  },
});
