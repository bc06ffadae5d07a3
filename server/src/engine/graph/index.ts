/** The topology picture of a deployment (graph/types.ts), built and laid out. */
import type { SimModel } from '../simulate/model';
import type { ScenarioResult } from '../simulate/scenario';
import type { Span } from '../types';
import type { Graph } from './types';

export type { Graph, GraphNode, GraphEdge } from './types';

/** A finding to mark on the element whose place holds it. */
export interface GraphFinding {
  file: string;
  span: Span;
  severity: 'error' | 'warning' | 'info';
  rule: string;
  message: string;
}

/** Builds and lays out the picture; `result` overlays a scenario's verdicts (what-if). */
export async function topologyGraph(
  _m: SimModel,
  _opts: { findings?: GraphFinding[]; result?: ScenarioResult } = {},
): Promise<Graph> {
  throw new Error('not written yet');
}
