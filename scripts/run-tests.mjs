// Runs every compiled test file (out/test/**/*.test.js) with Node's test runner.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const found = [];
const walk = (d) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (n.endsWith('.test.js')) found.push(p); } };
walk('out/test');
const only = process.argv.slice(2);
const files = only.length ? found.filter((f) => only.some((o) => f.includes(o))) : found;
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files.sort()], { stdio: 'inherit' });
process.exit(r.status ?? 1);
