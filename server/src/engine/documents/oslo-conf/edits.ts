/** Text edits on .conf files: set an option in its section (adding the section if needed), rename a key, drop an entry. */
import { TextEdit } from '../../types';
import { ConfView } from './context';
import { ConfEntry } from './parse';
import { lineBreakOf, nextLineStart } from '../../text/line-breaks';

export function setOption(text: string, view: ConfView, section: string, key: string, value: string): TextEdit {
  const e = view.entry(section, key);
  if (e) return { start: e.valueSpan.start, end: e.valueSpan.end, newText: value };
  const nl = lineBreakOf(text);
  const sections = view.sectionsNamed(section);
  if (sections.length) {
    const s = sections[sections.length - 1];
    return { start: s.end, end: s.end, newText: `${nl}${key} = ${value}` };
  }
  const sep = text.length === 0 || /[\r\n]$/.test(text) ? '' : nl;
  return { start: text.length, end: text.length, newText: `${sep}${nl}[${section}]${nl}${key} = ${value}${nl}` };
}

/** Removes an entry's lines, continuation lines included. */
export function removeEntry(text: string, e: ConfEntry): TextEdit {
  return { start: e.span.start, end: nextLineStart(text, e.span.end), newText: '' };
}

/**
 * Moves an entry to `[section] key`, value kept as written. Undefined for a secret value: a fix's
 * text is printed by the CLI, and a secret must not travel there.
 */
export function moveEntry(
  text: string,
  view: ConfView,
  e: ConfEntry,
  section: string,
  key: string,
  secret: boolean,
): TextEdit[] | undefined {
  if (secret) return undefined;
  return [removeEntry(text, e), setOption(text, view, section, key, text.slice(e.valueSpan.start, e.span.end))];
}
