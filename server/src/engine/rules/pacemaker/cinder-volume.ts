/** cinder-volume-active-active (the manifest's id) on a cloned cinder-volume resource. */
import { PmRule } from './rule';
import { rule as manifestRule } from '../cinder-volume-active-active';

export const rule: PmRule = {
  meta: manifestRule.meta,
  check(ctx) {
    for (const r of ctx.model.resources) {
      if (!/cinder-volume/.test(r.agent) || !r.cloneId) continue;
      ctx.report({ span: r.idSpan, message: `resource '${r.id}' (${r.agent}) is cloned as '${r.cloneId}', so cinder-volume runs on every node at once; run a single primitive (active-passive) so that only one owns the storage backend` });
    }
  },
};
