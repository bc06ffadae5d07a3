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

/**
 * Where a YAML text nests deeper than MAX_NESTING: flow brackets ([ and {) outside quotes and
 * comments, or block levels (indentation steps and `- ` markers). The offset of the first character
 * past the bound, or -1. Linear in the text.
 */
export function yamlTooDeep(text: string): number {
  let flow = 0;
  let quote = '';
  let lineStart = 0;
  // the indentation of each open block level on the current path
  const indents: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = '';
      }
      continue;
    }
    if (c === '\n') {
      lineStart = i + 1;
      continue;
    }
    if (i === lineStart && flow === 0) {
      // a block line: its level is the number of open levels with less indentation, plus its `- ` markers
      let j = i;
      while (text[j] === ' ') j++;
      if (text[j] === '\n' || text[j] === '#' || j >= text.length) continue;
      const indent = j - i;
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      let dashes = 0;
      for (let k = j; text[k] === '-' && (text[k + 1] === ' ' || text[k + 1] === '\t'); k += 2) {
        dashes++;
        while (text[k + 2] === ' ') k++;
      }
      if (indents.length + dashes > MAX_NESTING) return j;
    }
    if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl - 1;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      if (++flow > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return -1;
}
