import { defineRule } from './rule';
import { nodes, totem } from './corosync/support';
import { entry, value } from '../documents/corosync/parse';
import { isIPv6 } from '../text/ip';

export const rule = defineRule({
  meta: {
    id: 'corosync-udpu-nodelist',
    severity: 'error',
    fixable: false,
    tools: { 'corosync -t': 'refuses' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'corosync',
    title:
      'No nodelist (corosync 3 needs one), a node without ring0_addr or, with two rings, without a name, nodeid 0, or IPv6 without nodeid',
    why: 'Unicast (udpu, and knet) has no discovery: every member must be listed with at least ring0_addr, and corosync 3 finds its own node in the nodelist whatever the transport, so a corosync 1/2 file of multicast interface blocks without one does not start (set `corosync: 2` in .openstack-ha.yaml for a cluster that still runs corosync 2). With a second ring, corosync 3 wants every node named. nodeid 0 is reserved, and IPv6 ring addresses need an explicit nodeid.',
  },
  on: {
    corosync(ctx) {
      const t = totem(ctx.file);
      const list = nodes(ctx.file);
      const transport = t ? value(t, 'transport') : undefined;
      if (t && !list.length) {
        if (transport === 'udpu' || transport === 'knet')
          ctx.report({
            span: entry(t, 'transport')!.valueSpan,
            message: `transport ${transport} needs a nodelist with every member; there is none`,
          });
        // corosync 3 finds its own node in the nodelist, whatever the transport: a corosync 1/2 file of multicast interface blocks does not start on it
        else if (ctx.version === 3)
          ctx.report({
            span: transport ? entry(t, 'transport')!.valueSpan : t.nameSpan,
            message: `${transport ? `transport ${transport}` : 'no transport'} and no nodelist: corosync 3 finds its own node in the nodelist and refuses to start without one ('No valid name found for local host'); this is a corosync 1/2 file (say \`corosync: 2\` in .openstack-ha.yaml if that is what runs)`,
          });
      }
      // corosync 3 (knet) names each node's links: with a second ring every node needs its name
      if (ctx.version === 3 && list.some((n) => n.entries.some((e) => /^ring[1-7]_addr$/.test(e.key)))) {
        for (const n of list)
          if (!entry(n, 'name'))
            ctx.report({
              span: n.nameSpan,
              message:
                'this node has no name, and the nodelist has a second ring: corosync 3 refuses a multi-link configuration where a node has no name',
            });
      }
      const ids = new Map<string, number>();
      for (const n of list) {
        const r0 = entry(n, 'ring0_addr'),
          id = entry(n, 'nodeid');
        if (id) {
          if (ids.has(id.value))
            ctx.report({
              span: id.valueSpan,
              message: `nodeid ${id.value} is already used by node ${ids.get(id.value)! + 1} of the nodelist; corosync refuses to start`,
            });
          else ids.set(id.value, list.indexOf(n));
        }
        if (!r0) ctx.report({ span: n.nameSpan, message: 'this node has no ring0_addr' });
        if (id && id.value.trim() === '0') ctx.report({ span: id.valueSpan, message: 'nodeid 0 is reserved; node ids start at 1' });
        if (r0 && isIPv6(r0.value) && !id)
          ctx.report({ span: r0.valueSpan, message: `ring0_addr ${r0.value} is IPv6: the node needs an explicit nodeid` });
      }
    },
  },
});
