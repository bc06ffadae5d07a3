/** The bundles carry the licences of the packages they include (dist/THIRD-PARTY-NOTICES.md, scripts/notices.mjs). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/paths';

const notices = fs.readFileSync(path.join(ROOT, 'dist', 'THIRD-PARTY-NOTICES.md'), 'utf8');
/** Each section: "## name version (licence)" and its fenced licence text. */
const sections = [...notices.matchAll(/^## (\S+) (\S+) \(([^)]+)\)\n\n```\n([\s\S]*?)\n```$/gm)].map((m) => ({
  name: m[1],
  version: m[2],
  license: m[3],
  text: m[4],
}));

test('every package the bundles include is named with its version and its licence text', () => {
  const names = sections.map((s) => s.name);
  // what the server, the CLI, the MCP bundle and the client import directly
  for (const must of ['yaml', 'picomatch', 'vscode-languageserver', 'vscode-languageclient', '@modelcontextprotocol/sdk', 'zod']) {
    assert.ok(names.includes(must), must);
  }
  for (const s of sections) {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', s.name, 'package.json'), 'utf8'));
    assert.equal(s.version, pkg.version, s.name);
    assert.match(s.text, /copyright|permission/i, `${s.name}: a licence text`);
  }
  assert.deepEqual([...names].sort(), names, 'sorted by name');
});

test('the packages are runtime-free: everything the commands run is bundled, so none is a dependency', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.dependencies, undefined);
  assert.ok(pkg.files.includes('dist/THIRD-PARTY-NOTICES.md'));
});
