import { defineRule } from './rule';
import { replaceFix } from '../documents/manifest/edits';
import { balancerOf, serviceNodeNames } from '../documents/manifest/queries';

export const rule = defineRule({
  meta: {
    id: 'galera-multi-writer',
    severity: 'error',
    fixable: true,
    topic: 'galera-single-writer',
    guide: 'control-plane-stateless',
    title: 'galera is active-active behind the balancer',
    why: "Galera accepts writes on every node, but OpenStack's SELECT ... FOR UPDATE patterns deadlock when several nodes take writes. The guide sends all traffic through HAProxy to one node and keeps the others as backup.",
  },
  on: {
    manifest(ctx) {
      for (const s of ctx.manifest.services.values()) {
        if (s.info?.name !== 'galera' || s.mode?.value !== 'active-active') continue;
        const lb = balancerOf(s);
        if (!lb) continue;
        const n = serviceNodeNames(ctx.manifest, s).length;
        ctx.report({
          span: s.mode.span,
          message: `${s.name} is active-active behind ${lb}: ${n > 1 ? `${n} nodes` : 'every node'} take writes and OpenStack's SELECT ... FOR UPDATE deadlocks across them; use one writer with the others as backup (mode: clustered)`,
          fixes: [{ ...replaceFix(s.mode.span, 'clustered', true, 'Set mode: clustered'), preferred: true }],
        });
      }
    },
  },
});
