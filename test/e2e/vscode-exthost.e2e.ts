/**
 * The extension's integration suite (test/vscode/suite, the one @vscode/test-electron runs) inside
 * code-server's real extension host, loaded with extensionDevelopmentPath/extensionTestsPath. The
 * suite writes its results to a file; a failure there fails this test.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exampleWorkspace, freshDir, launchChromium, startCodeServer, until, artifact } from './support';
import { ROOT } from '../support/paths';

test('the extension-host suite passes in VS Code', { timeout: 300_000 }, async () => {
  const rt = freshDir('vscode-exthost');
  const ws = exampleWorkspace(rt, { deploy: true, kolla: true });
  const results = path.join(rt, 'results.json');
  const cs = await startCodeServer(rt, ws, { OSHA_TEST_RESULTS: results });
  const { context, page } = await launchChromium(rt);
  try {
    const remote = (p: string) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(path.join(ROOT, 'out', 'test', 'vscode', 'suite', 'index.js'))],
    ]);
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    const r = JSON.parse(
      await until("the suite's results file", () => (fs.existsSync(results) ? fs.readFileSync(results, 'utf8') : undefined), 180_000, 250),
    );
    const failed = r.results.filter((x: { ok: boolean }) => !x.ok);
    assert.deepEqual(failed, [], r.summary);
    assert.ok(r.results.length >= 8, r.summary);
    // the workspace folder holds deploy/ (a multi-node deployment): the workspace-diagnostics tests ran on it
    assert.equal(r.results.filter((x: { name: string }) => x.name.startsWith('workspace diagnostics')).length, 2, r.summary);
    assert.match(r.summary, /^\d+ passed, 0 failed$/);
  } catch (e) {
    await page.screenshot({ path: artifact('vscode-exthost-failure.png') }).catch(() => undefined);
    throw new Error(`${(e as Error).message}\n--- code-server log ---\n${cs.log().slice(-3000)}`);
  } finally {
    await context.close().catch(() => undefined);
    await cs.stop();
  }
});

test(
  'in a Kubernetes repository the extension activates on its YAML and starts no server; a manifest opened starts it',
  { timeout: 180_000 },
  async () => {
    const rt = freshDir('vscode-unrelated');
    const ws = path.join(rt, 'k8s-repo');
    fs.mkdirSync(path.join(ws, 'k8s'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'k8s', 'deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
    fs.writeFileSync(path.join(ws, 'k8s', 'service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
    fs.writeFileSync(path.join(ws, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx\n');
    const results = path.join(rt, 'results.json');
    const cs = await startCodeServer(rt, ws, { OSHA_TEST_RESULTS: results, OSHA_EXAMPLES: path.join(ROOT, 'examples') });
    const { context, page } = await launchChromium(rt);
    try {
      const remote = (p: string) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
      const payload = JSON.stringify([
        ['extensionDevelopmentPath', remote(ROOT)],
        ['extensionTestsPath', remote(path.join(ROOT, 'out', 'test', 'vscode', 'unrelated', 'index.js'))],
      ]);
      await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
      const r = JSON.parse(
        await until(
          "the suite's results file",
          () => (fs.existsSync(results) ? fs.readFileSync(results, 'utf8') : undefined),
          120_000,
          250,
        ),
      );
      assert.deepEqual(
        r.results.filter((x: { ok: boolean }) => !x.ok),
        [],
        r.summary,
      );
      assert.equal(r.summary, '2 passed, 0 failed');
    } catch (e) {
      await page.screenshot({ path: artifact('vscode-unrelated-failure.png') }).catch(() => undefined);
      throw new Error(`${(e as Error).message}\n--- code-server log ---\n${cs.log().slice(-3000)}`);
    } finally {
      await context.close().catch(() => undefined);
      await cs.stop();
    }
  },
);
