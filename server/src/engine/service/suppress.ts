/**
 * "Disable <rule> for this line": the comment that suppresses one finding, in the file's comment
 * syntax and line break, on its own line above the finding's (after a byte-order mark, never before).
 */
import { Span, TextEdit } from '../types';
import { bodyStart, lineBreakOf, lineEndAt, lineStartAt } from '../text/line-breaks';

/** XML (a Pacemaker CIB) takes `<!-- -->`; every other kind the linter reads takes `#`. */
function isXml(text: string): boolean {
  return text.slice(bodyStart(text)).trimStart().startsWith('<');
}

/**
 * Undefined where a comment line cannot go: a parse error (a comment does not make the file parse,
 * and the daemon refuses it anyway) and a line that continues a command (`\` above it), where a
 * comment line would cut the command in two.
 */
export function disableLineEdit(text: string, span: Span, rule: string): TextEdit | undefined {
  if (rule === 'parse-error') return undefined;
  const offset = span.start;
  const start = lineStartAt(text, offset);
  const above = start > 0 ? lineStartAt(text, start - 1) : -1;
  if (above >= 0 && /\\[ \t]*$/.test(text.slice(above, lineEndAt(text, above)))) return undefined;
  const xml = isXml(text);
  // nothing may come before an XML declaration: the comment goes at the end of its line instead
  if (xml && text.startsWith('<?xml', start)) {
    const end = lineEndAt(text, offset);
    return { start: end, end, newText: ` <!-- openstack-ha-disable-line ${rule} -->` };
  }
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  // an empty span at the very start stands for the whole file and stays on line 0: the comment there names its own line
  const which = span.start === span.end && span.end <= bodyStart(text) ? 'disable-line' : 'disable-next-line';
  const comment = xml ? `<!-- openstack-ha-${which} ${rule} -->` : `# openstack-ha-${which} ${rule}`;
  return { start, end: start, newText: `${indent}${comment}${lineBreakOf(text)}` };
}
