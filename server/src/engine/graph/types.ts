/**
 * The topology picture of a deployment, as the server computes it and the topology view and
 * `openstack-ha graph` draw it: boxes (failure domains holding nodes; clusters, VIPs, services) and
 * edges, laid out (elkjs's layered layout) so that a renderer only draws. Pure data.
 */
import type { Place } from '../simulate/model';
import type { Verdict } from '../simulate/types';
import type { Span } from '../types';

/** A finding to mark on the element whose place holds it. */
export interface GraphFinding {
  file: string;
  span: Span;
  severity: 'error' | 'warning' | 'info';
  rule: string;
  message: string;
}

export type GraphNodeKind = 'domain' | 'node' | 'cluster' | 'vip' | 'service';

export interface GraphNode {
  /** Stable and unique: `node:ctl-a`, `domain:rack-a`, `cluster:galera`, `vip:internal`, `service:keystone`. */
  id: string;
  kind: GraphNodeKind;
  label: string;
  /** A second line: the address, "3 votes · quorum 2", the mode. */
  detail?: string;
  /** A service box that stands for several services (same nodes, same mode): their names, in the model's order. */
  members?: string[];
  /** The box it is drawn in (a node in its failure domain). */
  parent?: string;
  /** Where it is defined, for click-to-reveal. */
  place?: Place;
  /** Findings on it, worst first, for the marks. */
  findings?: { severity: 'error' | 'warning' | 'info'; rule: string; message: string }[];
  /** What-if overlay: the node failed, or the verdict of the cluster, VIP or service. */
  state?: 'failed' | Verdict;
  /** Layout (absolute, top-left origin). */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphEdge {
  id: string;
  /** member: cluster → node; runs: service → node; vip: VIP → cluster or service. */
  kind: 'member' | 'runs' | 'vip';
  source: string;
  target: string;
  /** Polyline points of the laid-out route (absolute). */
  points: { x: number; y: number }[];
}

export interface Graph {
  name: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}
