/** Hover and outline for corosync.conf. */
import { CoroBlock, CoroFile } from '../documents/corosync/parse';
import { Finding } from '../types';
import { DocLink, HoverResult, topicMarkdown, withFindings } from './hover';
import { SymbolNode } from './navigation';

const TOPIC: Record<string, string> = { totem: 'corosync', token: 'corosync-token', token_retransmits_before_loss_const: 'corosync-token', quorum: 'votequorum', two_node: 'two-node-cluster', wait_for_all: 'two-node-cluster', nodelist: 'odd-cluster-size', secauth: 'corosync' };

export function coroHover(file: CoroFile, findings: Finding[], offset: number, docLink: DocLink): HoverResult | undefined {
  const parts: string[] = [];
  let span: { start: number; end: number } | undefined;
  const visit = (b: CoroBlock): void => {
    if (b.name && b.nameSpan.start <= offset && offset <= b.nameSpan.end && TOPIC[b.name]) { parts.push(topicMarkdown(TOPIC[b.name])); span = b.nameSpan; }
    for (const e of b.entries) if (e.keySpan.start <= offset && offset <= e.keySpan.end && TOPIC[e.key]) { parts.push(topicMarkdown(TOPIC[e.key])); span = e.keySpan; }
    b.blocks.forEach(visit);
  };
  visit(file.root);
  return withFindings(parts, span, findings, offset, docLink);
}

export function coroSymbols(file: CoroFile): SymbolNode[] {
  const conv = (b: CoroBlock): SymbolNode => ({
    name: b.name, detail: b.entries.find((e) => e.key === 'ring0_addr')?.value ?? '', kind: 'section', span: b.span, selection: b.nameSpan,
    children: [...b.blocks.map(conv), ...b.entries.map((e) => ({ name: e.key, detail: e.value, kind: 'option' as const, span: e.span, selection: e.keySpan, children: [] }))],
  });
  return file.root.blocks.map(conv);
}
