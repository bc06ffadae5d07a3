/** Hover and outline for corosync.conf. */
import { typedLineStart } from '../text/line-breaks';
import { CoroBlock, CoroFile } from '../documents/corosync/parse';
import { Finding } from '../types';
import { DocLink, HoverResult, topicMarkdown, withFindings } from './hover';
import { SymbolNode } from './navigation';
import { CompletionItem, CompletionResult } from './completion';
import { openBlocks } from './open-blocks';
import { maskedValueOf } from '../text/secrets';

const TOPIC: Record<string, string> = {
  totem: 'corosync',
  token: 'corosync-token',
  token_retransmits_before_loss_const: 'corosync-token',
  quorum: 'votequorum',
  two_node: 'two-node-cluster',
  wait_for_all: 'two-node-cluster',
  nodelist: 'odd-cluster-size',
  secauth: 'corosync',
};

export function coroHover(file: CoroFile, findings: Finding[], offset: number, docLink: DocLink): HoverResult | undefined {
  const parts: string[] = [];
  let span: { start: number; end: number } | undefined;
  const visit = (b: CoroBlock): void => {
    if (b.name && b.nameSpan.start <= offset && offset <= b.nameSpan.end && TOPIC[b.name]) {
      parts.push(topicMarkdown(TOPIC[b.name]));
      span = b.nameSpan;
    }
    for (const e of b.entries)
      if (e.keySpan.start <= offset && offset <= e.keySpan.end && TOPIC[e.key]) {
        parts.push(topicMarkdown(TOPIC[e.key]));
        span = e.keySpan;
      }
    b.blocks.forEach(visit);
  };
  visit(file.root);
  return withFindings(parts, span, findings, offset, docLink);
}

export function coroSymbols(file: CoroFile): SymbolNode[] {
  const conv = (b: CoroBlock): SymbolNode => ({
    name: b.name,
    detail: b.entries.find((e) => e.key === 'ring0_addr')?.value ?? '',
    kind: 'section',
    span: b.span,
    selection: b.nameSpan,
    children: [
      ...b.blocks.map(conv),
      ...b.entries.map((e) => ({
        name: e.key,
        detail: maskedValueOf(e.key, e.value),
        kind: 'option' as const,
        span: e.span,
        selection: e.keySpan,
        children: [],
      })),
    ],
  });
  return file.root.blocks.map(conv);
}

/** Keys by the block they belong in (corosync 3, with the corosync 2 keys the guide still uses). */
const KEYS: Record<string, string[]> = {
  '': ['totem', 'nodelist', 'quorum', 'logging', 'system'],
  totem: [
    'version',
    'cluster_name',
    'transport',
    'token',
    'token_retransmits_before_loss_const',
    'join',
    'consensus',
    'crypto_cipher',
    'crypto_hash',
    'secauth',
    'rrp_mode',
    'link_mode',
    'ip_version',
    'interface',
  ],
  interface: ['ringnumber', 'linknumber', 'bindnetaddr', 'mcastaddr', 'mcastport', 'ttl', 'broadcast'],
  nodelist: ['node'],
  node: ['ring0_addr', 'ring1_addr', 'nodeid', 'name'],
  quorum: [
    'provider',
    'expected_votes',
    'two_node',
    'wait_for_all',
    'last_man_standing',
    'last_man_standing_window',
    'auto_tie_breaker',
    'device',
  ],
  logging: ['to_logfile', 'logfile', 'to_syslog', 'timestamp', 'debug', 'fileline'],
};
const BLOCKS = new Set(['totem', 'nodelist', 'quorum', 'logging', 'system', 'interface', 'node', 'device']);
const VALUES: Record<string, string[]> = {
  transport: ['knet', 'udpu', 'udp'],
  provider: ['corosync_votequorum'],
  secauth: ['on', 'off'],
  rrp_mode: ['passive', 'active', 'none'],
  link_mode: ['passive', 'active', 'rr'],
  crypto_cipher: ['aes256', 'aes192', 'aes128', 'none'],
  crypto_hash: ['sha256', 'sha384', 'sha512', 'sha1', 'md5', 'none'],
  two_node: ['1', '0'],
  wait_for_all: ['1', '0'],
  last_man_standing: ['0', '1'],
  auto_tie_breaker: ['0', '1'],
  to_syslog: ['yes', 'no'],
  to_logfile: ['yes', 'no'],
  timestamp: ['on', 'off'],
  debug: ['off', 'on'],
};

export function coroComplete(text: string, offset: number): CompletionResult | undefined {
  const lineStart = typedLineStart(text, offset);
  const prefix = text.slice(lineStart, offset);
  const open = openBlocks(text, lineStart, /#.*$/);
  const key = /^\s*(\w*)$/.exec(prefix);
  if (key) {
    const items = (KEYS[open[open.length - 1] ?? ''] ?? []).map((k): CompletionItem => ({
      label: k,
      kind: 'property',
      insertText: BLOCKS.has(k) ? `${k} {` : `${k}: `,
    }));
    return items.length ? { items, replaceStart: offset - key[1].length, replaceEnd: offset } : undefined;
  }
  const value = /^\s*(\w+)\s*:\s*(\w*)$/.exec(prefix);
  if (!value || !VALUES[value[1]]) return undefined;
  return {
    items: VALUES[value[1]].map((v, i) => ({ label: v, kind: 'value', insertText: v, preselect: i === 0 })),
    replaceStart: offset - value[2].length,
    replaceEnd: offset,
  };
}
