/**
 * The extension in a repository it has nothing to do with (a Kubernetes one): its YAML activates the
 * extension, and no language server starts; a manifest opened from elsewhere starts it. Run by
 * test/e2e/vscode-exthost.e2e.ts in code-server's extension host.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { runAll } from '../suite/index';

async function until<T>(what: string, get: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const api = async () => {
  const ext = await until('the extension', () => vscode.extensions.all.find((e) => e.packageJSON.name === 'openstack-ha'));
  await until('its activation', () => ext.isActive || undefined);
  return ext.exports as { serverStarted(): boolean };
};

const tests: { name: string; fn: () => Promise<void> }[] = [
  {
    name: 'a Kubernetes repository: its YAML activates the extension, and no language server starts',
    fn: async () => {
      const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
      const doc = await vscode.workspace.openTextDocument(path.join(folder, 'k8s', 'deployment.yaml'));
      await vscode.window.showTextDocument(doc);
      // activate() resolves once it has decided (open files, then a search of the workspace)
      assert.equal((await api()).serverStarted(), false);
      assert.deepEqual(
        vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'openstack-ha'),
        [],
      );
    },
  },
  {
    name: 'a manifest opened from outside the workspace starts the server, and gets its findings',
    fn: async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'osha-unrelated-')), 'site.ha.yaml');
      fs.writeFileSync(file, fs.readFileSync(path.join(process.env.OSHA_EXAMPLES!, 'bad.ha.yaml'), 'utf8'));
      const doc = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(doc);
      await until(
        'stonith-disabled on the manifest',
        () =>
          vscode.languages
            .getDiagnostics(doc.uri)
            .some((d) => d.source === 'openstack-ha' && (typeof d.code === 'object' ? d.code.value : d.code) === 'stonith-disabled') ||
          undefined,
        30_000,
      );
      assert.equal((await api()).serverStarted(), true);
    },
  },
];

export function run(): Promise<void> {
  return runAll(tests);
}
