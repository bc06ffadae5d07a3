/**
 * Shell scripts as the firewall checks read them: commands split into words with their offsets,
 * `\` continuations joined, comments dropped, `;`/`&&`/`||` separating commands, and the values of
 * `for VAR in a b c` loops and `VAR=value` assignments kept so `--dport $PORT` can be expanded.
 * Not a shell: no functions, no here-documents, no command substitution.
 */
import { Span } from '../types';

export interface Word {
  text: string;
  start: number;
  end: number;
  quoted: boolean;
}
export interface Command {
  words: Word[];
  /** From the first word to the last, continuation lines included. */
  span: Span;
  /** Loop variables in force (`for P in 3306 4567; do ... done`). */
  loopVars: Map<string, { values: string[]; span: Span }>;
  /** Plain assignments seen before the command. */
  vars: Map<string, string>;
}

/** Every simple command of a script, in order. */
export function shellCommands(text: string): Command[] {
  const out: Command[] = [];
  const vars = new Map<string, string>();
  const loops: { name: string; values: string[]; span: Span }[] = [];
  let cur: Word[] = [];
  // the commands share one copy of the variables and loops until they change: a copy per command
  // was quadratic in a script of many assignments or unclosed loops
  let varsNow: Map<string, string> | undefined;
  let loopsNow: Command['loopVars'] | undefined;
  const flush = () => {
    if (!cur.length) return;
    const words = cur;
    cur = [];
    const head = words[0].text;
    if (head === 'for' && words[2]?.text === 'in') {
      const values: string[] = [];
      for (const w of words.slice(3)) {
        if (w.text === 'do') break;
        values.push(w.text);
      }
      loops.push({ name: words[1].text, values, span: { start: words[0].start, end: words[words.length - 1].end } });
      loopsNow = undefined;
      const body = words.slice(words.findIndex((w) => w.text === 'do') + 1);
      if (body.length && words.some((w) => w.text === 'do')) {
        cur = body;
        flush();
      }
      return;
    }
    if (head === 'done') {
      loops.pop();
      loopsNow = undefined;
      return;
    }
    if (head === 'do' || head === 'then' || head === 'else') {
      cur = words.slice(1);
      flush();
      return;
    }
    const assign = /^([A-Za-z_]\w*)=(.*)$/.exec(head);
    if (assign && words.length === 1) {
      vars.set(assign[1], assign[2]);
      varsNow = undefined;
      return;
    }
    loopsNow ??= new Map(loops.map((l) => [l.name, { values: l.values, span: l.span }]));
    varsNow ??= new Map(vars);
    out.push({ words, span: { start: words[0].start, end: words[words.length - 1].end }, loopVars: loopsNow, vars: varsNow });
  };
  let offset = 0;
  let cont = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\\)\s*$|(^|\s)#.*$|(;|&&|\|\||\||&)|((?:[^\s"';&|\\]|\\.|"(?:[^"\\]|\\.)*"|'[^']*')+)/g;
    let m: RegExpExecArray | null;
    cont = false;
    while ((m = re.exec(line))) {
      if (m[3]) {
        cont = true;
        break;
      }
      if (m[0].trimStart().startsWith('#') && m[6] === undefined && m[1] === undefined && m[2] === undefined) break;
      if (m[5]) {
        flush();
        continue;
      }
      const start = offset + m.index,
        end = start + m[0].length;
      const text = m[1] !== undefined ? m[1] : m[2] !== undefined ? m[2] : unquote(m[6]);
      cur.push({ text, start, end, quoted: m[6] === undefined || /["']/.test(m[6]) });
    }
    if (!cont) flush();
    offset += raw.length + 1;
  }
  flush();
  return out;
}

/** `a"b c"'d'` -> `ab cd` */
function unquote(w: string): string {
  return w.replace(/"((?:[^"\\]|\\.)*)"|'([^']*)'|\\(.)/g, (_, dq, sq, esc) => dq ?? sq ?? esc);
}

/** Bash brace expansion of one word: `{3306,4444}/tcp` -> [3306/tcp, 4444/tcp]; `{4567..4568}` too. */
export function expandBraces(word: string): string[] {
  const m = /^(.*?)\{([^{}]*)\}(.*)$/.exec(word);
  if (!m) return [word];
  let items: string[];
  const seq = /^(\d+)\.\.(\d+)$/.exec(m[2]);
  if (seq) {
    const a = Number(seq[1]),
      b = Number(seq[2]);
    items = Math.abs(b - a) > 1000 ? [m[2]] : Array.from({ length: Math.abs(b - a) + 1 }, (_, i) => String(a <= b ? a + i : a - i));
  } else if (m[2].includes(',')) items = m[2].split(',');
  else return [word];
  return items.flatMap((i) => expandBraces(`${m[1]}${i}${m[3]}`));
}

/** `$P` / `${P}`: the loop values or the assigned value; undefined when the word is not one variable. */
export function expandVariable(text: string, cmd: Command): { values: string[]; loop?: Span } | undefined {
  const m = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(text);
  if (!m) return undefined;
  const loop = cmd.loopVars.get(m[1]);
  if (loop) return { values: loop.values, loop: loop.span };
  const v = cmd.vars.get(m[1]);
  return v !== undefined ? { values: [v] } : { values: [] };
}
