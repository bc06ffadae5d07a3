import { defineRule } from './rule';
import { fencingProperty, isFalse, isStonith } from '../documents/pacemaker/model';

export const rule = defineRule({
  meta: {
    id: 'stonith-enabled-without-devices',
    severity: 'error',
    fixable: false,
    tools: { crm_verify: 'refuses', crmsh: 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'fencing-stonith',
    title: 'STONITH is on but no fence device is configured',
    why: 'STONITH is enabled unless a property turns it off. With it on and no fence device to carry it out, Pacemaker cannot make any node safe, so it refuses to start resources at all: the cluster comes up and runs nothing.',
  },
  on: {
    pacemaker(ctx) {
      // Only a whole CIB says that there is no device; a crm or pcs snippet may leave them to another file.
      if (ctx.model.syntax !== 'cib' || !ctx.model.resources.length) return;
      const p = fencingProperty(ctx.model);
      if (p && isFalse(p.value)) return;
      if (ctx.model.resources.some(isStonith)) return;
      ctx.report({
        span: p?.span ?? ctx.model.anchor,
        message: `STONITH is ${p ? `enabled (${p.name}=${p.value})` : 'enabled (the default)'} but none of the ${ctx.model.resources.length} resources is a fence device: Pacemaker will not start any resource; add a stonith resource per node (e.g. fence_ipmilan)`,
      });
    },
  },
});
