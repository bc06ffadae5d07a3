/**
 * Real VS Code (code-server 4.100.3 = VS Code 1.100.3) in headless Chromium: install the built .vsix,
 * open examples/bad.ha.yaml, read the Problems panel, hover a node, apply a quick fix through the UI.
 * Screenshots go to test-results/screenshots (the README's pictures come from here).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifact, exampleWorkspace, freshDir, installExtension, launchChromium, startCodeServer, until, VSIX } from './support';
import { lintManifest } from '../../server/src/engine/lint';

const lineCol = (text: string, lineIncludes: string, word: string): string => {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(lineIncludes));
  assert.ok(i >= 0, lineIncludes);
  return `${i + 1}:${lines[i].indexOf(word) + 3}`;
};

test('VS Code: Problems panel, hover and a quick fix on bad.ha.yaml', { timeout: 300_000 }, async () => {
  const rt = freshDir('vscode-ui');
  const ws = exampleWorkspace(rt);
  const original = fs.readFileSync(path.join(ws, 'bad.ha.yaml'), 'utf8');
  const expectedRules = [...new Set(lintManifest(original).findings.map((f) => f.rule))];

  await installExtension(rt, VSIX);
  const cs = await startCodeServer(rt, ws);
  const { context, page } = await launchChromium(rt);
  const goTo = async (where: string) => {
    await page.keyboard.press('Control+G');
    await page.keyboard.type(where);
    await page.keyboard.press('Enter');
  };
  try {
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'bad.ha.yaml' }).first().dblclick();
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
    const editor = page.locator('.monaco-editor .view-lines').first();
    await editor.click();
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.filter({ hasText: 'stonith-disabled' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.statusbar-item', { hasText: 'HA:' }).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifact('diagnostics.png') });
    // the list is virtual (only visible rows exist), so look each rule up through the panel's filter box
    const filter = page.locator('input[placeholder^="Filter (e.g."]').first();
    for (const rule of expectedRules) {
      await filter.fill(rule);
      await panel.locator('.monaco-list-row', { hasText: rule }).first().waitFor({ timeout: 30_000 });
    }
    await filter.fill('');

    // the language status item ({} beside the language mode): what the file was checked as, its counts
    const errors = lintManifest(original).findings.filter((f) => f.severity === 'error').length;
    await page.locator('[id="status.languageStatus"]').first().hover();
    const status = page.locator('.monaco-hover', { hasText: 'HA manifest' }).first();
    await status.waitFor({ timeout: 30_000 });
    assert.match(await status.innerText(), new RegExp(`HA manifest[\\s\\S]*production · ${errors} errors?, \\d+ warnings?`));
    await page.screenshot({ path: artifact('language-status.png') });
    await page.keyboard.press('Escape');

    // hover a node name in the members list
    await editor.click();
    await goTo(lineCol(original, 'members: [controller1, controller2, controller3, controller4]', 'controller1'));
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', { hasText: 'node controller1' }).first();
    await hover.waitFor({ timeout: 30_000 });
    const hoverText = await hover.innerText();
    assert.match(hoverText, /node controller1: 10\.1\.0\.12 \(controller\)/);
    assert.match(hoverText, /Member of: controllers, db/);
    await page.screenshot({ path: artifact('hover.png') });
    await page.keyboard.press('Escape');

    // the quick fix through Ctrl+.
    await goTo(lineCol(original, 'stonith: false', 'false'));
    await page.keyboard.press('Control+.');
    const fixRow = page.locator('.action-widget .monaco-list-row', { hasText: 'Set stonith: true' }).first();
    await fixRow.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifact('quick-fix.png') });
    await until(
      'the preferred fix to be focused',
      async () => ((await fixRow.getAttribute('class')) ?? '').includes('focused') || undefined,
      10_000,
    );
    await page.keyboard.press('Enter');
    await page.locator('.view-line', { hasText: 'stonith: true' }).first().waitFor({ timeout: 30_000 });
    await page.waitForFunction("!document.querySelector('.markers-panel')?.textContent?.includes('stonith-disabled')", null, {
      timeout: 30_000,
    });
    await page.keyboard.press('Control+S');
    const expected = original.replace('    stonith: false\n', '    stonith: true\n');
    await until('the fixed file on disk', () => fs.readFileSync(path.join(ws, 'bad.ha.yaml'), 'utf8') === expected || undefined, 30_000);
  } catch (e) {
    await page.screenshot({ path: artifact('vscode-ui-failure.png') }).catch(() => undefined);
    throw new Error(`${(e as Error).message}\n--- code-server log ---\n${cs.log().slice(-3000)}`);
  } finally {
    await context.close().catch(() => undefined);
    await cs.stop();
  }
});
