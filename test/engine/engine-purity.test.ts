/** The engine is pure (eslint.config.mjs): no fs/path/os/child_process, no vscode*, no host layer; hosts feed it text. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { ROOT } from '../support/paths';

const eslint = new ESLint({ cwd: ROOT });
const ENGINE = path.join(ROOT, 'server', 'src', 'engine');

/** The messages of `rule` when `text` is linted as if it were the file `rel` (nothing is written). */
const reported = async (text: string, rel: string, rule = 'no-restricted-imports') => {
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, rel) });
  assert.equal(result.fatalErrorCount, 0, `${rel} parses: ${JSON.stringify(result.messages)}`);
  return result.messages.filter((m) => m.ruleId === rule);
};

test('engine purity: fs, a host layer and an LSP package are refused in the engine, with the reason', async () => {
  for (const [text, file] of [
    ["import * as fs from 'fs';", 'server/src/engine/x.ts'],
    ["import { readFileSync } from 'node:fs';", 'server/src/engine/documents/haproxy/x.ts'],
    ["import { readFile } from 'node:fs/promises';", 'server/src/engine/x.ts'],
    ["import * as path from 'path';", 'server/src/engine/workspace/x.ts'],
    ["import { execFileSync } from 'child_process';", 'server/src/engine/x.ts'],
    ["import { x } from '../node/docs';", 'server/src/engine/x.ts'],
    ["import { x } from '../../lsp/convert';", 'server/src/engine/rules/x.ts'],
    ["import { x } from '../../../cli/args';", 'server/src/engine/rules/haproxy/x.ts'],
    ["import { x } from '../server';", 'server/src/engine/x.ts'],
    ["import { TextDocument } from 'vscode-languageserver-textdocument';", 'server/src/engine/x.ts'],
    ["import type { Diagnostic } from 'vscode-languageserver/node';", 'server/src/engine/service/x.ts'],
    ["import * as vscode from 'vscode';", 'server/src/engine/x.ts'],
  ]) {
    const found = await reported(text, file);
    assert.equal(found.length, 1, `${file}: ${text} is refused`);
    assert.match(found[0].message, /The engine is pure/, 'the message says why');
  }
});

test('engine purity: require() and import() do not get round the rule', async () => {
  for (const text of ["const fs = require('fs');", "export const load = () => import('../node/docs');"]) {
    assert.equal((await reported(text, 'server/src/engine/x.ts', 'no-restricted-syntax')).length, 1, text);
  }
});

test('engine purity: a real engine file that gained `import fs` fails', async () => {
  const rel = 'server/src/engine/lint.ts';
  const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
  assert.deepEqual(await reported(text, rel), [], `${rel} as it is passes`);
  const found = await reported(`import * as fs from 'fs';\n${text}`, rel);
  assert.deepEqual(
    found.map((m) => m.line),
    [1],
  );
});

test('engine purity: imports inside the engine and npm packages other than vscode* are fine', async () => {
  for (const [text, file] of [
    ["import { LineIndex } from './text/line-index';", 'server/src/engine/x.ts'],
    ["import { x } from '../documents/haproxy/parse';", 'server/src/engine/rules/x.ts'],
    ["import { x } from '../../documents/haproxy/parse';", 'server/src/engine/rules/haproxy/x.ts'],
    // engine folders or files that happen to share a host layer's name
    ["import { x } from './node';", 'server/src/engine/documents/corosync/x.ts'],
    ["import { x } from '../pacemaker/node';", 'server/src/engine/documents/corosync/x.ts'],
    ["import { x } from '../haproxy/server';", 'server/src/engine/documents/corosync/x.ts'],
    ["import { parse } from 'yaml';", 'server/src/engine/x.ts'],
  ]) {
    assert.deepEqual(await reported(text, file), [], `${file}: ${text} is allowed`);
  }
});

test('engine purity: the hosts may use fs and vscode', async () => {
  assert.deepEqual(await reported("import * as fs from 'fs';", 'server/src/cli/x.ts'), []);
  assert.deepEqual(await reported("import * as fs from 'fs';\nimport { lint } from './lint';", 'server/src/node/x.ts'), []);
  assert.deepEqual(await reported("import * as vscode from 'vscode';", 'client/src/x.ts'), []);
});

test('engine purity: every engine folder, at its depth, refuses the climb out and allows its neighbours', async () => {
  const dirs: string[] = [];
  const walk = (d: string) => {
    dirs.push(d);
    for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(d, e.name));
  };
  walk(ENGINE);
  for (const dir of dirs) {
    const depth = path.relative(ENGINE, dir).split(path.sep).filter(Boolean).length;
    const file = path.relative(ROOT, path.join(dir, 'purity-probe.ts'));
    assert.equal(
      (await reported(`import { x } from '${'../'.repeat(depth + 1)}node/docs';`, file)).length,
      1,
      `${file}: the climb to server/src/node`,
    );
    if (depth > 0) assert.deepEqual(await reported(`import { x } from '${'../'.repeat(depth)}lint';`, file), [], `${file}: engine/lint.ts`);
  }
});

test('engine purity: the engine as it is lints clean', async () => {
  const results = await eslint.lintFiles(['server/src/engine']);
  const count = (d: string): number =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .reduce((n, e) => n + (e.isDirectory() ? count(path.join(d, e.name)) : e.name.endsWith('.ts') ? 1 : 0), 0);
  assert.equal(results.length, count(ENGINE), 'every engine .ts file was linted');
  const errors = results.flatMap((r) =>
    r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.message}`),
  );
  assert.deepEqual(errors, []);
});
