import { defineRule } from './rule';
import { checkValue } from '../documents/oslo-conf/values';
import { shown } from '../documents/oslo-conf/secrets';
import { trailingNote } from './conf/support';

export const rule = defineRule({
  meta: {
    id: 'value-trailing-comment',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    title: 'A `# note` after a value, which oslo.config reads as part of the value',
    why: 'oslo.config takes # and ; as comments only at the start of a line. `host = ctl1  # for now` sets host to the text "ctl1  # for now". Where the note makes the value one its option\'s type rejects (`debug = true  # note` is not a boolean), invalid-value reports the error instead, with the same fix.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view, text } = ctx;
      for (const s of view.file.sections)
        for (const e of s.entries) {
          const note = trailingNote(text, e);
          if (!note) continue;
          const o = view.option(s.name, e.key);
          // the value as oslo.config reads it is invalid: that error is the finding, not this warning
          if (o && checkValue(e.value, o) && !ctx.isOff('invalid-value')) continue;
          const raw = text.slice(e.valueSpan.start, e.valueSpan.end);
          ctx.report({
            span: {
              start: e.valueSpan.start + note.cut + (raw.slice(note.cut).length - raw.slice(note.cut).trimStart().length),
              end: e.valueSpan.end,
            },
            message: `'${note.comment}' is part of the value of ${e.key}: oslo.config reads '${shown(raw, o, e.key)}'`,
            fixes: [note.fix],
          });
        }
    },
  },
});
