import { defineRule } from './rule';
import { dropLine, isOn, nodelistVotes, nodes, quorum, setEntry } from './corosync/support';
import { entry } from '../documents/corosync/parse';
import { Fix } from '../types';

export const rule = defineRule({
  meta: {
    id: 'corosync-votequorum',
    severity: 'warning',
    fixable: true,
    tools: { 'corosync -t': 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'votequorum',
    title: "No votequorum provider, or expected_votes that overrides the nodelist's count",
    why: "votequorum has to be enabled explicitly (provider: corosync_votequorum) for corosync to decide quorum at all. quorum.expected_votes overrides the votes corosync counts in the nodelist (votequorum(5)), and rises only when more votes are seen: above the nodelist's votes, quorum needs more nodes than the cluster can lose, or than it has; below them, at a cold start two halves of a split can each be quorate.",
  },
  on: {
    corosync(ctx) {
      const q = quorum(ctx.file);
      const list = nodes(ctx.file);
      if (!q) {
        if (ctx.file.root.blocks.length)
          ctx.report({
            span: ctx.file.root.blocks[0].nameSpan,
            severity: 'info',
            message: 'there is no quorum block: corosync provides no quorum to Pacemaker (add quorum { provider: corosync_votequorum })',
          });
        return;
      }
      const p = entry(q, 'provider');
      if (!p || p.value !== 'corosync_votequorum') {
        ctx.report({
          span: p ? p.valueSpan : q.nameSpan,
          message: `the quorum block has ${p ? `provider ${p.value}` : 'no provider'}: votequorum is off`,
          fixes: [
            {
              title: 'Set provider: corosync_votequorum',
              safe: true,
              preferred: true,
              edits: [setEntry(ctx.text, q, 'provider', 'corosync_votequorum')],
            },
          ],
        });
      }
      const ev = entry(q, 'expected_votes');
      const e = Number(ev?.value);
      // two_node sets quorum to 1 vote itself; the consistency rule judges it
      if (!ev || !list.length || !Number.isInteger(e) || isOn(entry(q, 'two_node')?.value)) return;
      const n = nodelistVotes(ctx.file);
      if (e === n) return;
      const need = Math.floor(e / 2) + 1,
        normal = Math.floor(n / 2) + 1;
      const drop: Fix[] = [
        {
          title: 'Remove expected_votes (the nodelist counts the votes)',
          safe: false,
          preferred: true,
          edits: [dropLine(ctx.text, ev.span)],
        },
      ];
      const say = (message: string, severity: 'error' | 'warning') =>
        ctx.report({
          span: ev.valueSpan,
          severity,
          message: `expected_votes: ${e} overrides the nodelist's ${n} votes, so quorum needs ${need}: ${message}`,
          fixes: drop,
        });
      if (e > n) {
        if (need > n) say(`more votes than the nodelist has, so the cluster is never quorate`, 'error');
        else if (need === n)
          say(
            `every node must be up, so the cluster cannot lose a single node (with the nodelist's count it survives ${n - normal})`,
            'error',
          );
        else say(`the cluster survives ${n - need} failed ${n - need === 1 ? 'node' : 'nodes'} instead of ${n - normal}`, 'warning');
      } else if (2 * need <= n) {
        say(
          `until all ${n} have been seen (at a cold start), both sides of a ${need}:${n - need} split can be quorate and run the same resources`,
          'error',
        );
      } else {
        say(`corosync uses the lower count until all ${n} votes have been seen; drop the line and let the nodelist count them`, 'warning');
      }
    },
  },
});
