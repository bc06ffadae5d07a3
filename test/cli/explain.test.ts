/**
 * `openstack-ha explain RULE-ID`, `openstack-ha rules --format json` for tooling, and the language
 * server's own command line (issue 14): what a user typing them by hand gets.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, ROOT } from '../support/paths';

const run = (bin: string, args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, input: '' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const SERVER = path.join(ROOT, 'bin', 'openstack-ha-language-server.js');

test("explain prints the rule's page as shipped", () => {
  const r = run(CLI, ['explain', 'stonith-disabled']);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'stonith-disabled.md'), 'utf8'));
});

test('explain: an unknown id names the closest one; no id, or two, is bad usage', () => {
  const r = run(CLI, ['explain', 'stonith-disable']);
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.equal(r.err, "openstack-ha: unknown rule 'stonith-disable'; did you mean 'stonith-disabled'? (openstack-ha rules lists them)\n");
  for (const args of [['explain'], ['explain', 'a', 'b'], ['explain', '--format']]) {
    const u = run(CLI, args);
    assert.equal(u.code, 2, args.join(' '));
    assert.match(u.err, /^openstack-ha: explain takes one rule id/);
  }
});

test('rules --format json: id, severity, kinds of file and fixability of every rule', () => {
  const r = run(CLI, ['rules', '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const rules = JSON.parse(r.out) as { id: string; severity: string; fixable: boolean; kinds: string[] | 'all' }[];
  const byId = new Map(rules.map((x) => [x.id, x]));
  assert.deepEqual(byId.get('parse-error')!.kinds, 'all');
  assert.deepEqual(byId.get('failure-domain-loss'), {
    ...byId.get('failure-domain-loss'),
    severity: 'warning',
    fixable: false,
    kinds: ['manifest'],
  });
  assert.deepEqual(byId.get('cluster-min-three-nodes')!.kinds, ['manifest', 'corosync']);
  assert.ok(
    rules.every((x) => x.kinds === 'all' || x.kinds.length > 0),
    'every rule checks some kind',
  );
});

test('the language server without a transport prints its usage (exit 2), not a stack trace; --version and --help', () => {
  const bare = run(SERVER, []);
  assert.equal(bare.code, 2);
  assert.equal(bare.out, '');
  assert.match(bare.err, /^openstack-ha-language-server: no transport given\nUsage: openstack-ha-language-server --stdio/);
  assert.doesNotMatch(bare.err, /at .*\.js:\d+/);
  const version = run(SERVER, ['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.out, `${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
  const help = run(SERVER, ['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage: openstack-ha-language-server --stdio \| --node-ipc/);
});
