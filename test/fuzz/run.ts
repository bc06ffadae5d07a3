/**
 * The fuzzer: `npm run fuzz` (many inputs, a random seed, figures per kind) and a fast seeded run
 * in `npm test` (test/fuzz/fuzz.test.ts). A failure prints the seed and path to replay it; the
 * input that broke a property goes to test/fuzz/regressions/ as a file the test runs every time.
 */
import fc from 'fast-check';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { baseWorkspace, regressions, Seed, seeds } from './seeds';
import { mutated } from './mutate';
import { checkInput, Violation } from './properties';

export interface FuzzReport {
  inputs: number;
  chars: number;
  byKind: Record<string, number>;
  slowestMs: number;
  failures: { seed: Seed; text: string; violations: Violation[] }[];
}

export function workspace(): Workspace {
  const ws = new Workspace();
  for (const [p, t] of baseWorkspace()) ws.setFile(p, t);
  return ws;
}

/** Runs `runs` mutated inputs per seed kind, spread over the seeds; stops at the first failing input of each seed. */
export function fuzz(opts: { runs: number; seed: number; budgetMs: number; kinds?: string[]; onInput?: (n: number) => void }): FuzzReport {
  const ws = workspace();
  const all = seeds().filter((s) => !opts.kinds?.length || opts.kinds.includes(s.kind));
  const report: FuzzReport = { inputs: 0, chars: 0, byKind: {}, slowestMs: 0, failures: [] };
  const check = (s: Seed, text: string) => {
    const t = performance.now();
    const v = checkInput(ws, s.path, s.kind, text, opts.budgetMs);
    report.slowestMs = Math.max(report.slowestMs, performance.now() - t);
    report.inputs++;
    report.chars += text.length;
    report.byKind[s.kind] = (report.byKind[s.kind] ?? 0) + 1;
    opts.onInput?.(report.inputs);
    return v;
  };
  for (const r of regressions()) {
    const v = check(r, r.text);
    if (v.length) report.failures.push({ seed: r, text: r.text, violations: v });
  }
  const perSeed = Math.max(1, Math.round(opts.runs / all.length));
  all.forEach((s, i) => {
    let failed: { text: string; violations: Violation[] } | undefined;
    fc.assert(
      fc.property(mutated(s.text), (text) => {
        const v = check(s, text);
        if (v.length && !failed) failed = { text, violations: v };
        return v.length === 0;
      }),
      // no shrinking: a failing input is kept as it was found, and shrinking would re-run slow inputs many times
      { numRuns: perSeed, seed: opts.seed + i, endOnFailure: true, verbose: false, reporter: () => {} },
    );
    if (failed) report.failures.push({ seed: s, ...failed });
  });
  return report;
}
