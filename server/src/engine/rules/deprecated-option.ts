import { defineRule } from './rule';
import { normalizeSection } from '../knowledge/options/catalog';
import { moveEntry } from '../documents/oslo-conf/edits';
import { isSecretValue } from '../documents/oslo-conf/secrets';

export const rule = defineRule({
  meta: {
    id: 'deprecated-option',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'warns' },
    title: 'An option written under an old name or section',
    why: 'Deprecated names still work for now, but they are removed in a later release, at which point the setting is silently ignored: rename it while both names work.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view, text } = ctx;
      for (const s of view.file.sections) {
        for (const e of s.entries) {
          if (view.option(s.name, e.key)) continue;
          const now = view.catalog.renamed(s.name, e.key);
          if (!now) continue;
          const same = normalizeSection(now.section) === normalizeSection(s.name);
          const where = same ? `'${now.key}'` : `[${now.section}] ${now.key}`;
          const edits = same
            ? [{ start: e.keySpan.start, end: e.keySpan.end, newText: now.key }]
            : moveEntry(text, view, e, now.section, now.key, isSecretValue(e.value, now.info, now.key));
          const conflict = view.entry(now.section, now.key);
          ctx.report({
            span: e.keySpan,
            message: `[${s.name}] ${e.key} is a deprecated name of ${where}${now.info.deprecated_since ? ` (deprecated since ${now.info.deprecated_since})` : ''}${conflict ? `, which this file also sets (line ${conflict.line + 1})` : ''}`,
            fixes: conflict || !edits ? [] : [{ title: `Rename to ${where}`, safe: true, preferred: true, edits }],
          });
        }
      }
    },
  },
});
