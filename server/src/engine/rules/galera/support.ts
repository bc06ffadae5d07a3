import { CnfRuleContext } from './rule';
import { SERVER_GROUPS } from '../../documents/galera/parse';
import { Span, TextEdit } from '../../types';

/** Galera is in use: the file sets wsrep options (wsrep_on, wsrep_provider, wsrep_cluster_address ...). */
export function usesGalera(ctx: CnfRuleContext): boolean {
  const on = ctx.options.get('wsrep_on')?.value;
  if (on !== undefined && /^(0|off|false)$/i.test(on)) return false;
  return [...ctx.options.keys()].some((k) => k.startsWith('wsrep_'));
}

/** The file itself switches wsrep on: mariadbd's check of the file alone then runs the Galera checks (a conf.d fragment leaves that to the command line or another file). */
export function wsrepOnHere(ctx: CnfRuleContext): boolean {
  return /^(1|on|true)$/i.test(ctx.options.get('wsrep_on')?.value ?? '');
}

/** `key=value` set in the file: the value replaced, or a line added to the group that holds the wsrep options. */
export function setOption(ctx: CnfRuleContext, key: string, value: string): TextEdit {
  const e = ctx.options.get(key);
  if (e)
    return e.value !== undefined
      ? { start: e.valueSpan.start, end: e.valueSpan.end, newText: value }
      : { start: e.keySpan.end, end: e.keySpan.end, newText: `=${value}` };
  const g =
    ctx.file.groups.filter((x) => SERVER_GROUPS.test(x.name) && x.entries.some((en) => en.name.startsWith('wsrep_'))).pop() ??
    ctx.file.groups.filter((x) => SERVER_GROUPS.test(x.name)).pop();
  if (g) return { start: g.end, end: g.end, newText: `\n${key}=${value}` };
  return {
    start: ctx.text.length,
    end: ctx.text.length,
    newText: `${ctx.text.endsWith('\n') || !ctx.text ? '' : '\n'}[mysqld]\n${key}=${value}\n`,
  };
}

/** Where to point when an option is missing: the header of the group with the wsrep options. */
export function anchor(ctx: CnfRuleContext): Span {
  const g =
    ctx.file.groups.find((x) => SERVER_GROUPS.test(x.name) && x.entries.some((e) => e.name.startsWith('wsrep_'))) ?? ctx.file.groups[0];
  return g ? g.headerSpan : { start: 0, end: 0 };
}

/** `gcomm://a,b:4567,c` -> [a, b, c] */
export function gcommHosts(v: string): string[] | undefined {
  const m = /^gcomm:\/\/(.*?)(\?.*)?$/.exec(v.trim());
  return m
    ? m[1]
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean)
        .map((h) => (h.startsWith('[') ? h.replace(/^\[([^\]]+)\].*$/, '$1') : h.replace(/:\d+$/, '')))
    : undefined;
}
