// Bundles the language server, the CLI and the VS Code client with esbuild, and writes the JSON Schema.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: false,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  define: { 'process.env.OPENSTACK_HA_VERSION': JSON.stringify(version) },
  absWorkingDir: root,
};
mkdirSync(join(root, 'dist'), { recursive: true });

await build({ ...common, entryPoints: ['server/src/tools/gen-schema.ts'], outfile: 'dist/gen-schema.js' });
const schema = execFileSync(process.execPath, [join(root, 'dist/gen-schema.js')], { encoding: 'utf8' });
writeFileSync(join(root, 'schemas/openstack-ha.schema.json'), schema);
if (process.argv.includes('--schema-only')) process.exit(0);

await Promise.all([
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
]);
