/**
 * Lays the topology picture out with elkjs's layered algorithm: VIPs, then clusters and services, then the
 * failure domains with their nodes, each edge routed across the nesting (hierarchy handling
 * INCLUDE_CHILDREN). elk gives each box's position relative to its parent and each edge's points relative
 * to the box that holds the edge; the picture wants everything absolute.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Unplaced } from './build';
import type { Graph, GraphNode } from './types';

export type Direction = 'DOWN' | 'RIGHT';

/** Text metrics of the renderers (render-svg.ts draws with these). */
export const FONT_SIZE = 12;
export const CHAR_WIDTH = 7.2;
export const LINE_HEIGHT = 16;
export const BOX_PADDING = 10;
/** A domain's label line above its nodes. */
export const DOMAIN_HEADER = 26;

/** A box's size from its label and detail: the longer line's width, one or two lines high. */
export function boxSize(n: Pick<GraphNode, 'kind' | 'label' | 'detail'>): { width: number; height: number } {
  const chars = Math.max(n.label.length, n.detail?.length ?? 0);
  const width = Math.max(80, Math.ceil(chars * CHAR_WIDTH + 2 * BOX_PADDING));
  const height = (n.detail ? 2 : 1) * LINE_HEIGHT + 2 * BOX_PADDING - 4;
  return { width, height };
}

const round = (v: number) => Math.round(v * 10) / 10;

let elk: InstanceType<typeof ELK> | undefined;

export async function layoutGraph(g: Unplaced, direction: Direction = 'DOWN'): Promise<Graph> {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const elkOf = new Map<string, ElkNode>();
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.spacing.edgeNode': '12',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
      'elk.randomSeed': '1',
    },
    children: [],
    edges: [],
  };
  for (const n of g.nodes) {
    const e: ElkNode = { id: n.id, children: [] };
    if (n.kind === 'domain') {
      // room for the domain's name above its nodes
      e.layoutOptions = { 'elk.padding': `[top=${DOMAIN_HEADER + 8},left=12,bottom=12,right=12]` };
      e.width = boxSize(n).width;
    } else Object.assign(e, boxSize(n));
    elkOf.set(n.id, e);
  }
  for (const n of g.nodes) {
    const parent = n.parent && elkOf.get(n.parent);
    (parent || root).children!.push(elkOf.get(n.id)!);
  }
  // a domain without nodes (none today) still gets a box its label fits in
  for (const n of g.nodes) {
    const e = elkOf.get(n.id)!;
    if (n.kind === 'domain' && !e.children!.length) Object.assign(e, boxSize(n));
  }
  root.edges = g.edges.map((e): ElkExtendedEdge => ({ id: e.id, sources: [e.source], targets: [e.target] }));

  elk ??= new ELK();
  const laid = await elk.layout(root);

  // absolute positions: a box's offset is its parent's absolute position plus its own
  const abs = new Map<string, { x: number; y: number }>([['root', { x: 0, y: 0 }]]);
  const nodes: GraphNode[] = [];
  const walk = (e: ElkNode, origin: { x: number; y: number }) => {
    for (const c of e.children ?? []) {
      const at = { x: origin.x + (c.x ?? 0), y: origin.y + (c.y ?? 0) };
      abs.set(c.id, at);
      const n = byId.get(c.id)!;
      nodes.push({ ...n, x: round(at.x), y: round(at.y), width: round(c.width ?? 0), height: round(c.height ?? 0) });
      walk(c, at);
    }
  };
  walk(laid, { x: 0, y: 0 });
  // back in the builder's order, so the output does not depend on the nesting
  const order = new Map(g.nodes.map((n, i) => [n.id, i]));
  nodes.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  const laidEdges = new Map<string, ElkExtendedEdge & { container?: string }>();
  const collect = (e: ElkNode) => {
    for (const x of e.edges ?? []) laidEdges.set(x.id, x);
    for (const c of e.children ?? []) collect(c);
  };
  collect(laid);
  const edges = g.edges.map((e) => {
    const x = laidEdges.get(e.id);
    const origin = abs.get(x?.container ?? 'root') ?? { x: 0, y: 0 };
    const s = x?.sections?.[0];
    const points = s
      ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: round(origin.x + p.x), y: round(origin.y + p.y) }))
      : [];
    return { ...e, points };
  });
  return { name: g.name, nodes, edges, width: round(laid.width ?? 0), height: round(laid.height ?? 0) };
}
