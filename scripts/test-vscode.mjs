// `npm run test:vscode`: the extension-host suite in VS Code. @vscode/test-electron where VS Code is
// present (VSCODE_EXECUTABLE) or downloadable; where it is neither, the same suite in code-server.
import { spawnSync } from 'node:child_process';

const electron = spawnSync(process.execPath, ['out/test/vscode/run.js'], { stdio: 'inherit' });
if (electron.status === 0) process.exit(0);
if (electron.status !== 2) process.exit(electron.status ?? 1);
console.log('test:vscode: VS Code cannot be downloaded here; running the suite in code-server instead');
const setup = spawnSync('bash', ['scripts/e2e/setup.sh'], { stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);
process.exit(
  spawnSync(process.execPath, ['--test', '--test-reporter=spec', 'out/test/e2e/vscode-exthost.e2e.js'], { stdio: 'inherit' }).status ?? 1,
);
