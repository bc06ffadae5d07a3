/**
 * Shapes the fuzzer found slow after the readers were made linear (issue 11): long lines under the
 * cursor for completion, a repeated section or an unknown option thousands of times. Each is held
 * to a CPU bound far below what the quadratic code took (seconds to tens of seconds).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintAs, LintResult } from '../../server/src/engine/lint';
import { EMPTY_CONFIG } from '../../server/src/engine/config';
import { languageOf } from '../../server/src/engine/languages';
import type { DocumentKind } from '../../server/src/engine/types';

const BOUND_MS = 400;
const cpu = <T>(fn: () => T): [T, number] => {
  const before = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(before);
  return [value, (used.user + used.system) / 1000];
};
const lint = (kind: DocumentKind, path: string, text: string): LintResult => lintAs(kind, path, text, EMPTY_CONFIG, {});

/** Completion at the end of each line of `lines` (the cursor after a long run), within the bound in all. */
function completesInTime(kind: DocumentKind, path: string, head: string, lines: string[]) {
  const text = head + lines.join('\n') + '\n';
  const r = lint(kind, path, text);
  const [, ms] = cpu(() => {
    let at = head.length;
    for (const l of lines) {
      at += l.length;
      languageOf(kind).service.complete!(r, text, at);
      at += 1;
    }
  });
  assert.ok(ms < BOUND_MS, `${kind}: completion took ${Math.round(ms)} ms`);
}

test('manifest completion after a 100 KB line without a colon, or a 100 KB word followed by another', () =>
  completesInTime('manifest', 'site.ha.yaml', 'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes:\n', [
    `  ${'a '.repeat(50_000)}`,
    `  ${'a'.repeat(100_000)} b`,
    `  - ${' '.repeat(100_000)}x`,
    `  a: ${'x'.repeat(100_000)} {`,
  ]));

test('.conf completion after 100 KB of spaces between a key and its value', () =>
  completesInTime('oslo-conf', 'nova.conf', '[DEFAULT]\n', [`debug${' '.repeat(100_000)}`, `debug ${' '.repeat(100_000)}= tr`]));

test('a .conf repeating one section 5,000 times, and a Galera group header of 200 KB of tabs, check within the bound', () => {
  const [conf, confMs] = cpu(() => lint('oslo-conf', 'nova.conf', '[database]\nconnection = mysql+pymysql://nova@db/nova\n'.repeat(5000)));
  assert.ok(confMs < BOUND_MS, `nova.conf: ${Math.round(confMs)} ms`);
  assert.ok(conf.findings.length > 0);
  const [cnf, cnfMs] = cpu(() => lint('galera', 'my.cnf', `[galer${'\t'.repeat(200_000)}\nwsrep_on = ON\n`));
  assert.ok(cnfMs < BOUND_MS, `my.cnf: ${Math.round(cnfMs)} ms`);
  assert.equal(cnf.findings[0].rule, 'parse-error');
});

test('20,000 unknown MariaDB options: the first 100 with a suggestion, the rest counted, within the bound', () => {
  const lines = Array.from({ length: 20_000 }, (_, i) => `wsrep_provder_${i % 7} = ${i}`);
  const [r, ms] = cpu(() => lint('galera', 'my.cnf', `[mysqld]\nwsrep_on = ON\n${lines.join('\n')}\n`));
  assert.ok(ms < BOUND_MS * 2, `${Math.round(ms)} ms`);
  const unknown = r.findings.filter((f) => f.rule === 'mariadb-unknown-option');
  assert.equal(unknown.length, 101);
  assert.match(unknown[100].message, /^and 19900 more mariadb-unknown-option findings in this file/);
});

test('a haproxy.cfg whose defaults hold 20,000 statements, inherited by 700 frontends, checks within the bound', () => {
  const proxy = (i: number) => `frontend f${i}\n    bind 10.0.0.10:${5000 + i}\n`;
  const text = `defaults\n    mode http\n${'    = x\n'.repeat(20_000)}${Array.from({ length: 700 }, (_, i) => proxy(i)).join('')}`;
  const [r, ms] = cpu(() => lint('haproxy', 'haproxy.cfg', text));
  assert.ok(ms < BOUND_MS, `${Math.round(ms)} ms`);
  assert.ok(!r.findings.some((f) => f.rule === 'check-incomplete'));
});
