/**
 * The topology view's two requests (issue 13). The server builds the deployment's picture, laid out,
 * and the view only draws it:
 * - `openstackHa/topology` {uri}: the picture of the deployment the file belongs to (null when none),
 *   with the findings of the deployment's files marked and each element's definition as a location;
 * - `openstackHa/whatIf` {uri, fail, failDomains}: the same picture with a scenario's verdicts overlaid,
 *   and the scenario's result.
 */
import { Connection, ResponseError, ErrorCodes, TextDocuments } from 'vscode-languageserver/node';
import type { Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysis';
import { deploymentOfFile, FoundDeployment } from '../engine/deployments';
import { topologyGraph, GraphFinding } from '../engine/graph/index';
import type { Graph, GraphNode } from '../engine/graph/types';
import { simulate, ScenarioResult } from '../engine/simulate/scenario';
import { domainsOf } from '../engine/simulate/model';
import type { Manifest } from '../engine/documents/manifest/model';
import type { Span } from '../engine/types';

export const TOPOLOGY_REQUEST = 'openstackHa/topology';
export const WHAT_IF_REQUEST = 'openstackHa/whatIf';

export interface TopologyParams {
  uri: string;
}
export interface WhatIfParams {
  uri: string;
  fail?: string[];
  failDomains?: string[];
}

/** A box of the picture, with where it is defined as the editor addresses it. */
export interface TopologyNode extends GraphNode {
  location?: { uri: string; range: Range };
}
export interface TopologyGraph extends Omit<Graph, 'nodes'> {
  nodes: TopologyNode[];
}
export interface TopologyResponse {
  name: string;
  /** What the deployment was read from ("site.ha.yaml", "kolla-ansible files in etc/kolla"). */
  source: string;
  /** The deployment's files (URIs): the view is drawn again when their diagnostics change. */
  files: string[];
  graph: TopologyGraph;
}
export interface WhatIfResponse {
  graph: TopologyGraph;
  result: ScenarioResult;
}

/** The engine's parts the requests call (replaceable in tests). */
export interface TopologyEngine {
  deploymentOfFile: typeof deploymentOfFile;
  topologyGraph: typeof topologyGraph;
  simulate: typeof simulate;
}
const ENGINE: TopologyEngine = { deploymentOfFile, topologyGraph, simulate };

export function registerTopology(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  analyses: AnalysisCache,
  engine: TopologyEngine = ENGINE,
): void {
  const deploymentOf = (uri: string): FoundDeployment | undefined => {
    // an open buffer is what the picture shows, even before its debounced check ran
    const doc = documents.get(uri);
    if (doc) analyses.get(doc);
    // the manifest the diagnostics already parsed (incrementally) at this text, not parsed again
    const parsed = (path: string) => analyses.analysePath(path).result?.manifest;
    return engine.deploymentOfFile(analyses.workspace, AnalysisCache.keyOf(uri), parsed);
  };

  /**
   * The findings of the deployment's files, as the diagnostics show them (hints are left unmarked). The
   * picture hangs a finding on the element whose place holds it, and a manifest's places are its entries'
   * keys: a finding inside an entry (a node's interface list, a cluster's stonith) is moved to its key.
   */
  const findingsOf = (d: FoundDeployment): Anchored[] =>
    d.files.flatMap((file) => {
      const r = analyses.analysePath(file).result;
      return (r?.findings ?? []).flatMap((f): Anchored[] => {
        if (f.severity === 'hint') return [];
        const entry = r?.manifest ? entryHolding(r.manifest, f.span.start) : undefined;
        return [
          {
            file,
            span: entry?.keySpan ?? f.span,
            severity: f.severity,
            rule: f.rule,
            message: f.message,
            ...(entry?.service ? { service: entry.service } : {}),
          },
        ];
      });
    });

  const located = (g: Graph): TopologyGraph => ({
    ...g,
    nodes: g.nodes.map((n) => {
      if (!n.place) return n;
      const { uri, range } = analyses.resolve({ file: n.place.file, span: n.place.span, message: '' });
      return { ...n, location: { uri, range } };
    }),
  });

  const failure = (what: string, e: unknown): never => {
    if (e instanceof ResponseError) throw e;
    connection.console.error(`${what} failed: ${(e as Error).stack ?? e}`);
    throw new ResponseError(ErrorCodes.InternalError, `${what} failed: ${(e as Error).message ?? e}`);
  };

  connection.onRequest(TOPOLOGY_REQUEST, async (p: TopologyParams): Promise<TopologyResponse | null> => {
    try {
      const d = deploymentOf(p.uri);
      if (!d) return null;
      const findings = findingsOf(d);
      const graph = markGrouped(await engine.topologyGraph(d.model, { findings }), findings);
      return { name: d.model.name, source: d.model.source, files: d.files.map(AnalysisCache.uriOf), graph: located(graph) };
    } catch (e) {
      return failure('the topology', e);
    }
  });

  connection.onRequest(WHAT_IF_REQUEST, async (p: WhatIfParams): Promise<WhatIfResponse | null> => {
    try {
      const d = deploymentOf(p.uri);
      if (!d) return null;
      const fail = p.fail ?? [];
      const failDomains = p.failDomains ?? [];
      const names = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
      if (!names(fail) || !names(failDomains)) throw new ResponseError(ErrorCodes.InvalidParams, 'fail and failDomains are lists of names');
      // a name the model does not know would fail nothing and read as "survives": say so instead
      const nodes = new Set(d.model.nodes.map((n) => n.name));
      const domains = new Set(domainsOf(d.model));
      const unknown = [
        ...fail.filter((n) => !nodes.has(n)).map((n) => `no node ${n}`),
        ...failDomains.filter((n) => !domains.has(n)).map((n) => `no failure domain ${n}`),
      ];
      if (unknown.length) throw new ResponseError(ErrorCodes.InvalidParams, `${unknown.join(', ')} in ${d.model.name}`);
      const result = engine.simulate(d.model, { steps: [{ fail, failDomains }] });
      const findings = findingsOf(d);
      const graph = markGrouped(await engine.topologyGraph(d.model, { findings, result }), findings);
      return { graph: located(graph), result };
    } catch (e) {
      return failure('what if', e);
    }
  });
}

/** A finding as the picture takes it, and the manifest service whose entry holds it, if one does. */
interface Anchored extends GraphFinding {
  service?: string;
}

/** The innermost node, cluster, VIP or service entry of a manifest that holds `offset`. */
function entryHolding(m: Manifest, offset: number): { keySpan: Span; service?: string } | undefined {
  let best: { keySpan: Span; span: Span; service?: string } | undefined;
  const sections = [m.nodes, m.clusters, m.vips, m.services];
  for (const section of sections)
    for (const e of section.values())
      if (e.span.start <= offset && offset < e.span.end && (!best || e.span.end - e.span.start < best.span.end - best.span.start))
        best = { keySpan: e.keySpan, span: e.span, service: section === m.services ? e.name : undefined };
  return best && { keySpan: best.keySpan, service: best.service };
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Services on the same nodes in the same mode share one box, placed where its first service is written:
 * the findings of the others' entries go to that box too.
 */
function markGrouped(g: Graph, findings: Anchored[]): Graph {
  const placed = new Set(g.nodes.flatMap((n) => (n.place ? [`${n.place.span.start}\u0000${n.place.file}`] : [])));
  for (const f of findings) {
    if (!f.service || placed.has(`${f.span.start}\u0000${f.file}`)) continue;
    const box = g.nodes.find((n) => n.kind === 'service' && n.members?.includes(f.service!));
    if (!box) continue;
    (box.findings ??= []).push({ severity: f.severity, rule: f.rule, message: f.message });
    box.findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  }
  return g;
}
