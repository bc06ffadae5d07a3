import { defineRule } from './rule';
import { normalizeSection } from '../knowledge/options/catalog';
import { ConfEntry } from '../documents/oslo-conf/parse';
import { isKollaOverride } from '../documents/kolla/overrides';

export const rule = defineRule({
  meta: {
    id: 'duplicate-option',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    title: 'An option set twice in one section',
    why: 'For a single-valued option oslo.config keeps the last value and ignores the others, so the line you read first is not the one in force. Multi-valued options (MultiStrOpt) are meant to repeat.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view, text } = ctx;
      const templated = isKollaOverride(ctx.path, ctx.peers);
      const last = new Map<string, ConfEntry>();
      for (const s of view.file.sections) for (const e of s.entries) last.set(`${normalizeSection(s.name)}/${e.key}`, e);
      for (const s of view.file.sections)
        for (const e of s.entries) {
          const winner = last.get(`${normalizeSection(s.name)}/${e.key}`)!;
          if (winner === e) continue;
          // a kolla override's `{% if %}` ... `{% else %}` branches: Jinja keeps one of them
          if (templated && /^[ \t]*\{%/m.test(text.slice(e.span.end, winner.span.start))) continue;
          const o = view.option(s.name, e.key);
          if (o && (o.type === 'multistr' || o.type === 'multi')) continue;
          const nl = text.indexOf('\n', e.span.end);
          ctx.report({
            span: e.keySpan,
            message: `[${s.name}] ${e.key} is set again on line ${winner.line + 1}; oslo.config uses that value and ignores this one`,
            fixes: [
              {
                title: 'Remove this ignored line',
                safe: false,
                preferred: true,
                edits: [{ start: e.span.start, end: nl < 0 ? text.length : nl + 1, newText: '' }],
              },
            ],
          });
        }
    },
  },
});
