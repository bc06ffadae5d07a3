/**
 * The pre-commit hook (.pre-commit-hooks.yaml), run as pre-commit runs it: in a git repository with
 * staged files, the hook runs when a staged file matches its `files` regex, its entry (and args)
 * split into words and started in the repository's root with the built bin on PATH, no file names
 * passed (it lints the whole deployment: a staged file is checked against the unstaged others).
 * pre-commit itself is not run: it would install the hook's repository from npm.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { ROOT } from '../support/paths';
import { allGlobs } from '../../server/src/engine/kinds';
import { THREE_UNFENCED } from '../support/cli';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
  require_serial: boolean;
  args?: string[];
}
const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks[0];
const files = new RegExp(hook.files);

/** A folder on PATH holding `openstack-ha`, as `npm install -g` (and pre-commit's node environment) puts it. */
const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-bin-'));
fs.symlinkSync(path.join(ROOT, 'bin', 'openstack-ha.js'), path.join(bin, 'openstack-ha'));

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};
function repo(committed: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-precommit-'));
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.email', 'ci@example.org');
  git(dir, 'config', 'user.name', 'CI');
  stage(dir, { 'README.md': '# the cloud\n', ...committed });
  git(dir, 'commit', '-qm', 'start');
  return dir;
}
function stage(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
    git(dir, 'add', name);
  }
}
/** pre-commit's run: the staged files its regex selects; none, and the hook is skipped. */
function commitHook(dir: string, userArgs: string[] = []) {
  const staged = git(dir, 'diff', '--cached', '--name-only').split('\n').filter(Boolean);
  const selected = staged.filter((f) => files.test(f));
  if (!selected.length) return { skipped: true, selected, code: 0, out: '' };
  const [cmd, ...words] = hook.entry.split(/\s+/);
  const args = [...words, ...(hook.args ?? []), ...userArgs, ...(hook.pass_filenames ? selected : [])];
  const r = spawnSync(cmd, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PATH: [bin, path.dirname(process.execPath), process.env.PATH].join(path.delimiter) },
  });
  assert.equal(r.error, undefined);
  return { skipped: false, selected, code: r.status, out: r.stdout + r.stderr };
}

const GOOD = fs.readFileSync(path.join(ROOT, 'examples', 'region-one', 'good.ha.yaml'), 'utf8');
const BAD = THREE_UNFENCED;

test('the hook: id, entry, node, the whole repository linted once', () => {
  assert.equal(hooks.length, 1);
  assert.deepEqual(
    { ...hook, description: undefined, files: undefined },
    {
      id: 'openstack-ha',
      name: 'openstack-ha lint',
      description: undefined,
      entry: 'openstack-ha lint .',
      language: 'node',
      pass_filenames: false,
      require_serial: true,
      files: undefined,
    },
  );
});

/** Brace alternatives expanded: `a{b,c}` gives ab and ac. */
const expand = (glob: string): string[] => {
  const m = /\{([^{}]*)\}/.exec(glob);
  return m ? m[1].split(',').flatMap((alt) => expand(glob.slice(0, m.index) + alt + glob.slice(m.index + m[0].length))) : [glob];
};

test('files: every kind of file the product reads (kinds.ts) selects the hook; other files do not', () => {
  const samples = allGlobs().flatMap(expand);
  assert.ok(samples.length >= 50, String(samples.length));
  for (const glob of samples)
    for (const p of [glob.replace(/\*\*\//g, 'site/ctl1/').replace(/\*/g, 'any'), glob.replace(/\*\*\//g, '').replace(/\*/g, 'x')])
      assert.ok(files.test(p), `${glob}: ${p}`);
  for (const p of [
    'README.md',
    'src/app.ts',
    'images/icon.png',
    'package.json',
    'docs/rules/stonith-disabled.md',
    'LICENSE',
    'ansible/roles/x/tasks.txt',
  ])
    assert.equal(files.test(p), false, p);
});

test('a staged bad manifest fails the commit with its finding; a good one passes; a staged README skips the hook', () => {
  const dir = repo({});
  stage(dir, { 'deploy/region.ha.yaml': BAD });
  const bad = commitHook(dir);
  assert.deepEqual(bad.selected, ['deploy/region.ha.yaml']);
  assert.equal(bad.code, 1);
  assert.match(
    bad.out,
    /^deploy\/region\.ha\.yaml:8:39 {2}error {2}cluster 'ctl' \(3 members\) has STONITH off in a production deployment.* {2}stonith-disabled$/m,
  );

  stage(dir, { 'deploy/region.ha.yaml': GOOD });
  const good = commitHook(dir);
  assert.equal(good.code, 0, good.out);
  assert.match(good.out, /^0 errors, 0 warnings, 0 info in 0 of 1 file checked \(1 HA manifest\)$/m);
  git(dir, 'commit', '-qm', 'good');

  stage(dir, { 'README.md': '# the cloud, region one\n' });
  assert.deepEqual(commitHook(dir), { skipped: true, selected: [], code: 0, out: '' });
});

test('a staged corosync.conf is checked against the manifest committed before (the reason no file names are passed)', () => {
  const manifest =
    'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes:\n  ctl1: { address: 10.0.0.11 }\n  ctl2: { address: 10.0.0.12 }\n  ctl3: { address: 10.0.0.13 }\nclusters:\n  ctl: { members: [ctl1, ctl2, ctl3], stonith: true }\n';
  const dir = repo({ 'site.ha.yaml': manifest });
  stage(dir, {
    'ctl1/etc/corosync/corosync.conf':
      'totem {\n  version: 2\n  cluster_name: ctl\n}\nnodelist {\n  node {\n    name: ctl1\n    ring0_addr: 10.0.0.11\n  }\n  node {\n    name: ctl2\n    ring0_addr: 10.0.0.12\n  }\n}\n',
  });
  const r = commitHook(dir);
  assert.deepEqual(r.selected, ['ctl1/etc/corosync/corosync.conf']);
  assert.equal(r.code, 1, r.out);
  assert.ok(
    r.out.includes(
      "ctl1/etc/corosync/corosync.conf:5:1  warning  the nodelist leaves out ctl3 (10.0.0.13), member of cluster 'ctl' in site.ha.yaml: it never joins the cluster corosync forms  corosync-nodelist-drift\n",
    ),
    r.out,
  );
  // the staged file alone, as pass_filenames would give it: the drift from the manifest goes unseen
  const alone = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'openstack-ha.js'), 'lint', 'ctl1/etc/corosync/corosync.conf'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.doesNotMatch(alone.stdout, /corosync-nodelist-drift/);
  assert.match(alone.stdout, /in 1 of 1 file checked \(1 corosync\.conf\)\n$/);
});

test('with a baseline in args, only new findings fail the commit', () => {
  const dir = repo({ 'deploy/region.ha.yaml': BAD });
  const w = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin', 'openstack-ha.js'), 'lint', '--write-baseline', '.openstack-ha-baseline.json', '.'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  assert.equal(w.status, 0, w.stderr);
  stage(dir, { 'deploy/region.ha.yaml': '# region one\n' + BAD });
  const r = commitHook(dir, ['--baseline', '.openstack-ha-baseline.json']);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /^1 finding in the baseline not shown; 0 baseline entries no longer found$/m);
  stage(dir, { 'deploy/region.ha.yaml': BAD + '  net: { members: [a, b, c], stonith: false }\n' });
  assert.equal(commitHook(dir, ['--baseline', '.openstack-ha-baseline.json']).code, 1);
});
