// Bundles the benchmark (not shipped) and runs it with --expose-gc. `--workspace` runs only the workspace-scale part.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['server/src/tools/bench.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: 'dist/bench.js',
  logLevel: 'warning',
});
process.exit(spawnSync(process.execPath, ['--expose-gc', 'dist/bench.js', ...process.argv.slice(2)], { stdio: 'inherit' }).status ?? 1);
