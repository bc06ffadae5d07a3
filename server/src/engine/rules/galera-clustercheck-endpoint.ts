/**
 * galera-clustercheck-endpoint: HAProxy checks the Galera servers over HTTP on a side port (9200),
 * so each DB node must run clustercheck there (xinetd `galera-monitor`, or a systemd socket).
 * Judged only when the workspace holds the nodes' files (a Galera option file or an endpoint):
 * a haproxy.cfg alone says nothing of what runs on the DB nodes.
 */
import { defineRule } from './rule';
import { galeraProxies } from './haproxy/support';

export const rule = defineRule({
  meta: {
    id: 'galera-clustercheck-endpoint',
    severity: 'warning',
    fixable: false,
    tools: { 'haproxy -c': 'accepts' },
    guide: '2016:controller-ha-galera-manage',
    topic: 'clustercheck',
    title: 'HAProxy checks Galera on port 9200, but no clustercheck service answers there',
    why: 'clustercheck answers HTTP 200 only on a synced node, so HAProxy sends queries only there. When HAProxy checks port 9200 and nothing listens on it, every Galera server is marked down and the database VIP serves nobody.',
  },
  on: {
    haproxy(ctx) {
      const { view, peers } = ctx;
      // only a workspace that describes the DB nodes can tell whether clustercheck runs on them
      if (!peers.some((p) => p.kind === 'galera' || p.kind === 'clustercheck')) return;
      const endpoints = peers
        .filter((p) => p.kind === 'clustercheck')
        .flatMap((p) => (p.endpoints ?? []).map((e) => ({ ...e, file: p.file, node: p.node })));
      for (const s of galeraProxies(view)) {
        // clustercheck's port; other side ports (kolla's clustercheck container on 4569, ...) are deployed by other means this product does not read
        const checked = view
          .servers(s)
          .map((srv) => ({ srv, port: view.checkPort(s, srv) }))
          .filter((x) => x.port?.text === '9200' && x.srv.port !== 9200);
        if (!checked.length) continue;
        const port = Number(checked[0].port!.text);
        const live = endpoints.filter((e) => !e.disabled && (e.port === undefined || e.port === port));
        // laid out by node: every Galera node needs its own endpoint, or HAProxy marks that node down
        const galeraNodes = [...new Set(peers.filter((p) => p.kind === 'galera' && p.node).map((p) => p.node!))];
        if (live.length && galeraNodes.length > 1) {
          const without = galeraNodes.filter((n) => !live.some((e) => e.node === n));
          if (without.length) {
            ctx.report({
              span: checked[0].port!.span,
              message: `${s.kind} ${s.name?.text ?? ''} checks ${checked.map((x) => x.srv.name).join(', ')} on port ${port}, but no clustercheck answers there on ${without.join(', ')} (it runs on ${galeraNodes.filter((n) => !without.includes(n)).join(', ') || 'no Galera node'}): HAProxy will mark ${without.length === 1 ? 'that node' : 'those nodes'} down`,
            });
          }
          continue;
        }
        if (live.length) continue;
        const off = endpoints.filter((e) => e.disabled && (e.port === undefined || e.port === port));
        const elsewhere = endpoints.filter((e) => !e.disabled && e.port !== undefined && e.port !== port);
        const why = off.length
          ? `${off[0].name} in ${off[0].file} (line ${off[0].line}) is disabled (disable = yes)`
          : elsewhere.length
            ? `the clustercheck endpoint listens on ${elsewhere.map((e) => `${e.port} (${e.name} in ${e.file})`).join(', ')}, not ${port}`
            : `no xinetd service or systemd socket of the workspace answers on ${port}`;
        ctx.report({
          span: checked[0].port!.span,
          message: `${s.kind} ${s.name?.text ?? ''} checks ${checked.map((x) => x.srv.name).join(', ')} on port ${port}, but ${why}: HAProxy will mark every Galera server down`,
        });
      }
    },
  },
});
