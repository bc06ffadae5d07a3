import { defineRule } from './rule';

export const rule = defineRule({
  meta: {
    id: 'cinder-volume-single-active',
    severity: 'warning',
    fixable: false,
    tools: { crm_verify: 'accepts', crmsh: 'accepts' },
    topic: 'cinder-volume-ap',
    guide: 'storage-ha-block',
    title: 'cinder-volume is cloned, so it runs on every node at once',
    why: 'cinder-volume owns the connections to its storage backend. The guide runs it as a single Pacemaker primitive, one instance at a time, restarted on a survivor after a failure; a clone runs it active on every node, which the guide does not trust. (In the manifest the same mistake is reported as cinder-volume-active-active.)',
  },
  on: {
    pacemaker(ctx) {
      for (const r of ctx.model.resources) {
        if (!/cinder-volume/.test(r.agent) || !r.cloneId) continue;
        ctx.report({
          span: r.idSpan,
          message: `resource '${r.id}' (${r.agent}) is cloned as '${r.cloneId}', so cinder-volume runs on every node at once; run a single primitive (active-passive) so that only one owns the storage backend`,
        });
      }
    },
  },
});
