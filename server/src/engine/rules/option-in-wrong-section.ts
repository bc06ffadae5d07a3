import { defineRule } from './rule';
import { moveEntry } from '../documents/oslo-conf/edits';
import { isSecretValue } from '../documents/oslo-conf/secrets';

export const rule = defineRule({
  meta: {
    id: 'option-in-wrong-section',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'refuses' },
    title: 'An option written in a section that does not have it, but another does',
    why: 'oslo.config looks an option up in its own section only: memcached_servers under [DEFAULT] is ignored, while [keystone_authtoken] keeps its default.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view, text } = ctx;
      for (const s of view.file.sections) {
        if (!view.knownSection(s.name)) continue;
        for (const e of s.entries) {
          if (view.option(s.name, e.key) || view.catalog.renamed(s.name, e.key)) continue;
          const homes = view.catalog.sectionsWith(e.key, s.name);
          if (!homes.length) continue;
          const list =
            homes
              .slice(0, 3)
              .map((h) => `[${h.section}]`)
              .join(', ') + (homes.length > 3 ? ', ...' : '');
          const target = homes[0].section;
          const edits = moveEntry(text, view, e, target, e.key, isSecretValue(e.value, homes[0].info, e.key));
          ctx.report({
            span: e.keySpan,
            message: `'${e.key}' is not read in [${s.name}]; it belongs in ${list}`,
            fixes: homes.length === 1 && edits ? [{ title: `Move to [${target}]`, safe: false, preferred: true, edits }] : [],
          });
        }
      }
    },
  },
});
