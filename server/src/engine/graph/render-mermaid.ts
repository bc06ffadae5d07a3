/**
 * The topology picture as a Mermaid flowchart (for a README or a wiki page): a subgraph per failure
 * domain, a shape per kind of box, the same edges, and classes for the what-if states and findings.
 * Mermaid lays it out itself, so only the graph's structure is used.
 */
import type { Graph, GraphNode } from './types';

/** Mermaid's entity codes for the characters that would end or break a quoted label. */
function escapeLabel(s: string): string {
  return s.replace(/[#"<>&]/g, (c) => ({ '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;' })[c]!);
}

const SHAPES: Record<GraphNode['kind'], [string, string]> = {
  domain: ['[', ']'],
  node: ['[', ']'],
  cluster: ['{{', '}}'],
  vip: ['([', '])'],
  service: ['(', ')'],
};
const ARROWS = { member: '---', runs: '-->', vip: '-.->' } as const;
const CLASS_DEFS: Record<string, string> = {
  failed: 'fill:#d9d9d9,stroke:#7f7f7f,color:#6e7781',
  down: 'fill:#fbd5d5,stroke:#c62828',
  split_brain: 'fill:#ead7f5,stroke:#7b1fa2',
  blocked: 'fill:#fde3c8,stroke:#e65100',
  degraded: 'fill:#fff1c2,stroke:#c79100',
  available: 'fill:#d7f0d9,stroke:#2e7d32',
  error: 'stroke:#d32f2f,stroke-width:3px',
  warning: 'stroke:#f57c00,stroke-width:3px',
  info: 'stroke:#1976d2,stroke-width:3px',
};

export function renderMermaid(g: Graph): string {
  // Mermaid ids: letters, digits and '_' only; a clash after the replacement gets a number
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const n of g.nodes) {
    const base = n.id.replace(/[^A-Za-z0-9_]/g, '_');
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
    taken.add(id);
    ids.set(n.id, id);
  }
  const label = (n: GraphNode) => `"${escapeLabel(n.label)}${n.detail ? `<br/>${escapeLabel(n.detail)}` : ''}"`;
  const shape = (n: GraphNode) => `${ids.get(n.id)}${SHAPES[n.kind][0]}${label(n)}${SHAPES[n.kind][1]}`;

  const lines = ['flowchart TB'];
  const children = (parent: string | undefined) => g.nodes.filter((n) => n.parent === parent && n.kind !== 'domain');
  for (const d of g.nodes.filter((n) => n.kind === 'domain')) {
    lines.push(`  subgraph ${ids.get(d.id)}[${label(d)}]`);
    for (const n of children(d.id)) lines.push(`    ${shape(n)}`);
    lines.push('  end');
  }
  for (const n of children(undefined)) lines.push(`  ${shape(n)}`);
  for (const e of g.edges) {
    const s = ids.get(e.source);
    const t = ids.get(e.target);
    if (s && t) lines.push(`  ${s} ${ARROWS[e.kind]} ${t}`);
  }
  // the state colours the box; a finding (the worst) outlines it
  const classes = new Map<string, string[]>();
  for (const n of g.nodes) {
    for (const c of [n.state?.replace('-', '_'), n.findings?.[0]?.severity])
      if (c) classes.set(c, [...(classes.get(c) ?? []), ids.get(n.id)!]);
  }
  for (const [c, style] of Object.entries(CLASS_DEFS)) {
    const members = classes.get(c);
    if (!members) continue;
    lines.push(`  classDef ${c} ${style}`, `  class ${members.join(',')} ${c}`);
  }
  return lines.join('\n') + '\n';
}
