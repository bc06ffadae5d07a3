import { defineRule } from './rule';
import { replaceFix } from '../documents/manifest/edits';
import { isProductionLike } from '../types';
import { memberNames, plural } from '../documents/manifest/queries';

export const rule = defineRule({
  meta: {
    id: 'stonith-disabled',
    severity: 'error',
    fixable: true,
    topic: 'fencing-stonith',
    guide: 'intro-os-ha-cluster',
    title: 'A Pacemaker cluster has stonith: false in production',
    why: 'A node that stops answering may still be running services and writing data. Without fencing, Pacemaker starts its resources elsewhere while the old copy may still run: two writers, one VIP on two hosts. The guide allows turning STONITH off only for demos and tests.',
  },
  on: {
    manifest(ctx) {
      if (!isProductionLike(ctx.environment)) return;
      for (const c of ctx.manifest.clusters.values()) {
        if (c.manager !== 'pacemaker' || c.stonith?.value !== false) continue;
        ctx.report({
          span: c.stonith.span,
          message: `cluster '${c.name}' (${plural(memberNames(c).length, 'member')}) has STONITH off in a ${ctx.environment} deployment: a node that stops answering may still write while its resources start elsewhere`,
          fixes: [{ ...replaceFix(c.stonith.span, 'true', true, 'Set stonith: true'), preferred: true }],
        });
      }
    },
  },
});
