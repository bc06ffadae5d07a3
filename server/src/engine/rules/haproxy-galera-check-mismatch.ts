import { defineRule } from './rule';
import { galeraProxies } from './haproxy/support';
import { hasArg } from '../documents/haproxy/view';

export const rule = defineRule({
  meta: {
    id: 'haproxy-galera-check-mismatch',
    severity: 'warning',
    fixable: true,
    tools: { 'haproxy -c': 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'clustercheck',
    title: 'A MySQL-protocol check sent to the HTTP clustercheck port 9200, or an HTTP check sent to MySQL',
    why: 'clustercheck on port 9200 answers HTTP 200 only when the node is synced; `option mysql-check` speaks the MySQL protocol, which that port does not, so the check says nothing about sync state. The current guide mixes the two; use `option httpchk` with `check port 9200`, or `mysql-check` without the port. The reverse, `option httpchk` against port 3306, fails every check: MySQL does not answer HTTP.',
  },
  on: {
    haproxy(ctx) {
      const { view } = ctx;
      for (const s of galeraProxies(view)) {
        const httpchk = view.statements(s, 'option httpchk')[0];
        if (httpchk) {
          // HTTP to the MySQL port: mysqld greets in its own protocol, HAProxy reads no HTTP status, and every server goes down
          const onMysql = view.servers(s).filter((x) => hasArg(x, 'check') && !view.checkPort(s, x) && (x.port ?? 3306) === 3306);
          if (onMysql.length) {
            // with servers checked on 9200 too, mysql-check would break those instead: the rule would fire the other way
            const mixed = view.servers(s).some((x) => view.checkPort(s, x)?.text === '9200');
            ctx.report({
              span: httpchk.span,
              message: `${s.kind} ${s.name?.text ?? ''} uses option httpchk but checks ${onMysql.map((x) => x.name).join(', ')} on the MySQL port ${onMysql[0].port ?? 3306}, which does not speak HTTP: every check fails; add \`port 9200\` (clustercheck) to the servers, or use option mysql-check`,
              fixes: mixed
                ? []
                : [
                    {
                      title: 'Use option mysql-check',
                      safe: true,
                      preferred: true,
                      edits: [{ start: httpchk.span.start, end: httpchk.span.end, newText: 'option mysql-check' }],
                    },
                  ],
            });
          }
          continue;
        }
        const mysqlCheck = view.statements(s, 'option mysql-check')[0];
        if (!mysqlCheck) continue;
        const on9200 = view.servers(s).filter((x) => view.checkPort(s, x)?.text === '9200');
        if (!on9200.length) continue;
        // httpchk on a server checked on the MySQL port fails every check: only a fix when all go to 9200
        const mixed = view.servers(s).some((x) => hasArg(x, 'check') && !view.checkPort(s, x) && (x.port ?? 3306) === 3306);
        ctx.report({
          span: mysqlCheck.span,
          message: `${s.kind} ${s.name?.text ?? ''} uses option mysql-check but checks ${on9200.map((x) => x.name).join(', ')} on port 9200, where clustercheck answers HTTP`,
          fixes: mixed
            ? []
            : [
                {
                  title: 'Use option httpchk',
                  safe: true,
                  preferred: true,
                  edits: [{ start: mysqlCheck.span.start, end: mysqlCheck.span.end, newText: 'option httpchk' }],
                },
              ],
        });
      }
    },
  },
});
