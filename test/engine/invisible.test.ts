/** Bidi and invisible characters of the file are escaped in every message that quotes it (text/invisible.ts, from check.ts's finish()). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { escapeInvisible, visibleFinding } from '../../server/src/engine/text/invisible';
import { lintFile } from '../../server/src/engine/lint';
import { Finding } from '../../server/src/engine/types';

test('bidi overrides and isolates, C0 but tab, C1, zero-width and separators are written as \\uXXXX', () => {
  const cases: [string, string][] = [
    ['a\u202Eb\u202Ac\u2066d\u2069e', 'a\\u202Eb\\u202Ac\\u2066d\\u2069e'],
    ['\u200E\u200F\u061C', '\\u200E\\u200F\\u061C'],
    ['x\u0000y\u0007z\u001B\n\r', 'x\\u0000y\\u0007z\\u001B\\u000A\\u000D'],
    ['\u0085\u009F\u007F', '\\u0085\\u009F\\u007F'],
    ['zero\u200Bwidth\u200C\u200D\u2060\uFEFF', 'zero\\u200Bwidth\\u200C\\u200D\\u2060\\uFEFF'],
    ['line\u2028para\u2029', 'line\\u2028para\\u2029'],
    // a tab, accents, CJK and an emoji stay as they are
    ['a\tb é 中 🙂', 'a\tb é 中 🙂'],
  ];
  for (const [raw, shown] of cases) assert.equal(escapeInvisible(raw), shown, JSON.stringify(raw));
});

test('a finding with nothing to escape is the same object; one with something has message, fix titles and related escaped', () => {
  const plain: Finding = { rule: 'r', severity: 'error', message: 'm', span: { start: 0, end: 0 }, fixes: [] };
  assert.equal(visibleFinding(plain), plain);
  const f: Finding = {
    ...plain,
    message: 'm\u202E',
    fixes: [{ title: 't\u2066', edits: [], safe: false }],
    related: [{ file: '/f', span: { start: 0, end: 0 }, message: 'r\u0000' }],
  };
  const v = visibleFinding(f);
  assert.deepEqual([v.message, v.fixes[0].title, v.related![0].message], ['m\\u202E', 't\\u2066', 'r\\u0000']);
});

test('findings quoting the file show its bidi and invisible characters escaped, whatever the reader', () => {
  const conf = lintFile('/etc/nova/nova.conf', '[DEFAULT]\nde\u202Ebug = true\nx\u200By\n')!;
  assert.deepEqual(
    conf.findings.map((f) => [f.rule, f.span, f.message, f.fixes.map((x) => x.title)]),
    [
      [
        'unknown-option',
        { start: 10, end: 16 },
        "'de\\u202Ebug' is not an option of [DEFAULT] in nova.conf (2025.1); did you mean 'debug'?",
        ["Rename to 'debug'"],
      ],
      ['parse-error', { start: 24, end: 27 }, "'x\\u200By' is neither a section, an option (key = value) nor a comment", []],
    ],
  );
  const ka = lintFile('/etc/keepalived/keepalived.conf', 'vrrp_instance V\u2066I {\n  state MASTER\u202E\n  interfac\u0007e eth0\n}\n')!;
  assert.deepEqual(
    ka.findings.map((f) => [f.rule, f.message]),
    [
      ['keepalived-vrid-priority-sane', 'vrrp_instance V\\u2066I has no virtual_router_id'],
      ['keepalived-unknown-keyword', 'state MASTER\\u202E: keepalived takes MASTER or BACKUP, in capitals, and falls back to BACKUP'],
      [
        'keepalived-unknown-keyword',
        "keepalived does not know 'interfac\\u0007e' (did you mean interface?): keepalived 2.2.7-1+b2 ignores it and keepalived -t rejects the file",
      ],
    ],
  );
});
