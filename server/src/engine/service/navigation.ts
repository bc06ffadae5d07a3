/** Outline, go to definition, find references and rename over a manifest's names. */
import { Manifest } from '../documents/manifest/model';
import { memberNames, serviceNodeNames } from '../documents/manifest/queries';
import { Span, TextEdit } from '../types';
import { EntityKind, isValidName, occurrenceAt, occurrencesOf } from './references';

export interface SymbolNode {
  name: string;
  detail: string;
  kind: EntityKind | 'section' | 'option';
  span: Span;
  selection: Span;
  children: SymbolNode[];
}

export function documentSymbols(m: Manifest): SymbolNode[] {
  const section = (key: string, children: SymbolNode[]): SymbolNode[] => {
    const e = m.sections.get(key);
    if (!e) return [];
    const end = e.value?.range?.[1] ?? e.keySpan.end;
    return [
      { name: key, detail: `${children.length}`, kind: 'section', span: { start: e.keySpan.start, end }, selection: e.keySpan, children },
    ];
  };
  return [
    ...section(
      'nodes',
      [...m.nodes.values()].map((n) => ({
        name: n.name,
        detail: [n.address?.value, n.roles.map((r) => r.value).join(', ')].filter(Boolean).join(' · '),
        kind: 'node' as const,
        span: n.span,
        selection: n.keySpan,
        children: [],
      })),
    ),
    ...section(
      'clusters',
      [...m.clusters.values()].map((c) => ({
        name: c.name,
        detail: `${c.manager} · ${memberNames(c).length} members`,
        kind: 'cluster' as const,
        span: c.span,
        selection: c.keySpan,
        children: [],
      })),
    ),
    ...section(
      'vips',
      [...m.vips.values()].map((v) => ({
        name: v.name,
        detail: [v.address?.value, v.cluster ? `on ${v.cluster.value}` : ''].filter(Boolean).join(' · '),
        kind: 'vip' as const,
        span: v.span,
        selection: v.keySpan,
        children: [],
      })),
    ),
    ...section(
      'services',
      [...m.services.values()].map((s) => ({
        name: s.name,
        detail: [s.mode?.value, `${serviceNodeNames(m, s).length} nodes`].filter(Boolean).join(' · '),
        kind: 'service' as const,
        span: s.span,
        selection: s.keySpan,
        children: [],
      })),
    ),
  ];
}

export function definition(m: Manifest, offset: number): Span | undefined {
  const o = occurrenceAt(m, offset);
  if (!o) return undefined;
  return occurrencesOf(m, o.kind, o.name).find((x) => x.isDefinition)?.span;
}

export function references(m: Manifest, offset: number, includeDeclaration: boolean): Span[] {
  const o = occurrenceAt(m, offset);
  if (!o) return [];
  return occurrencesOf(m, o.kind, o.name)
    .filter((x) => includeDeclaration || !x.isDefinition)
    .map((x) => x.span);
}

export function prepareRename(m: Manifest, offset: number): { span: Span; placeholder: string } | undefined {
  const o = occurrenceAt(m, offset);
  // services are keyed by their catalogue names; renaming one changes what it is, not what it is called
  if (!o || o.kind === 'service') return undefined;
  return { span: o.span, placeholder: o.name };
}

export class RenameError extends Error {}

export function rename(m: Manifest, offset: number, newName: string): TextEdit[] {
  const o = occurrenceAt(m, offset);
  if (!o || o.kind === 'service') throw new RenameError('only node, cluster and VIP names can be renamed');
  if (!isValidName(newName)) throw new RenameError(`'${newName}' is not a plain YAML name (letters, digits, '.', '_', '-')`);
  const pool = o.kind === 'node' ? m.nodes : o.kind === 'cluster' ? m.clusters : m.vips;
  if (newName !== o.name && pool.has(newName)) throw new RenameError(`a ${o.kind} named '${newName}' already exists`);
  return occurrencesOf(m, o.kind, o.name).map((x) => ({ start: x.span.start, end: x.span.end, newText: newName }));
}
