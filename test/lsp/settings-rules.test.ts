/**
 * openstackHa.rules with a rule id that is none: the server says so once (window/showMessage, a
 * warning naming the closest id), unless the client offers the fix itself (VS Code's says so in
 * capabilities.experimental); openstackHa/ruleIds answers the ids and the closest for any keys.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lsp-client';
import { ALL_RULES } from '../../server/src/engine/rules';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-settings-'));
const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.close();
});
const UNKNOWN = "openstackHa.rules: unknown rule 'stonith-disable'; did you mean 'stonith-disabled'? The setting is ignored.";
const SEVERITY = 'openstackHa.rules: \'vip-missing\' must be one of error, warning, info, hint, off, not "loud". The setting is ignored.';

test('an unknown rule id in the setting is a warning naming the closest id, said once; a bad severity too', async () => {
  const c = new TestClient();
  clients.push(c);
  c.settings = { enable: true, rules: { 'stonith-disable': 'off', 'vip-missing': 'loud', 'stonith-disabled': 'warning' } };
  await c.initialize(dir);
  assert.equal(await c.message((m) => m === UNKNOWN), UNKNOWN);
  await c.message((m) => m === SEVERITY);
  assert.deepEqual(
    c.messages.map((m) => m.type),
    [2, 2],
  );
  // the settings change (one more typo): only the new problem is said
  c.settings = { enable: true, rules: { 'stonith-disable': 'off', 'vip-missing': 'loud', 'cluster-even-nodes': 'off' } };
  await c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await c.message((m) => /unknown rule 'cluster-even-nodes'; did you mean 'cluster-even-node-count'\?/.test(m));
  assert.equal(c.messages.filter((m) => m.message === UNKNOWN).length, 1);
  assert.equal(c.messages.filter((m) => m.message === SEVERITY).length, 1);
});

test('openstackHa/ruleIds: every id, and for each key that is none, the closest id if one is close', async () => {
  const c = new TestClient();
  clients.push(c);
  await c.initialize(dir);
  const r = (await c.conn.sendRequest('openstackHa/ruleIds', { keys: ['stonith-disable', 'stonith-disabled', 'zzzzzzzzzzzz'] })) as {
    ids: string[];
    unknown: unknown[];
  };
  assert.deepEqual(
    r.ids,
    ALL_RULES.map((x) => x.id),
  );
  assert.deepEqual(r.unknown, [{ key: 'stonith-disable', closest: 'stonith-disabled' }, { key: 'zzzzzzzzzzzz' }]);
  assert.deepEqual(((await c.conn.sendRequest('openstackHa/ruleIds', {})) as { unknown: unknown[] }).unknown, []);
});

test('a client that offers the rename itself gets no message for the unknown id (the bad severity is still said)', async () => {
  const c = new TestClient();
  clients.push(c);
  c.extraCapabilities = { experimental: { openstackHaSettingsCheck: true } };
  c.settings = { enable: true, rules: { 'stonith-disable': 'off', 'vip-missing': 'loud' } };
  await c.initialize(dir);
  // said after any unknown id would be: once it is here, nothing else was said
  await c.message((m) => m === SEVERITY);
  assert.deepEqual(
    c.messages.map((m) => m.message),
    [SEVERITY],
  );
});
