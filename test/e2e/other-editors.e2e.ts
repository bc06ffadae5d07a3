/**
 * The README's set-ups for other editors, run as users copy them: each block after an
 * `<!-- editor-config: NAME -->` marker is written to a file unchanged and loaded by headless Neovim
 * and batch Emacs, with a small harness (test/e2e/editors/harness.*) that opens files and prints what
 * the editor holds. The server is the command on PATH, from the package installed into a temporary
 * prefix. Checked: diagnostics and a hover on a manifest and a nova.conf served by one server process,
 * and a sample of every kind of file (test/e2e/editors/samples.ts) attached to that same server.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { freshDir, isolatedEnv, run } from './support';
import { lintManifest } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { SAMPLES } from './editors/samples';
import { readmeBlock, type EditorConfig } from './editors/readme-blocks';

const EDITORS = path.join(ROOT, 'test', 'e2e', 'editors');
const bad = fs.readFileSync(path.join(ROOT, 'examples', 'bad.ha.yaml'), 'utf8');
const expected = lintManifest(bad).findings;
const membersLine = bad.split('\n').findIndex((l) => l.includes('members: [controller1, controller2, controller3, controller4]'));
const hoverCol = bad.split('\n')[membersLine].indexOf('controller1') + 2;
/** A nova.conf with one finding: a misspelt option (the password is the HA guide's placeholder). */
const NOVA_CONF = '[DEFAULT]\ndebug = false\n\n[database]\nconection = mysql+pymysql://nova:NOVA_DBPASS@10.0.0.10/nova\n';
const NOVA_FINDING = "'conection' is not an option of [database] in nova.conf (2025.1); did you mean 'connection'?";

/**
 * The package laid out as `npm i -g openstack-ha` lays it out: the packed tarball in
 * PREFIX/lib/node_modules/openstack-ha, its bins linked from PREFIX/bin. npm itself cannot install it
 * offline (its cache holds the dependencies' tarballs, not the registry's metadata it resolves them
 * with), and the commands need no dependency: they are bundles, which this also proves.
 */
let installed: string | undefined;
function installedBin(): string {
  if (installed) return installed;
  const dir = freshDir('prefix');
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const pkgDir = path.join(dir, 'lib', 'node_modules', 'openstack-ha');
  fs.mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(dir, packed.split('\n').pop()!), '-C', pkgDir, '--strip-components=1']);
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const bins: Record<string, string> = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).bin;
  for (const [name, file] of Object.entries(bins)) {
    fs.chmodSync(path.join(pkgDir, file), 0o755);
    fs.symlinkSync(path.relative(bin, path.join(pkgDir, file)), path.join(bin, name));
  }
  assert.equal(fs.existsSync(path.join(pkgDir, 'node_modules')), false);
  return (installed = bin);
}

/** A project (a Git repository, the root the set-ups find) holding FILES, and the README block CONFIG beside it. */
function project(name: string, config: EditorConfig, ext: string, files: readonly { path: string; text: string }[]) {
  const dir = freshDir(name);
  const ws = path.join(dir, 'ws');
  fs.mkdirSync(ws);
  execFileSync('git', ['init', '-q', ws]);
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(ws, f.path)), { recursive: true });
    fs.writeFileSync(path.join(ws, f.path), f.text);
  }
  const configFile = path.join(dir, `${config}${ext}`);
  fs.writeFileSync(configFile, readmeBlock(config));
  fs.writeFileSync(path.join(dir, 'files'), files.map((f) => f.path).join('\n') + '\n');
  const env = isolatedEnv(dir, { OSHA_CONFIG: configFile, PATH: `${installedBin()}${path.delimiter}${process.env.PATH}` });
  return { dir, ws, env, list: path.join(dir, 'files') };
}

const DIAGNOSED = [
  { path: 'bad.ha.yaml', text: bad },
  { path: 'etc/nova/nova.conf', text: NOVA_CONF },
];

/** The tagged lines of a harness's output: TAG JSON. */
function tagged(out: string, tag: string): any[] {
  return out
    .split('\n')
    .filter((l) => l.startsWith(tag + ' '))
    .map((l) => JSON.parse(l.slice(tag.length + 1)));
}

function nvimVersion(): [number, number] {
  const m = /NVIM v(\d+)\.(\d+)/.exec(execFileSync('nvim', ['--version'], { encoding: 'utf8' }))!;
  return [Number(m[1]), Number(m[2])];
}
const [major, minor] = nvimVersion();
const NEOVIM: { config: EditorConfig; skip: string | false }[] = [
  { config: 'neovim-0.7', skip: false },
  { config: 'neovim-0.10', skip: major === 0 && minor < 10 ? `the installed Neovim is ${major}.${minor}` : false },
];

test('Neovim: both README blocks compile as Lua in the installed Neovim (the 0.10 one runs only on 0.10)', async () => {
  const dir = freshDir('nvim-compile');
  const files = NEOVIM.map(({ config }) => {
    const f = path.join(dir, `${config}.lua`);
    fs.writeFileSync(f, readmeBlock(config));
    return f;
  });
  const check = files.map((f) => `assert(loadfile('${f}'))`).join('; ');
  const r = await run(
    'nvim',
    ['--headless', '--clean', '-c', `lua ${check}; io.stdout:write('COMPILED\\n')`, '-c', 'qa!'],
    isolatedEnv(dir),
    {
      timeoutMs: 20_000,
    },
  );
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /^COMPILED$/m);
});

for (const { config, skip } of NEOVIM) {
  test(
    `Neovim (README ${config}): a manifest and a nova.conf, diagnostics and a hover from one server`,
    { skip, timeout: 60_000 },
    async () => {
      const p = project('nvim', config, '.lua', DIAGNOSED);
      const files = `{ ${DIAGNOSED.map((f) => `'${f.path}'`).join(', ')} }`;
      const r = await run(
        'nvim',
        [
          '--headless',
          '--clean',
          '-u',
          path.join(EDITORS, 'harness.lua'),
          '-c',
          `lua osha_diagnose(${files}, ${membersLine}, ${hoverCol})`,
        ],
        p.env,
        { cwd: p.ws, timeoutMs: 45_000 },
      );
      assert.equal(r.code, 0, r.out);
      const diags = tagged(r.out, 'DIAG');
      const manifest = diags.filter((d) => d.file === 'bad.ha.yaml');
      assert.deepEqual(manifest.map((d) => d.code).sort(), expected.map((f) => f.rule).sort(), r.out);
      const stonith = manifest.find((d) => d.code === 'stonith-disabled');
      assert.deepEqual([stonith.line, stonith.col, stonith.severity], [18, 13, 1]);
      assert.deepEqual(
        diags.filter((d) => d.file === 'etc/nova/nova.conf'),
        [{ file: 'etc/nova/nova.conf', line: 4, col: 0, severity: 2, code: 'unknown-option', message: NOVA_FINDING }],
      );
      const [hover] = tagged(r.out, 'HOVER');
      assert.equal(hover.kind, 'markdown');
      assert.match(hover.value, /^\*\*node controller1\*\*: 10\.1\.0\.12 \(controller\)/);
      // one client, so one server process, for both buffers
      const [clients] = tagged(r.out, 'CLIENTS');
      assert.equal(clients.length, 1, r.out);
      assert.deepEqual(
        tagged(r.out, 'ATTACH'),
        DIAGNOSED.map((f) => ({ file: f.path, clients })),
      );
    },
  );

  test(`Neovim (README ${config}): every kind of file attached to the one server`, { skip, timeout: 60_000 }, async () => {
    const p = project('nvim-kinds', config, '.lua', SAMPLES);
    const r = await run(
      'nvim',
      ['--headless', '--clean', '-u', path.join(EDITORS, 'harness.lua'), '-c', `lua osha_attach('${p.list}')`],
      p.env,
      {
        cwd: p.ws,
        timeoutMs: 45_000,
      },
    );
    assert.equal(r.code, 0, r.out);
    const [clients] = tagged(r.out, 'CLIENTS');
    assert.equal(clients.length, 1, r.out);
    assert.deepEqual(
      tagged(r.out, 'ATTACH'),
      SAMPLES.map((s) => ({ file: s.path, clients })),
    );
  });
}

/** The ATTACH lines of the Emacs harness: file, major mode, pid of the buffer's server. */
function emacsAttached(out: string) {
  return [...out.matchAll(/^ATTACH file=(\S+) mode=(\S+) server=(\S+)$/gm)].map((m) => ({ file: m[1], mode: m[2], server: m[3] }));
}
function emacsServers(out: string): string[] {
  const m = /^SERVERS \(([\d ]*)\)$/m.exec(out);
  assert.ok(m, out);
  return m[1].split(' ').filter(Boolean);
}

test(
  'Emacs eglot (README emacs-eglot): a manifest and a nova.conf, diagnostics and a hover from one server',
  { timeout: 60_000 },
  async () => {
    const p = project('emacs', 'emacs-eglot', '.el', DIAGNOSED);
    const r = await run(
      'emacs',
      [
        '--batch',
        '-Q',
        '-l',
        path.join(EDITORS, 'harness.el'),
        'diagnose',
        ...DIAGNOSED.map((f) => f.path),
        String(membersLine),
        String(hoverCol),
      ],
      p.env,
      { cwd: p.ws, timeoutMs: 45_000 },
    );
    assert.equal(r.code, 0, r.out);
    const diags = r.out.split('\n').filter((l) => l.startsWith('DIAG '));
    const manifest = diags.filter((l) => l.startsWith('DIAG file=bad.ha.yaml '));
    assert.equal(manifest.length, expected.length, r.out);
    assert.ok(
      manifest.some((l) => /^DIAG file=bad\.ha\.yaml line=19 type=eglot-error text=.*STONITH off in a production deployment/.test(l)),
      r.out,
    );
    assert.ok(
      manifest.some((l) => /type=eglot-warning text=.*cluster 'controllers' has 4 votes/.test(l)),
      r.out,
    );
    assert.deepEqual(
      diags.filter((l) => l.startsWith('DIAG file=etc/nova/nova.conf ')),
      [`DIAG file=etc/nova/nova.conf line=5 type=eglot-warning text=openstack-ha [unknown-option]: ${NOVA_FINDING}`],
    );
    assert.match(r.out, /^HOVER \*\*node controller1\*\*: 10\.1\.0\.12 \(controller\)/m);
    const [server] = emacsServers(r.out);
    assert.deepEqual(emacsServers(r.out), [server]);
    assert.deepEqual(emacsAttached(r.out), [
      { file: 'bad.ha.yaml', mode: 'yaml-mode', server },
      { file: 'etc/nova/nova.conf', mode: 'conf-unix-mode', server },
    ]);
  },
);

test('Emacs eglot (README emacs-eglot): every kind of file attached to the one server', { timeout: 60_000 }, async () => {
  const p = project('emacs-kinds', 'emacs-eglot', '.el', SAMPLES);
  const r = await run('emacs', ['--batch', '-Q', '-l', path.join(EDITORS, 'harness.el'), 'attach', p.list], p.env, {
    cwd: p.ws,
    timeoutMs: 45_000,
  });
  assert.equal(r.code, 0, r.out);
  const servers = emacsServers(r.out);
  assert.equal(servers.length, 1, r.out);
  const attached = emacsAttached(r.out);
  assert.deepEqual(
    attached.map((a) => [a.file, a.server]),
    SAMPLES.map((s) => [s.path, servers[0]]),
    r.out,
  );
});
