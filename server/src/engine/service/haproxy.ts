/** Hover and outline for haproxy.cfg. */
import { typedLineStart } from '../text/line-breaks';
import { HaView } from '../documents/haproxy/view';
import { Finding, Span } from '../types';
import { DocLink, HoverResult, serviceMarkdown, withFindings } from './hover';
import { SymbolNode } from './navigation';
import { CompletionItem, CompletionResult } from './completion';
import { SERVER_OPTIONS, GLOBAL_KEYWORDS, HAPROXY_VERSION, PROXY_KEYWORDS as PROXY } from '../knowledge/haproxy/keywords';
const DOCS = 'https://docs.haproxy.org/2.6/configuration.html';

/** Keywords HAProxy takes in the section around the cursor, at the start of a line. */
export function haComplete(view: HaView, text: string, offset: number): CompletionResult | undefined {
  // not lastIndexOf('\n', offset - 1): at offset 0 that finds a \n at 0, a line start after the cursor
  const lineStart = typedLineStart(text, offset);
  const prefix = text.slice(lineStart, offset);
  // the options of a server line (after its address) or a default-server line
  const opt = /^\s*(?:server\s+\S+\s+\S+|default-server)(?:\s+\S+)*\s+([\w-]*)$/.exec(prefix);
  if (opt) {
    const words = prefix.trim().split(/\s+/);
    const previous = words[words.length - (opt[1] ? 2 : 1)];
    if (SERVER_OPTIONS[previous]) return undefined; // the value of `inter`, `port`, ...
    return {
      items: Object.entries(SERVER_OPTIONS).map(([k, takesValue]) => ({
        label: k,
        kind: 'property',
        insertText: takesValue ? `${k} ` : k,
        detail: 'server option',
      })),
      replaceStart: offset - opt[1].length,
      replaceEnd: offset,
    };
  }
  const m = /^(\s*)([\w.-]*(?: [\w.-]*)?)$/.exec(prefix);
  if (!m) return undefined;
  const section = [...view.file.sections].reverse().find((s) => s.header.span.start < lineStart);
  const items: CompletionItem[] = [];
  if (!section || section.kind === 'global') {
    for (const k of GLOBAL_KEYWORDS) items.push({ label: k, kind: 'property', insertText: k, detail: 'global' });
  } else if (section.kind === 'defaults' || section.kind === 'frontend' || section.kind === 'listen' || section.kind === 'backend') {
    for (const [k, w] of Object.entries(PROXY))
      if (w[section.kind])
        items.push({
          label: k,
          kind: 'property',
          insertText: k,
          detail: Object.entries(w)
            .filter(([, v]) => v === true)
            .map(([x]) => x)
            .join(', '),
        });
  }
  return { items, replaceStart: lineStart + m[1].length, replaceEnd: offset };
}

/** Where a keyword may be used, and the manual's section for it. */
export function keywordMarkdown(keyword: string): string | undefined {
  const w = PROXY[keyword];
  if (w)
    return `**${keyword}**: allowed in ${
      Object.entries(w)
        .filter(([, v]) => v === true)
        .map(([x]) => x)
        .join(', ') || 'no proxy section'
    }. [HAProxy ${HAPROXY_VERSION} manual](${DOCS})`;
  if (GLOBAL_KEYWORDS.includes(keyword)) return `**${keyword}**: a global keyword. [HAProxy ${HAPROXY_VERSION} manual](${DOCS})`;
  return undefined;
}

export function haHover(view: HaView, findings: Finding[], offset: number, docLink: DocLink): HoverResult | undefined {
  const parts: string[] = [];
  let span: Span | undefined;
  const s = view.file.sections.find((x) => x.header.span.start <= offset && offset <= x.header.span.end);
  if (s) {
    span = s.header.span;
    const svc = view.service(s);
    const servers = view.servers(s);
    parts.push(
      `**${s.kind} ${s.name?.text ?? ''}**${servers.length ? `: ${servers.length} server${servers.length === 1 ? '' : 's'} (${servers.map((x) => x.name).join(', ')})` : ''}`,
    );
    if (svc) parts.push(serviceMarkdown(svc.name, svc));
  }
  if (!s) {
    for (const sec of view.file.sections)
      for (const st of sec.statements) {
        if (st.keyword.span.start > offset || offset > (st.args[0]?.span.end ?? st.keyword.span.end)) continue;
        const two = st.args[0] ? `${st.keyword.text} ${st.args[0].text}` : '';
        const md = (two && keywordMarkdown(two)) || keywordMarkdown(st.keyword.text);
        if (md) {
          parts.push(md);
          span = { start: st.keyword.span.start, end: two && keywordMarkdown(two) ? st.args[0].span.end : st.keyword.span.end };
        }
      }
  }
  return withFindings(parts, span, findings, offset, docLink);
}

export function haSymbols(view: HaView): SymbolNode[] {
  return view.file.sections.map((s) => ({
    name: `${s.kind}${s.name ? ` ${s.name.text}` : ''}`,
    detail: view.service(s)?.name ?? '',
    kind: 'section' as const,
    span: { start: s.header.span.start, end: s.end },
    selection: s.header.span,
    children: view.servers(s).map((x) => ({
      name: x.name,
      detail: `${x.host ?? ''}${x.port ? `:${x.port}` : ''}`,
      kind: 'option' as const,
      span: x.statement.span,
      selection: x.statement.args[0].span,
      children: [],
    })),
  }));
}
