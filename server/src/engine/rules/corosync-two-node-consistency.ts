import { defineRule } from './rule';
import { isOn, nodes, quorum, setEntry } from './corosync/support';
import { block, entry } from '../documents/corosync/parse';

export const rule = defineRule({
  meta: {
    id: 'corosync-two-node-consistency',
    severity: 'error',
    fixable: true,
    tools: { 'corosync -t': 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'two-node-cluster',
    title: 'Two nodes without two_node: 1, or two_node: 1 with more than two',
    why: 'two_node lowers quorum to one vote so a two-member cluster survives the loss of a node; without it neither node keeps quorum after a split. With more than two nodes corosync turns it off by itself, so setting it misleads.',
  },
  on: {
    corosync(ctx) {
      const q = quorum(ctx.file);
      const n = nodes(ctx.file).length;
      if (!q || !n) return;
      const t = entry(q, 'two_node');
      const on = isOn(t?.value);
      // a quorum device (a `device { }` block) is the third vote: two_node is then neither needed nor allowed
      if (n === 2 && !on && !block(q, 'device').length) {
        ctx.report({
          span: t ? t.valueSpan : q.nameSpan,
          message: 'the nodelist has 2 nodes but two_node is not 1: after a 1:1 split neither node keeps quorum',
          fixes: [{ title: 'Set two_node: 1', safe: true, preferred: true, edits: [setEntry(ctx.text, q, 'two_node', '1')] }],
        });
      } else if (n > 2 && on) {
        ctx.report({
          span: t!.valueSpan,
          severity: 'warning',
          message: `two_node: 1 with ${n} nodes: corosync ignores it above two nodes`,
        });
      }
    },
  },
});
