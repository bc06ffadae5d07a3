import { CoroRule } from './rule';
import { nodes, quorum, setEntry } from './support';
import { entry } from '../../documents/corosync/parse';

export const rule: CoroRule = {
  meta: {
    id: 'corosync-votequorum', severity: 'warning', fixable: true, guide: '2016:controller-ha-pacemaker', topic: 'votequorum',
    title: 'No votequorum provider, or expected_votes that disagrees with the nodelist',
    why: 'votequorum has to be enabled explicitly (provider: corosync_votequorum) for corosync to decide quorum at all. expected_votes is ignored when a nodelist exists, so a value that disagrees with it only misleads whoever reads the file.',
  },
  check(ctx) {
    const q = quorum(ctx.file);
    const list = nodes(ctx.file);
    if (!q) {
      if (ctx.file.root.blocks.length) ctx.report({ span: ctx.file.root.blocks[0].nameSpan, severity: 'info', message: 'there is no quorum block: corosync provides no quorum to Pacemaker (add quorum { provider: corosync_votequorum })' });
      return;
    }
    const p = entry(q, 'provider');
    if (!p || p.value !== 'corosync_votequorum') {
      ctx.report({ span: p ? p.valueSpan : q.nameSpan, message: `the quorum block has ${p ? `provider ${p.value}` : 'no provider'}: votequorum is off`,
        fixes: [{ title: 'Set provider: corosync_votequorum', safe: true, preferred: true, edits: [setEntry(ctx.text, q, 'provider', 'corosync_votequorum')] }] });
    }
    const ev = entry(q, 'expected_votes');
    if (ev && list.length && Number(ev.value) !== list.length) {
      ctx.report({ span: ev.valueSpan, message: `expected_votes is ${ev.value} but the nodelist has ${list.length} nodes; with a nodelist corosync ignores expected_votes` });
    }
  },
};
