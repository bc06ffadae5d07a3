import { defineRule } from './rule';

export const rule = defineRule({
  meta: {
    id: 'network-path-redundancy',
    severity: 'warning',
    fixable: false,
    topic: 'network-redundancy',
    guide: 'intro-ha-common-tech',
    title: 'A controller lists fewer than two management interfaces, or several without a bond',
    why: 'A single NIC, cable or switch port cuts a controller off from the cluster: it is fenced and its services move, though the node itself is fine. Two bonded NICs on redundant switches remove that single point of failure.',
  },
  on: {
    manifest(ctx) {
      for (const n of ctx.manifest.nodes.values()) {
        if (!n.interfaces || !n.roles.some((r) => r.value === 'controller' || r.value === 'network')) continue;
        const names = n.interfaces.items.map((i) => i.value);
        if (names.length < 2) {
          ctx.report({
            span: n.interfaces.span,
            message: `${n.name} has ${names.length === 0 ? 'no management interface' : `1 management interface (${names[0]})`}: one NIC, cable or switch port cuts it off from the cluster`,
          });
        } else if (n.bond?.value !== true) {
          ctx.report({
            span: n.interfaces.span,
            message: `${n.name} lists ${names.length} interfaces (${names.join(', ')}) without bond: true; unbonded, losing ${names[0]} still cuts the node off`,
          });
        }
      }
    },
  },
});
