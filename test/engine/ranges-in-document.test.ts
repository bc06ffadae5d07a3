/** Ranges the editor gets are never inverted and never past the end of the document. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintHaproxy, lintManifest, lintPacemaker } from '../../server/src/engine/lint';
import { pmSymbols } from '../../server/src/engine/service/pacemaker';
import { haComplete } from '../../server/src/engine/service/haproxy';
import { complete } from '../../server/src/engine/service/completion';

test('pcs/crm outline: a property set twice keeps the properties section in order', () => {
  const text = 'pcs property set stonith-enabled=false\npcs property set no-quorum-policy=stop\npcs property set stonith-enabled=true\n';
  const r = lintPacemaker(text, 'pcs');
  const section = pmSymbols(r.pacemaker!).find((s) => s.name === 'properties')!;
  // a property's span is its value: the section runs from `stop` (line 1) to the last `true` (line 2)
  assert.deepEqual(section.span, { start: text.indexOf('=stop') + 1, end: text.length - 1 });
  assert.deepEqual(
    section.children.map((c) => c.name),
    ['no-quorum-policy', 'stonith-enabled'],
  );
});

test('haproxy completion after a blank first line replaces from the cursor, not from after it', () => {
  const text = '\nglobal\n    daemon\n';
  const c = haComplete(lintHaproxy(text).haproxy!, text, 0)!;
  assert.deepEqual([c.replaceStart, c.replaceEnd], [0, 0]);
});

test('manifest completion after a blank first line too', () => {
  const text = '\napiVersion: openstack-ha/v1\n';
  const c = complete(text, 0, lintManifest(text).manifest);
  if (c) assert.ok(c.replaceStart <= c.replaceEnd && c.replaceEnd <= text.length, JSON.stringify([c.replaceStart, c.replaceEnd]));
});

test('a manifest parse error at the end of the text ends there, not one past it', () => {
  for (const text of ['nodes: [', 'a: "x', '{']) {
    const f = lintManifest(text).findings.find((x) => x.rule === 'parse-error')!;
    assert.deepEqual(f.span, { start: text.length, end: text.length }, text);
  }
});
