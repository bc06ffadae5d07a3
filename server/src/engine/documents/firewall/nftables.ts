/**
 * nftables rulesets (/etc/nftables.conf, *.nft): the input chains' policy, their catch-all drop,
 * and the rules that accept a port (`tcp dport { 3306, 4567-4568 } accept`, `ip saddr ... th dport`).
 * `define NAME = value` is expanded; named sets (`@ports`) are ports we cannot read.
 */
import { emptyFirewall, FwModel, FwOpening, portList } from './model';
import { editDistance } from '../../text/suggest';
import { forEachLine } from '../../text/lines';

interface Chain {
  hook?: string;
  policySpan?: { start: number; end: number };
  catchAll?: { start: number; end: number };
  depth: number;
}

export function parseNftables(text: string): FwModel {
  const model = emptyFirewall('nftables');
  const defines = new Map<string, string>();
  const stack: (Chain | null)[] = [];
  const opens: { start: number; end: number }[] = [];
  const chains: Chain[] = []; // the stack's chains alone: the innermost is read per line, in O(1) however deep the braces
  forEachLine(text, (line, lineStart) => {
    const code = line.replace(/(^|\s)#.*$/, '');
    const start = lineStart + (code.length - code.trimStart().length);
    const trimmed = code.trim();
    if (!trimmed) return;
    const def = /^define\s+(\w+)\s*=\s*(.+)$/.exec(trimmed);
    if (def) {
      defines.set(def[1], def[2].trim());
      return;
    }
    const chain = chains[chains.length - 1] as Chain | undefined;
    const span = { start, end: start + trimmed.length };
    // statements of this line: `type filter hook input priority 0; policy drop;` holds two
    for (const stmt of trimmed
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean)) {
      if (/^chain\s+\S+\s*\{$/.test(stmt)) {
        const c: Chain = { depth: stack.length };
        stack.push(c);
        chains.push(c);
        opens.push(span);
        continue;
      }
      if (/\{$/.test(stmt) && !/dport|saddr|sport|daddr|l4proto/.test(stmt)) {
        stack.push(null);
        opens.push(span);
        continue;
      }
      if (stmt === '}') {
        if (!stack.length) {
          model.problems.push({ message: 'this } closes nothing: nft rejects the file (syntax error)', span });
          continue;
        }
        const c = stack.pop();
        if (c) chains.pop();
        opens.pop();
        if (c) closeChain(c, model);
        continue;
      }
      problemsOf(stmt, span, defines, model);
      if (!chain) continue;
      const hook = /\bhook\s+(\w+)/.exec(stmt);
      if (hook) chain.hook = hook[1];
      const policy = /^policy\s+(\w+)/.exec(stmt);
      if (policy) {
        if (policy[1] === 'drop') chain.policySpan = span;
        else if (policy[1] !== 'accept')
          model.problems.push({ message: `policy ${policy[1]} is neither accept nor drop: nft rejects the file (syntax error)`, span });
        continue;
      }
      if (hook) continue;
      rule(stmt, span, chain, defines, model, text);
    }
  });
  const families = [...text.matchAll(/^[^\S\r\n\u2028\u2029]*table\s+(inet|ip6?|arp|bridge|netdev)\s/gm)]
    .map((m) => m[1])
    .filter((f) => f === 'ip' || f === 'ip6' || f === 'inet');
  if (families.length && families.every((f) => f === 'ip6')) model.family = 'ipv6';
  else if (families.length && families.every((f) => f === 'ip')) model.family = 'ipv4';
  for (const o of opens) model.problems.push({ message: 'this { is never closed: nft rejects the file (unexpected end of file)', span: o });
  return model;
}

/** What nft -c rejects in a statement: a misspelt port field, a set left open, a port out of range, an undefined $variable. */
function problemsOf(stmt: string, span: { start: number; end: number }, defines: Map<string, string>, model: FwModel): void {
  const field = /\b(tcp|udp|th)\s+([a-z]+)\b/.exec(stmt);
  if (
    field &&
    !['dport', 'sport', 'flags', 'sequence', 'window', 'checksum', 'length', 'doff', 'urgptr', 'ackseq', 'option'].includes(field[2])
  ) {
    model.problems.push({
      message: `${field[1]} has no field '${field[2]}'${editDistance(field[2], 'dport', 1) <= 1 ? ' (did you mean dport?)' : editDistance(field[2], 'sport', 1) <= 1 ? ' (did you mean sport?)' : ''}: nft rejects the file (syntax error)`,
      span,
    });
  }
  const opened = (stmt.match(/\{/g) ?? []).length,
    closed = (stmt.match(/\}/g) ?? []).length;
  if (opened > closed && !/\{$/.test(stmt))
    model.problems.push({ message: 'a set { ... } is not closed on its line: nft rejects the file (syntax error)', span });
  for (const v of stmt.matchAll(/\$(\w+)/g))
    if (!defines.has(v[1]))
      model.problems.push({ message: `$${v[1]} is not defined (define ${v[1]} = ...): nft rejects the file (unknown identifier)`, span });
  for (const p of expand(stmt, defines).matchAll(/\bdport\s+(\{[^}]*\}|[\d-]+)/g)) {
    for (const n of p[1].match(/\d+/g) ?? [])
      if (Number(n) > 65535)
        model.problems.push({ message: `${n} is not a port (0-65535): nft rejects the file (service out of range)`, span });
  }
}

function closeChain(c: Chain, model: FwModel): void {
  if (c.hook !== 'input') return;
  const at = c.policySpan ?? c.catchAll;
  if (at) {
    model.closed = true;
    model.closedBy ??= { span: at, what: c.policySpan ? "the input chain's policy drop" : "the input chain's catch-all drop" };
  }
}

const expand = (v: string, defines: Map<string, string>) => v.replace(/\$(\w+)/g, (all, n) => defines.get(n) ?? all);

function rule(
  stmt: string,
  span: { start: number; end: number },
  chain: Chain,
  defines: Map<string, string>,
  model: FwModel,
  text: string,
): void {
  if (chain.hook && chain.hook !== 'input') return;
  const s = expand(stmt, defines);
  const verdict = /\b(accept|drop|reject)\b(?:\s+with\s+.*)?$/.exec(s)?.[1];
  const matches = s.replace(/\b(counter|log(\s+prefix\s+"[^"]*")?|accept|drop|reject(\s+with\s+.*)?)\b/g, '').trim();
  if ((verdict === 'drop' || verdict === 'reject') && !matches) {
    chain.catchAll ??= span;
    return;
  }
  if (verdict !== 'accept' || /\biif(name)?\s+"?lo"?(\s|$)/.test(s) || /\b(icmp|icmpv6|ip6?\s+protocol\s+icmp)/.test(s)) return;
  if (/\bct\s+state\s+/.test(s) && !/\bct\s+state\s+(\{[^}]*\bnew\b[^}]*\}|new)\b/.test(s)) return; // established/related only
  const SET = '(\\{[^}]*\\}|\\S+)';
  const dport = new RegExp(`\\b(tcp|udp|th)\\s+dport\\s+${SET}`).exec(s);
  const l4 = /\bmeta\s+l4proto\s+(\{[^}]*\}|\w+)/.exec(s)?.[1];
  const saddr = new RegExp(`\\bip6?\\s+saddr\\s+${SET}`).exec(s)?.[1];
  const proto = dport ? (dport[1] === 'th' ? (l4 === 'tcp' || l4 === 'udp' ? l4 : 'any') : (dport[1] as 'tcp' | 'udp')) : 'any';
  const list = (v: string) =>
    v
      .replace(/^\{|\}$/g, '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const ports = dport ? (dport[2].startsWith('@') || dport[2].startsWith('$') ? undefined : portList(list(dport[2]).join(','))) : [];
  const sources = saddr && !saddr.startsWith('@') && !saddr.startsWith('$') ? list(saddr) : saddr ? ['?'] : [];
  const opening: FwOpening = { proto, ports, sources, span, shadowedBy: chain.catchAll };
  // a copy replaces the port expression as written (defines stay as they are only when they are not the port)
  const written = new RegExp(`\\b(tcp|udp|th)(\\s+dport\\s+)${SET}`).exec(stmt);
  if (written && proto !== 'any' && dport![1] !== 'th') {
    const line = text.slice(span.start, span.end);
    opening.clone = (port, p) => line.replace(written[0], `${p}${written[2]}${port}`);
  }
  model.opens.push(opening);
}
