/**
 * The README's command line section on SARIF, baselines and CI is true: the synopsis is --help's, the
 * baseline example is the real output (line for line where it does not say '...'), and the workflow
 * and pre-commit examples name inputs and hooks that exist.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { CLI, ROOT } from '../support/paths';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('\n## ', readme.indexOf('## Command line') + 1));
const fold = (s: string) => s.replace(/\s+/g, ' ');

test("the lint synopsis is --help's", () => {
  const synopsis = /```text\n(openstack-ha lint [^`]*?)\n```/.exec(section)![1];
  assert.match(synopsis, /--output FILE\] \[--baseline FILE \| --write-baseline FILE\] PATH\.\.\.$/);
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
  assert.ok(fold(help).includes(fold(synopsis)), help);
});

test("the baseline example is the real output, line for line where it does not say '...'", () => {
  const block = /```text\n(\$ openstack-ha lint --write-baseline[^`]*?)```/.exec(section)![1];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-readme-'));
  fs.mkdirSync(path.join(dir, 'examples'));
  fs.copyFileSync(path.join(ROOT, 'examples', 'bad.ha.yaml'), path.join(dir, 'examples', 'bad.ha.yaml'));
  // each `$ command` with the lines after it, up to the next
  const runs = block.split(/^\$ /m).filter(Boolean);
  assert.equal(runs.length, 2);
  for (const chunk of runs) {
    const [command, ...expected] = chunk.trimEnd().split('\n');
    const [cmd, ...args] = command.split(' ');
    assert.equal(cmd, 'openstack-ha');
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const lines = (r.stdout + r.stderr).split('\n');
    let at = 0;
    for (const line of expected.filter((l) => l !== '...')) {
      const found = lines.indexOf(line, at);
      assert.ok(found >= at, `not in the output of ${command}, in order: ${line}\n${r.stdout}${r.stderr}`);
      at = found + 1;
    }
    // without '...', the output is exactly the lines shown
    if (!expected.includes('...')) assert.equal(r.stdout + r.stderr, expected.join('\n') + '\n');
  }
});

test('the workflow and the pre-commit configuration name what exists', () => {
  const blocks = [...section.slice(section.indexOf('### In CI')).matchAll(/```yaml\n([^`]*?)```/g)].map((m) => parse(m[1]));
  assert.equal(blocks.length, 2);
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  const step = blocks[0].jobs['openstack-ha'].steps[1];
  assert.match(step.uses, /^openstack-ha\/openstack-ha@/);
  for (const k of Object.keys(step.with)) assert.ok(k in action.inputs, k);
  assert.equal(blocks[0].jobs['openstack-ha'].permissions['security-events'], 'write');
  const repo = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).repository.url;
  const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
  assert.equal(blocks[1].repos[0].repo, repo);
  assert.deepEqual(
    blocks[1].repos[0].hooks.map((h: { id: string }) => h.id),
    hooks.map((h: { id: string }) => h.id),
  );
  // every input of the action is named in the README
  for (const k of Object.keys(action.inputs)) assert.ok(section.includes(`\`${k}\``), k);
});
