import { defineRule } from './rule';

export const rule = defineRule({
  meta: {
    id: 'option-removal-pending',
    severity: 'info',
    fixable: false,
    tools: { 'oslo-config-validator': 'warns' },
    title: 'An option that is deprecated for removal',
    why: "The option still works in this release but is going away; when it does, the setting stops having any effect. The catalogue of the release says so; the service's configuration reference says what replaces it.",
  },
  on: {
    'oslo-conf'(ctx) {
      const { view } = ctx;
      for (const s of view.file.sections)
        for (const e of s.entries) {
          const o = view.option(s.name, e.key);
          if (!o?.deprecated_for_removal) continue;
          ctx.report({
            span: e.keySpan,
            message: `[${s.name}] ${e.key} is deprecated for removal${o.deprecated_since ? ` since ${o.deprecated_since}` : ''} in ${view.catalog.release}: a later release ignores it`,
          });
        }
    },
  },
});
