/**
 * "Disable <rule> for this line": the comment that suppresses one finding, in the file's comment
 * syntax and line break, on its own line above the finding's (after a byte-order mark, never before).
 */
import { Span, TextEdit } from '../types';
import { bodyStart, lineBreakOf, lineEndAt, lineStartAt, nextLineStart } from '../text/line-breaks';

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

/** An existing whole-file comment with ids (`# openstack-ha-disable a, b`): the place to add one more id, at the end of its list. */
const ID = String.raw`[A-Za-z0-9](?:(?!-->)[\w-])*`;
const FILE_DIRECTIVE = new RegExp(String.raw`^[ \t]*(?:#|<!--)[ \t]*openstack-ha-disable[ \t]+${ID}(?:[ \t]*,?[ \t]*${ID})*`);

/**
 * "Disable <rule> for this file": a `# openstack-ha-disable <rule>` line (`<!-- -->` in XML) near the
 * top, where the file's format allows a comment and a reader looks: after a byte-order mark, a
 * shebang, an XML declaration, or YAML directives and the `---` that ends them (at the end of a file
 * that starts with a byte-order mark and nothing of those). A file that already
 * has such a line with ids gets the rule added to it. Undefined for a parse error, as for one line.
 */
export function disableFileEdit(text: string, rule: string): TextEdit | undefined {
  if (rule === 'parse-error') return undefined;
  const lines: { start: number; end: number; text: string }[] = [];
  for (let s = bodyStart(text); s <= text.length;) {
    const e = lineEndAt(text, s);
    lines.push({ start: s, end: e, text: text.slice(s, e) });
    const n = nextLineStart(text, s);
    if (n === s || n > text.length || e === text.length) break;
    s = n;
  }
  for (const l of lines) {
    const m = FILE_DIRECTIVE.exec(l.text);
    if (!m) continue;
    if (m[0].split(/[\s,]+/).includes(rule)) return undefined;
    const at = l.start + m[0].length;
    return { start: at, end: at, newText: `, ${rule}` };
  }
  const xml = isXml(text);
  let i = 0;
  if (lines[0] && lines[0].text.startsWith('#!')) i = 1;
  else if (xml && lines[0] && /^\s*<\?xml\b/.test(lines[0].text)) i = 1;
  else if (!xml) {
    // YAML directives (%YAML, %TAG) must come before `---`: the comment goes after the marker
    let j = 0;
    while (j < lines.length && (/^%/.test(lines[j].text) || /^[ \t]*(#|$)/.test(lines[j].text))) j++;
    if (j > 0 && lines.slice(0, j).some((l) => l.text.startsWith('%')) && lines[j] && /^---([ \t]|$)/.test(lines[j].text)) i = j + 1;
  }
  const comment = xml ? `<!-- openstack-ha-disable ${rule} -->` : `# openstack-ha-disable ${rule}`;
  const br = lineBreakOf(text);
  // after a byte-order mark, haproxy's and keepalived's parsers read a `#` as text, not as a comment: the line goes at the end
  if (i >= lines.length || (i === 0 && bodyStart(text) > 0)) {
    const end = text.length;
    const last = lines[lines.length - 1];
    return { start: end, end, newText: `${last && last.end > last.start ? br : ''}${comment}${br}` };
  }
  const at = lines[i].start;
  return { start: at, end: at, newText: `${comment}${br}` };
}
