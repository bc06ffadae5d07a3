/**
 * Bounds on nesting, checked before any reader that recurses per level (the `yaml` composer, the
 * walks over blocks and elements): a file nested deeper gets one parse error where the bound is
 * passed, never a stack overflow. Real configuration files nest a handful of levels.
 */

/** The deepest nesting read: blocks, elements, flow collections or indented YAML levels. */
export const MAX_NESTING = 64;

/** The message for a file nested deeper than MAX_NESTING. */
export function tooDeepMessage(what: string): string {
  return `${what} nested deeper than ${MAX_NESTING} levels: the file is not read past this point (no real configuration nests this deep)`;
}

/** `-`, `?` and `:`: indicators that open a block level where they stand. */
const COMPACT = new Set([45, 63, 58]);

/** The characters that can open or close a level (`:` and `,` in flow collections), a quote or a comment, or end a line. */
const SPECIAL = /["'#[\]{}\n:,]/g;

/**
 * Where a YAML text nests deeper than MAX_NESTING: flow brackets ([ and {) outside quotes and
 * comments, or block levels (indentation steps and `- `, `? `, `: ` indicators). The offset of the first character
 * past the bound, or -1. Linear, and it jumps from one special character to the next. `levelsAbove`:
 * the block levels around the text, when it is one piece of a file (the editor checks only the
 * pieces it parses anew).
 */
export function yamlTooDeep(text: string, levelsAbove = 0): number {
  let flow = 0;
  /** Implicit keys since the line start, or the last `,` or bracket in a flow collection: the first is a pair, each further one a level. */
  let implicit = 0;
  /** The block levels of the current line (its indentation's and its `- ` markers'). */
  let lineLevel = 0;
  // the indentation of each open block level on the current path (a piece of a file starts below its section's levels)
  const indents: number[] = Array(levelsAbove).fill(-1);
  const blockLine = (start: number): number => {
    let j = start;
    while (text.charCodeAt(j) === 32) j++;
    const c = text.charCodeAt(j);
    if (j >= text.length || c === 10 || c === 35 /* # */ || c === 13) return -1;
    const indent = j - start;
    while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
    indents.push(indent);
    let dashes = 0;
    // compact levels on one line: `- - x`, and complex keys and values `? ? x`, `: : x`
    for (let k = j; COMPACT.has(text.charCodeAt(k)) && (text.charCodeAt(k + 1) === 32 || text.charCodeAt(k + 1) === 9); k += 2) {
      dashes++;
      while (text.charCodeAt(k + 2) === 32) k++;
    }
    lineLevel = indents.length + dashes;
    return lineLevel > MAX_NESTING ? j : -1;
  };
  let at = blockLine(0);
  if (at >= 0) return at;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(text); m; m = SPECIAL.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === '\n') {
      if (flow === 0) implicit = 0;
      if (flow === 0 && (at = blockLine(i + 1)) >= 0) return at;
    } else if (c === '"' || c === "'") {
      // to the closing quote ('' and \" do not close)
      let j = i + 1;
      for (;;) {
        j = text.indexOf(c, j);
        if (j < 0) return -1;
        if (c === '"' && text.charCodeAt(j - 1) === 92 && text.charCodeAt(j - 2) !== 92) j++;
        else if (c === "'" && text.charCodeAt(j + 1) === 39) j += 2;
        else break;
      }
      // a line break inside a quoted scalar starts no block line
      SPECIAL.lastIndex = j + 1;
    } else if (c === '#') {
      const before = text.charCodeAt(i - 1);
      if (i === 0 || before === 32 || before === 9 || before === 10) {
        const nl = text.indexOf('\n', i);
        if (nl < 0) return -1;
        SPECIAL.lastIndex = nl; // the line break itself is read next
      }
    } else if (c === ':') {
      // `a: a: a: x` nests a mapping per key, each a level of yaml's parser, in a flow collection or on
      // one block line alike (valid YAML has one implicit key per line or flow entry)
      const next = text.charCodeAt(i + 1);
      if (next === 32 || next === 9 || next === 10 || next === 13 || i + 1 === text.length) {
        if ((flow > 0 ? flow : lineLevel) + implicit++ > MAX_NESTING) return i;
      }
    } else if (c === ',') {
      implicit = 0;
    } else if (c === '[' || c === '{') {
      implicit = 0;
      if (++flow > MAX_NESTING) return i;
    } else if (c === ']' || c === '}') {
      implicit = 0;
      if (flow > 0) flow--;
    }
  }
  return -1;
}
