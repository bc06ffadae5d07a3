import { defineRule } from './rule';
import { dropLine, interfaces, isOn } from './corosync/support';
import { entry } from '../documents/corosync/parse';

export const rule = defineRule({
  meta: {
    id: 'corosync-broadcast-excludes-mcastaddr',
    severity: 'error',
    fixable: true,
    tools: { 'corosync -t': 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'corosync',
    title: 'An interface with broadcast: yes that also sets mcastaddr',
    why: 'broadcast and multicast exclude each other: with broadcast: yes, mcastaddr must not be set.',
  },
  on: {
    corosync(ctx) {
      for (const b of interfaces(ctx.file)) {
        const bc = entry(b, 'broadcast'),
          m = entry(b, 'mcastaddr');
        if (!bc || !isOn(bc.value) || !m) continue;
        ctx.report({
          span: m.span,
          message: `this interface sets broadcast: ${bc.value} and mcastaddr ${m.value}; with broadcast, mcastaddr must go`,
          fixes: [{ title: 'Remove mcastaddr', safe: true, preferred: true, edits: [dropLine(ctx.text, m.span)] }],
        });
      }
    },
  },
});
