/**
 * Real checkers run code the workspace names (haproxy's lua-load, mariadbd's plugin-load-add): the
 * server never starts one in a workspace VS Code calls untrusted, nor for an editor that says nothing
 * about trust unless its user turned runOnSave on. The e2e suite runs the checkers themselves; these
 * need none installed: the server says why it did not run one, or starts none at all.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient, fileUri } from '../support/lsp-client';
import { ROOT } from '../support/paths';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-trust-'));
const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.close();
});
// lua-load runs the script at `haproxy -c`: the file a checker must never be started on untrusted
const HAPROXY = 'global\n    lua-load ./payload.lua\ndefaults\n    mode http\n';

async function saved(name: string, settings: unknown, init: Record<string, unknown>): Promise<TestClient> {
  const file = path.join(dir, name, 'haproxy.cfg');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, HAPROXY);
  const c = new TestClient();
  clients.push(c);
  c.settings = settings;
  await c.initialize(dir, true, { settings, ...init });
  const uri = fileUri(file);
  await c.open(uri, HAPROXY);
  await c.diagnostics(uri);
  await c.save(uri);
  return c;
}

test('VS Code, untrusted workspace, runOnSave on: no checker is started, and the server says why', async () => {
  const file = path.join(dir, 'untrusted', 'haproxy.cfg');
  const c = await saved('untrusted', { enable: true, rules: {}, realTools: { runOnSave: true } }, { workspaceTrusted: false });
  assert.equal(await c.log((m) => /^real tools: /.test(m)), `real tools: not run on ${file}: the workspace is not trusted`);
});

test('an editor that sends no trust flag: no checker unless its user turned runOnSave on', async () => {
  const off = await saved('no-flag-off', { enable: true, rules: {} }, {});
  // a checker started logs `haproxy on <file>: ...` when it ends, installed or not: none comes
  await assert.rejects(
    off.log((m) => /^real tools|^haproxy on /.test(m), 3000),
    /no matching log message/,
  );
  // the same editor, its user having turned the setting on: the checker is started
  const on = await saved('no-flag-on', { enable: true, rules: {}, realTools: { runOnSave: true } }, {});
  assert.match(await on.log((m) => /^haproxy on /.test(m), 20_000), /^haproxy on .*no-flag-on[\\/]haproxy\.cfg: /);
});

test("the setting's description says why it is trusted-only, and VS Code is told to ignore it in untrusted workspaces", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const setting = pkg.contributes.configuration.properties['openstackHa.realTools.runOnSave'];
  assert.equal(setting.default, false);
  assert.match(
    setting.markdownDescription,
    /Only in trusted workspaces: the checkers run code the workspace names \(haproxy's `lua-load`, mariadbd's `plugin-load-add`\)/,
  );
  assert.match(setting.markdownDescription, /editors that do not say whether a workspace is trusted run them only when this is turned on/);
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['openstackHa.realTools.runOnSave']);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  // the client tells the server, and restarts it when trust is granted
  const client = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
  assert.match(client, /initializationOptions: \{ workspaceTrusted: vscode\.workspace\.isTrusted \}/);
  assert.match(client, /onDidGrantWorkspaceTrust/);
});
