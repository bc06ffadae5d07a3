/**
 * The web build in real VS Code (code-server 4.100.3) and headless Chromium: the extension loaded as a web
 * extension only (its package.json without `main`, so its `browser` entry runs in the web worker extension
 * host, and the language server in a worker of its own). Opens bad.ha.yaml and waits for its findings in
 * the Problems panel, and for the cross-file findings of a multi-node deployment no editor opened: the
 * client read those files for the worker. Then the same in a virtual workspace (memfs:, served from memory
 * by a fixture extension), as on github.dev.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifact, exampleWorkspace, freshDir, installExtension, launchChromium, startCodeServer, until } from './support';
import { execFileSync } from 'node:child_process';
import { ROOT } from '../support/paths';
import { DEPLOY } from '../support/ha-deployment';
import { lintManifest } from '../../server/src/engine/lint';

/**
 * The extension as the package ships it (package.json `files`), minus `main`: VS Code can then run it only in
 * the web worker extension host. (code-server 4.100.3's web workbench reads extensionDevelopmentKind but never uses it.)
 */
function webOnlyCopy(dir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const f of pkg.files as string[]) fs.cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  assert.equal(pkg.browser, './dist/browser-extension.js');
  delete pkg.main;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  return dir;
}

/**
 * A web extension (as a .vsix) serving `files` from memory under memfs:/ws, as a virtual file system
 * (github.dev's vscode-vfs is one): no disk and no search provider behind it.
 */
function memfsExtension(dir: string, files: Record<string, string>): string {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'memfs-fixture',
    publisher: 'test',
    version: '0.0.1',
    engines: { vscode: '^1.100.0' },
    license: 'Apache-2.0',
    repository: { type: 'git', url: 'https://example.test/memfs-fixture' },
    browser: './extension.js',
    activationEvents: ['onFileSystem:memfs'],
    capabilities: { virtualWorkspaces: true },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  const code = `const vscode = require('vscode');
const FILES = ${JSON.stringify(files)};
const enc = new TextEncoder();
const now = Date.now();
const norm = (p) => p.replace(/\\/+$/, '');
function children(dir) {
  const out = new Map();
  for (const f of Object.keys(FILES)) {
    if (!f.startsWith(dir + '/')) continue;
    const [head, ...rest] = f.slice(dir.length + 1).split('/');
    out.set(head, rest.length ? vscode.FileType.Directory : vscode.FileType.File);
  }
  return out;
}
exports.activate = (context) => {
  const changed = new vscode.EventEmitter();
  context.subscriptions.push(vscode.workspace.registerFileSystemProvider('memfs', {
    onDidChangeFile: changed.event,
    watch: () => new vscode.Disposable(() => {}),
    stat(uri) {
      const p = norm(uri.path);
      if (p in FILES) return { type: vscode.FileType.File, ctime: now, mtime: now, size: enc.encode(FILES[p]).length };
      if (p === '' || children(p).size) return { type: vscode.FileType.Directory, ctime: now, mtime: now, size: 0 };
      throw vscode.FileSystemError.FileNotFound(uri);
    },
    readDirectory: (uri) => [...children(norm(uri.path))],
    readFile(uri) {
      const p = norm(uri.path);
      if (!(p in FILES)) throw vscode.FileSystemError.FileNotFound(uri);
      return enc.encode(FILES[p]);
    },
    writeFile(uri, content) { FILES[norm(uri.path)] = new TextDecoder().decode(content); },
    createDirectory() {},
    delete(uri) { delete FILES[norm(uri.path)]; },
    rename() { throw vscode.FileSystemError.NoPermissions('read-only fixture'); },
  }, { isCaseSensitive: true }));
};
`;
  fs.writeFileSync(path.join(dir, 'extension.js'), code);
  fs.writeFileSync(path.join(dir, 'README.md'), '# memfs fixture\n');
  const vsix = path.join(dir, 'memfs-fixture.vsix');
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--skip-license', '-o', vsix],
    {
      cwd: dir,
      stdio: 'pipe',
    },
  );
  return vsix;
}

test(
  'VS Code for the Web: the web worker build shows the findings of bad.ha.yaml and of unopened files',
  { timeout: 120_000 },
  async () => {
    const rt = freshDir('vscode-web');
    const ws = exampleWorkspace(rt, { deploy: true });
    const bad = fs.readFileSync(path.join(ws, 'bad.ha.yaml'), 'utf8');
    const manifestRules = [...new Set(lintManifest(bad).findings.map((f) => f.rule))];
    assert.ok(manifestRules.includes('stonith-disabled'), manifestRules.join(', '));
    // cross-file: haproxy's backends differ between the two nodes; keepalived's VIPs drift from the manifest's
    const crossFile = ['haproxy-backends-differ', 'keepalived-vip-drift'];
    for (const id of crossFile) assert.ok(Object.values(DEPLOY.expected).flat().includes(id), id);
    const extension = webOnlyCopy(path.join(rt, 'extension'));
    const inMemory = Object.fromEntries([['bad.ha.yaml', bad], ...Object.entries(DEPLOY.files)].map(([rel, text]) => [`/ws/${rel}`, text]));
    // installed, not a second development extension: code-server 4.100.3 then loads neither
    await installExtension(rt, memfsExtension(path.join(rt, 'memfs'), inMemory));

    const cs = await startCodeServer(rt, ws);
    const { context, page } = await launchChromium(rt);
    // what the page and its workers said, for a failure's report
    const said: string[] = [];
    page.on('console', (m: { type(): string; text(): string }) => said.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e: Error) => said.push(`pageerror: ${e.message}`));
    /** The extension's output names the web worker and the workspace's scheme (only client/src/browser.ts writes it). */
    const outputSays = async (scheme: string) => {
      await page.keyboard.press('F1');
      await page.keyboard.type('OpenStack HA: Show Output');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Output' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      // the line may have scrolled out of the panel's view (the server logs after it), and the output's filter
      // may hold another panel's text (it outlives a reload): the filter is set to the line's words until the
      // output view shows and keeps the line alone in view
      const want = 'language server: web worker';
      const line = page.locator('.part.panel .view-lines', { hasText: want }).first();
      const outputFilter = () => page.locator('.part.panel .viewpane-filter input:visible').first();
      await until(
        'the output line naming the web worker',
        async () => {
          if (
            (await outputFilter()
              .inputValue()
              .catch(() => '')) !== want
          )
            await outputFilter()
              .fill(want)
              .catch(() => undefined);
          return (await line.isVisible()) || undefined;
        },
        30_000,
      );
      assert.match(
        (await line.innerText()).replace(/\s+/g, ' '),
        new RegExp(`language server: web worker; workspace scheme: ${scheme}\\b`),
      );
      await outputFilter().fill('');
    };
    try {
      const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${cs.port}${extension}`]]);
      await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'bad.ha.yaml' }).first().dblclick();
      await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.filter({ hasText: 'stonith-disabled' }).first().waitFor({ timeout: 60_000 });
      await page.locator('.statusbar-item', { hasText: 'HA:' }).first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: artifact('web-diagnostics.png') });
      // code-server names the workspace's files vscode-remote://: the client maps them to the server's file: URIs and back
      await outputSays('vscode-remote');
      await page.keyboard.press('Control+Shift+M');

      // a hover, from the same handlers as on the desktop
      const editor = page.locator('.monaco-editor .view-lines').first();
      await editor.click();
      const lines = bad.split('\n');
      const row = lines.findIndex((l) => l.includes('members: [controller1, controller2, controller3, controller4]'));
      await page.keyboard.press('Control+G');
      await page.keyboard.type(`${row + 1}:${lines[row].indexOf('controller1') + 3}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover', { hasText: 'node controller1' }).first();
      await hover.waitFor({ timeout: 30_000 });
      assert.match(await hover.innerText(), /node controller1: 10\.1\.0\.12 \(controller\)/);
      await page.keyboard.press('Escape');

      // the topology view is left out of the web build, and says so (the command is offered: the status item
      // found the file's context, whose URI the client mapped back to the editor's)
      await page.keyboard.press('F1');
      await page.keyboard.type('OpenStack HA: Show Topology');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Topology' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await page
        .locator('.notifications-toasts', { hasText: 'the topology view is not available in the web version of VS Code' })
        .first()
        .waitFor({ timeout: 10_000 });

      // the list is virtual (only visible rows exist): each rule through the panel's filter box
      const filter = page.locator('input[placeholder^="Filter (e.g."]').first();
      for (const rule of [...manifestRules, ...crossFile]) {
        await filter.fill(rule);
        await panel.locator('.monaco-list-row', { hasText: rule }).first().waitFor({ timeout: 30_000 });
      }
      // a cross-file finding sits on a file no editor opened
      await filter.fill('haproxy-backends-differ');
      await panel.locator('.monaco-list-row', { hasText: 'haproxy.cfg' }).first().waitFor({ timeout: 10_000 });
      await filter.fill('');

      // a virtual workspace: the same files served from memory (memfs:/ws); the deployment's files unopened
      await page.goto(`${cs.url}/?folder=${encodeURIComponent('memfs:/ws')}&payload=${encodeURIComponent(payload)}`);
      // opened, as workspaceContains cannot activate the extension without a search provider
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'bad.ha.yaml' }).first().dblclick({ timeout: 60_000 });
      await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
      await page.keyboard.press('Control+Shift+M');
      for (const rule of ['stonith-disabled', ...crossFile]) {
        await filter.fill(rule);
        await panel.locator('.monaco-list-row', { hasText: rule }).first().waitFor({ timeout: 30_000 });
      }
      await filter.fill('');
      await outputSays('memfs');
    } catch (e) {
      await page.screenshot({ path: artifact('vscode-web-failure.png') }).catch(() => undefined);
      throw new Error(
        `${(e as Error).message}\n--- code-server log ---\n${cs.log().slice(-3000)}\n--- browser console ---\n${said.join('\n').slice(-4000)}`,
      );
    } finally {
      await context.close().catch(() => undefined);
      await cs.stop();
    }
  },
);
