/**
 * `npm run fuzz [-- --runs N --seed S --budget MS --save]`: the long fuzzing run. Prints what it
 * fed and what broke; with --save, writes each failing input to test/fuzz/regressions/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fuzz } from './run';
import { ROOT } from '../support/paths';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20000' },
    seed: { type: 'string', default: String(Date.now() % 1e9) },
    budget: { type: 'string', default: '1000' },
    save: { type: 'boolean', default: false },
    // only these kinds (comma-separated), e.g. --kinds manifest,haproxy
    kinds: { type: 'string', default: '' },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const t0 = Date.now();
const r = fuzz({
  runs,
  seed,
  budgetMs: Number(values.budget),
  kinds: values.kinds ? values.kinds.split(',') : undefined,
  onInput: (n) => {
    if (n % 1000 === 0) process.stderr.write(`fuzz: ${n} inputs, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  },
});
console.log(
  `fuzz: seed ${seed}, ${r.inputs} inputs (${(r.chars / 1e6).toFixed(1)} M characters) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
console.log(
  `fuzz: per kind ${Object.entries(r.byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
console.log(`fuzz: slowest input ${r.slowestMs.toFixed(0)} ms`);
for (const f of r.failures) {
  console.log(`\nFAIL ${f.seed.kind} ${f.seed.path} (${f.text.length} chars)`);
  for (const v of f.violations.slice(0, 5)) console.log(`  ${v.property}: ${v.detail}`);
  if (values.save) {
    const name = `${f.seed.kind}-${path.basename(f.seed.path)}-${seed}-${f.violations[0].property}.json`;
    const why = f.violations.map((v) => `${v.property}: ${v.detail}`).join('; ');
    const saved = { kind: f.seed.kind, path: f.seed.path, text: f.text, why };
    fs.writeFileSync(path.join(ROOT, 'test', 'fuzz', 'regressions', name), JSON.stringify(saved, null, 1) + '\n');
    console.log(`  saved as test/fuzz/regressions/${name}`);
  }
}
console.log(`fuzz: ${r.failures.length} failing input(s)`);
process.exit(r.failures.length ? 1 : 0);
