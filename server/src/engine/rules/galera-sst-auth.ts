import { defineRule } from './rule';
import { usesGalera } from './galera/support';

export const rule = defineRule({
  meta: {
    id: 'galera-sst-auth',
    severity: 'warning',
    fixable: false,
    tools: { mariadbd: 'accepts' },
    guide: '2016:controller-ha-galera-config',
    topic: 'galera-sst-ist',
    title: 'An SST method that needs credentials, without wsrep_sst_auth',
    why: 'mysqldump, xtrabackup and mariabackup state transfers log in to the donor; without wsrep_sst_auth a joining node cannot copy the database and never joins.',
  },
  on: {
    galera(ctx) {
      const m = ctx.options.get('wsrep_sst_method');
      if (
        !usesGalera(ctx) ||
        !m?.value ||
        !/^(mysqldump|xtrabackup(-v2)?|mariabackup)$/.test(m.value) ||
        ctx.options.get('wsrep_sst_auth')?.value
      )
        return;
      ctx.report({
        span: m.valueSpan,
        message: `wsrep_sst_method=${m.value} logs in to the donor but wsrep_sst_auth is not set: a joining node cannot copy the data`,
      });
    },
  },
});
