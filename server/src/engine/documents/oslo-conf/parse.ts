/**
 * The oslo.config ini dialect, with exact positions. It follows oslo_config/iniparser.py:
 * `#` and `;` start a comment only at column 0; a line that starts with white space continues the
 * previous value (so an indented `# note` is value text, not a comment); `=` or `:`, whichever
 * comes first, separates key and value; a value wrapped in matching quotes loses them; keys are
 * case-sensitive; a key may repeat (the last wins, or all of them for multi-valued options).
 */
import { Span } from '../../types';
import { forEachLine } from '../../text/lines';
import { maskSecretsInLine } from '../../text/secrets';

/** A line quoted in a message, masked before it is cut so a cut never leaves part of a credential. */
const shortLine = (line: string) => (line.length > 60 ? line.slice(0, 57) + '...' : line);

export interface ConfEntry {
  key: string;
  keySpan: Span;
  /** The value oslo.config sees: continuation lines joined with \n, outer quotes removed. */
  value: string;
  /** The value as written on the key's line (after the separator, trimmed): what a fix replaces. */
  valueSpan: Span;
  /** The whole entry, continuation lines included. */
  span: Span;
  line: number;
  section: ConfSection | null;
}

export interface ConfSection {
  name: string;
  nameSpan: Span;
  /** The `[name]` header line. */
  headerSpan: Span;
  line: number;
  entries: ConfEntry[];
  /** Where the section's last line ends: new options go after it. */
  end: number;
}

export interface ConfProblem {
  message: string;
  span: Span;
}

export interface ConfFile {
  sections: ConfSection[];
  entries: ConfEntry[];
  problems: ConfProblem[];
  comments: { line: number; text: string; span: Span }[];
}

export function parseConf(text: string): ConfFile {
  const out: ConfFile = { sections: [], entries: [], problems: [], comments: [] };
  let section: ConfSection | null = null;
  let current: ConfEntry | null = null;
  forEachLine(text, (rawLine, start, lineNo) => {
    const line = rawLine.trimEnd(); // not /\s+$/: on a long run of spaces it is quadratic
    const end = start + line.length;
    if (!line) {
      current = null;
      return;
    }
    if (line[0] === ' ' || line[0] === '\t') {
      if (!current)
        out.problems.push({
          message: 'a line that starts with white space continues a value, but there is no value to continue',
          span: { start, end },
        });
      else {
        current.value += '\n' + line.trimStart();
        current.span = { start: current.span.start, end };
        if (section) section.end = end;
      }
      return;
    }
    current = null;
    if (line[0] === '[') {
      if (!line.endsWith(']')) {
        out.problems.push({ message: `section header '${maskSecretsInLine(line)}' has no closing ]`, span: { start, end } });
        return;
      }
      if (line.length <= 2) {
        out.problems.push({ message: 'section header with no name', span: { start, end } });
        return;
      }
      section = {
        name: line.slice(1, -1),
        nameSpan: { start: start + 1, end: end - 1 },
        headerSpan: { start, end },
        line: lineNo,
        entries: [],
        end,
      };
      out.sections.push(section);
      return;
    }
    if (line[0] === '#' || line[0] === ';') {
      out.comments.push({ line: lineNo, text: line, span: { start, end } });
      return;
    }
    const colon = line.indexOf(':');
    const equal = line.indexOf('=');
    if (colon < 0 && equal < 0) {
      out.problems.push({
        message: `'${shortLine(maskSecretsInLine(line))}' is neither a section, an option (key = value) nor a comment`,
        span: { start, end },
      });
      return;
    }
    const sep = colon < 0 || (equal >= 0 && equal < colon) ? equal : colon;
    const rawKey = line.slice(0, sep);
    const key = rawKey.trim();
    if (!key) {
      out.problems.push({ message: 'an option with no name before the separator', span: { start, end } });
      return;
    }
    const keyStart = start + rawKey.indexOf(key);
    const after = line.slice(sep + 1);
    const lead = after.length - after.trimStart().length;
    let value = after.trim();
    const valueStart = start + sep + 1 + lead;
    const valueSpan = { start: valueStart, end: valueStart + value.length };
    if (value.length >= 2 && value[0] === value[value.length - 1] && (value[0] === '"' || value[0] === "'")) value = value.slice(1, -1);
    const entry: ConfEntry = {
      key,
      keySpan: { start: keyStart, end: keyStart + key.length },
      value,
      valueSpan,
      span: { start, end },
      line: lineNo,
      section,
    };
    if (!section) out.problems.push({ message: `option '${key}' comes before any [section]`, span: entry.keySpan });
    else {
      section.entries.push(entry);
      section.end = end;
    }
    out.entries.push(entry);
    current = entry;
  });
  return out;
}
