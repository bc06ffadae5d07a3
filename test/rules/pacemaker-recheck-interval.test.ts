import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent } from '../support/fixture';
import { applyEdits } from '../../server/src/engine/fixes';
import { lintPacemaker } from '../../server/src/engine/lint';
import { CIB } from '../support/stack-files';

test('pacemaker-recheck-interval: unset or longer than 5 minutes, in files that set properties; the fix in each syntax', () => {
  const msgs = (syntax: 'crm' | 'pcs' | 'cib', t: string) =>
    lintPacemaker(t, syntax)
      .findings.filter((f) => f.rule === 'pacemaker-recheck-interval')
      .map((f) => `${f.message} [${t.slice(f.span.start, f.span.end)}]`);
  assert.deepEqual(
    msgs('crm', 'primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.11 cidr_netmask=24 op monitor interval=30s\n'),
    [],
    'a snippet without properties says nothing of them',
  );
  assert.deepEqual(msgs('crm', 'property stonith-enabled=true cluster-recheck-interval=5min\n'), []);
  assert.deepEqual(msgs('crm', 'property stonith-enabled=true cluster-recheck-interval=PT3M\n'), []);
  assert.deepEqual(msgs('crm', 'property stonith-enabled=true cluster-recheck-interval="900"\n'), [
    'cluster-recheck-interval=900 is 15 minutes; the guide sets 5min so timed actions are not held back [900]',
  ]);
  assert.deepEqual(msgs('pcs', 'pcs property set cluster-recheck-interval=0\n'), [
    'cluster-recheck-interval=0 turns the periodic rechecks off; the guide sets 5min [0]',
  ]);
  assert.deepEqual(msgs('pcs', 'pcs property set stonith-enabled=true\n'), [
    'cluster-recheck-interval is not set: Pacemaker rechecks every 15 minutes by default; the guide sets 5min [true]',
  ]);
  const fix = (syntax: 'crm' | 'pcs' | 'cib', t: string) =>
    applyEdits(t, lintPacemaker(t, syntax).findings.find((f) => f.rule === 'pacemaker-recheck-interval')!.fixes[0].edits);
  assert.equal(
    fix('pcs', 'pcs -f cib.xml property set stonith-enabled=true\npcs -f cib.xml resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11\n'),
    'pcs -f cib.xml property set stonith-enabled=true\npcs -f cib.xml property set cluster-recheck-interval=5min\npcs -f cib.xml resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11\n',
  );
  assert.equal(
    fix('crm', 'property stonith-enabled="true" \\\n  no-quorum-policy="stop"\n'),
    'property stonith-enabled="true" \\\n  no-quorum-policy="stop" cluster-recheck-interval=5min\n',
  );
  assert.equal(fix('crm', 'property cluster-recheck-interval=15min\n'), 'property cluster-recheck-interval=5min\n');
  const cib = dedent(CIB('<nvpair id="o-s" name="stonith-enabled" value="true"/>', ''));
  assert.match(
    fix('cib', cib),
    /<nvpair id="o-s" name="stonith-enabled" value="true"\/>\n<nvpair id="cib-bootstrap-options-cluster-recheck-interval" name="cluster-recheck-interval" value="5min"\/>/,
  );
  assert.equal(
    lintPacemaker(fix('cib', cib), 'cib').findings.filter((f) => f.rule === 'pacemaker-recheck-interval' || f.rule === 'parse-error')
      .length,
    0,
  );
});
