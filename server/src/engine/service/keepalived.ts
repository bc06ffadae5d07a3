/** Hover and outline for keepalived.conf. */
import { typedLineStart } from '../text/line-breaks';
import { maskedValueOf, maskSecretsInLine, shownValue } from '../text/secrets';
import { KaBlock, KaFile } from '../documents/keepalived/parse';
import { Finding } from '../types';
import { DocLink, HoverResult, topicMarkdown, withFindings } from './hover';
import { SymbolNode } from './navigation';
import { CompletionItem, CompletionResult } from './completion';
import { openBlocks } from './open-blocks';

const TOPIC: Record<string, string> = {
  vrrp_instance: 'keepalived',
  virtual_ipaddress: 'vip',
  track_script: 'keepalived',
  vrrp_script: 'keepalived',
  virtual_router_id: 'keepalived',
  priority: 'keepalived',
};

export function kaHover(file: KaFile, findings: Finding[], offset: number, docLink: DocLink): HoverResult | undefined {
  const parts: string[] = [];
  let span: { start: number; end: number } | undefined;
  const visit = (b: KaBlock): void => {
    const head = b.header[0];
    if (head && head.span.start <= offset && offset <= head.span.end && TOPIC[head.text]) {
      parts.push(topicMarkdown(TOPIC[head.text]));
      span = head.span;
    }
    for (const s of b.statements) {
      const k = s.words[0];
      if (k && k.span.start <= offset && offset <= k.span.end && TOPIC[k.text]) {
        parts.push(topicMarkdown(TOPIC[k.text]));
        span = k.span;
      }
    }
    b.blocks.forEach(visit);
  };
  visit(file.root);
  return withFindings(parts, span, findings, offset, docLink);
}

export function kaSymbols(file: KaFile): SymbolNode[] {
  const conv = (b: KaBlock): SymbolNode => ({
    name: maskSecretsInLine(b.header.map((w) => w.text).join(' ')),
    detail: '',
    kind: 'section',
    span: b.span,
    selection: b.header[0]?.span ?? b.span,
    children: [
      ...b.blocks.map(conv),
      ...b.statements
        .filter((s) => s.words.length)
        .map((s) => ({
          name: s.words[0].text,
          // a one-line block (`authentication { auth_type PASS auth_pass x }`) is one statement: its rest is masked too
          detail: maskedValueOf(
            s.words[0].text,
            shownValue(
              'keepalived',
              s.words[0].text,
              s.words
                .slice(1)
                .map((w) => w.text)
                .join(' '),
            ),
          ),
          kind: 'option' as const,
          span: s.span,
          selection: s.words[0].span,
          children: [],
        })),
    ],
  });
  return file.root.blocks.map(conv);
}

/** Keywords by the block they belong in (keepalived 2.2's configuration), with a word on each. */
const KEYWORDS: Record<string, [string, string][]> = {
  '': [
    ['global_defs', 'settings for the whole daemon'],
    ['vrrp_script', 'a health check instances can track'],
    ['vrrp_instance', 'a VRRP group member that moves VIPs'],
    ['vrrp_sync_group', 'instances that fail over together'],
  ],
  global_defs: [
    ['router_id', "this node's name in logs and notifications"],
    ['enable_script_security', 'refuse scripts writable by other users'],
    ['script_user', 'user the check scripts run as'],
  ],
  vrrp_script: [
    ['script', 'the command; exit 0 means healthy'],
    ['interval', 'seconds between runs'],
    ['weight', 'priority change while failing'],
    ['fall', 'failures before the check counts as down'],
    ['rise', 'successes before it counts as up'],
    ['timeout', 'seconds before a run counts as failed'],
  ],
  vrrp_instance: [
    ['state', 'MASTER or BACKUP at start'],
    ['interface', 'where VRRP adverts are sent'],
    ['virtual_router_id', '1-255, the same on every node of the group'],
    ['priority', '1-255, different on each node'],
    ['advert_int', 'seconds between adverts'],
    ['authentication', 'auth_type and auth_pass'],
    ['virtual_ipaddress', 'the VIPs this group moves'],
    ['track_script', 'the checks that make this node give up the VIP'],
    ['nopreempt', 'a recovered node does not take the VIP back'],
    ['unicast_src_ip', 'source address for unicast adverts'],
    ['unicast_peer', 'the other nodes, for unicast VRRP'],
  ],
  authentication: [
    ['auth_type', 'PASS or AH'],
    ['auth_pass', 'shared secret, at most 8 characters'],
  ],
};
const VALUES: Record<string, string[]> = { state: ['BACKUP', 'MASTER'], auth_type: ['PASS', 'AH'] };

export function kaComplete(file: KaFile, text: string, offset: number): CompletionResult | undefined {
  const lineStart = typedLineStart(text, offset);
  const prefix = text.slice(lineStart, offset);
  const open = openBlocks(text, lineStart, /[#!].*$/);
  const kind = open[open.length - 1] ?? '';
  const block = findBlock(file.root, kind, lineStart);
  const key = /^\s*(\w*)$/.exec(prefix);
  if (key) {
    const present = new Set(block ? [...block.statements.map((s) => s.words[0]?.text), ...block.blocks.map((b) => b.header[0]?.text)] : []);
    const items = (KEYWORDS[kind] ?? [])
      .filter(([k]) => !present.has(k) || kind === '')
      .map(([k, why]): CompletionItem => ({ label: k, kind: 'property', detail: why, insertText: k }));
    return items.length ? { items, replaceStart: offset - key[1].length, replaceEnd: offset } : undefined;
  }
  const value = /^\s*(\w+)\s+(\w*)$/.exec(prefix);
  if (!value || !VALUES[value[1]]) return undefined;
  return {
    items: VALUES[value[1]].map((v) => ({ label: v, kind: 'value', insertText: v })),
    replaceStart: offset - value[2].length,
    replaceEnd: offset,
  };
}

/** The last block named `kind` that starts before `offset` (the one the cursor is in), for what it already sets. */
function findBlock(root: KaBlock, kind: string, offset: number): KaBlock | undefined {
  if (!kind) return undefined;
  let found: KaBlock | undefined;
  const visit = (b: KaBlock) => {
    for (const c of b.blocks) {
      if (c.span.start < offset && c.header[0]?.text === kind) found = c;
      visit(c);
    }
  };
  visit(root);
  return found;
}
