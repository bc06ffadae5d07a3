/** The .vsix holds the bundles and what users read, nothing else: no sources, tests or dev dependencies. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import { ROOT } from '../support/paths';
import { ALL_RULES } from '../../server/src/engine/rules';

interface Entry {
  name: string;
  size: number;
  method: number;
  offset: number;
  compressed: number;
}

/** The central directory of a zip file (a .vsix is one). */
function listZip(buf: Buffer): Entry[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50);
    const nameLen = buf.readUInt16LE(p + 28),
      extraLen = buf.readUInt16LE(p + 30),
      commentLen = buf.readUInt16LE(p + 32);
    out.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function readEntry(buf: Buffer, e: Entry): Buffer {
  const p = e.offset,
    nameLen = buf.readUInt16LE(p + 26),
    extraLen = buf.readUInt16LE(p + 28);
  const data = buf.subarray(p + 30 + nameLen + extraLen, p + 30 + nameLen + extraLen + e.compressed);
  return e.method === 0 ? data : inflateRawSync(data);
}

function vsixPath(): string {
  if (process.env.OSHA_VSIX && fs.existsSync(process.env.OSHA_VSIX)) return process.env.OSHA_VSIX;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'osha-vsix-')), 'openstack-ha.vsix');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', out], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  return out;
}

const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/,
  /^extension\/changelog\.md$/,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/dist\/(extension|server|cli|elk|mcp|browser-extension|browser-server)\.js$/,
  /^extension\/dist\/(elk\.LICENSE|THIRD-PARTY-NOTICES)\.md$/,
  /^extension\/client\/media\/topology\.(js|css)$/,
  /^extension\/bin\/openstack-ha(-language-server)?\.js$/,
  /^extension\/docs\/rules\/[a-z0-9-]+\.md$/,
  /^extension\/schemas\/openstack-ha\.schema\.json$/,
  /^extension\/syntaxes\/[a-z0-9.-]+\.(tmLanguage|language-configuration)\.json$/,
  /^extension\/examples\/(region-one\/good|bad)\.ha\.yaml$/,
];

test('the .vsix ships only the bundles, docs, schema, grammar, examples and metadata', (t) => {
  const file = vsixPath();
  const buf = fs.readFileSync(file);
  const entries = listZip(buf);
  const names = entries.map((e) => e.name);
  const stray = names.filter((n) => !ALLOWED.some((re) => re.test(n)));
  assert.deepEqual(stray, [], 'files that should not ship');
  for (const must of [
    'extension/package.json',
    'extension/readme.md',
    'extension/changelog.md',
    'extension/images/icon.png',
    'extension/dist/extension.js',
    'extension/dist/server.js',
    // the web build (vscode.dev, github.dev)
    'extension/dist/browser-extension.js',
    'extension/dist/browser-server.js',
    // the topology picture's layout, loaded when a picture is drawn, with its licence (EPL-2.0)
    'extension/dist/elk.js',
    'extension/dist/elk.LICENSE.md',
    // the licences of the packages bundled into the .js files (scripts/notices.mjs)
    'extension/dist/THIRD-PARTY-NOTICES.md',
    // the topology view's page script and style (the webview loads them from the extension's folder)
    'extension/client/media/topology.js',
    'extension/client/media/topology.css',
    'extension/schemas/openstack-ha.schema.json',
  ]) {
    assert.ok(names.includes(must), must);
  }
  assert.ok(
    names.some((n) => /^extension\/LICENSE/.test(n)),
    'LICENSE',
  );
  for (const r of ALL_RULES) assert.ok(names.includes(`extension/docs/rules/${r.id}.md`), `docs for ${r.id}`);
  const size = fs.statSync(file).size;
  t.diagnostic(`${path.basename(file)}: ${(size / 1024).toFixed(0)} KiB, ${names.length} files`);
  assert.ok(size < 3 * 1024 * 1024, `${size} bytes is over the 3 MB target`);

  const pkg = JSON.parse(
    readEntry(
      buf,
      entries.find((e) => e.name === 'extension/package.json')!,
    ).toString('utf8'),
  );
  const [, major, minor] = /(\d+)\.(\d+)/.exec(pkg.engines.vscode)!.map(Number);
  assert.ok(major === 1 && minor <= 100, `engines.vscode ${pkg.engines.vscode} must allow VS Code 1.100`);
  assert.deepEqual(pkg.categories, ['Linters', 'Programming Languages', 'Snippets']);
  assert.ok(pkg.keywords.length >= 5 && pkg.repository?.url && pkg.icon === 'images/icon.png' && pkg.license);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(
    pkg.capabilities.untrustedWorkspaces.restrictedConfigurations,
    ['openstackHa.realTools.runOnSave'],
    'running real checkers is what an untrusted workspace must not switch on',
  );
  const readme = readEntry(
    buf,
    entries.find((e) => e.name === 'extension/readme.md')!,
  ).toString('utf8');
  assert.match(readme, /!\[[^\]]+\]\([^)]*docs\/images\/diagnostics\.png\)/, 'the README shows the screenshots');
});
