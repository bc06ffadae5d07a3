/** Every place a node, cluster or VIP name is defined or used: the basis of definition, references and rename. */
import { Manifest } from '../documents/manifest/model';
import { Span } from '../types';

export type EntityKind = 'node' | 'cluster' | 'vip' | 'service';
export interface Occurrence {
  kind: EntityKind;
  name: string;
  span: Span;
  isDefinition: boolean;
}

export function occurrences(m: Manifest): Occurrence[] {
  const out: Occurrence[] = [];
  const def = (kind: EntityKind, name: string, span: Span) => out.push({ kind, name, span, isDefinition: true });
  const ref = (kind: EntityKind, name: string, span: Span) => out.push({ kind, name, span, isDefinition: false });
  for (const n of m.nodes.values()) def('node', n.name, n.keySpan);
  for (const c of m.clusters.values()) {
    def('cluster', c.name, c.keySpan);
    for (const it of c.members?.items ?? []) ref('node', it.value, it.span);
    // the simulator's fields name nodes too, so a rename keeps them
    for (const d of c.fencing ?? []) {
      for (const it of d.targets?.items ?? []) ref('node', it.value, it.span);
      if (d.node) ref('node', d.node.value, d.node.span);
    }
    for (const p of c.priorities?.items ?? []) ref('node', p.node.value, p.node.span);
    const atb = c.corosync?.autoTieBreakerNode;
    if (atb && 'items' in atb) for (const it of atb.items) ref('node', it.value, it.span);
  }
  for (const v of m.vips.values()) {
    def('vip', v.name, v.keySpan);
    if (v.cluster) ref('cluster', v.cluster.value, v.cluster.span);
  }
  for (const s of m.services.values()) {
    def('service', s.name, s.keySpan);
    if (s.on?.kind === 'cluster') ref('cluster', s.on.ref.value, s.on.ref.span);
    if (s.on?.kind === 'nodes') for (const it of s.on.list.items) ref('node', it.value, it.span);
    if (s.vip) ref('vip', s.vip.value, s.vip.span);
    for (const it of s.vips?.items ?? []) ref('vip', it.value, it.span);
    for (const w of s.weights?.items ?? []) ref('node', w.node.value, w.node.span);
    if (s.balancer && s.balancer.value !== 'none') ref('service', s.balancer.value, s.balancer.span);
  }
  return out;
}

export function occurrenceAt(m: Manifest, offset: number): Occurrence | undefined {
  return occurrences(m).find((o) => o.span.start <= offset && offset <= o.span.end);
}

export function occurrencesOf(m: Manifest, kind: EntityKind, name: string): Occurrence[] {
  return occurrences(m).filter((o) => o.kind === kind && o.name === name);
}

/** Plain YAML scalars that need no quoting, so a rename writes them as they are. */
export function isValidName(name: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name) && !/^(true|false|null|yes|no|on|off|~)$/i.test(name);
}
