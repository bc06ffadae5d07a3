/**
 * The topology view in real VS Code (code-server in headless Chromium, as vscode-ui.e2e.ts): open a
 * manifest of three controllers in three racks, run "OpenStack HA: Show Topology" from the command
 * palette, wait for the picture in the webview, click a node (its definition is selected in the
 * editor), then "What if…" one node fails (its box turns failed, each service's verdict is listed), then
 * an edit of the manifest redraws the picture with the overlay kept.
 * Screenshots: test-results/screenshots/topology.png and topology-what-if.png.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifact, freshDir, installExtension, launchChromium, startCodeServer, VSIX } from './support';
import { ROOT } from '../support/paths';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'topology', 'site.ha.yaml');

test('VS Code: the topology view draws the deployment, reveals a node, and overlays a what-if', { timeout: 240_000 }, async () => {
  const rt = freshDir('vscode-topology');
  const ws = path.join(rt, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  const text = fs.readFileSync(FIXTURE, 'utf8');
  fs.writeFileSync(path.join(ws, 'site.ha.yaml'), text);
  // 1-based, as the status bar counts: the line that defines controller2
  const nodeLine = text.split('\n').findIndex((l) => l.startsWith('  controller2:')) + 1;
  assert.equal(nodeLine, 10);

  await installExtension(rt, VSIX);
  const cs = await startCodeServer(rt, ws);
  const { context, page } = await launchChromium(rt);
  try {
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'site.ha.yaml' }).first().dblclick();
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
    // near a line's left end: the middle of a long line may be scrolled out of view, and the editor with it
    const focusEditor = () =>
      page
        .locator('.monaco-editor .view-line', { hasText: 'apiVersion' })
        .first()
        .click({ position: { x: 4, y: 4 } });
    await focusEditor();
    // the server has checked the file (its one warning is counted), so the command is offered on it
    await page.locator('.statusbar-item', { hasText: 'HA:' }).first().waitFor({ timeout: 60_000 });

    // the side bar closed: room for the picture beside the editor
    await page.keyboard.press('Control+B');
    await page.locator('.explorer-folders-view').first().waitFor({ state: 'hidden', timeout: 10_000 });

    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('OpenStack HA: Show Topology');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Topology' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');

    // a webview is an iframe (the host) holding an iframe (the page)
    const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const node = view.locator('svg.topology [data-id="node:controller2"]');
    await node.waitFor({ timeout: 60_000 });
    await view.locator('svg.topology [data-id="domain:rack-b"]').waitFor({ timeout: 10_000 });
    assert.equal(await view.locator('#title').innerText(), 'three-racks');
    // controller3's single NIC: a warning mark on its box
    await view.locator('svg.topology [data-id="node:controller3"] .mark-warning').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: artifact('topology.png') });

    // click-to-reveal: the editor selects controller2's definition
    await node.click();
    await page
      .locator('.statusbar-item', { hasText: new RegExp(`^Ln ${nodeLine}, Col \\d+`) })
      .first()
      .waitFor({ timeout: 30_000 });

    // What if… controller2 fails
    await view.locator('#what-if').click();
    const input = page.locator('.quick-input-widget input.input').first();
    await input.waitFor({ timeout: 30_000 });
    await input.fill('controller2');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'controller2' }).first().click();
    await page.keyboard.press('Enter');
    await view.locator('svg.topology [data-id="node:controller2"].state-failed').waitFor({ timeout: 60_000 });
    const keystone = view.locator('#summary li', { hasText: /^keystone: / });
    await keystone.waitFor({ timeout: 10_000 });
    assert.equal(await keystone.innerText(), 'keystone: degraded — 2 of 3 instances of keystone run (controller1, controller3)');
    assert.equal(await view.locator('#scenario').innerText(), 'What if controller2 fails:');
    assert.equal(await view.locator('svg.topology .state-failed').count(), 1);
    await page.screenshot({ path: artifact('topology-what-if.png') });

    // an edit redraws the picture (the overlay kept): a second, unbonded NIC on controller3 changes its finding
    const nic = text.split('\n')[10].indexOf('[eno1]') + '[eno1'.length;
    await focusEditor();
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`11:${nic + 1}`);
    await page.keyboard.press('Enter');
    await page.keyboard.type(', eno2');
    await view
      .locator('svg.topology [data-id="node:controller3"] title', { hasText: 'lists 2 interfaces (eno1, eno2) without bond: true' })
      .waitFor({ state: 'attached', timeout: 30_000 });
    assert.equal(await view.locator('svg.topology [data-id="node:controller2"].state-failed').count(), 1);
  } catch (e) {
    await page.screenshot({ path: artifact('vscode-topology-failure.png') }).catch(() => undefined);
    throw new Error(`${(e as Error).message}\n--- code-server log ---\n${cs.log().slice(-3000)}`);
  } finally {
    await context.close().catch(() => undefined);
    await cs.stop();
  }
});
