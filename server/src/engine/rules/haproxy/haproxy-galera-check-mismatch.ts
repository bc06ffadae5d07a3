import { HaRule } from './rule';
import { galeraProxies } from './galera';
import { argValue } from '../../documents/haproxy/view';

export const rule: HaRule = {
  meta: {
    id: 'haproxy-galera-check-mismatch', severity: 'warning', fixable: true, guide: 'control-plane-stateless', topic: 'clustercheck',
    title: 'A MySQL-protocol check sent to the HTTP clustercheck port 9200',
    why: 'clustercheck on port 9200 answers HTTP 200 only when the node is synced; `option mysql-check` speaks the MySQL protocol, which that port does not, so the check says nothing about sync state. The current guide mixes the two; use `option httpchk` with `check port 9200`, or `mysql-check` without the port.',
  },
  check(ctx) {
    const { view } = ctx;
    for (const s of galeraProxies(view)) {
      const mysqlCheck = view.statements(s, 'option mysql-check')[0];
      if (!mysqlCheck) continue;
      const on9200 = view.servers(s).filter((x) => argValue(x, 'port')?.text === '9200');
      if (!on9200.length) continue;
      ctx.report({
        span: mysqlCheck.span,
        message: `${s.kind} ${s.name?.text ?? ''} uses option mysql-check but checks ${on9200.map((x) => x.name).join(', ')} on port 9200, where clustercheck answers HTTP`,
        fixes: [{ title: 'Use option httpchk', safe: true, preferred: true, edits: [{ start: mysqlCheck.span.start, end: mysqlCheck.span.end, newText: 'option httpchk' }] }],
      });
    }
  },
};
