import { CoroRule } from './rule';
import { nodes, totem } from './support';
import { entry, value } from '../../documents/corosync/parse';
import { isIPv6 } from '../../text/ip';

export const rule: CoroRule = {
  meta: {
    id: 'corosync-udpu-nodelist', severity: 'error', fixable: false, guide: '2016:controller-ha-pacemaker', topic: 'corosync',
    title: 'udpu or knet (corosync 3\'s default) without a nodelist, a node without ring0_addr, nodeid 0, or IPv6 without nodeid',
    why: 'Unicast (udpu, and knet) has no discovery: every member must be listed with at least ring0_addr. nodeid 0 is reserved, and IPv6 ring addresses need an explicit nodeid.',
  },
  check(ctx) {
    const t = totem(ctx.file);
    const list = nodes(ctx.file);
    const transport = t ? value(t, 'transport') : undefined;
    if (t && !list.length) {
      if (transport === 'udpu' || transport === 'knet') ctx.report({ span: entry(t, 'transport')!.valueSpan, message: `transport ${transport} needs a nodelist with every member; there is none` });
      // corosync 3 defaults to knet, which has no multicast discovery: a corosync 2 file of interface blocks does not start on it
      else if (transport === undefined) ctx.report({ severity: 'warning', span: t.nameSpan, message: 'no transport and no nodelist: corosync 3 uses knet by default, which needs a nodelist with every member, and refuses to start (\'No valid name found for local host\'); this file only works on corosync 2' });
    }
    const ids = new Map<string, number>();
    for (const n of list) {
      const r0 = entry(n, 'ring0_addr'), id = entry(n, 'nodeid');
      if (id) {
        if (ids.has(id.value)) ctx.report({ span: id.valueSpan, message: `nodeid ${id.value} is already used by node ${ids.get(id.value)! + 1} of the nodelist; corosync refuses to start` });
        else ids.set(id.value, list.indexOf(n));
      }
      if (!r0) ctx.report({ span: n.nameSpan, message: 'this node has no ring0_addr' });
      if (id && id.value.trim() === '0') ctx.report({ span: id.valueSpan, message: 'nodeid 0 is reserved; node ids start at 1' });
      if (r0 && isIPv6(r0.value) && !id) ctx.report({ span: r0.valueSpan, message: `ring0_addr ${r0.value} is IPv6: the node needs an explicit nodeid` });
    }
  },
};
