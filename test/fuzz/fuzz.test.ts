/**
 * The fast, seeded fuzzing run of `npm test` (the long one is `npm run fuzz`): mutated files of
 * every kind, and every input that once broke a property (test/fuzz/regressions/), must not throw,
 * stall, put a range outside its document, change between runs, or differ between the editor's
 * incremental parse and the full one.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fuzz } from './run';
import { seeds } from './seeds';
import { LANGUAGES } from '../../server/src/engine/languages';

test('the seeds cover every kind of document', () => {
  const kinds = new Set(seeds().map((s) => s.kind));
  assert.deepEqual(
    LANGUAGES.map((l) => l.kind).filter((k) => !kinds.has(k)),
    [],
  );
});

test('seeded fuzzing: no input throws, stalls, leaves its document or changes between runs', () => {
  // the budget leaves room for a loaded CI machine: `npm run fuzz` holds inputs to 1 s
  const r = fuzz({ runs: Number(process.env.OSHA_FUZZ_RUNS ?? 400), seed: 20261201, budgetMs: 3000 });
  const failures = r.failures.map(
    (f) => `${f.seed.kind} ${f.seed.path}: ${f.violations.map((v) => `${v.property}: ${v.detail}`).join('; ')}`,
  );
  assert.deepEqual(failures, []);
  assert.ok(r.inputs >= 300, `${r.inputs} inputs`);
});
