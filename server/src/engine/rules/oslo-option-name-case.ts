import { defineRule } from './rule';

export const rule = defineRule({
  meta: {
    id: 'oslo-option-name-case',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'refuses' },
    guide: 'intro-os-ha-memcached',
    topic: 'memcached-client-hashing',
    title: 'An option name written with the wrong case (Memcached_servers)',
    why: 'Option names are case-sensitive. The HA guide itself prints Memcached_servers; copied as is, oslo.config ignores it and the service runs with no cache servers at all.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view } = ctx;
      for (const s of view.file.sections) {
        if (!view.knownSection(s.name)) continue;
        for (const e of s.entries) {
          if (view.option(s.name, e.key)) continue;
          const right = view.keysAnyCase(s.name, e.key)[0];
          if (!right) continue;
          ctx.report({
            span: e.keySpan,
            message: `'${e.key}' is ignored: option names are case-sensitive, and the option is '${right}'`,
            fixes: [
              {
                title: `Rename to '${right}'`,
                safe: true,
                preferred: true,
                edits: [{ start: e.keySpan.start, end: e.keySpan.end, newText: right }],
              },
            ],
          });
        }
      }
    },
  },
});
