/** check-incomplete: a document's rules stop being started once they have run RULE_BUDGET_MS (engine/bounds.ts). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { finish, runRules } from '../../server/src/engine/check';
import { RULE_BUDGET_MS } from '../../server/src/engine/bounds';
import { LineIndex } from '../../server/src/engine/text/line-index';
import type { Finding } from '../../server/src/engine/types';
import type { Report, RuleMeta } from '../../server/src/engine/rules/report';

/** A clock the rules move: each rule says how long it "took". */
function rulesOn(clock: { t: number }, costs: Record<string, number>) {
  return Object.entries(costs).map(([id, ms]) => ({
    meta: { id, severity: 'warning', fixable: false, title: id, why: id } as RuleMeta,
    check(ctx: { report: (r: Report) => void }) {
      clock.t += ms;
      ctx.report({ span: { start: 0, end: 1 }, message: `${id} ran` });
    },
  }));
}

test('past the budget no further rule starts, and one warning names the rules that did not run (not those switched off)', () => {
  const clock = { t: 0 };
  const out: Finding[] = [];
  const rules = rulesOn(clock, { fast: 10, slow: 2000, next: 1, off: 1, last: 1 });
  runRules(
    rules,
    { rules: { off: 'off' } },
    out,
    (report) => ({ report }),
    1500,
    () => clock.t,
  );
  assert.deepEqual(
    out.map((f) => [f.rule, f.severity, f.message, f.span]),
    [
      ['fast', 'warning', 'fast ran', { start: 0, end: 1 }],
      ['slow', 'warning', 'slow ran', { start: 0, end: 1 }],
      [
        'check-incomplete',
        'warning',
        'the check of this file stopped after 2010 ms (budget 1500 ms); 2 rules did not run: next, last',
        { start: 0, end: 0 },
      ],
    ],
  );
});

test('within the budget every rule runs and nothing is said; the default budget is 1.5 s', () => {
  assert.equal(RULE_BUDGET_MS, 1500);
  const clock = { t: 0 };
  const out: Finding[] = [];
  runRules(
    rulesOn(clock, { a: 700, b: 700, c: 700 }),
    { rules: {} },
    out,
    (report) => ({ report }),
    1500,
    () => clock.t,
  );
  assert.deepEqual(
    out.map((f) => f.rule),
    ['a', 'b', 'c'],
  );
});

test('its severity can be set and it can be switched off like any rule', () => {
  const clock = { t: 0 };
  const raw: Finding[] = [];
  runRules(
    rulesOn(clock, { slow: 5000, never: 1 }),
    { rules: {} },
    raw,
    (report) => ({ report }),
    1500,
    () => clock.t,
  );
  const lines = new LineIndex('x\n');
  assert.deepEqual(
    finish(raw, 'x\n', lines, { rules: { 'check-incomplete': 'info' } }).map((f) => [f.rule, f.severity]),
    [
      ['check-incomplete', 'info'],
      ['slow', 'warning'],
    ],
  );
  assert.deepEqual(
    finish(raw, 'x\n', lines, { rules: { 'check-incomplete': 'off' } }).map((f) => f.rule),
    ['slow'],
  );
});
