import { defineRule } from './rule';
import { interfaces } from './corosync/support';
import { entry } from '../documents/corosync/parse';
import { isIPv4 } from '../text/ip';

export const rule = defineRule({
  meta: {
    id: 'corosync-mcastaddr-scope',
    severity: 'warning',
    fixable: false,
    tools: { 'corosync -t': 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'corosync',
    title: 'A multicast address outside the administratively scoped 239.0.0.0/8',
    why: "Multicast groups must never be shared between clusters, and RFC 2365's 239.0.0.0/8 is the range meant for such private use; an address elsewhere may collide with another application's group.",
  },
  on: {
    corosync(ctx) {
      for (const b of interfaces(ctx.file)) {
        const m = entry(b, 'mcastaddr');
        if (!m || !isIPv4(m.value) || m.value.startsWith('239.')) continue;
        ctx.report({
          span: m.valueSpan,
          message: `mcastaddr ${m.value} is outside 239.0.0.0/8, the administratively scoped multicast range (RFC 2365)`,
        });
      }
    },
  },
});
