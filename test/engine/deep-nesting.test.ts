/**
 * Files nested deeper than any real configuration (issue 11: 1,000 `[` killed the language server)
 * get one parse error where the bound is passed, in every reader that recurses per level.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintCorosync, lintKeepalived, lintManifest, lintPacemaker } from '../../server/src/engine/lint';
import { IncrementalManifestParser } from '../../server/src/engine/documents/manifest/incremental';
import { ConfigError, parseConfig } from '../../server/src/engine/config';
import { MAX_NESTING, yamlTooDeep } from '../../server/src/engine/text/depth';
import { TestClient } from '../support/lsp-client';
import { pathToFileURL } from 'node:url';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const HEAD = 'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes: ';
const deep = (what: string) =>
  `${what} nested deeper than ${MAX_NESTING} levels: the file is not read past this point (no real configuration nests this deep)`;

test('a manifest of 1,000 [ or {a: is one parse error at the first bracket past the bound, in the CLI and the editor alike', () => {
  for (const open of ['[', '{a: ']) {
    const text = HEAD + open.repeat(1000) + '\n';
    const full = lintManifest(text);
    assert.deepEqual(
      full.findings.map((f) => [f.rule, f.message, f.span.start]),
      [['parse-error', deep('YAML'), HEAD.length + open.length * MAX_NESTING]],
    );
    const inc = lintManifest(text, undefined, new IncrementalManifestParser());
    assert.deepEqual(inc.findings, full.findings);
  }
});

test('block nesting counts too: 200 indented levels stop at the 65th; a real manifest and brackets in quotes or comments pass', () => {
  const lines = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`);
  const text = `${HEAD}\n${lines.join('\n')}\n`;
  const at = yamlTooDeep(text);
  assert.equal(text.slice(at, at + 4), 'k63:');
  assert.equal(lintManifest(text).findings[0].message, deep('YAML'));
  const fine = `${HEAD}\n  a: { address: 10.0.0.1, roles: [controller] }   # ${'['.repeat(100)}\n  b: { address: "${'{'.repeat(100)}" }\n`;
  assert.equal(yamlTooDeep(fine), -1);
});

test('compact levels on one line (- - x, ? ? x, : : x) count as levels: 3,000 of them are one parse error, not a stack overflow', () => {
  for (const indicator of ['- ', '? ', ': ', '? : ']) {
    const text = `${HEAD}\n  ${indicator.repeat(3000)}x\n`;
    const full = lintManifest(text);
    assert.deepEqual(
      full.findings.map((f) => [f.rule, f.message]),
      [['parse-error', deep('YAML')]],
      JSON.stringify(indicator),
    );
    assert.deepEqual(lintManifest(text, undefined, new IncrementalManifestParser()).findings, full.findings);
  }
});

test('implicit keys in a flow collection ({ address: a: a: ...) or on one block line nest too: one parse error, the same every run (found by the fuzzer)', () => {
  for (const open of ['{ address: ', '[ ']) {
    const text = `${HEAD}\n  c: ${open}${'a: '.repeat(2628)}\n`;
    const full = lintManifest(text);
    assert.deepEqual(
      full.findings.map((f) => [f.rule, f.message]),
      [['parse-error', deep('YAML')]],
    );
    assert.deepEqual(lintManifest(text, undefined, new IncrementalManifestParser()).findings, full.findings);
  }
  // on one block line too: yaml caught its own stack overflow there, so its errors changed from run to run
  const line = `${HEAD}\n  c: ${'a: '.repeat(900)}x\n`;
  const once = lintManifest(line);
  assert.deepEqual(
    once.findings.map((f) => [f.rule, f.message]),
    [['parse-error', deep('YAML')]],
  );
  assert.deepEqual(lintManifest(line).findings, once.findings);
  // pairs, URLs and quoted colons in flow collections are no levels
  const fine = `${HEAD}\n  a: { address: 10.0.0.1, url: "x: y", u: http://h:80/p, roles: [controller] }\n`;
  assert.equal(yamlTooDeep(fine), -1);
});

test('corosync.conf, keepalived.conf and a CIB nested 5,000 levels: one parse error, no crash, nothing reported open', () => {
  const coro = lintCorosync('totem {\n' + 'a {\n'.repeat(5000) + '}\n'.repeat(5001));
  assert.deepEqual(
    coro.findings.filter((f) => f.rule === 'parse-error').map((f) => f.message),
    [deep('blocks')],
  );
  const ka = lintKeepalived('vrrp_instance VI_1 {\n' + 'a {\n'.repeat(5000) + '}\n'.repeat(5001));
  assert.deepEqual(
    ka.findings.filter((f) => f.rule === 'parse-error' || f.rule === 'internal-error').map((f) => f.message),
    [deep('blocks')],
  );
  const cib = lintPacemaker(
    '<cib validate-with="pacemaker-3.9"><configuration>' + '<a>'.repeat(5000) + '</a>'.repeat(5000) + '</configuration></cib>\n',
    'cib',
  );
  assert.deepEqual(
    cib.findings.filter((f) => f.rule === 'parse-error').map((f) => f.message),
    [deep('elements')],
  );
});

test('.openstack-ha.yaml nested past the bound is a configuration error, not a crash', () => {
  assert.throws(
    () => parseConfig('rules: ' + '['.repeat(1000)),
    (e: unknown) => e instanceof ConfigError && /nested deeper than 64 levels/.test((e as Error).message),
  );
});

test('the language server survives a manifest of 1,000 [ and goes on answering', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-deep-'));
  const c = new TestClient();
  try {
    await c.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'deep.ha.yaml')).toString();
    await c.open(uri, HEAD + '['.repeat(1000) + '\n');
    const p = await c.diagnostics(uri, (x) => x.diagnostics.length > 0);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.message]),
      [['parse-error', deep('YAML')]],
    );
    const ok = pathToFileURL(path.join(dir, 'ok.ha.yaml')).toString();
    await c.open(ok, 'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes:\n  a: { address: 10.0.0.1 }\n');
    await c.diagnostics(ok);
  } finally {
    await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('at the bound the editor and the CLI agree: 63 to 66 block levels under nodes, checked piece by piece and whole', () => {
  for (const levels of [62, 63, 64, 65]) {
    const lines = Array.from({ length: levels }, (_, i) => `${' '.repeat(i + 2)}k${i}:`);
    const text = `${HEAD}\n${lines.join('\n')} x\n  other: { address: 10.0.0.1 }\n`;
    const full = lintManifest(text);
    const p = new IncrementalManifestParser();
    lintManifest(text.replace('other', 'first'), undefined, p);
    const inc = lintManifest(text, undefined, p);
    assert.deepEqual(inc.findings, full.findings, `${levels} levels`);
    assert.equal(
      full.findings.some((f) => f.message === deep('YAML')),
      levels + 1 > MAX_NESTING,
      `${levels} levels`,
    );
  }
});
