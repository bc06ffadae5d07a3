import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf } from '../support/fixture';
import { lintConf } from '../../server/src/engine/lint';

const rules = ['cinder-host-consistent-ap'];
const peer = (host?: string) => [{ file: '../node2/cinder.conf', kind: 'cinder.conf', host }];

test('fires when the nodes advertise different hosts', () => {
  const text = '[DEFAULT]\nhost = cinder-cluster-1\n';
  const r = lintConf('cinder.conf', text, undefined, { peers: peer('cinder-cluster-2') });
  assert.deepEqual(
    r.findings.filter((f) => rules.includes(f.rule)).map((f) => [f.message, text.slice(f.span.start, f.span.end)]),
    [
      [
        "[DEFAULT] host is 'cinder-cluster-1' here but 'cinder-cluster-2' in ../node2/cinder.conf: after a failover the volumes created under one name cannot be managed under the other; set the same host on every cinder-volume node",
        'cinder-cluster-1',
      ],
    ],
  );
});

test("an unset host (the machine's hostname) against a set one, with a fix that copies it", () => {
  const r = lintConf('cinder.conf', '[DEFAULT]\ndebug = false\n', undefined, { peers: peer('cinder-cluster-1') });
  const f = r.findings.find((x) => x.rule === 'cinder-host-consistent-ap')!;
  assert.match(f.message, /^\[DEFAULT\] host is unset \(the machine's hostname\) here but 'cinder-cluster-1' in/);
  assert.equal(f.fixes[0].title, 'Set host = cinder-cluster-1');
});

test('quiet with one file, with equal hosts, or with no host anywhere and no manifest', () => {
  checkConf('cinder.conf', '[DEFAULT]\nhost = cinder-cluster-1\n', { rules });
  for (const [mine, theirs] of [
    ['host = c1\n', 'c1'],
    ['debug = true\n', undefined],
  ] as const) {
    const r = lintConf('cinder.conf', `[DEFAULT]\n${mine}`, undefined, { peers: peer(theirs) });
    assert.deepEqual(
      r.findings.filter((f) => rules.includes(f.rule)),
      [],
    );
  }
});
