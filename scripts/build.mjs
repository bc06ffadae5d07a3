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

/**
 * The web build (vscode.dev, github.dev): the node host modules the shared server code imports are swapped
 * for their browser counterparts (server/src/browser/host/), the node LSP and client packages for their
 * browser entries. Any other node module fails the build, as esbuild resolves no built-ins for the browser.
 */
const BROWSER_HOST = {
  'node/files': 'server/src/browser/host/files.ts',
  'node/config-files': 'server/src/browser/host/config-files.ts',
  'node/docs': 'server/src/browser/host/docs.ts',
};
const browserHost = {
  name: 'browser-host',
  setup(b) {
    b.onResolve({ filter: /^(\.\.?\/)+node\/(files|config-files|docs)$/ }, (a) => ({
      path: join(root, BROWSER_HOST[a.path.replace(/^(\.\.?\/)+/, '')]),
    }));
    // the topology picture is not drawn in the web build: its 1.6 MB layout engine stays out
    b.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({ path: 'elk', namespace: 'no-elk' }));
    b.onLoad({ filter: /.*/, namespace: 'no-elk' }, () => ({
      loader: 'js',
      contents:
        'module.exports = class NoELK { layout() { return Promise.reject(new Error("the topology view is not available in the web build")); } };\n',
    }));
    b.onResolve({ filter: /^url$/ }, () => ({ path: join(root, 'server/src/browser/host/url.ts') }));
    b.onResolve({ filter: /^vscode-language(server|client)\/node$/ }, (a) =>
      b.resolve(a.path.replace(/\/node$/, '/browser'), { kind: a.kind, resolveDir: a.resolveDir }),
    );
  },
};
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  // the worker and the web extension host load plain scripts; the client is require()d by the extension host
  define: { ...common.define, 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  plugins: [browserHost],
};

const bundles = await Promise.all([
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [elkOnDemand] }),
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js', plugins: [elkOnDemand, mcpOnDemand] }),
  build({ ...common, entryPoints: ['server/src/cli/mcp/sdk.ts'], outfile: 'dist/mcp.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...browser, entryPoints: ['server/src/browser/server.ts'], outfile: 'dist/browser-server.js', format: 'iife' }),
  build({ ...browser, entryPoints: ['client/src/browser.ts'], outfile: 'dist/browser-extension.js', format: 'cjs', external: ['vscode'] }),
]);
const [, , , , browserServer, browserClient] = bundles;
// what went into the web bundles, for the test that no node module did (test/package/browser-bundle.test.ts)
writeFileSync(join(root, 'dist/browser-meta.json'), JSON.stringify({ server: browserServer.metafile, client: browserClient.metafile }));
writeNotices(
  root,
  bundles.map((b) => b.metafile),
);
