/**
 * `simulate --all`: every single node, every pair of nodes or every failure domain, run as its own
 * scenario, worst first. Cheap at OpenStack sizes: 50 nodes make 1,225 pairs.
 */
import { domainsOf, SimModel } from './model';
import { rankOf } from './ranking';
import { Scenario, ScenarioResult, simulate } from './scenario';

export type Enumeration = 'single' | 'pairs' | 'domains';

export function scenariosOf(m: SimModel, all: Enumeration): Scenario[] {
  const nodes = m.nodes.map((n) => n.name);
  if (all === 'single') return nodes.map((n) => ({ steps: [{ fail: [n] }] }));
  if (all === 'domains') return domainsOf(m).map((d) => ({ steps: [{ failDomains: [d] }] }));
  const out: Scenario[] = [];
  for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) out.push({ steps: [{ fail: [nodes[i], nodes[j]] }] });
  return out;
}

/** Every scenario of the enumeration, worst first (stable: the enumeration's order among equals). */
export function enumerate(m: SimModel, all: Enumeration): ScenarioResult[] {
  const results = scenariosOf(m, all).map((s, i) => ({ r: simulate(m, s), i }));
  return results.sort((a, b) => compareRanks(rankOf(a.r), rankOf(b.r)) || a.i - b.i).map((x) => x.r);
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
  return 0;
}
