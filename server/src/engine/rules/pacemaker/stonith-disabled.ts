/** stonith-disabled (the manifest's id) on stonith-enabled=false in a Pacemaker configuration. */
import { PmRule } from './rule';
import { fencingProperty, isFalse } from '../../documents/pacemaker/model';
import { rule as manifestRule } from '../stonith-disabled';
import { isProductionLike } from '../../types';

export const rule: PmRule = {
  meta: manifestRule.meta,
  check(ctx) {
    const p = fencingProperty(ctx.model);
    if (!p || !isFalse(p.value) || !isProductionLike(ctx.environment)) return;
    ctx.report({
      span: p.span,
      message: `${p.name}=${p.value} in a ${ctx.environment} deployment: a node that stops answering may still write while its resources start elsewhere (the guide allows this for demos and tests only)`,
      // Turning fencing on with no fence device stops every resource: never applied unasked.
      fixes: [{ title: 'Turn fencing on (configure fence devices first)', safe: false, edits: [{ start: p.span.start, end: p.span.end, newText: 'true' }] }],
    });
  },
};
