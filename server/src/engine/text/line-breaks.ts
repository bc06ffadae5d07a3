/**
 * Where a line starts and ends, and which line break a file uses, for edits that insert whole
 * lines: a file may end its lines with \n, \r\n or a lone \r (LineIndex counts all three), and an
 * inserted line must use the file's own break and never land between a \r and its \n.
 */

/** The file's own line break: the first one it has (\n when it has none). */
export function lineBreakOf(text: string): string {
  const m = /\r\n?|\n/.exec(text);
  return m ? m[0] : '\n';
}

/** A byte-order mark is not part of the first line: nothing may be inserted before it. */
export function bodyStart(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** The start of the line that holds `offset`. */
export function lineStartAt(text: string, offset: number): number {
  let i = Math.min(Math.max(offset, 0), text.length);
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || (c === 13 && text.charCodeAt(i) !== 10)) break;
    // offset between \r and \n: the line is the one that \r\n ends
    i--;
  }
  return Math.max(i, bodyStart(text));
}

/**
 * The start of the line being typed at `offset`, for completion: never past the cursor (a cursor
 * before a BOM is at the start of its line; lineStartAt says where an insertion goes, after the BOM).
 */
export function typedLineStart(text: string, offset: number): number {
  return Math.min(lineStartAt(text, offset), Math.max(0, offset));
}

/** The end of the content of the line that holds `offset`, before its line break. */
export function lineEndAt(text: string, offset: number): number {
  let i = Math.min(Math.max(offset, 0), text.length);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** The start of the next line: after the whole line break of the line that holds `offset` (the text's end when it has none). */
export function nextLineStart(text: string, offset: number): number {
  const e = lineEndAt(text, offset);
  if (text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10) return e + 2;
  return e < text.length ? e + 1 : e;
}
