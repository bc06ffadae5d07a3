import { defineRule } from './rule';
import { isOn, quorum } from './corosync/support';
import { entry } from '../documents/corosync/parse';
import { isProductionLike } from '../types';

export const rule = defineRule({
  meta: {
    id: 'corosync-auto-tie-breaker-production',
    severity: 'warning',
    fixable: false,
    tools: { 'corosync -t': 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'votequorum',
    title: 'auto_tie_breaker in production',
    why: "auto_tie_breaker lets exactly half of the votes keep quorum when that half holds the tie-breaker node (the lowest node id by default): a split decides by node id, not by which side can still serve, and with last_man_standing it can bring quorum down to a single node. The guide does not recommend it for production. last_man_standing alone is not reported: the guide's own votequorum example sets it.",
  },
  on: {
    corosync(ctx) {
      const q = quorum(ctx.file);
      if (!q || !isProductionLike(ctx.environment)) return;
      const e = entry(q, 'auto_tie_breaker');
      if (!e || !isOn(e.value)) return;
      const lms = entry(q, 'last_man_standing');
      ctx.report({
        span: e.span,
        message: `auto_tie_breaker: ${e.value} lets half of the votes keep quorum when they hold the lowest node id${lms && isOn(lms.value) ? '; with last_man_standing, quorum can shrink to a single node' : ''}: not for production`,
      });
    },
  },
});
