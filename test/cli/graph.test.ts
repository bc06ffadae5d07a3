/** `openstack-ha graph` (cli/graph.ts) with an injected loader: formats, --output, exit codes and messages. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { graph } from '../../server/src/cli/graph';
import type { GraphArgs } from '../../server/src/cli/args';
import { parseArgs, USAGE } from '../../server/src/cli/args';
import type { Loaded } from '../../server/src/cli/deployments';
import { renderHtml, renderMermaid, renderSvg, topologyGraph } from '../../server/src/engine/graph';
import { smallModel } from '../graph/model';
import { CLI, ROOT } from '../support/paths';
import { spawnSync } from 'node:child_process';

function io(cwd = '/work/site') {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), cwd }, out, err };
}
const args = (argv: string[]) => parseArgs(['graph', ...argv]) as GraphArgs;
const one = (): Loaded => ({ deployments: [{ model: smallModel(), files: ['/work/site/site.ha.yaml'] }], failed: false });

test('each format goes to stdout, as the engine renders it', async () => {
  const g = await topologyGraph(smallModel());
  for (const [format, render] of [
    ['svg', renderSvg],
    ['html', renderHtml],
    ['mermaid', renderMermaid],
  ] as const) {
    const t = io();
    const seen: string[][] = [];
    const code = await graph(args(['--format', format, 'site.ha.yaml']), t.io, (paths) => {
      seen.push(paths);
      return one();
    });
    assert.equal(code, 0, format);
    assert.deepEqual(seen, [['site.ha.yaml']]);
    assert.deepEqual(t.out, [render(g)], format);
    assert.deepEqual(t.err, []);
  }
  // svg by default
  const t = io();
  assert.equal(await graph(args(['.']), t.io, one), 0);
  assert.ok(t.out[0].startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
});

test('--output FILE writes the picture there (an existing file is overwritten) and says so', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-graph-'));
  fs.writeFileSync(path.join(dir, 'old.mmd'), 'old');
  const t = io(dir);
  assert.equal(await graph(args(['-f', 'mermaid', '-o', 'old.mmd', '.']), t.io, one), 0);
  assert.deepEqual(t.out, []);
  assert.equal(fs.readFileSync(path.join(dir, 'old.mmd'), 'utf8'), renderMermaid(await topologyGraph(smallModel())));
  assert.deepEqual(t.err, ['openstack-ha: wrote old.mmd (mermaid, 12 boxes, 18 edges)\n']);
});

test('a FILE that cannot be written: exit 2 with the reason', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-graph-'));
  const t = io(dir);
  assert.equal(await graph(args(['--output', 'no/such/folder/x.svg', '.']), t.io, one), 2);
  assert.equal(t.err.length, 1);
  assert.match(t.err[0], /^openstack-ha: cannot write no\/such\/folder\/x\.svg: /);
});

test('a PATH that cannot be read: exit 2 (the loader has said why)', async () => {
  const t = io();
  assert.equal(await graph(args(['missing']), t.io, () => ({ deployments: [], failed: true })), 2);
  assert.deepEqual(t.out, []);
  assert.deepEqual(t.err, []);
});

test('no deployment under the PATHs: exit 1 with a message', async () => {
  const t = io();
  assert.equal(await graph(args(['docs', 'notes']), t.io, () => ({ deployments: [], failed: false })), 1);
  assert.deepEqual(t.err, [
    "openstack-ha: nothing to draw: no deployment (manifest, kolla-ansible or OpenStack-Ansible files, or the stack's own files) under docs notes\n",
  ]);
});

test('several deployments: exit 2 with each one listed, to name one', async () => {
  const other = { ...smallModel(), name: 'region-two', source: 'kolla-ansible files in region-two' };
  const t = io();
  const code = await graph(args(['.']), t.io, () => ({
    deployments: [
      { model: smallModel(), files: ['/work/site/site.ha.yaml'] },
      { model: other, files: ['/work/site/region-two/globals.yml', '/work/site/region-two/multinode'] },
    ],
    failed: false,
  }));
  assert.equal(code, 2);
  assert.deepEqual(t.out, []);
  assert.deepEqual(t.err, [
    'openstack-ha: 2 deployments under .; draw one at a time, naming its folder or files:\n' +
      "  'region-one' (site.ha.yaml): site.ha.yaml\n" +
      "  'region-two' (kolla-ansible files in region-two): region-two/globals.yml, region-two/multinode\n",
  ]);
});

test('--help and the README show the synopsis', () => {
  const synopsis = 'openstack-ha graph [--format svg|html|mermaid] [--output FILE] PATH...';
  assert.ok(USAGE.includes(synopsis));
  assert.ok(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').includes(synopsis), "the README's command line section shows graph");
});

test('the built CLI loads elkjs (dist/elk.js, shipped once) only when it draws: a lint run does not pay for it', () => {
  assert.ok(fs.statSync(path.join(ROOT, 'dist', 'elk.js')).size > 1_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-graph-'));
  // a preload that reports every module whose name mentions elk
  const hook = path.join(dir, 'hook.js');
  fs.writeFileSync(
    hook,
    "const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (/elk/.test(r)) process.stderr.write('loaded ' + r + '\\n'); return load.call(this, r, ...a); };",
  );
  const r = spawnSync(process.execPath, ['-r', hook, CLI, '--version'], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0);
  assert.equal(r.stderr, '');
  // the stand-in the bundle holds loads it on first use, from beside the bundle
  const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'cli.js'), 'utf8');
  assert.ok(bundle.includes('require("./elk.js")'));
  assert.ok(!bundle.includes('elk-worker'), 'elkjs itself is not in the bundle');
});
