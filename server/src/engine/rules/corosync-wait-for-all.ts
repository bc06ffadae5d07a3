import { defineRule } from './rule';
import { isOff, isOn, nodes, quorum, setEntry } from './corosync/support';
import { entry } from '../documents/corosync/parse';

export const rule = defineRule({
  meta: {
    id: 'corosync-wait-for-all',
    severity: 'info',
    fixable: true,
    tools: { 'corosync -t': 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'two-node-cluster',
    title: 'wait_for_all is not on (an error when a two-node cluster turns it off)',
    why: 'wait_for_all keeps the cluster without quorum after a cold start until every node has been seen once. In a two-node cluster turning it off invites a fencing loop: each node boots, decides the other is dead and shoots it.',
  },
  on: {
    corosync(ctx) {
      const q = quorum(ctx.file);
      if (!q) return;
      const w = entry(q, 'wait_for_all');
      if (w && isOn(w.value)) return;
      const two = nodes(ctx.file).length === 2 || isOn(entry(q, 'two_node')?.value);
      if (two && isOn(entry(q, 'two_node')?.value) && !w) return; // two_node implies wait_for_all
      const explicitOff = w && isOff(w.value);
      ctx.report({
        span: w ? w.valueSpan : q.nameSpan,
        severity: two && explicitOff ? 'error' : 'info',
        message:
          two && explicitOff
            ? 'wait_for_all: 0 in a two-node cluster: after a cold start each node may fence the other'
            : `wait_for_all is ${w ? w.value : 'not set'}: after a cold start a partition may become quorate before every node has joined`,
        fixes: [{ title: 'Set wait_for_all: 1', safe: true, preferred: true, edits: [setEntry(ctx.text, q, 'wait_for_all', '1')] }],
      });
    },
  },
});
