import { lineStartAt } from './line-breaks';

/** The indentation (spaces and tabs) of the line that holds offset `at`: what a line inserted beside it should start with. */
export function indentAt(text: string, at: number): string {
  const lineStart = lineStartAt(text, at);
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Visits each line of a text with its start offset and number; a trailing \r is not part of the line. */
export function forEachLine(text: string, visit: (line: string, start: number, lineNo: number) => void): void {
  let start = 0;
  text.split('\n').forEach((raw, lineNo) => {
    visit(raw.endsWith('\r') ? raw.slice(0, -1) : raw, start, lineNo);
    start += raw.length + 1;
  });
}
