/** The topology picture of a deployment (graph/types.ts), built and laid out. */
import type { SimModel } from '../simulate/model';
import type { ScenarioResult } from '../simulate/scenario';
import { buildGraph } from './build';
import { type Direction, layoutGraph } from './layout';
import type { Graph, GraphFinding } from './types';

export type { Graph, GraphNode, GraphEdge, GraphFinding } from './types';
export { buildGraph } from './build';
export { layoutGraph, type Direction } from './layout';
export { renderSvg } from './render-svg';
export { renderHtml } from './render-html';
export { renderMermaid } from './render-mermaid';

/** Builds and lays out the picture; `result` overlays a scenario's verdicts (what-if). */
export async function topologyGraph(
  m: SimModel,
  opts: { findings?: GraphFinding[]; result?: ScenarioResult; direction?: Direction } = {},
): Promise<Graph> {
  return layoutGraph(buildGraph(m, opts), opts.direction);
}
