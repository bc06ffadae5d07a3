/**
 * The secrets sweep, engine side: a deployment with credentials planted in every format, on good
 * lines and on malformed ones (test/support/planted-secrets.ts), and every output the engine makes
 * of it: findings (messages, fix titles, related messages), hovers and completions at every offset
 * of every line holding a secret, and document symbols. No planted secret may show in any of them.
 * The language server's messages and the CLI's formats are swept in test/lsp/secrets-sweep.test.ts.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyseAll, ROOT } from '../support/workspace';
import { leaked, PLANTED_FILES, PLANTED_SECRETS } from '../support/planted-secrets';
import { languageOf } from '../../server/src/engine/languages';
import type { SymbolNode } from '../../server/src/engine/service/navigation';

const docLink = (id: string) => `file:///docs/${id}.md`;

test('no planted secret shows in any finding, hover, completion or symbol of the engine', () => {
  const files = new Map(Object.entries(PLANTED_FILES).map(([p, t]) => [`${ROOT}/${p}`, t]));
  const { results } = analyseAll(files);
  const leaks = new Set<string>();
  let outputs = 0;
  const sweep = (where: string, text: string | undefined) => {
    if (text === undefined) return;
    outputs++;
    for (const s of leaked(text)) leaks.add(`${where.replace(/@\d+/, '')}: ${s} in ${JSON.stringify(text.slice(0, 200))}`);
  };
  // every kind of file is in the sweep, and read as that kind
  const kinds = new Set([...results.values()].map((r) => r.kind));
  for (const k of [
    'manifest',
    'oslo-conf',
    'galera',
    'keepalived',
    'corosync',
    'haproxy',
    'pacemaker',
    'clustercheck',
    'firewall',
    'kolla',
    'openstack-ansible',
  ])
    assert.ok(kinds.has(k as never), `no ${k} file analysed: ${[...kinds].join(', ')}`);
  for (const [path, r] of results) {
    const file = path.slice(ROOT.length + 1);
    const text = files.get(path)!;
    for (const f of r.findings) {
      sweep(`${file} ${f.rule} message`, f.message);
      for (const x of f.fixes) sweep(`${file} ${f.rule} fix title`, x.title);
      for (const x of f.related ?? []) sweep(`${file} ${f.rule} related`, x.message);
    }
    const service = languageOf(r.kind).service;
    const walk = (ns: SymbolNode[]) => {
      for (const n of ns) {
        sweep(`${file} symbol`, n.name);
        sweep(`${file} symbol detail`, n.detail);
        walk(n.children);
      }
    };
    if (service.symbols) walk(service.symbols(r));
    // every offset of every line that holds a secret
    let start = 0;
    for (const line of text.split('\n')) {
      if (/Zq/.test(line))
        for (let o = start; o <= start + line.length; o++) {
          const h = service.hover?.(r, o, docLink);
          if (h) sweep(`${file}@${o} hover`, h.markdown);
          const c = service.complete?.(r, text, o);
          for (const i of c?.items ?? []) {
            sweep(`${file}@${o} completion`, i.label);
            sweep(`${file}@${o} completion detail`, i.detail);
            sweep(`${file}@${o} completion insert`, i.insertText);
            sweep(`${file}@${o} completion doc`, i.documentation);
          }
        }
      start += line.length + 1;
    }
  }
  assert.deepEqual([...leaks], []);
  // the sweep saw the secrets it is meant to: 61 planted, thousands of outputs read
  assert.ok(PLANTED_SECRETS.length >= 50, `${PLANTED_SECRETS.length} secrets`);
  assert.ok(outputs > 1000, `${outputs} outputs`);
  console.log(`# secrets sweep (engine): ${PLANTED_SECRETS.length} secrets, ${outputs} outputs`);
});
