/**
 * The `name {` blocks open at a line of a brace-structured file (keepalived.conf, corosync.conf), read
 * from the text so that a block still being typed (no `}` yet) counts. Innermost last.
 */
export function openBlocks(text: string, lineStart: number, comment: RegExp): string[] {
  const open: string[] = [];
  for (const line of text.slice(0, lineStart).split('\n')) {
    const code = line.replace(comment, '');
    const head = /^\s*(\w+)/.exec(code)?.[1] ?? '';
    for (const ch of code) {
      if (ch === '{') open.push(head);
      else if (ch === '}') open.pop();
    }
  }
  return open;
}
