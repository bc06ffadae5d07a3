/**
 * Issue 11: one slow file must not hold up the editor on another. Files due together (here: every
 * file again after a settings change) are checked one per turn of the event loop, so a hover waits
 * for one file's check, not for all of them (they all ran in one go before).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeConfigurationNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri } from '../support/lsp-client';

const HEAVY = 8;

test('a hover on one file is answered while the other files are checked again, not after all of them', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-busy-'));
  // each about 0.1-0.3 s to check: 40,000 ignored duplicates (100 reported)
  const heavy = Array.from({ length: HEAVY }, (_, i) => path.join(dir, `node${i}`, 'nova.conf'));
  for (const f of heavy) {
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, '[DEFAULT]\n' + 'debug = true\n'.repeat(40_000));
  }
  const small = path.join(dir, 'api', 'nova.conf');
  fs.mkdirSync(path.dirname(small), { recursive: true });
  fs.writeFileSync(small, '[DEFAULT]\ndebug = true\n');
  const c = new TestClient();
  try {
    await c.initialize(dir, false);
    for (const f of heavy) await c.diagnostics(fileUri(f), (p) => p.diagnostics.length > 0, 30_000);
    await c.open(fileUri(small), '[DEFAULT]\ndebug = true\n');
    await c.diagnostics(fileUri(small));

    const order: string[] = [];
    for (const f of heavy) c.forget(fileUri(f));
    const rechecked = heavy.map((f) =>
      c.diagnostics(fileUri(f), () => true, 30_000).then(() => order.push(path.basename(path.dirname(f)))),
    );
    await c.conn.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { openstackHa: { enable: true, rules: { 'unknown-option': 'info' } } },
    });
    // once the server is busy with them, ask about the small file
    await Promise.race(rechecked);
    const hover = await c.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri: fileUri(small) },
      position: { line: 1, character: 2 },
    });
    order.push('hover');
    await Promise.all(rechecked);
    assert.ok(hover, 'the hover is answered');
    assert.ok(order.indexOf('hover') < HEAVY, `the hover came after every file's check: ${order.join(', ')}`);
  } finally {
    await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
