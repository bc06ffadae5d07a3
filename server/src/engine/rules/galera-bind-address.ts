import { defineRule } from './rule';
import { usesGalera } from './galera/support';

export const rule = defineRule({
  meta: {
    id: 'galera-bind-address',
    severity: 'error',
    fixable: false,
    tools: { mariadbd: 'accepts' },
    guide: '2016:controller-ha-galera-config',
    topic: 'haproxy',
    title: 'bind-address is 127.0.0.1, or 0.0.0.0 where HAProxy binds the VIP on 3306',
    why: "On 127.0.0.1 neither HAProxy on the other nodes nor the clients reach the database. On 0.0.0.0 mysqld also takes the VIP's port 3306 when the VIP moves to its node, and HAProxy cannot bind it. Bind the management address.",
  },
  on: {
    galera(ctx) {
      if (!usesGalera(ctx)) return;
      const e = ctx.options.get('bind_address');
      if (!e?.value) return;
      if (/^(127\.|::1$|localhost$)/.test(e.value)) {
        ctx.report({
          span: e.valueSpan,
          message: `bind-address=${e.value}: only this host can reach the database; bind the node's management address`,
        });
        return;
      }
      const t = ctx.topology;
      if ((e.value === '0.0.0.0' || e.value === '::' || e.value === '*') && t && t.vipOf('galera')) {
        ctx.report({
          span: e.valueSpan,
          message: `bind-address=${e.value} also binds the database VIP (${t.vipOf('galera')}) when it moves here, and HAProxy cannot listen on it; bind the node's management address`,
        });
      }
    },
  },
});
