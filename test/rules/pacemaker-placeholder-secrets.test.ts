import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detectKind, lintClustercheck, lintPacemaker } from '../../server/src/engine/lint';

test('the placeholder password never appears in a message', () => {
  const text = 'pcs cluster auth controller1 controller2 controller3 -u hacluster -p my-secret-password-no-dont-use-this-one\n';
  const r = lintPacemaker(text, 'pcs');
  assert.equal(r.findings.length, 1);
  assert.ok(!r.findings[0].message.includes('my-secret'));
  assert.equal(text.slice(r.findings[0].span.start, r.findings[0].span.end), 'my-secret-password-no-dont-use-this-one');
});

test("clustercheck's settings and xinetd service: the guide's example password is reported, never repeated", () => {
  const text = 'MYSQL_USERNAME="clustercheck_user"\nMYSQL_PASSWORD="my_clustercheck_password"\nMYSQL_HOST="localhost"\n';
  assert.equal(detectKind('/etc/sysconfig/clustercheck', text), 'clustercheck');
  assert.equal(
    detectKind('/etc/xinetd.d/galera-monitor', 'service galera-monitor\n{\n  port = 9200\n  server = /usr/bin/clustercheck\n}\n'),
    'clustercheck',
  );
  assert.equal(detectKind('templates/clustercheck.j2', text), null);
  const r = lintClustercheck(text);
  assert.deepEqual(
    r.findings.map((f) => [f.rule, text.slice(f.span.start, f.span.end) === 'my_clustercheck_password', f.message]),
    [
      [
        'pacemaker-placeholder-secrets',
        true,
        "this password is one of the HA guide's published examples: replace it with a secret of your own",
      ],
    ],
  );
  assert.deepEqual(lintClustercheck(text.replace('my_clustercheck_password', 'Zq8-unique')).findings, []);
});
