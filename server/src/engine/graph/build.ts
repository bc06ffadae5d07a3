/**
 * The topology picture's elements from a SimModel, before layout: a box per failure domain holding its
 * nodes, one per cluster, VIP and service (services that run on the same nodes in the same mode share
 * one box, so that a big deployment stays readable), and the edges between them. Findings are hung on
 * the element whose definition holds them; a scenario's result colours what failed and the verdicts.
 */
import { domainsOf, membersOf, type Place, type SimCluster, type SimModel, type SimService } from '../simulate/model';
import type { ScenarioResult } from '../simulate/scenario';
import { VERDICT_ORDER } from '../simulate/scenario';
import { effectiveOptions } from '../simulate/votequorum';
import { nodes as nodeCount, type Verdict } from '../simulate/types';
import type { GraphEdge, GraphFinding, GraphNode } from './types';

/** A graph before layout: every box and edge, with x, y, width, height and points still zero or empty. */
export interface Unplaced {
  name: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const nodeId = (name: string) => `node:${name}`;
export const domainId = (name: string) => `domain:${name}`;
export const clusterId = (name: string) => `cluster:${name}`;
export const vipId = (name: string) => `vip:${name}`;
export const serviceId = (name: string) => `service:${name}`;
export const edgeId = (kind: GraphEdge['kind'], source: string, target: string) => `${kind}:${source}->${target}`;

export function buildGraph(m: SimModel, opts: { findings?: GraphFinding[]; result?: ScenarioResult } = {}): Unplaced {
  const out: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const box = (n: Omit<GraphNode, 'x' | 'y' | 'width' | 'height'>): GraphNode => {
    const b: GraphNode = { ...n, x: 0, y: 0, width: 0, height: 0 };
    out.push(b);
    return b;
  };
  const ids = new Set<string>();
  const edge = (kind: GraphEdge['kind'], source: string, target: string) => {
    const id = edgeId(kind, source, target);
    if (!ids.has(id)) edges.push({ id, kind, source, target, points: [] });
    ids.add(id);
  };
  const known = new Set(m.nodes.map((n) => n.name));

  for (const d of domainsOf(m)) box({ id: domainId(d), kind: 'domain', label: d });
  for (const n of m.nodes)
    box({
      id: nodeId(n.name),
      kind: 'node',
      label: n.name,
      detail: n.address,
      parent: n.domain ? domainId(n.domain) : undefined,
      place: n.place,
    });
  for (const c of m.clusters) {
    box({ id: clusterId(c.name), kind: 'cluster', label: c.name, detail: clusterDetail(c), place: c.place });
    for (const member of membersOf(c)) if (known.has(member)) edge('member', clusterId(c.name), nodeId(member));
  }
  const clusters = new Set(m.clusters.map((c) => c.name));
  for (const v of m.vips) {
    box({ id: vipId(v.name), kind: 'vip', label: v.name, detail: v.address, place: v.place });
    if (v.cluster && clusters.has(v.cluster)) edge('vip', vipId(v.name), clusterId(v.cluster));
  }
  for (const group of serviceGroups(m.services)) {
    const [first] = group;
    const id = serviceId(first.name);
    box({
      id,
      kind: 'service',
      label: group.length <= 2 ? group.map((s) => s.name).join(', ') : `${group[0].name}, ${group[1].name}, +${group.length - 2}`,
      detail: group.length > 1 ? `${first.mode} · ${group.length} services` : first.mode,
      members: group.length > 1 ? group.map((s) => s.name) : undefined,
      place: first.place,
    });
    for (const n of first.nodes) if (known.has(n)) edge('runs', id, nodeId(n));
    // a VIP that no cluster moves is drawn in front of the services reached through it
    for (const s of group)
      for (const v of s.vips) {
        const vip = m.vips.find((x) => x.name === v);
        if (vip && !(vip.cluster && clusters.has(vip.cluster))) edge('vip', vipId(v), id);
      }
  }
  // absent rather than undefined: the picture's JSON and the tests' deep equality stay clean
  for (const b of out) for (const k of ['detail', 'members', 'parent', 'place'] as const) if (b[k] === undefined) delete b[k];

  attachFindings(out, opts.findings ?? []);
  if (opts.result) overlay(m, out, opts.result);
  return { name: m.name, nodes: out, edges };
}

/** "3 votes · quorum 2", "Galera · 3 nodes": what decides the cluster's fate, in a few words. */
export function clusterDetail(c: SimCluster): string {
  switch (c.kind) {
    case 'pacemaker':
    case 'corosync': {
      const o = effectiveOptions(c.quorum);
      const expected = o.configuredExpected;
      // two_node: one vote is quorum (votequorum(5)); otherwise a strict majority of the expected votes
      const quorum = o.twoNode ? 1 : Math.floor(expected / 2) + 1;
      const device = o.qdeviceVotes > 0 ? ` · qdevice ${c.quorum.qdevice?.algorithm} ${o.qdeviceVotes}` : '';
      return `${expected} votes · quorum ${quorum}${o.twoNode ? ' (two_node)' : ''}${device}`;
    }
    case 'galera':
      return `Galera · ${nodeCount(c.config.nodes.length)}`;
    case 'rabbitmq':
      return `RabbitMQ · ${nodeCount(c.config.nodes.length)}`;
    case 'keepalived':
      return c.config.vrid !== undefined ? `keepalived · VRID ${c.config.vrid}` : `keepalived · ${nodeCount(c.config.instances.length)}`;
  }
}

/** Services with the same nodes (as a set) and mode, in the model's order; each group in its first member's place. */
function serviceGroups(services: SimService[]): SimService[][] {
  const groups = new Map<string, SimService[]>();
  for (const s of services) {
    const key = `${s.mode}\u0000${[...new Set(s.nodes)].sort().join('\u0000')}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()];
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Each finding goes to the element whose definition holds its start, the innermost when several do. */
function attachFindings(boxes: GraphNode[], findings: GraphFinding[]): void {
  const extent = (p: Place) => p.extent ?? p.span;
  const contains = (p: Place, f: GraphFinding) => p.file === f.file && extent(p).start <= f.span.start && f.span.start < extent(p).end;
  const size = (p: Place) => extent(p).end - extent(p).start;
  for (const f of findings) {
    let best: GraphNode | undefined;
    for (const b of boxes) if (b.place && contains(b.place, f) && (!best || size(b.place) < size(best.place!))) best = b;
    // a finding no element holds (the deployment's own) is not drawn
    if (!best) continue;
    (best.findings ??= []).push({ severity: f.severity, rule: f.rule, message: f.message });
  }
  for (const b of boxes) b.findings?.sort((a, c) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[c.severity]);
}

const worst = (vs: Verdict[]): Verdict | undefined =>
  vs.length ? vs.reduce((a, b) => (VERDICT_ORDER.indexOf(b) < VERDICT_ORDER.indexOf(a) ? b : a)) : undefined;

/** The what-if overlay: failed nodes, each service's verdict, each cluster's and VIP's outcome. */
function overlay(m: SimModel, boxes: GraphNode[], r: ScenarioResult): void {
  const failed = new Set(r.failed);
  for (const b of boxes) {
    let state: GraphNode['state'];
    if (b.kind === 'node') state = failed.has(b.label) ? 'failed' : undefined;
    else if (b.kind === 'service') {
      const names = b.members ?? [b.label];
      state = worst(r.services.filter((s) => names.includes(s.name)).map((s) => s.verdict));
    } else if (b.kind === 'cluster') {
      const c = m.clusters.find((x) => clusterId(x.name) === b.id);
      if (c) state = clusterState(c, r, failed);
    } else if (b.kind === 'vip') {
      const v = r.vips.find((x) => vipId(x.name) === b.id);
      if (v) state = vipState(v.holders);
    }
    if (state) b.state = state;
  }
}

/** No holder: nobody answers on the address; two or more: the address is up on several nodes at once. */
const vipState = (holders: string[]): Verdict => (holders.length === 0 ? 'down' : holders.length === 1 ? 'available' : 'split-brain');

/**
 * A cluster's outcome from its sides: two quorate sides are a split brain, none is down; one quorate
 * side is available when it holds every member, degraded when it holds fewer. keepalived's is its VIPs'.
 * No side and a member alive: the result does not say, so neither does the picture.
 */
function clusterState(c: SimCluster, r: ScenarioResult, failed: Set<string>): Verdict | undefined {
  const members = membersOf(c);
  // VRRP has no quorum: what keepalived did is where its addresses ended up
  if (c.kind === 'keepalived') {
    const vips = r.vips.filter((v) => c.config.vips.includes(v.name)).map((v) => vipState(v.holders));
    const w = worst(vips);
    return w === 'available' && members.some((n) => failed.has(n)) ? 'degraded' : w;
  }
  const sides = r.clusters.filter((x) => x.name === c.name);
  if (!sides.length) return members.length && members.every((n) => failed.has(n)) ? 'down' : undefined;
  const quorate = sides.filter((s) => s.quorate);
  if (quorate.length > 1) return 'split-brain';
  if (quorate.length === 0) return 'down';
  return quorate[0].partition.length === members.length ? 'available' : 'degraded';
}
