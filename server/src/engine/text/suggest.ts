/** "Did you mean" suggestions: optimal string alignment distance, case-insensitive first. */
export function editDistance(a: string, b: string): number {
  const m = a.length,
    n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/** Candidates close enough to be a likely typo of `name`, best first. */
export function closest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase());
    const limit = Math.max(1, Math.min(3, Math.floor(Math.max(name.length, c.length) / 3)));
    if (d <= limit) scored.push({ c, d });
  }
  return scored
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, max)
    .map((s) => s.c);
}

/**
 * The known word `word` is most likely a misspelling of: one edit away (two for words of eight
 * letters or more); undefined when `word` is short, or itself known (`isKnown`).
 */
export function misspeltOf(word: string, known: Iterable<string>, isKnown: (w: string) => boolean, minLength = 5): string | undefined {
  if (word.length < minLength || isKnown(word)) return undefined;
  let best: string | undefined;
  let d = 3;
  for (const k of known) {
    const e = editDistance(word, k);
    if (e < d && e <= (word.length >= 8 ? 2 : 1)) {
      d = e;
      best = k;
    }
  }
  return best;
}
