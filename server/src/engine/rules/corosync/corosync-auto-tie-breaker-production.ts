import { CoroRule } from './rule';
import { isOn, quorum } from './support';
import { entry } from '../../documents/corosync/parse';
import { isProductionLike } from '../../types';

export const rule: CoroRule = {
  meta: {
    id: 'corosync-auto-tie-breaker-production', severity: 'warning', fixable: false, guide: '2016:controller-ha-pacemaker', topic: 'votequorum',
    title: 'auto_tie_breaker or last_man_standing in production',
    why: 'last_man_standing recalculates quorum as nodes leave, and auto_tie_breaker lets one side of an even split win by node id; together they can bring quorum down to a single node. The guide does not recommend them for production.',
  },
  check(ctx) {
    const q = quorum(ctx.file);
    if (!q || !isProductionLike(ctx.environment)) return;
    for (const key of ['auto_tie_breaker', 'last_man_standing']) {
      const e = entry(q, key);
      if (e && isOn(e.value)) ctx.report({ span: e.span, message: `${key}: ${e.value} lets quorum shrink below a majority of the configured nodes; not for production` });
    }
  },
};
