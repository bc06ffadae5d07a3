import { defineRule } from './rule';
import { closest } from '../text/suggest';

export const rule = defineRule({
  meta: {
    id: 'unknown-section',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'refuses' },
    title: 'A section this service does not read',
    why: 'oslo.config ignores sections it has no options for, so every option under a misspelt section silently keeps its default. Sections are case-insensitive except DEFAULT, which must be written in capitals. It is a warning, not an error: a newer release may add the section. A header with no option under it, left from a sample file, is not reported: nothing is ignored.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view } = ctx;
      for (const s of view.file.sections) {
        // an empty header left from a sample file ([hyperv], [cells]) makes nothing ignored
        if (view.knownSection(s.name) || !s.entries.length) continue;
        const near = s.name.toUpperCase() === 'DEFAULT' ? ['DEFAULT'] : closest(s.name, view.catalog.sectionNames(), 1);
        ctx.report({
          span: s.headerSpan,
          message: `[${s.name}] is not a section ${view.catalog.file} has in ${view.catalog.release}${near.length ? `; did you mean [${near[0]}]?` : ''} (its ${s.entries.length} option${s.entries.length === 1 ? ' is' : 's are'} ignored)`,
          fixes: near.map((n, i) => ({
            title: `Rename to [${n}]`,
            safe: false,
            preferred: i === 0,
            edits: [{ start: s.nameSpan.start, end: s.nameSpan.end, newText: n }],
          })),
        });
      }
    },
  },
});
