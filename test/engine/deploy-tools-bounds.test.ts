/**
 * The deployment tools' files at sizes no one writes by hand (found by the fuzzer): a chain of
 * thousands of `:children` groups is resolved without recursion, and the outline of such an
 * inventory stays fast; a deployment of many files is gathered once, not once per file.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { hostsOf, parseIniInventory } from '../../server/src/engine/documents/ansible/ini-inventory';
import { languageOf } from '../../server/src/engine/languages';
import { analyse } from '../../server/src/engine/analyse';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { kollaDeploymentFiles } from '../../server/src/tools/gen-workspace';

const chain = (n: number) =>
  `[control:children]\ng0\n${Array.from({ length: n }, (_, i) => `[g${i}:children]\ng${i + 1}\n`).join('')}[g${n}]\nh1\n[loadbalancer:children]\ncontrol\n`;

test('a chain of 20,000 :children groups: every host is found, no stack overflow', () => {
  const inv = parseIniInventory(chain(20000));
  assert.deepEqual(
    hostsOf(inv, 'control').map((h) => h.name),
    ['h1'],
  );
  // a cycle is followed once, in the order written
  const cyc = parseIniInventory('[a:children]\nb\n[b:children]\na\n[a]\nx\n[b]\ny\n');
  assert.deepEqual(
    hostsOf(cyc, 'a').map((h) => h.name),
    ['x', 'y'],
  );
});

test("such an inventory is checked and outlined in time; a kolla inventory's outline counts each group's hosts", () => {
  const ws = new Workspace();
  ws.setFile('/w/multinode', chain(20000), 'kolla');
  const t = performance.now();
  const r = analyse(ws, '/w/multinode')!;
  const symbols = languageOf('kolla').service.symbols!(r);
  assert.ok(performance.now() - t < 3000, `${(performance.now() - t).toFixed(0)} ms`);
  assert.equal(symbols.length, 20003);
  const small = new Workspace();
  small.setFile('/w/multinode', chain(3), 'kolla');
  const outline = languageOf('kolla').service.symbols!(analyse(small, '/w/multinode')!);
  assert.equal(outline.find((s) => s.name === 'control')?.detail, '1 host');
});

test('every file of a kolla deployment of 2,000 hosts is checked against one result, in linear time', () => {
  const ws = new Workspace();
  const files = kollaDeploymentFiles(1, 2000, '/w');
  for (const [p, t] of files) ws.setFile(p, t);
  const t0 = performance.now();
  const models = new Set(files.map(([p]) => analyse(ws, p, { rules: {} })?.deployModel));
  // a new settings object for every file, as the editor makes: still one check
  const again = new Set(files.map(([p]) => analyse(ws, p, { rules: {} })?.deployModel));
  assert.equal(models.size, 1);
  assert.deepEqual(again, models);
  assert.ok(performance.now() - t0 < 20000, `${(performance.now() - t0).toFixed(0)} ms`);
});
