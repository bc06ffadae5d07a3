import { defineRule } from './rule';
import { controllers, plural } from '../documents/manifest/queries';

export const rule = defineRule({
  meta: {
    id: 'single-controller-ha',
    severity: 'error',
    fixable: false,
    topic: 'spof',
    guide: '2016:intro-ha-concepts',
    title: 'The manifest declares VIPs or clusters but has one controller',
    why: 'HA tooling on a single controller has nothing to fail over to: the VIP, Pacemaker and HAProxy only add moving parts. It is a study setup, not high availability; add controllers (three).',
  },
  on: {
    manifest(ctx) {
      const m = ctx.manifest;
      const ctl = controllers(m);
      if (ctl.length !== 1 || (m.vips.size === 0 && m.clusters.size === 0)) return;
      const at = (m.clusters.size ? m.sections.get('clusters') : m.sections.get('vips'))!;
      const what = [m.clusters.size ? plural(m.clusters.size, 'cluster') : '', m.vips.size ? plural(m.vips.size, 'VIP') : '']
        .filter(Boolean)
        .join(' and ');
      ctx.report({
        span: at.keySpan,
        message: `the manifest declares ${what} but has one controller (${ctl[0].name}): there is nothing to fail over to`,
      });
    },
  },
});
