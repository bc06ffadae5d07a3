import { defineRule } from './rule';
import { isStateful, serviceNodeNames, servicePort } from '../documents/manifest/queries';

export const rule = defineRule({
  meta: {
    id: 'api-single-instance',
    severity: 'warning',
    fixable: false,
    topic: 'active-active',
    guide: 'intro-os-ha-state',
    title: 'A stateless API runs on a single node',
    why: 'Stateless APIs become highly available by running several copies behind the balancer. One copy is down whenever its node is.',
  },
  on: {
    manifest(ctx) {
      for (const s of ctx.manifest.services.values()) {
        const api = s.info ? !!s.info.api : isStateful(s) === false && servicePort(s) !== undefined;
        if (!api || !s.on || s.mode?.value === 'per-node') continue;
        const nodes = serviceNodeNames(ctx.manifest, s);
        if (nodes.length !== 1) continue;
        ctx.report({
          span: s.on.span,
          message: `${s.name} runs on one node (${nodes[0]}): the API is down whenever that node is; run it on every controller behind the balancer`,
        });
      }
    },
  },
});
