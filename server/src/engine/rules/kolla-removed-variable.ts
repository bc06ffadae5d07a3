import { defineRule } from './rule';
import { KOLLA_RELEASES, KOLLA_REMOVED } from '../knowledge/kolla/defaults';
import { lineStartAt, nextLineStart } from '../text/line-breaks';

export const rule = defineRule({
  meta: {
    id: 'kolla-removed-variable',
    severity: 'warning',
    fixable: true,
    topic: 'rabbitmq',
    title: 'A variable the chosen kolla-ansible release no longer reads',
    why: 'kolla-ansible 2025.1 made quorum queues, the queue manager and transient quorum queues mandatory and removed the variables that switched them. Setting them does nothing: an operator who turns one off believes the cloud runs in a way it does not.',
  },
  on: {
    kolla(ctx) {
      const d = ctx.deployment;
      const at = KOLLA_RELEASES.indexOf(d.release);
      for (const g of d.globals)
        for (const v of g.vars.values()) {
          const gone = KOLLA_REMOVED[v.name];
          if (!gone || KOLLA_RELEASES.indexOf(gone.since) > at) continue;
          const start = lineStartAt(g.text, v.keySpan.start);
          const end = nextLineStart(g.text, v.valueSpan.end);
          ctx.report({
            file: g.file,
            span: v.keySpan,
            message: `${v.name} was removed in kolla-ansible ${gone.since} (${gone.why}): in ${d.release} setting it does nothing`,
            fixes: [{ title: `Remove ${v.name}`, safe: true, edits: [{ start, end, newText: '' }] }],
          });
        }
    },
  },
});
