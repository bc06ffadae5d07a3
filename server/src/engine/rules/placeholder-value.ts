/**
 * placeholder-value: an address or interface left as a sample wrote it (`bind <Virtual IP>:443`,
 * `ring0_addr: <NODE1_IP_ADDRESS>`, `bind_address=192.168.1.22X`, `interface INTERFACE_NAME`).
 * One rule over every kind of file that names addresses; each kind's check is below.
 */
import { defineRule, Report } from './rule';
import { placeholderOf } from '../text/placeholder';
import { Span } from '../types';
import { HaRuleContext } from './haproxy/rule';
import { KaRuleContext } from './keepalived/rule';
import { CoroRuleContext } from './corosync/rule';
import { CnfRuleContext } from './galera/rule';
import { PmRuleContext } from './pacemaker/rule';
import { KaBlock } from '../documents/keepalived/parse';
import { CoroBlock } from '../documents/corosync/parse';
import { SERVER_GROUPS } from '../documents/galera/parse';
import { Arg } from '../documents/haproxy/parse';
import { isVip } from '../documents/pacemaker/model';

export const rule = defineRule({
  meta: {
    id: 'placeholder-value',
    severity: 'error',
    fixable: false,
    tools: {
      'haproxy -c': 'refuses',
      'keepalived -t': 'refuses',
      'corosync -t': 'refuses',
      mariadbd: 'refuses',
      crm_verify: 'accepts',
      crmsh: 'accepts',
    },
    title: "An address or interface left as a sample's placeholder",
    why: 'Sample files and guides write `<Virtual IP>`, `<NODE1_IP_ADDRESS>`, `192.168.1.X` or `INTERFACE_NAME` where your value belongs. None of them is an address or an interface, and each daemon refuses the file: HAProxy cannot bind, keepalived finds no such interface, corosync and mariadbd cannot resolve the name, and an IPaddr2 resource fails to start. Only clear placeholders are reported (angle brackets, letters in a dotted address, a capitalised name with underscores that says what it stands for), never a hostname.',
  },
  on: { haproxy, keepalived, corosync, galera, pacemaker },
});

/** Reports `value` when it is a placeholder; `what` names the setting, `daemon` what refuses it. */
function judge(report: (r: Report) => void, value: string, span: Span, what: string, daemon: string, tools?: Report['tools']): boolean {
  const why = placeholderOf(value);
  if (why)
    report({
      span,
      message: `${what} '${value}' is a placeholder left from a sample (${why}), not a real value: ${daemon}`,
      ...(tools ? { tools } : {}),
    });
  return !!why;
}

/** `<Virtual IP>:443` is two words to HAProxy: the address and the words up to the closing `>`. */
function joined(args: Arg[], i: number): { text: string; span: Span; next: number } | undefined {
  const a = args[i];
  if (!a) return undefined;
  let j = i;
  if (a.text.startsWith('<') && !a.text.includes('>')) while (j + 1 < args.length && !args[j].text.includes('>')) j++;
  const parts = args.slice(i, j + 1);
  return { text: parts.map((p) => p.text).join(' '), span: { start: a.span.start, end: parts[parts.length - 1].span.end }, next: j + 1 };
}

function haproxy(ctx: HaRuleContext): void {
  for (const s of ctx.view.file.sections) {
    const header = s.kind === 'listen' || s.kind === 'frontend' ? joined(s.header.args, 1) : undefined;
    if (header) judge(ctx.report, header.text, header.span, `the address of ${s.kind} ${s.name?.text ?? ''}`, 'HAProxy refuses to start');
    for (const st of s.statements) {
      const at = st.keyword.text === 'bind' ? 0 : st.keyword.text === 'server' ? 1 : -1;
      const addr = at >= 0 ? joined(st.args, at) : undefined;
      if (addr)
        judge(
          ctx.report,
          addr.text,
          addr.span,
          `the ${st.keyword.text} address`,
          st.keyword.text === 'bind' ? 'HAProxy cannot bind it and refuses to start' : 'HAProxy cannot resolve it and refuses to start',
        );
    }
  }
}

/** Statements of keepalived whose words after the keyword are addresses or interfaces. */
const KA_SINGLE: Record<string, string> = {
  interface: 'interface',
  unicast_src_ip: 'unicast_src_ip',
  mcast_src_ip: 'mcast_src_ip',
  lvs_sync_daemon_interface: 'interface',
};
const KA_LISTS = new Set(['virtual_ipaddress', 'virtual_ipaddress_excluded', 'unicast_peer', 'track_interface', 'virtual_routes']);

function keepalived(ctx: KaRuleContext): void {
  const daemon = (what: string) =>
    what === 'interface' ? 'keepalived finds no such interface and the instance does not start' : 'keepalived refuses the address';
  // keepalived substitutes $NAME only when the file defines it ($NAME=value); otherwise it is a template's variable, left unfilled
  const defined = new Set([...ctx.text.matchAll(/^[^\S\r\n\u2028\u2029]*\$(\w+)\s*=/gm)].map((m) => m[1]));
  const walk = (b: KaBlock) => {
    for (const st of b.statements) {
      // in the statements that name interfaces and addresses
      const inList = KA_LISTS.has(b.header[0]?.text ?? '');
      for (const [i, w] of st.words.entries()) {
        const v = /^\$\{?(\w+)\}?/.exec(w.text);
        const what = inList
          ? i > 0 && st.words[i - 1].text === 'dev'
            ? 'dev'
            : `${b.header[0].text} entry`
          : i === 1 && KA_SINGLE[st.words[0].text]
            ? st.words[0].text
            : undefined;
        if (v && what && !defined.has(v[1]))
          ctx.report({
            span: w.span,
            message: `${what} '${w.text}' uses $${v[1]}, which this file never defines ($${v[1]}=value): keepalived takes it as it is, and ${daemon(what === 'interface' || what === 'dev' ? 'interface' : 'address')}`,
          });
      }
      const kw = st.words[0].text;
      const single = KA_SINGLE[kw];
      if (single && st.words[1]) judge(ctx.report, st.words[1].text, st.words[1].span, kw, daemon(single));
      if (KA_LISTS.has(b.header[0]?.text ?? '')) {
        // `10.0.0.11/24 dev eth0 label eth0:vip`: the address, and the interface after dev
        judge(
          ctx.report,
          st.words[0].text,
          st.words[0].span,
          `${b.header[0].text} entry`,
          daemon(b.header[0].text === 'track_interface' ? 'interface' : 'address'),
        );
        const dev = st.words.findIndex((w) => w.text === 'dev');
        if (dev > 0 && st.words[dev + 1]) judge(ctx.report, st.words[dev + 1].text, st.words[dev + 1].span, 'dev', daemon('interface'));
      }
    }
    for (const c of b.blocks) walk(c);
  };
  walk(ctx.file.root);
}

/** corosync keys that hold an address or a name to resolve. */
const CORO_KEYS = /^(ring\d+_addr|bindnetaddr|mcastaddr|memberaddr|broadcast_addr|name|host)$/;

function corosync(ctx: CoroRuleContext): void {
  const walk = (b: CoroBlock) => {
    for (const e of b.entries)
      if (CORO_KEYS.test(e.key) && (e.key !== 'name' || b.name === 'node'))
        judge(ctx.report, e.value, e.valueSpan, e.key, 'corosync cannot resolve it and refuses to start');
    for (const c of b.blocks) walk(c);
  };
  walk(ctx.file.root);
}

/** MariaDB options that hold addresses (wsrep_cluster_address holds a gcomm:// list of them). */
const CNF_KEYS = new Set([
  'bind_address',
  'wsrep_node_address',
  'wsrep_node_incoming_address',
  'wsrep_sst_receive_address',
  'report_host',
  'wsrep_cluster_address',
]);

function galera(ctx: CnfRuleContext): void {
  for (const g of ctx.file.groups) {
    if (!SERVER_GROUPS.test(g.name)) continue;
    for (const e of g.entries) {
      if (!CNF_KEYS.has(e.name) || !e.value) continue;
      const daemon = 'mariadbd cannot resolve it and the node does not start';
      // mariadbd's own check resolves bind-address; the wsrep addresses only when the node starts
      const atStart = e.name.startsWith('wsrep_') ? { mariadbd: 'accepts' as const } : undefined;
      if (e.name !== 'wsrep_cluster_address') {
        judge(ctx.report, e.value, e.valueSpan, e.key, daemon, atStart);
        continue;
      }
      // gcomm://a,b,c?opts: each member, at its place in the text as written (quotes included)
      const raw = ctx.text.slice(e.valueSpan.start, e.valueSpan.end);
      const m = /gcomm:\/\/([^?"']*)/.exec(raw);
      if (!m) continue;
      let at = e.valueSpan.start + m.index + 'gcomm://'.length;
      for (const member of m[1].split(',')) {
        if (member.trim()) judge(ctx.report, member.trim(), { start: at, end: at + member.length }, `${e.key} member`, daemon, atStart);
        at += member.length + 1;
      }
    }
  }
}

function pacemaker(ctx: PmRuleContext): void {
  for (const r of ctx.model.resources) {
    if (!isVip(r)) continue;
    for (const key of ['ip', 'nic']) {
      const p = r.params.get(key);
      if (p) judge(ctx.report, p.value, p.span, `${r.id}'s ${key}`, 'IPaddr2 cannot use it and the VIP does not start');
    }
  }
}
