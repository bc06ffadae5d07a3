/**
 * The secrets sweep, host side: the planted deployment (test/support/planted-secrets.ts) on disk,
 * through the built language server over stdio (every byte it writes, at trace level: diagnostics,
 * hovers and completions at every position of every line holding a secret, symbols, code actions,
 * log messages) and through the built CLI (text, JSON and SARIF, stdout and stderr). No planted
 * secret may show anywhere. The engine's own outputs are swept in test/engine/secrets-sweep.test.ts.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  CodeActionRequest,
  CompletionRequest,
  Diagnostic,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  HoverRequest,
  SetTraceNotification,
} from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri } from '../support/lsp-client';
import { CLI } from '../support/paths';
import { leaked, PLANTED_FILES, PLANTED_SECRETS } from '../support/planted-secrets';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-secrets-'));
for (const [name, text] of Object.entries(PLANTED_FILES)) {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}
const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.close();
});

test('no planted secret in anything the language server writes, at trace level', async () => {
  const c = new TestClient();
  clients.push(c);
  // every byte the server writes: responses, notifications, logs, traces, and its stderr
  let wire = '';
  (c as unknown as { child: ChildProcess }).child.stdout!.on('data', (d: Buffer) => (wire += d.toString('utf8')));
  c.settings = { enable: true, rules: {}, trace: { server: 'verbose' } };
  await c.initialize(dir, true, { settings: c.settings });
  await c.conn.sendNotification(SetTraceNotification.type, { value: 'verbose' });
  let requests = 0;
  for (const [name, text] of Object.entries(PLANTED_FILES)) {
    const uri = fileUri(path.join(dir, name));
    await c.open(uri, text);
    const diags: Diagnostic[] = (await c.diagnostics(uri)).diagnostics;
    const lines = text.split('\n');
    const end = { line: lines.length, character: 0 };
    await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end },
      context: { diagnostics: diags },
    });
    for (const d of diags)
      await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    await c.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end },
      context: { diagnostics: [], only: ['source.fixAll.openstack-ha'] },
    });
    await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    requests += 3 + diags.length;
    // hovers at every position of every secret (and of the line around it), completions at its edges
    for (let line = 0; line < lines.length; line++) {
      if (!/Zq/.test(lines[line])) continue;
      const hovers = new Set([0, lines[line].length]);
      const completions = new Set([0, lines[line].length]);
      for (const s of PLANTED_SECRETS)
        for (let at = lines[line].indexOf(s); at >= 0; at = lines[line].indexOf(s, at + 1)) {
          for (let o = Math.max(0, at - 2); o <= at + s.length; o++) hovers.add(o);
          completions.add(at).add(at + s.length);
        }
      const position = (character: number) => ({ textDocument: { uri }, position: { line, character } });
      await Promise.all([
        ...[...hovers].map((o) => c.conn.sendRequest(HoverRequest.type, position(o))),
        ...[...completions].map((o) => c.conn.sendRequest(CompletionRequest.type, position(o))),
      ]);
      requests += hovers.size + completions.size;
    }
  }
  await c.conn.sendRequest(ExecuteCommandRequest.type, { command: 'openstack-ha.checkWorkspace', arguments: [] });
  const out = wire + (c as unknown as { stderr: string }).stderr + c.logs.join('\n');
  assert.deepEqual(leaked(out), []);
  // the sweep read what it meant to: thousands of answers, diagnostics of every file
  assert.ok(requests > 1000, `${requests} requests`);
  assert.match(wire, /"code":"parse-error"/);
  console.log(`# secrets sweep (language server): ${PLANTED_SECRETS.length} secrets, ${requests} requests, ${wire.length} bytes`);
});

test('no planted secret in the CLI output, text, JSON or SARIF', () => {
  let bytes = 0;
  for (const format of ['text', 'json', 'sarif']) {
    const r = spawnSync(process.execPath, [CLI, 'lint', '--format', format, '.'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /parse-error/);
    assert.deepEqual(leaked(r.stdout + r.stderr), [], format);
    bytes += r.stdout.length + r.stderr.length;
  }
  // a settings file the CLI refuses says which key, never its value
  fs.writeFileSync(path.join(dir, 'bad-settings.yaml'), 'password: SettingsPwZq\nrules: { stonith-disabled: SettingsRuleZq }\n');
  const bad = spawnSync(process.execPath, [CLI, 'lint', '--config', 'bad-settings.yaml', '.'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(bad.status, 2, bad.stdout + bad.stderr);
  assert.match(bad.stderr, /unknown key 'password'/);
  assert.deepEqual(leaked(bad.stdout + bad.stderr), []);
  console.log(`# secrets sweep (CLI): ${PLANTED_SECRETS.length} secrets, 3 formats, ${bytes} bytes`);
});

test('no planted secret in what simulate and graph print, for each deployment and each stack file', () => {
  // each deployment on its own (a manifest, kolla, OSA) and each of the stack's files, which the
  // simulator reads for names, addresses, priorities and weights beside the passwords
  const targets = ['site.ha.yaml', 'kolla', 'osa', ...Object.keys(PLANTED_FILES).filter((f) => f.startsWith('ctl1/'))];
  let ran = 0;
  let bytes = 0;
  for (const t of targets)
    for (const args of [
      ['simulate', '--all', 'single', '--format', 'json', t],
      ['simulate', '--all', 'pairs', '--format', 'markdown', t],
      ['graph', '--format', 'mermaid', t],
      ['graph', '--format', 'svg', t],
    ]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.deepEqual(leaked(r.stdout + r.stderr), [], args.join(' '));
      if (r.status === 0 || r.status === 1) ran++;
      bytes += r.stdout.length + r.stderr.length;
    }
  // the sweep read deployments, not only refusals: the manifest, kolla and OSA at least
  assert.ok(ran >= 12, `${ran} runs gave a simulation or a picture`);
  console.log(`# secrets sweep (simulate, graph): ${targets.length} targets, ${ran} outputs, ${bytes} bytes`);
});
