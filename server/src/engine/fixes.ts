/** Applying text edits: the same code serves `lint --fix`, the tests and the language server's checks. */
import { Finding, TextEdit } from './types';

/** Applies non-overlapping edits; edits at the same offset keep their given order. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const { e } of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at offset ${e.start}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * The safe fixes of a set of findings, at most one per finding, skipping any that overlaps an
 * edit already taken (the next `--fix` pass picks it up).
 */
export function safeFixEdits(findings: Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (!fix) continue;
    const overlaps = fix.edits.some((e) =>
      taken.some((t) => (e.start < t.end && t.start < e.end) || (e.start === t.start && e.end === t.end)),
    );
    if (!overlaps) taken.push(...fix.edits);
  }
  return taken;
}
