/**
 * Characters a message must not carry as they are: bidi overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069, and the marks U+200E, U+200F, U+061C) reorder what the reader sees ("Trojan
 * Source"), and control, zero-width and line-separator characters hide or break it. A message
 * that quotes the file shows them escaped, as \u202E.
 */
import type { Finding } from '../types';

const INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** The text with every invisible or reordering character written as \uXXXX. */
export function escapeInvisible(text: string): string {
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** A finding whose message, fix titles and related messages show no invisible character (the same object when none has one). */
export function visibleFinding(f: Finding): Finding {
  const message = escapeInvisible(f.message);
  const fixes = f.fixes.map((x) => (escapeInvisible(x.title) === x.title ? x : { ...x, title: escapeInvisible(x.title) }));
  const related = f.related?.map((r) => (escapeInvisible(r.message) === r.message ? r : { ...r, message: escapeInvisible(r.message) }));
  const changed = message !== f.message || fixes.some((x, i) => x !== f.fixes[i]) || related?.some((r, i) => r !== f.related![i]);
  return changed ? { ...f, message, fixes, ...(related ? { related } : {}) } : f;
}

/** The same for a hover's Markdown, whose line breaks are its own: they stay, the file's other characters are escaped. */
export function escapeInvisibleInMarkdown(markdown: string): string {
  return markdown.split('\n').map(escapeInvisible).join('\n');
}
