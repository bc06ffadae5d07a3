/**
 * What the Visual Studio Marketplace and Open VSX show for the extension comes from package.json
 * (vsce and ovsx read the same fields): these must be there, and point at files the package ships.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/paths';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const REPO = 'https://github.com/openstack-ha/openstack-ha';

test('package.json has the Marketplace and Open VSX listing fields', () => {
  assert.equal(pkg.name, 'openstack-ha');
  assert.equal(pkg.publisher, 'openstack-ha');
  assert.equal(pkg.displayName, 'OpenStack HA');
  assert.ok(pkg.description.length >= 40 && pkg.description.length <= 300, pkg.description);
  assert.equal(pkg.license, 'Apache-2.0');
  assert.deepEqual(pkg.repository, { type: 'git', url: REPO });
  assert.equal(pkg.homepage, `${REPO}#readme`);
  assert.deepEqual(pkg.bugs, { url: `${REPO}/issues` });
  assert.equal(pkg.pricing, 'Free');
  assert.deepEqual(pkg.galleryBanner, { color: '#1e1e1e', theme: 'dark' });
  assert.deepEqual(pkg.categories, ['Linters', 'Programming Languages', 'Snippets']);
  for (const k of ['openstack', 'pacemaker', 'haproxy', 'galera', 'lsp']) assert.ok(pkg.keywords.includes(k), k);
  // the Marketplace takes at most 30 keywords
  assert.ok(pkg.keywords.length <= 30, String(pkg.keywords.length));
});

test('the icon is a 128x128 PNG the package ships, and the licence file is shipped too', () => {
  assert.equal(pkg.icon, 'images/icon.png');
  assert.ok(pkg.files.includes(pkg.icon));
  assert.ok(pkg.files.includes('LICENSE'));
  const png = fs.readFileSync(path.join(ROOT, pkg.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});

test('the two commands the README installs are the package bins', () => {
  assert.deepEqual(pkg.bin, {
    'openstack-ha': 'bin/openstack-ha.js',
    'openstack-ha-language-server': 'bin/openstack-ha-language-server.js',
  });
  assert.ok(pkg.files.includes('bin/'));
});
