/** Fixes in \r\n, lone-\r and byte-order-marked files: the file's own line break, whole lines, nothing before the mark. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintCorosync, lintManifest, lintPacemaker } from '../../server/src/engine/lint';
import { applyEdits, safeFixEdits } from '../../server/src/engine/fixes';
import { disableLineEdit } from '../../server/src/engine/service/suppress';

/** A finding's span from one offset to the next character. */
const at = (o: number) => ({ start: o, end: o + 1 });
const fixOf = (findings: { rule: string; fixes: { edits: never[] }[] }[], rule: string) =>
  findings.find((f) => f.rule === rule)!.fixes[0].edits;

test('a fix that adds a line after another goes after the whole \\r\\n and writes \\r\\n', () => {
  const text = 'quorum {\r\n    provider: corosync_votequorum\r\n}\r\n';
  const r = lintCorosync(text);
  const edits = r.findings.find((f) => f.rule === 'corosync-wait-for-all')!.fixes[0].edits;
  assert.equal(applyEdits(text, edits), 'quorum {\r\n    wait_for_all: 1\r\n    provider: corosync_votequorum\r\n}\r\n');
  // --fix and the editor apply the same edits, so both give this text
  assert.equal(
    applyEdits(text, safeFixEdits(r.findings)).includes('\r\r') || /[^\r]\n/.test(applyEdits(text, safeFixEdits(r.findings))),
    false,
  );
});

test('"disable for this line" goes above the finding\'s line, in the file\'s line break, at offset 0 too', () => {
  assert.deepEqual(disableLineEdit('\nnodes: []\n', at(0), 'r'), { start: 0, end: 0, newText: '# openstack-ha-disable-next-line r\n' });
  assert.deepEqual(disableLineEdit('a\r\n  b\r\n', at(5), 'r'), { start: 3, end: 3, newText: '  # openstack-ha-disable-next-line r\r\n' });
  // a lone \r ends a line as LineIndex counts lines: the comment goes above `b`, not above the whole file
  assert.deepEqual(disableLineEdit('a\rb\r', at(2), 'r'), { start: 2, end: 2, newText: '# openstack-ha-disable-next-line r\r' });
  assert.deepEqual(disableLineEdit('\ufeffa\n', at(0), 'r'), { start: 1, end: 1, newText: '# openstack-ha-disable-next-line r\n' });
  // a CIB takes an XML comment, after its XML declaration
  assert.deepEqual(disableLineEdit('<?xml version="1.0"?>\n<cib>\n', at(0), 'r'), {
    start: 21,
    end: 21,
    newText: ' <!-- openstack-ha-disable-line r -->',
  });
  assert.deepEqual(disableLineEdit('<cib>\n  <x/>\n', at(8), 'r'), {
    start: 6,
    end: 6,
    newText: '  <!-- openstack-ha-disable-next-line r -->\n',
  });
  // no comment can cut a continued command in two, and a parse error is not silenced by one
  assert.equal(disableLineEdit('property \\\n  stonith-enabled=false\n', at(14), 'r'), undefined);
  assert.equal(disableLineEdit('property \\\r\n  stonith-enabled=false\r\n', at(14), 'r'), undefined);
  assert.equal(disableLineEdit('a\n', at(0), 'parse-error'), undefined);
});

test('the suppression comment it writes silences the finding at offset 0', () => {
  const text = '\n# only comments\n';
  const before = lintManifest(text).findings.filter((f) => f.rule === 'schema-missing-field');
  assert.deepEqual(
    before.map((f) => f.span),
    [{ start: 0, end: 0 }],
  );
  // the empty span at 0 stands for the whole file and stays on line 0, so the comment names its own line
  assert.deepEqual(disableLineEdit(text, before[0].span, 'schema-missing-field'), {
    start: 0,
    end: 0,
    newText: '# openstack-ha-disable-line schema-missing-field\n',
  });
  const after = applyEdits(text, [disableLineEdit(text, before[0].span, 'schema-missing-field')!]);
  assert.deepEqual(
    lintManifest(after).findings.filter((f) => f.rule === 'schema-missing-field'),
    [],
  );
});

test('"Insert the manifest header" goes after a byte-order mark and a `---`, in the file\'s line break', () => {
  const fix = (text: string) => applyEdits(text, fixOf(lintManifest(text).findings as never, 'schema-missing-field'));
  assert.equal(fix('\ufeff# empty\n'), '\ufeffapiVersion: openstack-ha/v1\nkind: Deployment\n# empty\n');
  assert.equal(fix('# empty\r\n'), 'apiVersion: openstack-ha/v1\r\nkind: Deployment\r\n# empty\r\n');
  assert.equal(fix('---\n# empty\n'), '---\napiVersion: openstack-ha/v1\nkind: Deployment\n# empty\n');
  assert.equal(fix('---'), '---\napiVersion: openstack-ha/v1\nkind: Deployment\n');
  for (const t of ['\ufeff# empty\n', '# empty\r\n', '---\n# empty\n', '---'])
    assert.deepEqual(
      lintManifest(fix(t))
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.rule),
      [],
      JSON.stringify(t),
    );
});

test('a lone-\\r crm file gets \\r in a fix, never \\n', () => {
  const text = 'property cib-bootstrap-options: \\\r    stonith-enabled=true\r';
  for (const f of lintPacemaker(text, 'crm').findings)
    for (const x of f.fixes) for (const e of x.edits) assert.ok(!e.newText.includes('\n'), `${f.rule}: ${JSON.stringify(e.newText)}`);
});
