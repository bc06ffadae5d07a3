import { defineRule } from './rule';
import { deployedSeries } from '../documents/kolla/rabbitmq';
import { PARTITION_HANDLING_NOOP_SINCE, seriesAtLeast, seriesText } from '../knowledge/kolla/rabbitmq';
import { lineStartAt, nextLineStart } from '../text/line-breaks';

const VAR = 'rabbitmq_cluster_partition_handling';

export const rule = defineRule({
  meta: {
    id: 'kolla-rabbitmq-partition-handling',
    severity: 'warning',
    fixable: true,
    topic: 'rabbitmq',
    title: 'rabbitmq_cluster_partition_handling set for a RabbitMQ that ignores it (4.3 or newer)',
    why: 'RabbitMQ 4.3 removed partition handling: its metadata store and its queues are all Raft clusters, so in a split the side with a majority of nodes carries on and the other side stops taking writes until it rejoins, whatever the setting says. An operator who chose autoheal or ignore expects a behaviour the cluster no longer has.',
  },
  on: {
    kolla(ctx) {
      const d = ctx.deployment;
      const rabbit = deployedSeries(d);
      if (!rabbit || !seriesAtLeast(rabbit.series, PARTITION_HANDLING_NOOP_SINCE)) return;
      const version = seriesText(rabbit.series);
      for (const g of d.globals) {
        const v = g.vars.get(VAR);
        if (!v) continue;
        const value = typeof v.raw === 'string' ? v.raw.trim() : undefined;
        // pause_minority asks for what Raft does anyway: the line is only dead; any other strategy is a behaviour the user will not get
        const asked = value === 'pause_minority' ? 'the minority side stops, as pause_minority asked' : 'the minority side stops';
        const start = lineStartAt(g.text, v.keySpan.start);
        const end = nextLineStart(g.text, v.valueSpan.end);
        ctx.report({
          file: g.file,
          span: v.keySpan,
          severity: value === 'pause_minority' ? 'info' : 'warning',
          message: `${VAR} does nothing on RabbitMQ ${version} (${rabbit.from}): partition handling is gone, the Raft majority (Khepri, quorum queues) decides and ${asked}`,
          fixes: [{ title: `Remove ${VAR}`, safe: true, edits: [{ start, end, newText: '' }] }],
        });
      }
    },
  },
});
