import { defineRule } from './rule';
import { fencingProperty, isFalse, isStonith } from '../documents/pacemaker/model';
import { isProductionLike } from '../types';

export const rule = defineRule({
  meta: {
    id: 'stonith-disabled-in-production',
    severity: 'error',
    fixable: true,
    tools: { crm_verify: 'accepts', crmsh: 'accepts' },
    topic: 'fencing-stonith',
    guide: 'intro-os-ha-cluster',
    title: 'Fencing is turned off (stonith-enabled=false) outside a demo or test',
    why: "A node that stops answering may still be running services and writing data. Without fencing, Pacemaker starts its resources elsewhere while the old copy may still run: two writers, one VIP on two hosts. The guide allows turning STONITH off only for demos and tests. (The manifest's `stonith: false` is the same mistake, reported as stonith-disabled.)",
  },
  on: {
    pacemaker(ctx) {
      const p = fencingProperty(ctx.model);
      if (!p || !isFalse(p.value) || !isProductionLike(ctx.environment)) return;
      const noDevices = ctx.model.syntax === 'cib' && ctx.model.resources.length > 0 && !ctx.model.resources.some(isStonith);
      ctx.report({
        span: p.span,
        message: `${p.name}=${p.value} in a ${ctx.environment} deployment: a node that stops answering may still write while its resources start elsewhere (the guide allows this for demos and tests only)`,
        // Turning fencing on with no fence device stops every resource: never applied unasked, and
        // not offered where a whole CIB shows there is none (stonith-enabled-without-devices would fire)
        fixes: noDevices
          ? []
          : [
              {
                title: 'Turn fencing on (configure fence devices first)',
                safe: false,
                edits: [{ start: p.span.start, end: p.span.end, newText: 'true' }],
              },
            ],
      });
    },
  },
});
