import { defineRule } from './rule';
import { usesGalera } from './galera/support';

export const rule = defineRule({
  meta: {
    id: 'galera-flush-log-durability',
    severity: 'info',
    fixable: false,
    tools: { mariadbd: 'accepts' },
    guide: '2016:controller-ha-galera-config',
    topic: 'galera',
    title: 'innodb_flush_log_at_trx_commit is 0 or 2',
    why: 'With 0 or 2 InnoDB writes its log to disk about once a second; Galera keeps the other nodes consistent, but a whole-cluster outage (a power cut) loses the last second of commits. The guide accepts this for speed; make it a choice.',
  },
  on: {
    galera(ctx) {
      const e = ctx.options.get('innodb_flush_log_at_trx_commit');
      if (!usesGalera(ctx) || !e || (e.value !== '0' && e.value !== '2')) return;
      ctx.report({
        span: e.valueSpan,
        message: `innodb_flush_log_at_trx_commit=${e.value}: commits reach disk about once a second; a power cut to every node loses up to a second of them`,
      });
    },
  },
});
