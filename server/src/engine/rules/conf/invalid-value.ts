import { ConfRule } from './rule';
import { checkValue, trailingComment } from '../../documents/oslo-conf/values';
import { shown } from '../../documents/oslo-conf/secrets';

export const rule: ConfRule = {
  meta: {
    id: 'invalid-value', severity: 'error', fixable: false,
    title: 'A value the option\'s type rejects',
    why: 'oslo.config converts each value to its option\'s type when the service reads it; a value that does not convert stops the service at start-up, or when the option is first read.',
  },
  check(ctx) {
    const { view } = ctx;
    for (const s of view.file.sections) for (const e of s.entries) {
      const o = view.option(s.name, e.key);
      if (!o) continue;
      // with a trailing `# note`, value-trailing-comment speaks; judge what the user meant
      const cut = trailingComment(e.value);
      const value = cut === undefined || ctx.isOff('value-trailing-comment') ? e.value : e.value.slice(0, cut).trimEnd();
      const want = checkValue(value, o);
      if (!want) continue;
      ctx.report({ span: e.valueSpan.end > e.valueSpan.start ? e.valueSpan : e.keySpan, message: `[${s.name}] ${e.key} must be ${want}, not '${shown(value, o, e.key)}'` });
    }
  },
};
