// `npm test`: ESLint (engine purity), the .vsix, the end-to-end tools (scripts/e2e/setup.sh), then every compiled test file
// (out/test/**/*.test.js and *.e2e.js) in one run of Node's test runner.
// OSHA_SKIP_E2E=1 leaves out the editor suites (for a quick local run; CI never sets it).
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
const e2e = process.env.OSHA_SKIP_E2E !== '1' && (only.length === 0 || only.some((o) => o.includes('e2e')));
const step = (what, cmd, args, env = {}) => {
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`npm test: ${what} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  console.log(`npm test: ${what} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

// First, and in a few seconds: engine purity (eslint.config.mjs; the same as `npm run lint`).
step('lint (the engine imports no fs, path, vscode or host layer)', process.execPath, [
  'node_modules/eslint/bin/eslint.js',
  'server/src',
  'client/src',
  '--max-warnings=0',
]);
// and the layout the formatter decides (Prettier, .prettierrc.json; `npm run format` rewrites it)
step('format (Prettier)', process.execPath, [
  'node_modules/prettier/bin/prettier.cjs',
  '--check',
  '--log-level=warn',
  'server/src/**/*.ts',
  'client/src/**/*.ts',
  'test/**/*.ts',
  'scripts/**/*.mjs',
]);

mkdirSync('.e2e', { recursive: true });
const vsix = join(process.cwd(), '.e2e', 'openstack-ha.vsix');
if (only.length === 0 || only.some((o) => /e2e|package/.test(o))) {
  step('packaging the .vsix', process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '-o', vsix]);
}
if (e2e) step('end-to-end tools (apt: chromium, neovim, emacs; npm: code-server, playwright-core)', 'bash', ['scripts/e2e/setup.sh']);

const found = [];
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (n.endsWith('.test.js') || (e2e && n.endsWith('.e2e.js'))) found.push(p);
  }
};
walk('out/test');
const files = (only.length ? found.filter((f) => only.some((o) => f.includes(o))) : found).sort();
if (!e2e) console.log('npm test: OSHA_SKIP_E2E=1, the editor suites are left out');
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, OSHA_VSIX: existsSync(vsix) ? vsix : '' },
});
process.exit(r.status ?? 1);
