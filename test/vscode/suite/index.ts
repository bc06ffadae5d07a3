/**
 * Entry point VS Code calls in the extension host (extensionTestsPath). A small runner: each test
 * runs in order, results go to $OSHA_TEST_RESULTS when set (the code-server harness reads it),
 * and any failure makes run() reject, which fails @vscode/test-electron's run.
 */
import * as fs from 'fs';
import { tests } from './extension.vscode';

export function run(): Promise<void> {
  return runAll(tests);
}

/** Runs the tests in order; their results to $OSHA_TEST_RESULTS; rejects when one failed. */
export async function runAll(tests: { name: string; fn: () => Promise<void> }[]): Promise<void> {
  const results: { name: string; ok: boolean; error?: string; ms: number }[] = [];
  for (const t of tests) {
    const start = Date.now();
    try {
      await t.fn();
      results.push({ name: t.name, ok: true, ms: Date.now() - start });
    } catch (e) {
      results.push({ name: t.name, ok: false, error: (e as Error).stack ?? String(e), ms: Date.now() - start });
    }
  }
  const passed = results.filter((r) => r.ok).length;
  const summary = `${passed} passed, ${results.length - passed} failed`;
  for (const r of results) console.log(`${r.ok ? 'ok' : 'not ok'} - ${r.name} (${r.ms} ms)${r.error ? `\n${r.error}` : ''}`);
  console.log(summary);
  if (process.env.OSHA_TEST_RESULTS) fs.writeFileSync(process.env.OSHA_TEST_RESULTS, JSON.stringify({ summary, results }, null, 2));
  if (passed !== results.length) throw new Error(summary);
}
