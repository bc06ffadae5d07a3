import { defineRule } from './rule';
import { replaceFix } from '../documents/manifest/edits';
import { plural, serviceNodeNames } from '../documents/manifest/queries';

export const rule = defineRule({
  meta: {
    id: 'cinder-volume-active-active',
    severity: 'warning',
    fixable: true,
    topic: 'cinder-volume-ap',
    guide: 'storage-ha-block',
    title: 'cinder-volume runs active-active',
    why: 'cinder-volume owns the connections to its storage backend. The guide runs one instance at a time under Pacemaker, with one shared host name, because active/active cinder-volume needs a coordination setup the guide does not trust.',
  },
  on: {
    manifest(ctx) {
      for (const s of ctx.manifest.services.values()) {
        if (s.info?.name !== 'cinder-volume' || s.mode?.value !== 'active-active') continue;
        const n = serviceNodeNames(ctx.manifest, s).length;
        ctx.report({
          span: s.mode.span,
          message: `${s.name} runs active-active${n ? ` on ${plural(n, 'node')}` : ''}; run one instance at a time (active-passive) so that only one owns the storage backend`,
          fixes: [{ ...replaceFix(s.mode.span, 'active-passive', true, 'Set mode: active-passive'), preferred: true }],
        });
      }
    },
  },
});
