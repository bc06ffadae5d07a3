import { defineRule } from './rule';
import { checkValue } from '../documents/oslo-conf/values';
import { shown } from '../documents/oslo-conf/secrets';
import { trailingNote } from './conf/support';
import { isKollaOverride, JINJA } from '../documents/kolla/overrides';

export const rule = defineRule({
  meta: {
    id: 'invalid-value',
    severity: 'error',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    title: "A value the option's type rejects",
    why: "oslo.config converts each value to its option's type when the service reads it; a value that does not convert stops the service at start-up, or when the option is first read. A `# note` after the value is part of it (oslo.config has no trailing comments), so `debug = true  # note` is not a boolean; the fix moves the note to its own line.",
  },
  on: {
    'oslo-conf'(ctx) {
      const { view, text } = ctx;
      const templated = isKollaOverride(ctx.path, ctx.peers); // kolla fills in {{ variables }} before the service reads the file
      for (const s of view.file.sections)
        for (const e of s.entries) {
          const o = view.option(s.name, e.key);
          if (!o) continue;
          if (templated && JINJA.test(e.value)) continue;
          // judged as oslo.config reads it, a trailing `# note` included
          const want = checkValue(e.value, o);
          if (!want) continue;
          const note = trailingNote(text, e);
          const meant = note ? e.value.slice(0, note.cut).trimEnd() : undefined;
          const why = note && checkValue(meant!, o) ? `; without the note, '${shown(meant!, o, e.key)}' is still not` : '';
          ctx.report({
            span: e.valueSpan.end > e.valueSpan.start ? e.valueSpan : e.keySpan,
            message: `[${s.name}] ${e.key} must be ${want}, not '${shown(e.value, o, e.key)}'${note ? ` (oslo.config keeps '${note.comment}' in the value${why})` : ''}`,
            fixes: note && !checkValue(meant!, o) ? [note.fix] : [],
          });
        }
    },
  },
});
