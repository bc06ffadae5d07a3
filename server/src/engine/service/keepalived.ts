/** Hover and outline for keepalived.conf. */
import { KaBlock, KaFile } from '../documents/keepalived/parse';
import { Finding } from '../types';
import { DocLink, HoverResult, topicMarkdown, withFindings } from './hover';
import { SymbolNode } from './navigation';

const TOPIC: Record<string, string> = { vrrp_instance: 'keepalived', virtual_ipaddress: 'vip', track_script: 'keepalived', vrrp_script: 'keepalived', virtual_router_id: 'keepalived', priority: 'keepalived' };

export function kaHover(file: KaFile, findings: Finding[], offset: number, docLink: DocLink): HoverResult | undefined {
  const parts: string[] = [];
  let span: { start: number; end: number } | undefined;
  const visit = (b: KaBlock): void => {
    const head = b.header[0];
    if (head && head.span.start <= offset && offset <= head.span.end && TOPIC[head.text]) { parts.push(topicMarkdown(TOPIC[head.text])); span = head.span; }
    for (const s of b.statements) {
      const k = s.words[0];
      if (k && k.span.start <= offset && offset <= k.span.end && TOPIC[k.text]) { parts.push(topicMarkdown(TOPIC[k.text])); span = k.span; }
    }
    b.blocks.forEach(visit);
  };
  visit(file.root);
  return withFindings(parts, span, findings, offset, docLink);
}

export function kaSymbols(file: KaFile): SymbolNode[] {
  const conv = (b: KaBlock): SymbolNode => ({
    name: b.header.map((w) => w.text).join(' '), detail: '', kind: 'section', span: b.span, selection: b.header[0]?.span ?? b.span,
    children: [...b.blocks.map(conv), ...b.statements.filter((s) => s.words.length).map((s) => ({ name: s.words[0].text, detail: /pass(word)?$|secret/i.test(s.words[0].text) ? '***' : s.words.slice(1).map((w) => w.text).join(' '), kind: 'option' as const, span: s.span, selection: s.words[0].span, children: [] }))],
  });
  return file.root.blocks.map(conv);
}
