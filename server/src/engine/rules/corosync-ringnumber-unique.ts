import { defineRule } from './rule';
import { interfaces } from './corosync/support';
import { entry } from '../documents/corosync/parse';

export const rule = defineRule({
  meta: {
    id: 'corosync-ringnumber-unique',
    severity: 'error',
    fixable: false,
    tools: { 'corosync -t': 'refuses' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'corosync',
    title: 'Ring numbers repeat or do not run 0, 1, ...',
    why: 'Each interface block needs its own ringnumber, starting at 0; corosync refuses duplicates and a gap leaves a ring unused.',
  },
  on: {
    corosync(ctx) {
      const ifs = interfaces(ctx.file);
      if (ifs.length < 2) return;
      const seen = new Map<string, number>();
      ifs.forEach((b, i) => {
        const rn = entry(b, 'ringnumber');
        if (!rn) {
          ctx.report({ span: b.nameSpan, message: `interface ${i + 1} has no ringnumber` });
          return;
        }
        if (seen.has(rn.value))
          ctx.report({ span: rn.valueSpan, message: `ringnumber ${rn.value} is already used by interface ${seen.get(rn.value)! + 1}` });
        else if (rn.value !== String(seen.size))
          ctx.report({ span: rn.valueSpan, message: `ringnumber ${rn.value} leaves a gap: rings are numbered 0 to ${ifs.length - 1}` });
        seen.set(rn.value, i);
      });
    },
  },
});
