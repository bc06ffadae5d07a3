import { defineRule } from './rule';
import { usesDatabase } from './conf/support';
import { isKollaOverride } from '../documents/kolla/overrides';
import { setOption } from '../documents/oslo-conf/edits';

export const rule = defineRule({
  meta: {
    id: 'db-max-retries-infinite',
    severity: 'info',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    guide: 'storage-ha-block',
    topic: 'galera-single-writer',
    title: 'The database reconnect limit is finite ([database] max_retries is not -1)',
    why: 'A Galera failover through HAProxy can take minutes. With a finite max_retries (10 by default) the service gives up before the database is back; -1 retries for ever.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view, text } = ctx;
      const conn = usesDatabase(view);
      if (!conn || !view.catalog.option('database', 'max_retries')) return;
      if (/^mysql:\/\//.test(conn.value.trim())) {
        const at = conn.valueSpan.start + ctx.text.slice(conn.valueSpan.start, conn.valueSpan.end).indexOf('mysql://');
        ctx.report({
          span: { start: at, end: at + 'mysql'.length },
          message: `[${conn.section?.name}] ${conn.key} uses mysql://, the MySQLdb driver; the guide uses mysql+pymysql://, which does not block the service's event loop during a failover`,
          fixes: [
            {
              title: 'Use mysql+pymysql://',
              safe: true,
              preferred: true,
              edits: [{ start: at, end: at + 'mysql'.length, newText: 'mysql+pymysql' }],
            },
          ],
        });
      }
      const e = view.entry('database', 'max_retries');
      if (!e && isKollaOverride(ctx.path, ctx.peers)) return; // kolla writes max_retries = -1 under its override
      const value = e ? e.value.trim() : String(view.catalog.option('database', 'max_retries')?.default ?? 10);
      if (value === '-1') return;
      ctx.report({
        span: e ? e.valueSpan : conn.keySpan,
        message: `[database] max_retries is ${value}${e ? '' : ' (the default)'}: the service stops reconnecting before a Galera failover may have finished; -1 retries for ever`,
        fixes: [
          {
            title: 'Set [database] max_retries = -1',
            safe: true,
            preferred: true,
            edits: [setOption(text, view, 'database', 'max_retries', '-1')],
          },
        ],
      });
    },
  },
});
