/**
 * crm shell snippets (`primitive ... \` continued lines, the old guide's format) and pcs command
 * lines (in shell scripts, read by text/shell) -> the Pacemaker model, with positions.
 */
import { constrained, emptyModel, joinGroups, Located, PmModel, PmResource } from './model';
import { Span } from '../../types';
import { closest } from '../../text/suggest';
import { shellCommands } from '../../text/shell';

interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * Logical lines: `\\` continuations joined, `#` comments dropped, each word with its offset. Only a
 * `\\` that ends the line (trailing blanks allowed) continues it: crmsh, like the shell, ends the
 * command at `\\ # note`, so such a backslash is kept as `endsBefore` of the next statement.
 */
function statements(text: string): Word[][] & { endsBefore?: Map<Word[], Word> } {
  const out: Word[][] & { endsBefore?: Map<Word[], Word> } = [];
  out.endsBefore = new Map();
  let cur: Word[] = [];
  let offset = 0;
  let dangling: Word | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const re = /"([^"]*)"|'([^']*)'|(\\)\s*$|(\\)\s+#.*$|#.*$|((?:[^\s"']|"[^"]*"|'[^']*'|["'])+)/g;
    let m: RegExpExecArray | null;
    let cont = false;
    let endsWith: Word | undefined;
    while ((m = re.exec(line))) {
      if (m[3]) {
        cont = true;
        break;
      }
      if (m[4]) {
        endsWith = { text: '\\', start: offset + m.index, end: offset + m.index + 1 };
        break;
      }
      if (m[0].startsWith('#')) break;
      // key="value" stays one word with the quotes removed
      const text = m[5] !== undefined ? m[5].replace(/^([\w.-]+)=["'](.*)["']$/, '$1=$2') : (m[1] ?? m[2] ?? '');
      if (!cur.length && dangling) {
        out.endsBefore.set(cur, dangling);
        dangling = undefined;
      }
      cur.push({ text, start: offset + m.index, end: offset + m.index + m[0].length });
    }
    if (!cont && cur.length) {
      out.push(cur);
      cur = [];
    }
    if (endsWith) dangling = endsWith;
    offset += raw.length + 1;
  }
  if (cur.length) out.push(cur);
  return out;
}

function kv(w: Word): { key: string; value: Located & { nameSpan: Span } } | undefined {
  const i = w.text.indexOf('=');
  if (i <= 0) return undefined;
  const nameSpan = { start: w.start, end: w.start + i };
  const valueStart = w.start + (w.end - w.start - (w.text.length - i - 1)) - (w.end - w.start > w.text.length ? 1 : 0);
  return {
    key: w.text.slice(0, i),
    value: {
      value: w.text.slice(i + 1),
      span: { start: Math.min(valueStart, w.end), end: w.end - (w.end - w.start > w.text.length ? 1 : 0) },
      nameSpan,
    },
  };
}

/**
 * Reads `params a=1 b=2 op monitor interval=30s op start ... meta x=y` after a resource's agent.
 * crm gives each operation its own `op`; pcs lists several after one (`op start timeout=20s
 * monitor interval=10s`), so there a word without `=` starts the next operation.
 */
function resourceTail(r: PmResource, words: Word[], syntax: 'crm' | 'pcs'): void {
  let mode: 'params' | 'op' | 'meta' | 'none' = 'params';
  for (const w of words) {
    if (w.text === 'clone' || w.text === 'promotable') {
      mode = 'meta';
      continue;
    }
    if (w.text === 'params' || w.text === 'meta' || w.text === 'utilization') {
      mode = w.text === 'params' ? 'params' : 'meta';
      continue;
    }
    if (w.text === 'op') {
      mode = 'op';
      r.ops.push({ name: '', span: { start: w.start, end: w.end } });
      continue;
    }
    if (w.text.startsWith('--')) {
      mode = 'none';
      continue;
    }
    if (mode === 'op') {
      let last = r.ops[r.ops.length - 1];
      if (last.name && syntax === 'pcs' && !w.text.includes('=')) {
        last = { name: '', span: { start: w.start, end: w.end } };
        r.ops.push(last);
      }
      if (!last.name) {
        last.name = w.text;
        last.span = { start: last.span.start, end: w.end };
        continue;
      }
      const p = kv(w);
      if (p?.key === 'interval') last.interval = p.value.value;
      last.span = { start: last.span.start, end: w.end };
      continue;
    }
    const p = kv(w);
    if (p && mode === 'params') r.params.set(p.key, p.value);
  }
}

export function parseCrm(text: string): PmModel {
  const m = emptyModel('crm');
  let prev = '';
  // constraints (their id, and the words that name resources), and every id a constraint may name
  const constraints: { id: Word; names: Word[] }[] = [];
  const defined = new Set<string>();
  const all = statements(text);
  for (const st of all) {
    const [cmd, ...rest] = st;
    if (/^(op|params|meta)$/.test(cmd.text) || /^[\w.-]+=/.test(cmd.text)) {
      // crm reads this line as a command of its own: the `\\` that would join it to the line above is missing
      const commented = all.endsBefore?.get(st);
      const why = commented
        ? 'the \\ that ends the line above is followed by a comment, which ends the command there (the \\ must be the last thing on its line)'
        : 'the line above does not end with \\';
      m.problems.push({
        message: `'${cmd.text.replace(/=.*/, '=…')}' starts a line that continues nothing: ${why}, so crm reads this as a new command and rejects it`,
        span: { start: cmd.start, end: cmd.end },
      });
      // Read on as the author meant (part of the primitive or property above), so that the rules do not report what the lost line holds as missing.
      const last = m.resources[m.resources.length - 1];
      if (last && prev === 'primitive') resourceTail(last, st, 'crm');
      if (prev === 'property')
        for (const w of st) {
          const p = kv(w);
          if (p) m.properties.set(p.key, p.value);
        }
      continue;
    }
    prev = cmd.text;
    if (!CRM_COMMANDS.has(cmd.text)) {
      const near = closest(cmd.text, CRM_COMMANDS, 1)[0];
      m.problems.push({
        message: `crm has no command '${cmd.text}'${near ? ` (did you mean ${near}?)` : ''}: it rejects the line`,
        span: { start: cmd.start, end: cmd.end },
      });
      continue;
    }
    crmWordProblems(st, m.problems);
    if (['group', 'clone', 'ms', 'master', 'bundle', 'rsc_template', 'tag'].includes(cmd.text) && rest[0]) defined.add(rest[0].text);
    if (cmd.text === 'property') {
      for (const w of rest) {
        const p = kv(w);
        if (p) m.properties.set(p.key, p.value);
      }
      continue;
    }
    if (cmd.text === 'primitive' && rest.length >= 2) {
      const r: PmResource = {
        id: rest[0].text,
        idSpan: rest[0],
        agent: rest[1].text,
        params: new Map(),
        ops: [],
        span: { start: cmd.start, end: st[st.length - 1].end },
      };
      resourceTail(r, rest.slice(2), 'crm');
      m.resources.push(r);
      continue;
    }
    if ((cmd.text === 'clone' || cmd.text === 'ms') && rest.length >= 2) {
      m.clones.set(rest[0].text, rest[1].text);
      continue;
    }
    if (cmd.text === 'group' && rest.length >= 2) {
      const members = rest.slice(1);
      const end = members.findIndex((w) => w.text === 'meta' || w.text === 'params' || w.text === 'description' || w.text.includes('='));
      m.groups.set(
        rest[0].text,
        (end < 0 ? members : members.slice(0, end)).map((w) => w.text),
      );
      continue;
    }
    if (cmd.text === 'colocation' && rest.length >= 4) {
      m.colocations.push({ a: rest[2].text, b: rest[3].text });
      constraints.push({ id: rest[0], names: rest.slice(2) });
      continue;
    }
    if (cmd.text === 'order' && rest.length >= 4) {
      m.orders.push({ first: rest[2].text, then: rest[3].text });
      constraints.push({ id: rest[0], names: rest.slice(2) });
      continue;
    }
    if (cmd.text === 'location' && rest.length >= 2) {
      constraints.push({ id: rest[0], names: [rest[1]] });
      continue;
    }
  }
  // a constraint that names no resource of a file that defines its resources: crm refuses it (constraint ... references a
  // resource ... which doesn't exist); a file of constraints alone is for resources the cluster already has
  for (const r of m.resources) defined.add(r.id);
  for (const { id, names } of m.resources.length ? constraints : []) {
    for (const w of names) {
      const base = constrained(w.text);
      if (
        !base ||
        /[()[\]{}=/]|^(inf|-?inf|INFINITY|-?\d+|Mandatory|Optional|Serialize|symmetrical|sequential|require-all|role|action)\b/i.test(
          base,
        ) ||
        defined.has(base)
      )
        continue;
      m.problems.push({
        message: `constraint ${id.text} names '${base}', which is no resource of this file: crm refuses it (references a resource which doesn't exist)`,
        span: { start: w.start, end: w.start + base.length },
      });
    }
  }
  for (const r of m.resources) for (const [c, id] of m.clones) if (id === r.id) r.cloneId = c;
  joinGroups(m);
  return m;
}

/** The element commands of `crm configure` (crmsh 4.4) that a configuration file holds. */
const CRM_COMMANDS = new Set([
  'node',
  'primitive',
  'monitor',
  'group',
  'clone',
  'ms',
  'master',
  'bundle',
  'rsc_template',
  'location',
  'colocation',
  'collocation',
  'order',
  'rsc_ticket',
  'property',
  'rsc_defaults',
  'op_defaults',
  'fencing_topology',
  'role',
  'user',
  'acl_target',
  'tag',
  'alert',
  'schema',
  'delete',
  'rename',
  'erase',
  'commit',
  'verify',
]);

/** What crm rejects inside a line: a quote left open, an `op` without the operation's name. */
function crmWordProblems(st: Word[], problems: PmModel['problems']): void {
  st.forEach((w, i) => {
    if ((w.text.match(/"/g) ?? []).length % 2)
      problems.push({
        message: 'a quote is opened here and never closed: crm rejects the whole file (No closing quotation)',
        span: { start: w.start, end: w.end },
      });
    if (w.text === 'op' && st[i + 1] && st[i + 1].text.includes('='))
      problems.push({
        message: `op needs the operation's name first (op monitor ${st[i + 1].text}): crm expects an identifier here`,
        span: { start: w.start, end: st[i + 1].end },
      });
  });
}

/**
 * The commands of a script, and the ones it runs on a node through ssh (`ssh $NODE "sudo pcs ..."`):
 * a double-quoted word that holds a pcs command is read as a script of its own, at its offsets.
 */
function pcsCommands(text: string): ReturnType<typeof shellCommands> {
  const out: ReturnType<typeof shellCommands> = [];
  for (const c of shellCommands(text)) {
    out.push(c);
    for (const w of c.words) {
      const raw = text.slice(w.start, w.end);
      if (!raw.startsWith('"') || !/(^|\s)pcs\s/.test(w.text) || raw.slice(1, -1) !== w.text) continue;
      for (const inner of shellCommands(w.text)) {
        const shift = w.start + 1;
        out.push({
          ...inner,
          words: inner.words.map((x) => ({ ...x, start: x.start + shift, end: x.end + shift })),
          span: { start: inner.span.start + shift, end: inner.span.end + shift },
        });
      }
    }
  }
  return out;
}

export function parsePcs(text: string): PmModel {
  const m = emptyModel('pcs');
  // a pcs script is a shell script: read as the shell splits it (`;`, `&&`, loops), with the firewall checks' reader
  for (const { words: st } of pcsCommands(text)) {
    const i = st.findIndex((w) => w.text === 'pcs');
    if (i < 0) continue;
    // pcs's global options before the command: -f FILE (work on a CIB file), --debug, --force, ...
    const w = st.slice(i + 1);
    while (w.length && w[0].text.startsWith('-')) w.splice(0, /^(-f|--corosync_conf|--request-timeout)$/.test(w[0].text) ? 2 : 1);
    const words = w.map((x) => x.text);
    // `pcs property set --node NODE attr=value` sets a node attribute, not a cluster property
    if (words[0] === 'property' && words[1] === 'set' && !words.includes('--node')) {
      for (const x of w.slice(2)) {
        const p = kv(x);
        if (p) m.properties.set(p.key, p.value);
      }
      continue;
    }
    if ((words[0] === 'resource' || words[0] === 'stonith') && words[1] === 'create' && w.length >= 4) {
      const agent = words[0] === 'stonith' ? `stonith:${words[3]}` : words[3];
      const r: PmResource = {
        id: words[2],
        idSpan: w[2],
        agent,
        params: new Map(),
        ops: [],
        span: { start: st[i].start, end: st[st.length - 1].end },
      };
      resourceTail(r, w.slice(4), 'pcs');
      // pcs gives every resource it creates a monitor operation of its own (the agent's, or every 60 s), even with --no-default-ops
      if (!r.ops.some((o) => o.name === 'monitor')) r.ops.push({ name: 'monitor', span: r.idSpan, implicit: true });
      if (words.includes('--clone') || words.slice(4).includes('clone') || words.slice(4).includes('promotable'))
        r.cloneId = `${r.id}-clone`;
      const g = words.indexOf('--group');
      if (g > 0 && words[g + 1]) m.groups.set(words[g + 1], [...(m.groups.get(words[g + 1]) ?? []), r.id]);
      m.resources.push(r);
      continue;
    }
    // pcs resource group add G a b c [--before x | --after x]
    if (words[0] === 'resource' && words[1] === 'group' && words[2] === 'add' && words[3]) {
      const members = words.slice(4).filter((x, i, all) => !x.startsWith('-') && !/^--(before|after)$/.test(all[i - 1] ?? ''));
      m.groups.set(words[3], [...(m.groups.get(words[3]) ?? []), ...members]);
      continue;
    }
    if (words[0] === 'resource' && words[1] === 'clone' && words[2]) {
      const r = m.resources.find((x) => x.id === words[2]);
      if (r) r.cloneId = `${r.id}-clone`;
      continue;
    }
    if (words[0] === 'constraint' && words[1] === 'colocation' && words[2] === 'add') {
      const rest = words.slice(3).filter((x) => !/^(master|slave|promoted|unpromoted|started)$/i.test(x));
      const withAt = rest.indexOf('with');
      if (withAt > 0 && rest[withAt + 1]) m.colocations.push({ a: rest[withAt - 1], b: rest[withAt + 1] });
      continue;
    }
    if (words[0] === 'constraint' && words[1] === 'order') {
      const rest = words.slice(2).filter((x) => !/^(start|stop|promote|demote)$/.test(x) && !x.includes('='));
      const then = rest.indexOf('then');
      if (then > 0 && rest[then + 1]) m.orders.push({ first: rest[then - 1], then: rest[then + 1] });
      continue;
    }
    if (words[0] === 'cluster' && words[1] === 'setup') {
      const nodes = words.slice(2).filter((x) => !x.startsWith('-') && !/^(addr|transport|totem|quorum)=/.test(x));
      // `pcs cluster setup NAME node1 node2 ...` (pcs 0.10+); older: `--name NAME node1 ...`
      const named = words.includes('--name') ? nodes.filter((x) => x !== words[words.indexOf('--name') + 1]) : nodes.slice(1);
      m.nodes = named.length;
    }
  }
  joinGroups(m);
  return m;
}
