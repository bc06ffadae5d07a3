/** "Did you mean" with bounds (issue 11): the same answers as the unbounded search, at a cost set by the bound. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { closest, editDistance, MAX_SUGGEST_LENGTH, misspeltOf } from '../../server/src/engine/text/suggest';
import { MARIADB_OPTION_NAMES } from '../../server/src/engine/knowledge/mariadb/catalogue';

/** The full table, as suggest.ts computed it before the bounds. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}
/** closest as it was: every candidate, the full table. */
function fullClosest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const d = c.toLowerCase() === lower ? 0 : fullDistance(lower, c.toLowerCase());
    if (d <= Math.max(1, Math.min(3, Math.floor(Math.max(name.length, c.length) / 3)))) scored.push({ c, d });
  }
  return scored
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, max)
    .map((s) => s.c);
}

/** A seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}
const word = (r: () => number, alphabet: string, max: number) =>
  Array.from({ length: Math.floor(r() * max) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');

test('the banded distance is the full one when within the bound, and bound+1 beyond it (5,000 random pairs)', () => {
  const r = rng(11);
  for (let n = 0; n < 5000; n++) {
    const a = word(r, 'abc_', 12),
      b = word(r, 'abc_', 12);
    const full = fullDistance(a, b);
    assert.equal(editDistance(a, b), full, `${a} ${b}`);
    for (const max of [0, 1, 2, 3]) assert.equal(editDistance(a, b, max), Math.min(full, max + 1), `${a} ${b} max ${max}`);
  }
});

test('the bound from the letters both strings hold cuts nothing the table would keep, ASCII or not (5,000 random pairs)', () => {
  const r = rng(29);
  for (let n = 0; n < 5000; n++) {
    const a = word(r, 'abé-1', 16),
      b = word(r, 'ab-12', 16);
    const full = fullDistance(a, b);
    for (const max of [1, 2, 3]) assert.equal(editDistance(a, b, max), Math.min(full, max + 1), `${a} ${b} max ${max}`);
  }
});

test('closest gives what the unbounded search gave, on random names and on the MariaDB catalogue', () => {
  const r = rng(7);
  const pool = Array.from({ length: 300 }, () => word(r, 'abcdE_', 10));
  for (let n = 0; n < 500; n++) {
    const name = word(r, 'abcde_', 11);
    assert.deepEqual(closest(name, pool), fullClosest(name, pool), name);
  }
  for (const typo of ['wsrep_provder', 'innodb_buffer_pol_size', 'binlog_formta', 'max_conections', 'WSREP_ON', 'bind_adress'])
    assert.deepEqual(closest(typo, MARIADB_OPTION_NAMES), fullClosest(typo, MARIADB_OPTION_NAMES), typo);
  assert.deepEqual(closest('wsrep_provder', MARIADB_OPTION_NAMES, 1), ['wsrep_provider']);
});

test('long names: a megabyte token costs nothing and gets no suggestion; a long name one edit away still gets one', () => {
  const huge = 'x'.repeat(1_000_000);
  const t = process.hrtime.bigint();
  assert.deepEqual(closest(huge, [...MARIADB_OPTION_NAMES, 'x'.repeat(999_999)]), []);
  assert.equal(
    misspeltOf(huge, MARIADB_OPTION_NAMES, () => false),
    undefined,
  );
  assert.equal(editDistance(huge, 'y' + huge.slice(1), 3), 1);
  assert.equal(editDistance(huge, 'short', 3), 4);
  assert.ok(Number(process.hrtime.bigint() - t) / 1e6 < 500, 'bounded by the band, not the square of the length');
  const long = 'a_'.repeat(MAX_SUGGEST_LENGTH / 2);
  assert.deepEqual(closest(long.slice(0, -1) + 'x', [long, 'b']), [long]);
  assert.deepEqual(closest(long + 'x', [long]), []);
  assert.equal(
    misspeltOf('priorty', ['priority', 'state'], () => false),
    'priority',
  );
});
