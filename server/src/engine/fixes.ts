/** Applying text edits: the same code serves `lint --fix`, the tests and the language server's checks. */
import { Finding, TextEdit } from './types';
import { bodyStart, lineBreakOf } from './text/line-breaks';

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

/**
 * A finding's fixes fitted to the file's line breaks, for every rule at once: a rule writes `\n`,
 * a \r\n or lone-\r file gets its own break; an offset between a \r and its \n (a line's end found
 * by searching for \n) moves before the \r, so an insertion lands after the whole line, never
 * inside its break; nothing is inserted before a byte-order mark.
 */
export function fitToText(text: string, f: Finding): Finding {
  if (!f.fixes.length) return f;
  const brk = lineBreakOf(text);
  const [crlf, cr, bom] = [brk === '\r\n', brk === '\r', bodyStart(text) > 0];
  if (!crlf && !cr && !bom) return f;
  const at = (o: number) => (crlf && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o - 1 : o);
  const nl = crlf ? '\r\n' : '\r';
  const fit = (e: TextEdit): TextEdit => {
    // an insertion at 0 goes after the mark; an edit that replaces from 0 may mean to drop it
    const start = bom && e.start === 0 && e.end === 0 ? 1 : at(e.start);
    const end = Math.max(start, at(e.end));
    const newText = crlf || cr ? e.newText.replace(/\r?\n/g, nl) : e.newText;
    return start === e.start && end === e.end && newText === e.newText ? e : { start, end, newText };
  };
  return { ...f, fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map(fit) })) };
}
