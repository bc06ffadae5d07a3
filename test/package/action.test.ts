/**
 * The GitHub Action (action.yml), run as a runner would run it: each `run:` step in bash with the
 * runner's flags, its env's expressions substituted (inputs, github.action_path at this checkout,
 * github.workspace), GITHUB_OUTPUT collected, stopping at the first step that fails. `uses:` steps
 * are checked to be pinned and skipped: no network.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { ROOT } from '../support/paths';
import { tempWorkspace, EVEN_UNFENCED } from '../support/cli';

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};

const BAD = EVEN_UNFENCED;
const WARN_ONLY = BAD.replace('stonith: false', 'stonith: true');

const workspace = (files: Record<string, string>) => tempWorkspace(files, 'osha-action-');

/** The action's run steps with these inputs in workspace `ws`: the status of the job and what it wrote. */
function runAction(ws: string, given: Record<string, string> = {}) {
  for (const k of Object.keys(given)) assert.ok(k in action.inputs, `no input ${k}`);
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? String(v.default ?? '')]));
  const outputs: Record<string, Record<string, string>> = {};
  const expr = (s: string) =>
    s.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(e);
      if (input) return inputs[input[1]];
      if (e === 'github.action_path') return ROOT;
      if (e === 'github.workspace') return ws;
      throw new Error(`expression not substituted by the test: ${e}`);
    });
  let log = '';
  const ran: string[] = [];
  for (const step of action.runs.steps) {
    if (step.uses) continue;
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'osha-gh-')), 'output');
    fs.writeFileSync(out, '');
    const script = path.join(path.dirname(out), 'step.sh');
    fs.writeFileSync(script, step.run!);
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(v)]));
    // as the runner runs `shell: bash`
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: ws,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
        ...env,
        GITHUB_OUTPUT: out,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_WORKSPACE: ws,
      },
    });
    log += r.stdout + r.stderr;
    ran.push(step.name);
    if (step.id)
      outputs[step.id] = Object.fromEntries(
        fs
          .readFileSync(out, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    if (r.status !== 0) return { status: r.status, log, outputs, ran };
  }
  return { status: 0, log, outputs, ran };
}

test('action.yml: a composite action whose scripts take inputs only through env, and whose uses: are pinned', () => {
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(Object.keys(action.inputs), ['paths', 'baseline', 'config', 'fail-on', 'sarif-file', 'upload-sarif']);
  for (const [k, v] of Object.entries(action.inputs)) assert.ok(v.description.length > 20, k);
  assert.deepEqual(
    action.runs.steps.map((s) => s.name),
    ['Check Node.js', 'Set up Node.js', 'Build openstack-ha', 'Lint', 'Upload SARIF'],
  );
  for (const s of action.runs.steps) {
    if (s.uses) {
      // a major version tag or a full commit
      assert.match(s.uses, /^[\w-]+\/[\w./-]+@(v\d+|[0-9a-f]{40})$/, s.uses);
      continue;
    }
    assert.equal(s.shell, 'bash', s.name);
    assert.doesNotMatch(s.run!, /\$\{\{/, `${s.name}: an expression spliced into a script`);
    assert.equal(s.if, undefined, `${s.name}: the test runs every run step`);
  }
  const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  assert.equal(upload.if, "always() && inputs.upload-sarif == 'true' && steps.lint.outputs.sarif-file != ''");
  assert.deepEqual(upload.with, { sarif_file: '${{ steps.lint.outputs.sarif-file }}', category: 'openstack-ha' });
  assert.equal(action.outputs['sarif-file'].value, '${{ steps.lint.outputs.sarif-file }}');
});

test('a bad manifest: the SARIF file is written, the findings are in the log, the job fails (exit 1)', () => {
  const ws = workspace({ 'deploy/region.ha.yaml': BAD, 'README.md': '# docs\n' });
  const r = runAction(ws);
  assert.equal(r.status, 1, r.log);
  assert.deepEqual(r.ran, ['Check Node.js', 'Build openstack-ha', 'Lint']);
  assert.deepEqual(r.outputs.node, { setup: 'false' });
  assert.deepEqual(r.outputs.lint, { 'exit-code': '1', 'sarif-file': 'openstack-ha.sarif' });
  const sarif = JSON.parse(fs.readFileSync(path.join(ws, 'openstack-ha.sarif'), 'utf8'));
  assert.deepEqual(
    sarif.runs[0].results.map((x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [
      x.ruleId,
      x.locations[0].physicalLocation.artifactLocation.uri,
    ]),
    [
      ['cluster-even-node-count', 'deploy/region.ha.yaml'],
      ['stonith-disabled', 'deploy/region.ha.yaml'],
    ],
  );
  assert.ok(r.log.includes('deploy/region.ha.yaml:9:42  error  cluster'), r.log);
  assert.ok(r.log.includes('1 error, 1 warning, 0 info in 1 of 1 file checked (1 HA manifest)\n'), r.log);
});

test('fail-on: never reports without failing; warning fails on a warning that error lets pass', () => {
  const bad = workspace({ 'region.ha.yaml': BAD });
  const never = runAction(bad, { 'fail-on': 'never', 'sarif-file': 'reports/out.sarif' });
  assert.equal(never.status, 0, never.log);
  assert.deepEqual(never.outputs.lint, { 'exit-code': '1', 'sarif-file': 'reports/out.sarif' });
  assert.equal(JSON.parse(fs.readFileSync(path.join(bad, 'reports', 'out.sarif'), 'utf8')).runs[0].results.length, 2);

  const warn = workspace({ 'region.ha.yaml': WARN_ONLY });
  assert.equal(runAction(warn).status, 0);
  const strict = runAction(warn, { 'fail-on': 'warning' });
  assert.equal(strict.status, 1, strict.log);
  assert.equal(strict.outputs.lint['exit-code'], '1');

  const typo = runAction(warn, { 'fail-on': 'warnings' });
  assert.equal(typo.status, 2);
  assert.match(typo.log, /::error::fail-on must be error, warning or never, not 'warnings'/);
});

test('paths on several lines, a baseline, and a bad baseline (exit 2, no SARIF file to upload)', () => {
  const ws = workspace({ 'one/a.ha.yaml': BAD, 'two/b.ha.yaml': BAD, 'three/c.ha.yaml': BAD });
  const cli = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin', 'openstack-ha.js'), 'lint', '--write-baseline', 'ha-baseline.json', 'one'],
    {
      cwd: ws,
      encoding: 'utf8',
    },
  );
  assert.equal(cli.status, 0, cli.stderr);
  const r = runAction(ws, { paths: 'one\ntwo', baseline: 'ha-baseline.json' });
  assert.equal(r.status, 1, r.log);
  const results = JSON.parse(fs.readFileSync(path.join(ws, 'openstack-ha.sarif'), 'utf8')).runs[0].results;
  assert.deepEqual(
    results.map((x: { baselineState: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [
      x.locations[0].physicalLocation.artifactLocation.uri,
      x.baselineState,
    ]),
    [
      ['one/a.ha.yaml', 'unchanged'],
      ['one/a.ha.yaml', 'unchanged'],
      ['two/b.ha.yaml', 'new'],
      ['two/b.ha.yaml', 'new'],
    ],
  );
  assert.ok(r.log.includes('2 findings in the baseline not shown; 0 baseline entries no longer found'), r.log);
  assert.equal(runAction(ws, { paths: 'one', baseline: 'ha-baseline.json' }).status, 0);

  const missing = runAction(ws, { baseline: 'nope.json' });
  assert.equal(missing.status, 2);
  assert.match(missing.log, /openstack-ha: cannot read baseline nope\.json: no such file or directory/);
  assert.deepEqual(missing.outputs.lint, { 'exit-code': '2' });
  assert.equal(fs.existsSync(path.join(ws, 'openstack-ha.sarif')), false, 'the previous report is removed');
});
