/**
 * `npm run test:vscode`: the extension-host suite in a real VS Code, through @vscode/test-electron.
 * It needs VS Code present or downloadable; where neither holds, it says so and exits 2.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-vscode-'));
  fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
  // a kolla-ansible folder, there before VS Code starts (the suite opens its globals.yml and multinode)
  fs.cpSync(path.join(root, 'test', 'vscode', 'fixtures', 'kolla'), path.join(workspace, 'kolla'), { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    });
  } catch (e) {
    console.error(`test:vscode: ${(e as Error).message}`);
    process.exit(/ENOTFOUND|getaddrinfo|download/i.test(String(e)) ? 2 : 1);
  }
}

void main();
