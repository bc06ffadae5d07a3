/** The manifest snippets the server's completion offers, expanded with their defaults, make manifests with no error or warning. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintManifest } from '../../server/src/engine/lint';
import { MANIFEST_SNIPPETS } from '../../server/src/lsp/snippets';

/** The snippets by title, each body as its lines. */
const snippets = Object.fromEntries(MANIFEST_SNIPPETS.map((s) => [s.title, { body: s.body.split('\n') }]));

/** Expands ${1:default}, ${1|a,b|} and $1 the way the editor does when the user accepts every default. */
function expand(body: string[]): string {
  const values = new Map<string, string>();
  let text = body.join('\n');
  text = text.replace(/\$\{(\d+):([^}]*)\}/g, (_, n, d) => {
    values.set(n, d);
    return d;
  });
  text = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n, choices) => {
    const d = choices.split(',')[0];
    values.set(n, d);
    return d;
  });
  return text.replace(/\$(\d+)/g, (_, n) => values.get(n) ?? '');
}

const problems = (text: string) =>
  lintManifest(text)
    .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.rule}: ${f.message}`);

test('the whole-manifest snippet is clean', () => {
  const s = snippets['HA manifest: 3-node Pacemaker control plane'];
  assert.deepEqual(problems(expand(s.body)), []);
});

test('the cluster, VIP, service and node snippets fit into that manifest cleanly', () => {
  const base = expand(snippets['HA manifest: 3-node Pacemaker control plane'].body);
  const indent = (s: string) =>
    s
      .split('\n')
      .map((l) => (l ? `  ${l}` : l))
      .join('\n');
  const node = expand(snippets['HA node'].body).replace('[controller]', '[compute]');
  const text =
    base
      .replace('\nclusters:\n', `\n${indent(node)}\n\nclusters:\n`)
      .replace('\nvips:\n', `\n${indent(expand(snippets['HA cluster'].body).replace('controllers:', 'second:'))}\nvips:\n`)
      .replace(
        '\nservices:\n',
        `\n${indent(expand(snippets['HA VIP'].body).replace('internal:', 'admin:').replace('10.0.0.11', '10.0.0.10'))}\n\nservices:\n`,
      ) +
    indent(expand(snippets['HA service'].body).replace('keystone:', 'heat-api:')) +
    '\n';
  assert.deepEqual(problems(text), [], text);
  assert.ok(lintManifest(text).manifest!.clusters.has('second'));
});
