// Bundles the language server, the CLI and the VS Code client with esbuild, and writes the JSON Schema.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNotices } from './notices.mjs';

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
  metafile: true,
};
mkdirSync(join(root, 'dist'), { recursive: true });

/**
 * elkjs (the topology picture's layout) ships as dist/elk.js, once for the server and the CLI, copied as
 * it is (bundled, esbuild would re-indent its 1.6 MB of minified code to 3.4 MB, twice). The bundles get
 * a stand-in that loads it on first use: a lint run or a server that never draws a picture does not
 * pay the 0.1 s it takes to load.
 */
const elkOnDemand = {
  name: 'elk-on-demand',
  setup(b) {
    b.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({ path: 'elk', namespace: 'elk-on-demand' }));
    b.onResolve({ filter: /^\.\/elk\.js$/, namespace: 'elk-on-demand' }, () => ({ path: './elk.js', external: true }));
    b.onLoad({ filter: /.*/, namespace: 'elk-on-demand' }, () => ({
      loader: 'js',
      contents:
        'let ELK;\n' + 'module.exports = function OnDemandELK(options) { ELK ??= require("./elk.js"); return new ELK(options); };\n',
    }));
  },
};
/**
 * The MCP SDK and zod (`openstack-ha mcp`) ship as dist/mcp.js, bundled from server/src/cli/mcp/sdk.ts;
 * the CLI requires it only when `mcp` runs, so that `lint` does not load them.
 */
const mcpOnDemand = {
  name: 'mcp-on-demand',
  setup(b) {
    b.onResolve({ filter: /^\.\/mcp\/sdk$/ }, () => ({ path: './mcp.js', external: true }));
  },
};
copyFileSync(join(root, 'node_modules/elkjs/lib/elk.bundled.js'), join(root, 'dist/elk.js'));
// elkjs is EPL-2.0 (or GPL-3.0-or-later): its licence travels with the copy we ship
copyFileSync(join(root, 'node_modules/elkjs/LICENSE.md'), join(root, 'dist/elk.LICENSE.md'));

await build({ ...common, entryPoints: ['server/src/tools/gen-schema.ts'], outfile: 'dist/gen-schema.js' });
const schema = execFileSync(process.execPath, [join(root, 'dist/gen-schema.js')], { encoding: 'utf8' });
writeFileSync(join(root, 'schemas/openstack-ha.schema.json'), schema);
if (process.argv.includes('--schema-only')) process.exit(0);

const bundles = await Promise.all([
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [elkOnDemand] }),
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js', plugins: [elkOnDemand, mcpOnDemand] }),
  build({ ...common, entryPoints: ['server/src/cli/mcp/sdk.ts'], outfile: 'dist/mcp.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
]);
writeNotices(
  root,
  bundles.map((b) => b.metafile),
);
