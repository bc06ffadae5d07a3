/** Hover and outline for haproxy.cfg. */
import { HaView } from '../documents/haproxy/view';
import { Finding, Span } from '../types';
import { DocLink, findingsMarkdown, HoverResult, serviceMarkdown } from './hover';
import { SymbolNode } from './navigation';

export function haHover(view: HaView, findings: Finding[], offset: number, docLink: DocLink): HoverResult | undefined {
  const parts: string[] = [];
  let span: Span | undefined;
  const s = view.file.sections.find((x) => x.header.span.start <= offset && offset <= x.header.span.end);
  if (s) {
    span = s.header.span;
    const svc = view.service(s);
    const servers = view.servers(s);
    parts.push(`**${s.kind} ${s.name?.text ?? ''}**${servers.length ? `: ${servers.length} server${servers.length === 1 ? '' : 's'} (${servers.map((x) => x.name).join(', ')})` : ''}`);
    if (svc) parts.push(serviceMarkdown(svc.name, svc));
  }
  const f = findingsMarkdown(findings, offset, docLink);
  if (f) { parts.push(f); span = span ?? findings.find((x) => x.span.start <= offset && offset <= x.span.end)?.span; }
  return parts.length && span ? { markdown: parts.join('\n\n---\n\n'), span } : undefined;
}

export function haSymbols(view: HaView): SymbolNode[] {
  return view.file.sections.map((s) => ({
    name: `${s.kind}${s.name ? ` ${s.name.text}` : ''}`, detail: view.service(s)?.name ?? '', kind: 'section' as const,
    span: { start: s.header.span.start, end: s.end }, selection: s.header.span,
    children: view.servers(s).map((x) => ({ name: x.name, detail: `${x.host ?? ''}${x.port ? `:${x.port}` : ''}`, kind: 'option' as const, span: x.statement.span, selection: x.statement.args[0].span, children: [] })),
  }));
}
