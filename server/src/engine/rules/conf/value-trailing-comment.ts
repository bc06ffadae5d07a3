import { ConfRule } from './rule';
import { trailingComment } from '../../documents/oslo-conf/values';
import { shown } from '../../documents/oslo-conf/secrets';

export const rule: ConfRule = {
  meta: {
    id: 'value-trailing-comment', severity: 'warning', fixable: true,
    title: 'A `# note` after a value, which oslo.config reads as part of the value',
    why: 'oslo.config takes # and ; as comments only at the start of a line. `debug = true  # for now` sets debug to the text "true  # for now", which is not a boolean.',
  },
  check(ctx) {
    const { view, text } = ctx;
    for (const s of view.file.sections) for (const e of s.entries) {
      if (e.value.includes('\n')) continue; // multi-line values: leave them alone
      const raw = text.slice(e.valueSpan.start, e.valueSpan.end);
      const cut = trailingComment(raw);
      if (cut === undefined) continue;
      const o = view.option(s.name, e.key);
      const value = raw.slice(0, cut).trimEnd();
      const comment = raw.slice(cut).trim();
      const lineStart = text.lastIndexOf('\n', e.span.start - 1) + 1;
      ctx.report({
        span: { start: e.valueSpan.start + cut + (raw.slice(cut).length - raw.slice(cut).trimStart().length), end: e.valueSpan.end },
        message: `'${comment}' is part of the value of ${e.key}: oslo.config reads '${shown(raw, o, e.key)}'`,
        // the edits delete the note after the value rather than rewrite the value, so no fix carries a secret
        fixes: [{ title: 'Move the comment to its own line', safe: true, preferred: true, edits: [
          { start: lineStart, end: lineStart, newText: `${comment.startsWith(';') ? '#' + comment.slice(1) : comment}\n` },
          { start: e.valueSpan.start + value.length, end: e.valueSpan.end, newText: '' },
        ] }],
      });
    }
  },
};
