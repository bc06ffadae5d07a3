/** The language server in Neovim (headless) and Emacs (batch, eglot): diagnostics and a hover, over stdio. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freshDir, isolatedEnv, run, SERVER_BIN } from './support';
import { lintManifest } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';

const EDITORS = path.join(ROOT, 'test', 'e2e', 'editors');
const bad = fs.readFileSync(path.join(ROOT, 'examples', 'bad.ha.yaml'), 'utf8');
const expected = lintManifest(bad).findings;
const membersLine = bad.split('\n').findIndex((l) => l.includes('members: [controller1, controller2, controller3, controller4]'));
const hoverCol = bad.split('\n')[membersLine].indexOf('controller1') + 2;

function workspace(name: string): string {
  const dir = freshDir(name);
  fs.mkdirSync(path.join(dir, 'ws'));
  fs.writeFileSync(path.join(dir, 'ws', 'bad.ha.yaml'), bad);
  return dir;
}

test('Neovim: diagnostics with rule ids and ranges, and a hover', { timeout: 120_000 }, async () => {
  const dir = workspace('nvim');
  const r = await run(
    'nvim',
    ['--headless', '--clean', '-u', path.join(EDITORS, 'init.lua'), '-c', `lua osha_run(${membersLine}, ${hoverCol})`, 'bad.ha.yaml'],
    isolatedEnv(dir, { OSHA_SERVER: SERVER_BIN }),
    { cwd: path.join(dir, 'ws'), timeoutMs: 90_000 },
  );
  assert.equal(r.code, 0, r.out);
  const diags = r.out
    .split('\n')
    .filter((l) => l.startsWith('DIAG '))
    .map((l) => JSON.parse(l.slice(5)));
  assert.equal(diags.length, expected.length, r.out);
  const codes = diags.map((d) => d.code).sort();
  assert.deepEqual(codes, expected.map((f) => f.rule).sort());
  const stonith = diags.find((d) => d.code === 'stonith-disabled');
  assert.deepEqual([stonith.line, stonith.col, stonith.severity], [18, 13, 1]);
  const hover = JSON.parse(
    r.out
      .split('\n')
      .find((l) => l.startsWith('HOVER '))!
      .slice(6),
  );
  assert.equal(hover.kind, 'markdown');
  assert.match(hover.value, /^\*\*node controller1\*\*: 10\.1\.0\.12 \(controller\)/);
});

test('Emacs eglot: diagnostics through flymake, and a hover', { timeout: 120_000 }, async () => {
  const dir = workspace('emacs');
  const r = await run(
    'emacs',
    ['--batch', '-Q', '-l', path.join(EDITORS, 'eglot.el'), 'bad.ha.yaml', String(membersLine), String(hoverCol)],
    isolatedEnv(dir, { OSHA_SERVER: SERVER_BIN }),
    { cwd: path.join(dir, 'ws'), timeoutMs: 90_000 },
  );
  assert.equal(r.code, 0, r.out);
  const diags = r.out.split('\n').filter((l) => l.startsWith('DIAG '));
  assert.equal(diags.length, expected.length, r.out);
  assert.ok(
    diags.some((l) => /^DIAG line=19 type=eglot-error text=.*STONITH off in a production deployment/.test(l)),
    r.out,
  );
  assert.ok(
    diags.some((l) => /type=eglot-warning text=.*cluster 'controllers' has 4 votes/.test(l)),
    r.out,
  );
  assert.match(r.out, /^HOVER \*\*node controller1\*\*: 10\.1\.0\.12 \(controller\)/m);
});
