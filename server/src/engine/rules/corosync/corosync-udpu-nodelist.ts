import { CoroRule } from './rule';
import { nodes, totem } from './support';
import { entry, value } from '../../documents/corosync/parse';
import { isIPv6 } from '../../text/ip';

export const rule: CoroRule = {
  meta: {
    id: 'corosync-udpu-nodelist', severity: 'error', fixable: false, guide: '2016:controller-ha-pacemaker', topic: 'corosync',
    title: 'udpu without a nodelist, a node without ring0_addr, nodeid 0, or IPv6 without nodeid',
    why: 'Unicast (udpu, and knet) has no discovery: every member must be listed with at least ring0_addr. nodeid 0 is reserved, and IPv6 ring addresses need an explicit nodeid.',
  },
  check(ctx) {
    const t = totem(ctx.file);
    const list = nodes(ctx.file);
    if (t && value(t, 'transport') === 'udpu' && !list.length) {
      ctx.report({ span: entry(t, 'transport')!.valueSpan, message: 'transport udpu needs a nodelist with every member; there is none' });
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
