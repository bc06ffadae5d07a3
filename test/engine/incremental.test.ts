/**
 * The incremental parser must be indistinguishable from the full parse: same findings, same
 * ranges, same fixes, after any sequence of edits. Edits are pseudo-random but seeded, so a
 * failure replays exactly.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncrementalManifestParser, splitManifest } from '../../server/src/engine/documents/manifest/incremental';
import { lintManifest } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { Document, isMap, isPair, isSeq, Node, isNode, isDocument } from 'yaml';

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

/** Structure and every range's start and end, for comparing two parses (range[2], which counts trailing comments, is unused). */
function shape(n: unknown): unknown {
  if (isPair(n)) return [shape(n.key), shape(n.value)];
  if (isMap(n) || isSeq(n)) return { r: (n as Node).range?.slice(0, 2), items: (n.items as unknown[]).map(shape) };
  if (n && typeof n === 'object' && 'value' in n) return { r: (n as Node).range?.slice(0, 2), v: (n as { value: unknown }).value };
  return n ?? null;
}

const SOURCES = [
  fs.readFileSync(path.join(ROOT, 'examples', 'region-one', 'good.ha.yaml'), 'utf8'),
  fs.readFileSync(path.join(ROOT, 'examples', 'bad.ha.yaml'), 'utf8'),
  'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes:\n  a:\n    address: 10.0.0.1\n    roles:\n      - controller\n  # between\n  b: { address: 10.0.0.2 }\nclusters:\n\n  ctl:\n    members:\n      - a\n      - b\n   # trailing\n\n# end\n',
];
const SNIPPETS = [
  'x',
  ' ',
  '\n',
  ':',
  '  c9: { address: 10.0.0.99 }\n',
  '[',
  '}',
  '#',
  'controller',
  '\n  ',
  '- ',
  '&a ',
  '"',
  "'",
  '\t',
  '\n\n',
  '  # c\n',
  'b:',
  '{',
  ']',
  ',',
  '?',
  '|',
  '>',
  '\r\n',
];

test('a plain manifest is cut at sections and entries', () => {
  const s = splitManifest(SOURCES[2])!;
  assert.deepEqual(
    s.map((x) => [x.header.text.split('\n')[0], x.children?.map((c) => c.text.split('\n')[0].trim())]),
    [
      ['apiVersion: openstack-ha/v1', undefined],
      ['kind: Deployment', undefined],
      ['nodes:', ['a:', '# between']],
      ['clusters:', ['ctl:']],
    ],
  );
  assert.equal(splitManifest('a: &x 1\nb: *x\n'), null);
});

test('an edit inside one entry re-parses only that entry', () => {
  const p = new IncrementalManifestParser();
  const text = SOURCES[0];
  p.parse(text);
  p.parse(text.replace('controller2: { address: 10.0.0.13', 'controller2: { address: 10.0.0.23'));
  assert.deepEqual(p.lastStats, { pieces: p.lastStats.pieces, reparsed: 1, full: false });
  assert.ok(p.lastStats.pieces > 20);
});

/** A manifest model as plain data: every fact with its span, without the YAML nodes it came from. */
function model(m: unknown): unknown {
  if (!m) return m;
  const plain = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(plain);
    if (x instanceof Map) return [...x.entries()].map(([k, v]) => [k, plain(v)]);
    if (!x || typeof x !== 'object') return x;
    if (isNode(x) || isPair(x) || isDocument(x)) return undefined;
    return Object.fromEntries(
      Object.entries(x)
        .filter(([k]) => !['map', 'entry', 'info', 'doc', 'root', 'corosyncEntry', 'sections'].includes(k))
        .map(([k, v]) => [k, plain(v)]),
    );
  };
  return plain(m);
}

for (const [i, src] of SOURCES.entries()) {
  test(`random edit sequences on source ${i} lint exactly like full parses`, () => {
    const rand = rng(1000 + i);
    for (let seq = 0; seq < 30; seq++) {
      const p = new IncrementalManifestParser();
      let text = src;
      for (let step = 0; step < 12; step++) {
        const at = Math.floor(rand() * (text.length + 1));
        if (rand() < 0.6) text = text.slice(0, at) + SNIPPETS[Math.floor(rand() * SNIPPETS.length)] + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 6));
        const inc = p.parse(text);
        const full = lintManifest(text);
        const viaInc = lintManifest(text, undefined, { parse: () => inc });
        const where = `sequence ${seq} step ${step}: ${JSON.stringify(text)}`;
        assert.deepEqual(viaInc.findings, full.findings, where);
        if (inc.doc && full.parsed?.doc) assert.deepEqual(shape((inc.doc as Document).contents), shape(full.parsed.doc.contents), where);
        // the model too (its entries may be kept from an earlier parse, moved to their new offsets)
        assert.deepEqual(model(viaInc.manifest), model(full.manifest), where);
      }
    }
  });
}
