/**
 * Baselines through the built CLI: --write-baseline records today's findings, --baseline reports and
 * fails only on the others, keyed by fingerprint (not by line), in text, JSON and SARIF; a bad
 * baseline file is bad usage.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/paths';
import { leaked, PLANTED_FILES } from '../support/planted-secrets';
import { runCli as run, tempWorkspace, EVEN_UNFENCED } from '../support/cli';

const workspace = (files: Record<string, string>) => tempWorkspace(files, 'osha-baseline-');
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

const SITE = EVEN_UNFENCED;
const EVEN = "cluster 'ctl' has 4 votes; a 2:2 split leaves no side with the 3 needed for quorum";
const UNFENCED =
  "cluster 'ctl' (4 members) has STONITH off in a production deployment: a node that stops answering may still write while its resources start elsewhere";

test('--write-baseline records every finding by rule, file and fingerprint, with a count and the message; exit 0', () => {
  const dir = workspace({ 'site/region.ha.yaml': SITE });
  const r = run(['lint', '--write-baseline', 'baseline.json', 'site'], dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, 'openstack-ha: wrote 2 findings to the baseline baseline.json\n');
  // the report is printed as usual
  assert.match(r.out, /^1 error, 1 warning, 0 info in 1 of 1 file checked \(1 HA manifest\)$/m);
  const b = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8'));
  const sarif = JSON.parse(run(['lint', '--format', 'sarif', 'site'], dir).out).runs[0].results;
  assert.deepEqual(b, {
    version: 1,
    tool: 'openstack-ha',
    toolVersion: VERSION,
    entries: [
      {
        rule: 'cluster-even-node-count',
        file: 'site/region.ha.yaml',
        fingerprint: sarif[0].partialFingerprints['openstackHa/v1'],
        count: 1,
        severity: 'warning',
        message: EVEN,
      },
      {
        rule: 'stonith-disabled',
        file: 'site/region.ha.yaml',
        fingerprint: sarif[1].partialFingerprints['openstackHa/v1'],
        count: 1,
        severity: 'error',
        message: UNFENCED,
      },
    ],
  });
  assert.match(b.entries[0].fingerprint, /^[0-9a-f]{32}:1$/);
});

test('--baseline: the baselined findings are left out of text and JSON and of the exit status, even after they move; new ones fail', () => {
  const dir = workspace({ 'site.ha.yaml': SITE });
  assert.equal(run(['lint', '--write-baseline', 'b.json', '.'], dir).code, 0);
  // lines added above: the findings move, and stay baselined
  fs.writeFileSync(path.join(dir, 'site.ha.yaml'), '# region one\n\n' + SITE);
  const same = run(['lint', '--baseline', 'b.json', '.'], dir);
  assert.equal(same.code, 0, same.out + same.err);
  assert.equal(
    same.out,
    '0 errors, 0 warnings, 0 info in 0 of 1 file checked (1 HA manifest)\n2 findings in the baseline not shown; 0 baseline entries no longer found\n',
  );
  // a second cluster without fencing is a new finding
  fs.appendFileSync(path.join(dir, 'site.ha.yaml'), '  net: { members: [a, b, c], stonith: false }\n');
  const more = run(['lint', '--baseline=b.json', '.'], dir);
  assert.equal(more.code, 1);
  assert.equal(
    more.out,
    [
      'site.ha.yaml',
      "site.ha.yaml:12:39  error  cluster 'net' (3 members) has STONITH off in a production deployment: a node that stops answering may still write while its resources start elsewhere  stonith-disabled",
      '',
      '1 error, 0 warnings, 0 info in 1 of 1 file checked (1 HA manifest)',
      '2 findings in the baseline not shown; 0 baseline entries no longer found',
      '',
    ].join('\n'),
  );
  const json = JSON.parse(run(['lint', '--format', 'json', '--baseline', 'b.json', '.'], dir).out);
  assert.deepEqual(
    json.diagnostics.map((d: { rule: string; range: { start: { line: number } } }) => [d.rule, d.range.start.line]),
    [['stonith-disabled', 11]],
  );
  assert.deepEqual(json.baseline, { baselined: 2, absent: 0 });
  // without --baseline, JSON is as before: no baseline key
  assert.equal('baseline' in JSON.parse(run(['lint', '--format', 'json', '.'], dir).out), false);
});

test('--baseline with --max-warnings: only the warnings not in the baseline count', () => {
  const dir = workspace({ 'w.ha.yaml': SITE.replace('stonith: false', 'stonith: true') });
  assert.equal(run(['lint', '--max-warnings', '0', '.'], dir).code, 1);
  assert.equal(run(['lint', '--write-baseline', 'b.json', '.'], dir).code, 0);
  assert.equal(run(['lint', '--max-warnings', '0', '--baseline', 'b.json', '.'], dir).code, 0);
});

test('SARIF against a baseline: every finding marked new or unchanged, and the entries no longer found as absent', () => {
  const dir = workspace({ 'site.ha.yaml': SITE });
  run(['lint', '--write-baseline', 'b.json', '.'], dir);
  const entries = JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')).entries;
  // the even count fixed (one more node), a second unfenced cluster added
  fs.writeFileSync(
    path.join(dir, 'site.ha.yaml'),
    SITE.replace('  d: { address: 10.0.0.4 }\n', '  d: { address: 10.0.0.4 }\n  e: { address: 10.0.0.5 }\n')
      .replace('members: [a, b, c, d]', 'members: [a, b, c, d, e]')
      .replace('(4 members)', '(5 members)') + '  net: { members: [a, b, c], stonith: false }\n',
  );
  const r = run(['lint', '--format', 'sarif', '--baseline', 'b.json', '.'], dir);
  assert.equal(r.code, 1);
  const results = JSON.parse(r.out).runs[0].results;
  assert.deepEqual(
    results.map((x: { ruleId: string; baselineState: string; message: { text: string } }) => [
      x.ruleId,
      x.baselineState,
      x.message.text.slice(0, 13),
    ]),
    [
      ['stonith-disabled', 'unchanged', "cluster 'ctl'"],
      ['stonith-disabled', 'new', "cluster 'net'"],
      ['cluster-even-node-count', 'absent', "cluster 'ctl'"],
    ],
  );
  // the unfenced ctl's flagged text is unchanged though its message now says 5 members
  assert.equal(results[0].partialFingerprints['openstackHa/v1'], entries[1].fingerprint);
  const absent = results[2];
  assert.deepEqual(absent, {
    ruleId: 'cluster-even-node-count',
    ruleIndex: absent.ruleIndex,
    level: 'warning',
    message: { text: EVEN },
    locations: [{ physicalLocation: { artifactLocation: { uri: 'site.ha.yaml', uriBaseId: '%SRCROOT%' } } }],
    partialFingerprints: { 'openstackHa/v1': entries[0].fingerprint },
    baselineState: 'absent',
  });
  const text = run(['lint', '--baseline', 'b.json', '.'], dir);
  assert.match(text.out, /\n1 finding in the baseline not shown; 1 baseline entry no longer found\n$/);
});

test('two equal findings in the baseline, one fixed: the other stays baselined and one entry is absent', () => {
  const two =
    SITE.replace('  d: { address: 10.0.0.4 }\n', '').replace('[a, b, c, d]', '[a, b, c]') +
    '  net: { members: [a, b, c], stonith: false }\n';
  const dir = workspace({ 's.ha.yaml': two });
  run(['lint', '--write-baseline', 'b.json', '.'], dir);
  const b = JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8'));
  assert.deepEqual(
    b.entries.map((e: { rule: string; fingerprint: string; count: number }) => [e.rule, e.fingerprint.slice(-2), e.count]),
    [
      ['stonith-disabled', ':1', 1],
      ['stonith-disabled', ':2', 1],
    ],
  );
  fs.writeFileSync(
    path.join(dir, 's.ha.yaml'),
    two.replace('ctl: { members: [a, b, c], stonith: false }', 'ctl: { members: [a, b, c], stonith: true }'),
  );
  const r = run(['lint', '--format', 'json', '--baseline', 'b.json', '.'], dir);
  assert.equal(r.code, 0, r.out);
  assert.deepEqual(JSON.parse(r.out).baseline, { baselined: 1, absent: 1 });
});

test('a bad baseline is bad usage (exit 2) with a clear message: missing, not JSON, another version, broken entries', () => {
  const dir = workspace({ 'site.ha.yaml': SITE, 'notjson.json': '{ "version": 1, ', 'v2.json': '{ "version": 2, "entries": [] }' });
  fs.writeFileSync(path.join(dir, 'list.json'), '[1, 2]');
  fs.writeFileSync(
    path.join(dir, 'entries.json'),
    JSON.stringify({ version: 1, entries: [{ rule: 'stonith-disabled', file: 'site.ha.yaml' }] }),
  );
  const cases: [string, string][] = [
    ['missing.json', 'openstack-ha: cannot read baseline missing.json: no such file or directory\n'],
    ['notjson.json', 'openstack-ha: baseline notjson.json is not JSON (write it with openstack-ha lint --write-baseline notjson.json)\n'],
    [
      'v2.json',
      'openstack-ha: baseline v2.json is not an openstack-ha baseline of version 1 (its version is 2); write it again with --write-baseline\n',
    ],
    ['list.json', 'openstack-ha: baseline list.json is not an openstack-ha baseline of version 1; write it again with --write-baseline\n'],
    ['entries.json', 'openstack-ha: baseline entries.json: entry 1 needs a rule, a file, a fingerprint and a count\n'],
  ];
  for (const [file, err] of cases) {
    const r = run(['lint', '--baseline', file, '.'], dir);
    assert.equal(r.code, 2, file);
    assert.equal(r.err, err);
    assert.equal(r.out, '', file);
  }
  const both = run(['lint', '--baseline', 'a.json', '--write-baseline', 'b.json', '.'], dir);
  assert.equal(both.code, 2);
  assert.match(both.err, /^openstack-ha: --baseline and --write-baseline go in separate runs\n/);
  assert.match(run(['lint', '--baseline'], dir).err, /^openstack-ha: --baseline needs a value\n/);
  const rules = run(['rules', '--output', 'rules.json'], dir);
  assert.equal(rules.code, 2);
  assert.match(rules.err, /^openstack-ha: --output, --baseline and --write-baseline are options of lint\n/);
  // a baseline that cannot be written: exit 2, the report still printed
  const unwritable = run(['lint', '--write-baseline', 'no/such/folder/b.json', '.'], dir);
  assert.equal(unwritable.code, 2);
  assert.match(unwritable.err, /^openstack-ha: cannot write .*b\.json: no such file or directory\n$/);
  assert.match(unwritable.out, /1 error, 1 warning/);
});

test('no planted secret in a baseline', () => {
  const dir = workspace(PLANTED_FILES);
  const r = run(['lint', '--write-baseline', 'b.json', '.'], dir);
  assert.equal(r.code, 0, r.err);
  const text = fs.readFileSync(path.join(dir, 'b.json'), 'utf8');
  assert.ok(JSON.parse(text).entries.length > 20, text);
  assert.deepEqual(leaked(text), []);
});
