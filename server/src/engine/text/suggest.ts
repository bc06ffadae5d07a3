/**
 * "Did you mean" suggestions: optimal string alignment distance, case-insensitive first.
 * Bounded (issue 11): a suggestion is at most 3 edits away, so only candidates within 3 of the
 * name's length are compared, over a band of the table as wide as the bound; a name longer than
 * MAX_SUGGEST_LENGTH gets none. A 1 MB token costs a few length comparisons, not 10^11 cells.
 */

/** Names longer than this get no suggestion: no catalogue or manifest name is that long, a typo of one is no help. */
export const MAX_SUGGEST_LENGTH = 128;

const ROWS = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
/** Letter counts for the bag bound, over ASCII; always back to zeros between calls. */
const COUNTS = new Int32Array(128);

/**
 * Does the difference of the two strings' letters (as multisets) already exceed `max`? Each edit
 * (insert, delete, substitute, transpose) changes it by at most one, so it bounds the distance from
 * below, for a few operations per letter instead of a band of the table. False when a string has a
 * letter outside ASCII (no bound is drawn then).
 */
function lettersDifferBeyond(a: string, b: string, max: number): boolean {
  let ascii = true;
  for (let i = 0; i < a.length && ascii; i++) {
    const c = a.charCodeAt(i);
    if (c < 128) COUNTS[c]++;
    else ascii = false;
  }
  for (let i = 0; i < b.length && ascii; i++) {
    const c = b.charCodeAt(i);
    if (c < 128) COUNTS[c]--;
    else ascii = false;
  }
  let more = 0,
    fewer = 0;
  const settle = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) continue;
      const k = COUNTS[c];
      if (k > 0) more += k;
      else fewer -= k;
      COUNTS[c] = 0;
    }
  };
  settle(a);
  settle(b);
  return ascii && Math.max(more, fewer) > max;
}

/**
 * The distance between `a` and `b`; with `max`, the distance when it is at most `max`, else
 * `max + 1` (only a band of 2·max+1 cells per row is computed, and the scan stops early).
 */
export function editDistance(a: string, b: string, max = Math.max(a.length, b.length)): number {
  const m = a.length,
    n = b.length;
  const over = max + 1;
  if (Math.abs(m - n) > max) return over;
  if (m === 0) return n;
  if (n === 0) return m;
  if (max < Math.max(m, n) && lettersDifferBeyond(a, b, max)) return over;
  // three rows, every cell "too far" until its band reaches it; bands only move right, so a cell read outside them is still too far
  // (the rows are reused between calls: closest asks thousands of times per file)
  if (ROWS[0].length < n + 1) for (let r = 0; r < 3; r++) ROWS[r] = new Int32Array(n + 1);
  let [prev2, prev, cur] = ROWS;
  prev2.fill(over, 0, n + 1);
  prev.fill(over, 0, n + 1);
  cur.fill(over, 0, n + 1);
  for (let j = 0; j <= Math.min(n, max); j++) prev[j] = j;
  let prevMin = 0;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - max),
      hi = Math.min(n, i + max);
    cur[lo - 1] = lo === 1 ? (i <= max ? i : over) : over;
    let rowMin = cur[lo - 1];
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = Math.min(v, over);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    // a later cell comes from this row, or from the one before through a transposition (+1)
    if (rowMin > max && prevMin >= max) return over;
    prevMin = rowMin;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n], over);
}

interface Candidate {
  c: string;
  lower: string;
}
/** Candidates by length, kept per collection while it lives (catalogues are built once, the rules ask per unknown name). */
const BY_LENGTH = new WeakMap<object, { size: number; index: Map<number, Candidate[]>; memo: Map<string, string[]> }>();
/** Answers kept per indexed collection: a file repeating one unknown name asks the same question thousands of times. */
const MEMO_ENTRIES = 4096;

function indexed(candidates: Iterable<string>): { index: Map<number, Candidate[]>; memo?: Map<string, string[]> } {
  // only a Set or a frozen array is kept: a Set that grew since is indexed anew
  const keep = candidates instanceof Set || (Array.isArray(candidates) && Object.isFrozen(candidates));
  const size = candidates instanceof Set ? candidates.size : (candidates as string[]).length;
  const known = keep ? BY_LENGTH.get(candidates) : undefined;
  if (known && known.size === size) return known;
  const out = new Map<number, Candidate[]>();
  for (const c of new Set(candidates)) {
    const list = out.get(c.length) ?? [];
    if (!list.length) out.set(c.length, list);
    list.push({ c, lower: c.toLowerCase() });
  }
  const entry = { size, index: out, memo: new Map<string, string[]>() };
  if (keep) BY_LENGTH.set(candidates, entry);
  return keep ? entry : { index: out };
}

/** Candidates close enough to be a likely typo of `name`, best first. */
export function closest(name: string, candidates: Iterable<string>, max = 3): string[] {
  if (name.length > MAX_SUGGEST_LENGTH) return [];
  const { index, memo } = indexed(candidates);
  const asked = `${max}\u0000${name}`;
  const known = memo?.get(asked);
  if (known) return [...known];
  const lower = name.toLowerCase();
  const scored: { c: string; d: number }[] = [];
  for (const [len, list] of index) {
    const limit = Math.max(1, Math.min(3, Math.floor(Math.max(name.length, len) / 3)));
    if (Math.abs(len - name.length) > limit) continue;
    for (const { c, lower: cl } of list) {
      if (c === name) continue;
      const d = cl === lower ? 0 : editDistance(lower, cl, limit);
      if (d <= limit) scored.push({ c, d });
    }
  }
  const best = scored
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, max)
    .map((s) => s.c);
  if (memo && memo.size < MEMO_ENTRIES) memo.set(asked, best);
  return [...best];
}

/**
 * The known word `word` is most likely a misspelling of: one edit away (two for words of eight
 * letters or more); undefined when `word` is short, or itself known (`isKnown`).
 */
export function misspeltOf(word: string, known: Iterable<string>, isKnown: (w: string) => boolean, minLength = 5): string | undefined {
  if (word.length < minLength || word.length > MAX_SUGGEST_LENGTH || isKnown(word)) return undefined;
  const bound = word.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let d = 3;
  for (const k of known) {
    if (Math.abs(k.length - word.length) > bound) continue;
    const e = editDistance(word, k, bound);
    if (e < d && e <= bound) {
      d = e;
      best = k;
    }
  }
  return best;
}
