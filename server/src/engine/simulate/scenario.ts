/**
 * Runs a scenario (failed nodes, failed domains, network partitions, in ordered steps) over a
 * deployment's SimModel and says, per cluster side, VIP and service, what happens, in the shape of
 * `openstack-ha simulate --format json` (spec/simulate.md).
 *
 * A step is settled before the next (last_man_standing's window has passed, Galera has re-formed).
 * Failed nodes stay failed in later steps until a step recovers them; a network split lasts for its
 * own step (a later step without --partition has the network whole again). A node named in --fail
 * crashed (its BMC still answers a fence request); a failure domain lost power (every node in it,
 * their BMCs and the fence devices it powers).
 */
import { domainsOf, membersOf, SimCluster, SimModel, SimService } from './model';
import type { ClusterKind } from './model';
import type { Verdict } from './types';
import * as votequorum from './votequorum';
import * as galera from './galera';
import * as rabbitmq from './rabbitmq';
import * as keepalived from './keepalived';
import * as pacemaker from './pacemaker';
import { backendsBehind } from './haproxy';
import { closest } from '../text/suggest';

/** One settled step of a scenario. Failed nodes stay failed in later steps unless recovered. */
export interface Step {
  /** Nodes that fail at once. */
  fail?: string[];
  /** Failure domains whose every node fails (a rack losing power: BMCs and PDUs in it too). */
  failDomains?: string[];
  /** The network cut into groups (node or domain names); nodes not listed are in the first group. */
  partition?: string[][];
  /** Nodes shut down cleanly: Galera counts them as left gracefully, Pacemaker moves their resources without fencing. */
  stop?: string[];
  /** Nodes (or domains) that come back. */
  recover?: string[];
}

export interface Scenario {
  /** "ctl-b fails"; made from the steps when absent. */
  name?: string;
  steps: Step[];
}

export interface ClusterResult {
  name: string;
  kind: ClusterKind;
  partition: string[];
  votes: number;
  expected: number;
  quorum: number | string;
  quorate: boolean;
  explain: string;
}

export interface VipResult {
  name: string;
  holders: string[];
  explain: string;
}

export interface ServiceResult {
  name: string;
  verdict: Verdict;
  running: string[];
  explain: string;
}

export interface ScenarioResult {
  name: string;
  failed: string[];
  partitions: string[][];
  clusters: ClusterResult[];
  vips: VipResult[];
  services: ServiceResult[];
  /** The steps before the last one, for a sequence (each in this same shape, without `steps`). */
  steps?: ScenarioResult[];
}

/** The worst verdicts first (for enumerations and exit codes). */
export const VERDICT_ORDER: Verdict[] = ['split-brain', 'down', 'blocked', 'degraded', 'available'];
const rank = (v: Verdict): number => VERDICT_ORDER.indexOf(v);
export const worse = (a: Verdict, b: Verdict): Verdict => (rank(a) <= rank(b) ? a : b);
/** Verdicts that fail `simulate` (exit 1). */
export const isFailure = (v: Verdict): boolean => v === 'split-brain' || v === 'down' || v === 'blocked';

/** Names in a scenario that the model does not know, with a suggestion each: empty when all are known. */
export function unknownNames(m: SimModel, s: Scenario): string[] {
  const nodes = m.nodes.map((n) => n.name);
  const domains = domainsOf(m);
  const out: string[] = [];
  const check = (name: string, what: 'node' | 'domain' | 'node or domain') => {
    const pool = what === 'node' ? nodes : what === 'domain' ? domains : [...nodes, ...domains];
    if (pool.includes(name)) return;
    const near = closest(name, pool)[0];
    const known =
      what === 'domain' ? `failure domains: ${domains.join(', ') || 'none (no node has failure_domain)'}` : `nodes: ${nodes.join(', ')}`;
    out.push(`unknown ${what} '${name}'${near ? ` (did you mean '${near}'?)` : ''}; ${known}`);
  };
  for (const st of s.steps) {
    for (const n of st.fail ?? []) check(n, 'node');
    for (const d of st.failDomains ?? []) check(d, 'domain');
    for (const g of st.partition ?? []) for (const n of g) check(n, 'node or domain');
    for (const n of st.stop ?? []) check(n, 'node');
    for (const n of st.recover ?? []) check(n, 'node or domain');
  }
  return [...new Set(out)];
}

const listWords = (xs: string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** "ctl-b fails", "rack-a fails (ctl-a, ctl-b)", "the network splits ctl-a | ctl-b, ctl-c", joined by ", then ". */
export function scenarioName(m: SimModel, s: Scenario): string {
  const words = s.steps.map((st) => {
    const parts: string[] = [];
    const fail = st.fail ?? [];
    if (fail.length) parts.push(`${listWords(fail)} ${fail.length === 1 ? 'fails' : 'fail'}`);
    for (const d of st.failDomains ?? []) parts.push(`${d} fails (${nodesIn(m, d).join(', ')})`);
    if (st.partition) parts.push(`the network splits ${st.partition.map((g) => g.join(', ')).join(' | ')}`);
    const stop = st.stop ?? [];
    if (stop.length) parts.push(`${listWords(stop)} ${stop.length === 1 ? 'is' : 'are'} shut down cleanly`);
    if (st.recover?.length) parts.push(`${listWords(st.recover)} ${st.recover.length === 1 ? 'returns' : 'return'}`);
    return parts.join(' and ');
  });
  return words.filter(Boolean).join(', then ') || 'as deployed';
}

const nodesIn = (m: SimModel, domain: string): string[] => m.nodes.filter((n) => n.domain === domain).map((n) => n.name);
/** A name of a node or of a domain, as nodes. */
const expand = (m: SimModel, name: string): string[] => (m.nodes.some((n) => n.name === name) ? [name] : nodesIn(m, name));

/** How a node went: crashed, lost power with its domain, or shut down cleanly. */
type Gone = pacemaker.FailureKind | 'stop';

interface ClusterState {
  quorum?: votequorum.QuorumState;
  galera?: galera.GaleraState;
  keepalived?: keepalived.KeepalivedState;
  /** Where each active-passive resource (a service, a VIP) of a Pacemaker cluster runs, by name. */
  placed?: Map<string, string[]>;
}

/** What the scenario does to one cluster in one step, for the VIPs and services that ride on it. */
interface ClusterOutcome {
  sides: ClusterResult[];
  verdict: Verdict;
  explain: string;
  /** Members on sides that serve (Galera primary, RabbitMQ running, Pacemaker running resources). */
  serving: string[][];
  /** Pacemaker: can a side recover a lost node's resources; keepalived: the VIP holders. */
  pacemaker?: pacemaker.PacemakerResult;
  holders?: string[];
}

export function simulate(m: SimModel, s: Scenario): ScenarioResult {
  const all = m.nodes.map((n) => n.name);
  const failed = new Map<string, Gone>();
  const downDomains = new Set<string>();
  const states = new Map<string, ClusterState>(m.clusters.map((c) => [c.name, initial(c)]));
  const results: ScenarioResult[] = [];
  s.steps.forEach((st, i) => {
    for (const r of (st.recover ?? []).flatMap((n) => expand(m, n))) failed.delete(r);
    for (const d of st.recover ?? []) downDomains.delete(d);
    const stopping: string[] = [];
    for (const n of st.stop ?? [])
      if (!failed.has(n)) {
        failed.set(n, 'stop');
        stopping.push(n);
      }
    for (const n of st.fail ?? []) if (!failed.has(n)) failed.set(n, 'crash');
    for (const d of st.failDomains ?? []) {
      downDomains.add(d);
      for (const n of nodesIn(m, d)) failed.set(n, 'power');
    }
    const groups = partitionsOf(m, all, failed, st.partition);
    const name = s.steps.length === 1 && s.name ? s.name : scenarioName(m, { steps: s.steps.slice(0, i + 1) });
    results.push(runStep(m, states, groups, failed, stopping, [...downDomains], s.name && i === s.steps.length - 1 ? s.name : name));
  });
  const last = results[results.length - 1];
  if (results.length > 1) last.steps = results.slice(0, -1);
  return last;
}

function partitionsOf(m: SimModel, all: string[], failed: Map<string, unknown>, cut?: string[][]): string[][] {
  const alive = all.filter((n) => !failed.has(n));
  if (!cut) return alive.length ? [alive] : [];
  const groupOf = new Map<string, number>();
  cut.forEach((g, i) => {
    for (const name of g) for (const n of expand(m, name)) if (!groupOf.has(n)) groupOf.set(n, i);
  });
  const groups: string[][] = cut.map(() => []);
  for (const n of alive) groups[groupOf.get(n) ?? 0].push(n);
  return groups.filter((g) => g.length > 0);
}

function initial(c: SimCluster): ClusterState {
  switch (c.kind) {
    case 'pacemaker':
    case 'corosync':
      return { quorum: votequorum.initialState(c.quorum), placed: new Map() };
    case 'galera':
      return { galera: galera.initialState(c.config) };
    case 'rabbitmq':
      return {};
    case 'keepalived':
      return { keepalived: keepalived.initialState(c.config) };
  }
}

function runStep(
  m: SimModel,
  states: Map<string, ClusterState>,
  groups: string[][],
  failed: Map<string, Gone>,
  stopping: string[],
  downDomains: string[],
  name: string,
): ScenarioResult {
  const outcomes = new Map<string, ClusterOutcome>();
  for (const c of m.clusters) outcomes.set(c.name, clusterStep(c, states.get(c.name)!, groups, failed, stopping, downDomains));
  const sides = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((n) => sides.set(n, i)));
  const sideOf = (n: string) => sides.get(n) ?? -1;

  const vips = m.vips.map((v) => vipStep(m, v.name, v.cluster, outcomes, states));
  // the load balancer first: the services behind it are reached only where it runs
  const balancer = m.services.find((x) => x.name === 'haproxy');
  const lb = balancer ? serviceStep(m, balancer, outcomes, states, groups, vips, sideOf) : undefined;
  const services = m.services.map((svc) => (svc === balancer ? lb! : serviceStep(m, svc, outcomes, states, groups, vips, sideOf, lb)));
  return {
    name,
    failed: m.nodes.filter((n) => failed.has(n.name)).map((n) => n.name),
    partitions: groups,
    clusters: [...outcomes.values()].flatMap((o) => o.sides),
    vips,
    services,
  };
}

function clusterStep(
  c: SimCluster,
  st: ClusterState,
  groups: string[][],
  failed: Map<string, Gone>,
  stopping: string[],
  downDomains: string[],
): ClusterOutcome {
  const members = membersOf(c);
  switch (c.kind) {
    case 'pacemaker':
    case 'corosync': {
      const qnetdUp = c.qnetdHost === undefined || !failed.has(c.qnetdHost);
      const r = votequorum.step(c.quorum, st.quorum!, groups, { qnetdUp });
      st.quorum = r.state;
      const sides: ClusterResult[] = r.sides.map((x) => ({ name: c.name, kind: c.kind, ...x }));
      if (!c.pacemaker) {
        const quorate = r.sides.filter((x) => x.quorate);
        const verdict: Verdict =
          quorate.length > 1
            ? 'split-brain'
            : quorate.length === 0
              ? 'down'
              : quorate[0].partition.length === members.length
                ? 'available'
                : 'degraded';
        return { sides, verdict, explain: sides.map((x) => x.explain).join('; '), serving: quorate.map((x) => x.partition) };
      }
      // a node shut down cleanly handed its resources over: nothing to fence, nothing to recover
      const stopped = new Set(members.filter((n) => failed.get(n) === 'stop'));
      const lost = members.flatMap((node) => {
        const how = failed.get(node);
        return how && how !== 'stop' ? [{ node, how }] : [];
      });
      const config = stopped.size ? { ...c.pacemaker, nodes: c.pacemaker.nodes.filter((n) => !stopped.has(n)) } : c.pacemaker;
      const p = pacemaker.evaluate(config, r.sides, lost, downDomains);
      return {
        sides,
        verdict: p.verdict,
        explain: p.explain,
        serving: p.sides.filter((x) => x.runs).map((x) => x.partition),
        pacemaker: p,
      };
    }
    case 'galera': {
      const r = galera.step(c.config, st.galera!, groups, stopping);
      st.galera = r.state;
      return {
        sides: r.sides.map((x) => side(c, x)),
        verdict: r.verdict,
        explain: r.explain,
        serving: r.sides.filter((x) => x.running).map((x) => x.partition),
      };
    }
    case 'rabbitmq': {
      const r = rabbitmq.evaluate(c.config, groups);
      return {
        sides: r.sides.map((x) => side(c, x)),
        verdict: r.verdict,
        explain: r.explain,
        serving: r.sides.filter((x) => x.running).map((x) => x.partition),
      };
    }
    case 'keepalived': {
      const r = keepalived.step(c.config, st.keepalived!, groups);
      st.keepalived = r.state;
      return {
        sides: r.sides.map((x) => side(c, x)),
        verdict: r.verdict,
        explain: r.explain,
        serving: r.holders.map((h) => [h]),
        holders: r.holders,
      };
    }
  }
}

function side(
  c: SimCluster,
  x: { partition: string[]; votes: number; expected: number; quorum: string; quorate: boolean; explain: string },
): ClusterResult {
  return {
    name: c.name,
    kind: c.kind,
    partition: x.partition,
    votes: x.votes,
    expected: x.expected,
    quorum: x.quorum,
    quorate: x.quorate,
    explain: x.explain,
  };
}

/**
 * Where a Pacemaker-managed resource (a VIP, an active-passive service) runs after the step: it stays
 * where it ran while that node runs resources; else it starts on the first eligible member of a side
 * that runs resources and may recover (fencing done); with two such sides (no-quorum-policy ignore)
 * it runs on both.
 */
function placeOnPacemaker(st: ClusterState, key: string, eligible: string[], o: ClusterOutcome): string[] {
  const p = o.pacemaker!;
  const before = st.placed!.get(key) ?? eligible.slice(0, 1);
  const runningSides = p.sides.filter((x) => x.runs);
  const next: string[] = [];
  for (const sd of runningSides) {
    const stay = before.find((n) => sd.partition.includes(n));
    if (stay) next.push(stay);
    else if (sd.recovers || before.length === 0) {
      const first = eligible.find((n) => sd.partition.includes(n));
      if (first) next.push(first);
    }
  }
  st.placed!.set(key, next);
  return next;
}

function vipStep(
  m: SimModel,
  vip: string,
  clusterName: string | undefined,
  outcomes: Map<string, ClusterOutcome>,
  states: Map<string, ClusterState>,
): VipResult {
  const c = clusterName ? m.clusters.find((x) => x.name === clusterName) : undefined;
  const o = c ? outcomes.get(c.name) : undefined;
  if (!c || !o) return { name: vip, holders: [], explain: `no cluster of the deployment moves VIP ${vip}: who holds it is not known` };
  if (c.kind === 'keepalived') {
    const holders = o.holders ?? [];
    return { name: vip, holders, explain: o.explain };
  }
  if (o.pacemaker) {
    const holders = placeOnPacemaker(states.get(c.name)!, `vip:${vip}`, membersOf(c), o);
    const why =
      holders.length === 0
        ? `Pacemaker cannot run VIP ${vip}: ${o.pacemaker.explain}`
        : holders.length > 1
          ? `VIP ${vip} runs on ${holders.join(' and ')}: ${o.pacemaker.explain}`
          : `Pacemaker runs VIP ${vip} on ${holders[0]}: ${o.pacemaker.explain}`;
    return { name: vip, holders, explain: why };
  }
  return { name: vip, holders: [], explain: `cluster ${c.name} (${c.kind}) does not move VIPs: who holds VIP ${vip} is not known` };
}

function serviceStep(
  m: SimModel,
  svc: SimService,
  outcomes: Map<string, ClusterOutcome>,
  states: Map<string, ClusterState>,
  groups: string[][],
  vips: VipResult[],
  sideOf: (n: string) => number,
  lb?: ServiceResult,
): ServiceResult {
  const alive = svc.nodes.filter((n) => sideOf(n) >= 0);
  const cluster = svc.cluster ? m.clusters.find((c) => c.name === svc.cluster) : undefined;
  const o = cluster ? outcomes.get(cluster.name) : undefined;
  const count = `${alive.length} of ${svc.nodes.length}`;

  // active-passive: one instance, moved by its Pacemaker cluster (or by nothing)
  if (svc.mode === 'active-passive') {
    if (cluster && o?.pacemaker) {
      const at = placeOnPacemaker(states.get(cluster.name)!, `service:${svc.name}`, svc.nodes, o);
      const verdict: Verdict =
        at.length > 1
          ? 'split-brain'
          : at.length === 1
            ? alive.length === svc.nodes.length
              ? 'available'
              : 'degraded'
            : o.verdict === 'blocked'
              ? 'blocked'
              : 'down';
      const explain =
        at.length === 1
          ? `${svc.name} runs on ${at[0]} (active-passive, moved by Pacemaker cluster ${cluster.name}); ${o.explain}`
          : o.explain;
      return { name: svc.name, verdict, running: at, explain };
    }
    const active = svc.nodes[0];
    const up = active !== undefined && sideOf(active) >= 0;
    return {
      name: svc.name,
      verdict: up ? (alive.length === svc.nodes.length ? 'available' : 'degraded') : 'down',
      running: up ? [active] : [],
      explain: up
        ? `${svc.name} runs on ${active} (active-passive, no cluster manager moves it)`
        : `${svc.name} ran on ${active ?? 'no node'}, which is lost, and no cluster manager moves it to ${svc.nodes.slice(1).join(', ') || 'another node'}`,
    };
  }

  // clustered: the cluster's own verdict, then what clients reach through a VIP
  let verdict: Verdict;
  let running: string[];
  let explain: string;
  if (svc.mode === 'clustered' && o && (cluster!.kind === 'galera' || cluster!.kind === 'rabbitmq')) {
    verdict = o.verdict;
    running = o.serving.flat();
    explain = o.explain;
  } else if (alive.length === 0) {
    verdict = 'down';
    running = [];
    explain = svc.nodes.length
      ? `no node of ${svc.name} is running (0 of ${svc.nodes.length}: ${svc.nodes.join(', ')})`
      : `${svc.name} is placed on no node of the deployment`;
  } else if (o?.pacemaker && !alive.every((n) => o.serving.some((side) => side.includes(n)))) {
    // a clone Pacemaker runs: its instances stop on a side that does not run resources (no-quorum-policy)
    const kept = alive.filter((n) => o.serving.some((side) => side.includes(n)));
    const stopped = alive.filter((n) => !kept.includes(n));
    verdict = kept.length === 0 ? 'down' : 'degraded';
    running = kept;
    explain = `${kept.length} of ${svc.nodes.length} instances of ${svc.name} run (${kept.join(', ') || 'none'}): Pacemaker stops them on ${stopped.join(', ')}; ${o.explain}`;
  } else {
    verdict = alive.length === svc.nodes.length ? 'available' : 'degraded';
    running = alive;
    explain =
      svc.mode === 'client-side'
        ? `${count} ${svc.name} servers run (${alive.join(', ')}); clients skip the lost ones after their timeout`
        : `${count} instances of ${svc.name} run (${alive.join(', ')})`;
  }
  // behind a VIP: the VIP's holder(s) HAProxy (or the service itself) reach the instances on their side
  for (const vipName of svc.vips) {
    const v = vips.find((x) => x.name === vipName);
    if (!v) continue;
    const known = m.vips.find((x) => x.name === vipName)?.cluster !== undefined;
    if (!known) continue;
    if (verdict === 'down' || verdict === 'split-brain' || running.length === 0) break;
    // reached through HAProxy: only a holder where HAProxy runs forwards anything
    const holders = svc.balanced && lb ? v.holders.filter((h) => lb.running.includes(h)) : v.holders;
    if (holders.length < v.holders.length && holders.length === 0) {
      verdict = 'down';
      explain = `VIP ${vipName} is held by ${v.holders.join(' and ')}, where HAProxy does not run (it runs on ${lb!.running.join(', ') || 'no node'}); ${explain}`;
      running = [];
      break;
    }
    const b = backendsBehind(svc.name, vipName, holders, groups, running);
    if (rank(b.verdict) < rank(verdict)) {
      verdict = b.verdict;
      explain = `${b.explain}; ${explain}`;
    } else if (b.verdict !== 'available' && b.reached.length < running.length) explain = `${explain}; ${b.explain}`;
    if (b.verdict !== 'split-brain') running = running.filter((n) => b.reached.includes(n));
  }
  return { name: svc.name, verdict, running, explain };
}
