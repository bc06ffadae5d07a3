/**
 * A workspace the product has nothing to do with (Kubernetes manifests, a Helm chart) costs a read of
 * each file and nothing held: the server keeps no text of a file it does not check, checks nothing,
 * and says so in its log.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient } from '../support/lsp-client';

test('500 Kubernetes YAML files and a chart: none held, none checked, one log line says so', async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'osha-k8s-')));
  for (let i = 0; i < 500; i++) {
    const d = path.join(dir, 'apps', `app${Math.floor(i / 20)}`);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(
      path.join(d, `res${i}.yaml`),
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  replicas: 3\n`,
    );
  }
  fs.mkdirSync(path.join(dir, 'chart'));
  fs.writeFileSync(path.join(dir, 'chart', 'values.yaml'), 'replicaCount: 2\n');
  fs.writeFileSync(path.join(dir, 'setup.cfg'), '[metadata]\nname = web\n');
  const c = new TestClient();
  try {
    await c.initialize(dir);
    await c.log((m) => /^workspace: \d+ files checked in \d+ ms/.test(m), 30_000);
    assert.ok(c.logs.includes(`workspace ${dir}: 502 files, 0 recognised`), c.logs.join('\n'));
    assert.match(
      c.logs.find((m) => m.startsWith('workspace: '))!,
      /^workspace: 502 files read, 0 checked \(none\) in \d+ ms$/,
    );
    assert.ok(!c.logs.some((m) => m.startsWith('manifest ') || m.startsWith('no manifest')), c.logs.join('\n'));
    const stats = (await c.conn.sendRequest('openstackHa/stats')) as { workspaceFiles: number; pendingChecks: number };
    assert.equal(stats.workspaceFiles, 0);
    assert.equal(stats.pendingChecks, 0);
  } finally {
    await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
