/**
 * Code lenses over a deployment's clusters and clustered services (issue 13): the cluster's resilience
 * in one line ("3 votes · quorum 2 · survives 1 failure") where the user defined it, in whichever file
 * that is (a manifest's cluster key, an inventory group header, a corosync nodelist).
 *
 * Editors ask for lenses on every edit and scroll, so each cluster's summary (which simulates member
 * sets) is computed once per model object and kept as long as the model is.
 */
import type { Span } from '../types';
import type { SimCluster, SimModel } from '../simulate/model';
import { clusterSummary, ClusterSummary } from '../simulate/summary';
import type { LineIndex } from '../text/line-index';

export interface CodeLensTarget {
  kind: 'cluster' | 'service';
  name: string;
}

export interface CodeLens {
  span: Span;
  /** The cluster's summary: "3 votes · quorum 2 · survives 1 failure". */
  title: string;
  target: CodeLensTarget;
}

/** Per model, each cluster's summary (or the error computing it), by cluster name. */
const summaries = new WeakMap<SimModel, Map<string, ClusterSummary | Error>>();

/** A cluster's summary, computed once per model; an Error when the arithmetic failed. */
export function summaryOf(m: SimModel, c: SimCluster): ClusterSummary | Error {
  let byName = summaries.get(m);
  if (!byName) summaries.set(m, (byName = new Map()));
  let s = byName.get(c.name);
  if (!s) {
    try {
      s = clusterSummary(m, c);
    } catch (e) {
      s = e instanceof Error ? e : new Error(String(e));
    }
    byName.set(c.name, s);
  }
  return s;
}

export interface CodeLensOptions {
  /**
   * The file's lines: a clustered service and its own cluster on one line give one lens, and lenses
   * sharing a line are named. Without it, "one line" is "one start offset".
   */
  lines?: LineIndex;
  /** Told of a cluster whose summary could not be computed (its lens is left out: better none than a wrong one). */
  onError?: (cluster: string, e: Error) => void;
}

/**
 * The lenses of `file` (an engine path, as the model's places name files): one per cluster defined
 * there, and one per clustered service defined there, showing its cluster's summary. In the file's order.
 */
export function codeLenses(model: SimModel, file: string, opts: CodeLensOptions = {}): CodeLens[] {
  const out: (CodeLens & { cluster: string })[] = [];
  const clusters = new Map(model.clusters.map((c) => [c.name, c]));
  const line = (o: number) => (opts.lines ? opts.lines.position(o).line : o);
  const add = (c: SimCluster, span: Span, target: CodeLensTarget) => {
    const s = summaryOf(model, c);
    if (s instanceof Error) return opts.onError?.(c.name, s);
    out.push({ span, title: s.text, target, cluster: c.name });
  };
  for (const c of model.clusters) if (c.place?.file === file) add(c, c.place.span, { kind: 'cluster', name: c.name });
  for (const svc of model.services) {
    const c = svc.mode === 'clustered' && svc.cluster !== undefined ? clusters.get(svc.cluster) : undefined;
    if (!c || svc.place?.file !== file) continue;
    const span = svc.place.span;
    // the service's own cluster already has a lens on this line (an inventory group that is both)
    const same = out.some((l) => l.target.kind === 'cluster' && l.cluster === c.name && line(l.span.start) === line(span.start));
    if (!same) add(c, span, { kind: 'service', name: svc.name });
  }
  out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  // several on one line (OpenStack-Ansible's shared-infra_hosts holds Galera and RabbitMQ): each says whose it is
  const perLine = new Map<number, number>();
  for (const l of out) perLine.set(line(l.span.start), (perLine.get(line(l.span.start)) ?? 0) + 1);
  return out.map(({ span, title, target }) => ({
    span,
    title: perLine.get(line(span.start))! > 1 ? `${target.name}: ${title}` : title,
    target,
  }));
}
