/**
 * pacemaker-recheck-interval: the guide shortens cluster-recheck-interval to 5 minutes. Judged
 * only in a file that sets cluster properties (a resource snippet says nothing of them).
 * pe-*-series-max are not reported: current Pacemaker keeps more history by default (4000, 5000,
 * unlimited) than the guide's 1000.
 */
import { defineRule } from './rule';
import { PmRuleContext } from './pacemaker/rule';
import { indentAt } from '../text/lines';
import { intervalMs, property } from '../documents/pacemaker/model';
import { Fix, TextEdit } from '../types';

const GUIDE_MINUTES = 5;

/** Adds `name=value` to the file's cluster properties, as its syntax writes them. */
function addProperty(ctx: PmRuleContext, name: string, value: string): TextEdit | undefined {
  const props = [...ctx.model.properties.values()].sort((a, b) => a.span.end - b.span.end);
  const last = props[props.length - 1];
  if (!last) return undefined;
  const { text } = ctx;
  const lineStart = text.lastIndexOf('\n', last.span.start - 1) + 1;
  const lineEnd = text.indexOf('\n', last.span.end) < 0 ? text.length : text.indexOf('\n', last.span.end);
  if (ctx.model.syntax === 'cib') {
    const close = text.indexOf('>', last.span.end);
    if (close < 0) return undefined;
    return {
      start: close + 1,
      end: close + 1,
      newText: `\n${indentAt(text, last.span.start)}<nvpair id="cib-bootstrap-options-${name}" name="${name}" value="${value}"/>`,
    };
  }
  if (ctx.model.syntax === 'pcs') {
    const line = text.slice(lineStart, lineEnd);
    const head = /^.*?\bproperty\s+set\s+/.exec(line);
    return head ? { start: lineEnd, end: lineEnd, newText: `\n${head[0]}${name}=${value}` } : undefined;
  }
  // crm: one more name=value on the property statement, after the last value (and its quote)
  const after = /["']/.test(text[last.span.end] ?? '') ? last.span.end + 1 : last.span.end;
  return { start: after, end: after, newText: ` ${name}=${value}` };
}

export const rule = defineRule({
  meta: {
    id: 'pacemaker-recheck-interval',
    severity: 'info',
    fixable: true,
    tools: { crm_verify: 'accepts', crmsh: 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'pacemaker',
    title: "cluster-recheck-interval is unset (15 minutes) or longer than the guide's 5 minutes",
    why: "Some of Pacemaker's timed work (failure timeouts, time-based rules) waits for the next recheck; the guide shortens the interval from the default 15 minutes to 5, so a cleared failure or a due action is acted on sooner. 0 turns the rechecks off.",
  },
  on: {
    pacemaker(ctx) {
      if (!ctx.model.properties.size) return;
      const p = property(ctx.model, 'cluster-recheck-interval');
      if (!p) {
        const edit = addProperty(ctx, 'cluster-recheck-interval', `${GUIDE_MINUTES}min`);
        const first = [...ctx.model.properties.values()].sort((a, b) => a.span.start - b.span.start)[0];
        const fixes: Fix[] = edit
          ? [{ title: `Set cluster-recheck-interval=${GUIDE_MINUTES}min`, safe: false, preferred: true, edits: [edit] }]
          : [];
        ctx.report({
          span: first.span,
          message: `cluster-recheck-interval is not set: Pacemaker rechecks every 15 minutes by default; the guide sets ${GUIDE_MINUTES}min`,
          fixes,
        });
        return;
      }
      const ms = intervalMs(p.value);
      const m = ms === undefined ? undefined : ms / 60000;
      if (m === undefined || (m > 0 && m <= GUIDE_MINUTES)) return;
      ctx.report({
        span: p.span,
        message:
          m === 0
            ? `cluster-recheck-interval=${p.value} turns the periodic rechecks off; the guide sets ${GUIDE_MINUTES}min`
            : `cluster-recheck-interval=${p.value} is ${+m.toFixed(2)} minutes; the guide sets ${GUIDE_MINUTES}min so timed actions are not held back`,
        fixes: [
          {
            title: `Set cluster-recheck-interval=${GUIDE_MINUTES}min`,
            safe: false,
            preferred: true,
            edits: [{ start: p.span.start, end: p.span.end, newText: `${GUIDE_MINUTES}min` }],
          },
        ],
      });
    },
  },
});
