/**
 * unknown-rule-id: a rule id in .openstack-ha.yaml that no rule has is a finding on the id, naming the
 * closest id, with a rename offered (never applied by --fix); the rest of the file applies. In the
 * engine, through the built CLI, and through the language server.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeAction, CodeActionRequest } from 'vscode-languageserver-protocol';
import { checkConfig, ConfigError } from '../../server/src/engine/config';
import { applyEdits } from '../../server/src/engine/fixes';
import { fileUri, TestClient } from '../support/lsp-client';
import { runCli as run, tempWorkspace } from '../support/cli';

const TYPO = 'environment: test\nrules:\n  stonith-disable: off\n  "vip-missing": warning\ndisable: [cluster-even-nodes, zzzzzzzzzzzz]\n';

test('each unknown id is a finding on the id itself, naming the closest id; the known settings still apply', () => {
  const c = checkConfig(TYPO);
  assert.deepEqual(c.config, { environment: 'test', rules: { 'vip-missing': 'warning' } });
  assert.deepEqual(
    c.findings.map((f) => [f.rule, f.severity, TYPO.slice(f.span.start, f.span.end), f.message]),
    [
      ['unknown-rule-id', 'error', 'stonith-disable', "unknown rule 'stonith-disable'; did you mean 'stonith-disabled'?"],
      [
        'unknown-rule-id',
        'error',
        'cluster-even-nodes',
        "unknown rule 'cluster-even-nodes' in disable; did you mean 'cluster-even-node-count'?",
      ],
      ['unknown-rule-id', 'error', 'zzzzzzzzzzzz', "unknown rule 'zzzzzzzzzzzz' in disable (openstack-ha rules lists them)"],
    ],
  );
  // the rename, not safe for --fix: the renamed setting changes what is enforced
  assert.deepEqual(c.findings[0].fixes, [
    { title: "Change to 'stonith-disabled'", safe: false, preferred: true, edits: [{ start: 27, end: 42, newText: 'stonith-disabled' }] },
  ]);
  assert.deepEqual(c.findings[2].fixes, []);
  const fixed = applyEdits(TYPO, [...c.findings[0].fixes[0].edits, ...c.findings[1].fixes[0].edits]);
  assert.equal(
    fixed,
    'environment: test\nrules:\n  stonith-disabled: off\n  "vip-missing": warning\ndisable: [cluster-even-node-count, zzzzzzzzzzzz]\n',
  );
  assert.deepEqual(checkConfig(fixed).config.rules, {
    'stonith-disabled': 'off',
    'vip-missing': 'warning',
    'cluster-even-node-count': 'off',
  });
});

test('a value that is not a severity still makes the file unusable, with the range of the value', () => {
  const text = 'rules:\n  stonith-disabled: loud\n';
  assert.throws(
    () => checkConfig(text),
    (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.equal(e.message, ".openstack-ha.yaml: rule 'stonith-disabled' must be one of error, warning, info, hint, off");
      assert.deepEqual(
        e.problems.map((p) => [p.message, text.slice(p.span!.start, p.span!.end)]),
        [["rule 'stonith-disabled' must be one of error, warning, info, hint, off", 'loud']],
      );
      return true;
    },
  );
});

const EVEN = `apiVersion: openstack-ha/v1
kind: Deployment
metadata: { environment: production }
nodes:
  a: { address: 10.0.0.1 }
  b: { address: 10.0.0.2 }
  c: { address: 10.0.0.3 }
  d: { address: 10.0.0.4 }
clusters:
  ctl: { members: [a, b, c, d], stonith: true }
`;

const workspace = (files: Record<string, string>) => tempWorkspace(files, 'osha-unknown-rule-');

test('the built CLI reports the typo in .openstack-ha.yaml beside the findings it did not silence, and --fix leaves it', () => {
  const config = 'disable: [cluster-even-nodes]\nrules:\n  stonith-disabled: off\n';
  const dir = workspace({ '.openstack-ha.yaml': config, 'site.ha.yaml': EVEN });
  const r = run(['lint', '.'], dir);
  assert.equal(r.code, 1, r.err);
  assert.equal(r.err, '');
  assert.equal(
    r.out,
    [
      '.openstack-ha.yaml',
      ".openstack-ha.yaml:1:11  error  unknown rule 'cluster-even-nodes' in disable; did you mean 'cluster-even-node-count'?  unknown-rule-id",
      '',
      'site.ha.yaml',
      "site.ha.yaml:10:19  warning  cluster 'ctl' has 4 votes; a 2:2 split leaves no side with the 3 needed for quorum  cluster-even-node-count",
      '',
      '1 error, 1 warning, 0 info in 1 of 1 file checked (1 HA manifest)',
      '',
    ].join('\n'),
  );
  const json = JSON.parse(run(['lint', '--format', 'json', '.'], dir).out) as {
    diagnostics: { file: string; rule: string; range: unknown; fixes: { safe: boolean; edits: { newText: string }[] }[] }[];
  };
  const d = json.diagnostics.find((x) => x.rule === 'unknown-rule-id')!;
  assert.equal(d.file, '.openstack-ha.yaml');
  assert.deepEqual(d.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 28 } });
  assert.deepEqual(
    d.fixes.map((f) => [f.safe, f.edits.map((e) => e.newText)]),
    [[false, ['cluster-even-node-count']]],
  );
  run(['lint', '--fix', '.'], dir);
  assert.equal(fs.readFileSync(path.join(dir, '.openstack-ha.yaml'), 'utf8'), config);
  // the file may turn the rule off for itself, like any other
  fs.writeFileSync(path.join(dir, '.openstack-ha.yaml'), `${config}  unknown-rule-id: off\n`);
  assert.match(run(['lint', '.'], dir).out, /^site\.ha\.yaml\n/);
});

test('the built CLI: a --config file with the typo is reported the same way', () => {
  const dir = workspace({ 'ci.yaml': 'rules: { no-such-rule: error }\n', 'site.ha.yaml': EVEN });
  const r = run(['lint', '--config', 'ci.yaml', 'site.ha.yaml'], dir);
  assert.equal(r.code, 1);
  assert.match(
    r.out,
    /^ci\.yaml\nci\.yaml:1:10 {2}error {2}unknown rule 'no-such-rule' \(openstack-ha rules lists them\) {2}unknown-rule-id\n/,
  );
});

test('the language server: the open .openstack-ha.yaml gets the diagnostic on the id, and the rename as a quick fix', async () => {
  const dir = workspace({ '.openstack-ha.yaml': 'rules:\n  stonith-disable: off\n', 'site.ha.yaml': EVEN });
  const c = new TestClient();
  try {
    await c.initialize(dir);
    // a file checked with it, opened first: the settings file's diagnostics are sent without opening it
    const site = fileUri(path.join(dir, 'site.ha.yaml'));
    const cfg = fileUri(path.join(dir, '.openstack-ha.yaml'));
    await c.open(site, EVEN);
    const unopened = await c.diagnostics(cfg, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      unopened.diagnostics.map((d) => [d.code, d.message, d.range]),
      [
        [
          'unknown-rule-id',
          "unknown rule 'stonith-disable'; did you mean 'stonith-disabled'?",
          { start: { line: 1, character: 2 }, end: { line: 1, character: 17 } },
        ],
      ],
    );
    c.forget(cfg);
    await c.open(cfg, 'rules:\n  stonith-disable: off\n  vip-missing: loud\n');
    // a value that is not a severity makes the file unusable: said at the value
    const p = await c.diagnostics(cfg, (x) => x.diagnostics.length > 0);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.message, d.range.start.line, d.range.start.character]),
      [['config-error', "rule 'vip-missing' must be one of error, warning, info, hint, off", 2, 15]],
    );
    await c.change(cfg, 2, [{ text: 'rules:\n  stonith-disable: off\n' }]);
    const typo = await c.diagnostics(cfg, (x) => x.version === 2);
    const d = typo.diagnostics[0];
    assert.equal(d.code, 'unknown-rule-id');
    const actions = (await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: cfg },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Change to 'stonith-disabled'", 'Show documentation for unknown-rule-id'],
    );
    assert.deepEqual(actions[0].edit!.changes![cfg], [
      { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 17 } }, newText: 'stonith-disabled' },
    ]);
    // fix-all never renames a rule key
    const all = (await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: cfg },
      range: d.range,
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(all, []);
  } finally {
    await c.close();
  }
});
