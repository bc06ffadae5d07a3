/**
 * Which of a real tool's messages to show beside our own findings. Ours carry a rule id, a page and
 * fixes, so where both say the same thing only ours is shown; and a message that names no line is
 * shown (on line 1) only when the tool named no line at all, since it then stands for the whole
 * file; beside located messages it is a consequence or a summary of them.
 *
 * "The same problem" is decided on two facts, both needed for a located message:
 *  - the same line: the tool's line is the line where one of our findings starts;
 *  - the same subject: the tool's message names, as a whole word, what our finding is about: the
 *    text our finding's range covers (the keyword, option, value or name it underlines) or a name
 *    our message quotes ('bnd', 'MASTR', '300').
 * A message without a line is the same problem as one of ours when it names such a subject that
 * reads as a name, not as a word of English: four characters or more with one that is not a letter
 * (`unknown variable 'max_conections=4096'` and our finding on max_conections; not "resources").
 * Anything else the tool says is kept, so a second problem on the same line is never hidden.
 */
import type { Finding } from '../engine/types';
import type { ToolMessage } from './real-tools';

export interface OurFinding {
  /** 0-based line where the finding starts. */
  line: number;
  subjects: string[];
}

/** What a finding is about, for matching: the text it underlines when that is one token, and the names its message quotes. */
export function subjectsOf(text: string, f: Finding): string[] {
  const out = new Set<string>();
  const under = text.slice(f.span.start, f.span.end).trim();
  if (/^[^\s'"`]{2,80}$/.test(under)) out.add(under);
  for (const m of f.message.matchAll(/'([^'\s]{2,80})'/g)) out.add(m[1]);
  return [...out];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `subject` in `message` as a whole word (not inside a longer name), whatever the case. */
export function names(message: string, subject: string): boolean {
  return new RegExp(`(?<![\\w-])${escape(subject)}(?![\\w-])`, 'i').test(message);
}

/** An option, key or value rather than a word a message may use in passing. */
const isName = (s: string) => s.length >= 4 && /[^A-Za-z]/.test(s);

export function messagesToShow(messages: ToolMessage[], ours: OurFinding[]): ToolMessage[] {
  const located = messages.some((m) => m.line !== null);
  return messages.filter((m) => {
    if (m.line === null) return !located && !ours.some((o) => o.subjects.some((s) => isName(s) && names(m.message, s)));
    return !ours.some((o) => o.line === m.line && o.subjects.some((s) => names(m.message, s)));
  });
}
