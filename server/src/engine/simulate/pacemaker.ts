/**
 * Pacemaker for the failure simulator: what a partition side does with its resources once corosync
 * has said whether it is quorate (no-quorum-policy), and whether the quorate side can recover the
 * resources of nodes it lost (fencing must succeed first: a fence device in the failed domain, or a
 * node's own BMC on a power loss, blocks recovery). See failure-math.md section 1. Pure: no I/O.
 *
 * A side that is quorate, or not quorate with no-quorum-policy ignore, may start resources; freeze keeps
 * what runs and starts nothing; stop, demote, suicide and fence take the side's resources down. Before it
 * starts the resources of a member it does not hold (failed, or beyond a network cut), a side with
 * stonith-enabled must fence that member; without stonith it assumes the member is down.
 */
import type { Verdict } from './types';

export type NoQuorumPolicy = 'stop' | 'freeze' | 'ignore' | 'demote' | 'suicide' | 'fence';

export interface FenceDevice {
  name: string;
  /** The nodes it can fence; every member when absent. */
  targets?: string[];
  /**
   * What it needs alive to work: the node it sits in (a BMC: fence_ipmilan for that node) and/or the
   * failure domain it is powered from (a PDU in rack-a). Absent: always reachable.
   */
  hostNode?: string;
  domain?: string;
}

export interface PacemakerConfig {
  nodes: string[];
  /** stop when absent (Pacemaker's default). */
  noQuorumPolicy?: NoQuorumPolicy;
  /** stonith-enabled (Pacemaker's default is true). */
  stonith: boolean;
  /** Known fence devices; absent: not known (fencing assumed to work when stonith is on). */
  fencing?: FenceDevice[];
}

/** How a node failed: `power` takes its BMC and its domain's devices with it; `crash` leaves its BMC. */
export type FailureKind = 'crash' | 'power';

export interface PacemakerSideInput {
  partition: string[];
  quorate: boolean;
}

export interface PacemakerSide {
  partition: string[];
  quorate: boolean;
  /** Resources run on this side (quorate, or no-quorum-policy ignore/freeze keeping what runs). */
  runs: boolean;
  /** This side can start the lost nodes' resources (quorate and every lost node fenced). */
  recovers: boolean;
  /** The lost nodes this side cannot fence, with why. */
  unfenced: { node: string; why: string }[];
  explain: string;
}

export interface PacemakerResult {
  sides: PacemakerSide[];
  /** For an active-passive resource group on the cluster. */
  verdict: Verdict;
  explain: string;
}

/** How a node this side must fence is gone: failed (crash or power) or alive beyond a network cut. */
type Gone = FailureKind | 'cut';

const POLICY_WORDS: Record<NoQuorumPolicy, string> = {
  stop: 'stops its resources',
  freeze: 'keeps what runs here but starts nothing',
  ignore: 'keeps running and may start resources as if it were quorate',
  demote: 'demotes promotable resources and stops the others',
  suicide: 'fences its own nodes',
  fence: 'fences its own nodes',
};

/** Why `d` cannot fence `target`, or undefined when it can. */
function deviceFails(
  d: FenceDevice,
  target: string,
  how: Gone,
  lostHow: Map<string, FailureKind>,
  downDomains: Set<string>,
): string | undefined {
  if (d.hostNode !== undefined) {
    if (d.hostNode === target) {
      // A crashed node's BMC still answers; a node without power takes its BMC with it.
      if (how === 'power') return `${d.name} lost power with it`;
    } else if (lostHow.has(d.hostNode)) {
      return `${d.name} sits in ${d.hostNode}, which is down`;
    }
  }
  if (d.domain !== undefined && downDomains.has(d.domain)) return `${d.name} is in ${d.domain}, which lost power`;
  return undefined;
}

/** The nodes a side must fence that none of its devices can, with why. Fence devices are assumed reachable across a cut (a separate management network). */
function unfencedOf(
  c: PacemakerConfig,
  toFence: { node: string; how: Gone }[],
  lostHow: Map<string, FailureKind>,
  downDomains: Set<string>,
) {
  const out: { node: string; why: string }[] = [];
  for (const { node, how } of toFence) {
    const devices = (c.fencing ?? []).filter((d) => d.targets === undefined || d.targets.includes(node));
    const reasons = devices.map((d) => deviceFails(d, node, how, lostHow, downDomains));
    if (devices.length === 0) out.push({ node, why: 'no fence device targets it' });
    else if (reasons.every((r) => r !== undefined))
      out.push({ node, why: devices.length === 1 ? `its only device ${reasons[0]}` : `every device fails: ${reasons.join('; ')}` });
  }
  return out;
}

/** The devices that fence each node, for the explanation: "ctl-b (ipmi-ctl-b)". */
function fencedWith(
  c: PacemakerConfig,
  toFence: { node: string; how: Gone }[],
  lostHow: Map<string, FailureKind>,
  downDomains: Set<string>,
): string {
  return toFence
    .map(({ node, how }) => {
      const d = (c.fencing ?? []).find(
        (x) => (x.targets === undefined || x.targets.includes(node)) && deviceFails(x, node, how, lostHow, downDomains) === undefined,
      );
      return d ? `${node} (${d.name})` : node;
    })
    .join(', ');
}

const list = (xs: string[]): string => xs.join(', ');

/** "ctl-a cannot fence ctl-b: no fence device targets it". */
const cannotFence = (x: PacemakerSide): string =>
  `${list(x.partition)} cannot fence ${x.unfenced.map((u) => `${u.node}: ${u.why}`).join('; ')}`;

/** "side ctl-c keeps" / "sides ctl-a | ctl-b keep". */
const frozenWords = (xs: PacemakerSide[]): string =>
  `${xs.length === 1 ? 'side' : 'sides'} ${xs.map((x) => list(x.partition)).join(' | ')} ${xs.length === 1 ? 'keeps' : 'keep'}`;

/**
 * `sides`: corosync's verdict per side; `lost`: members not on a side (failed) with how they failed;
 * `downDomains`: failure domains that lost power.
 */
export function evaluate(
  c: PacemakerConfig,
  sides: PacemakerSideInput[],
  lost: { node: string; how: FailureKind }[],
  downDomains: string[],
): PacemakerResult {
  const policy = c.noQuorumPolicy ?? 'stop';
  const lostHow = new Map(lost.map((l) => [l.node, l.how]));
  const domains = new Set(downDomains);
  const out: PacemakerSide[] = [];
  /** Per side, what it must fence before recovering: every member it does not hold. */
  const needs: { node: string; how: Gone }[][] = [];

  for (const input of sides) {
    const here = new Set(input.partition);
    const toFence = c.nodes.filter((n) => !here.has(n)).map((node) => ({ node, how: lostHow.get(node) ?? ('cut' as const) }));
    needs.push(toFence);
    const starts = input.quorate || policy === 'ignore';
    const runs = starts || policy === 'freeze';
    let explain = input.quorate
      ? 'Pacemaker: quorate'
      : `Pacemaker: not quorate; no-quorum-policy ${policy}: this side ${POLICY_WORDS[policy]}`;
    let recovers = false;
    let unfenced: { node: string; why: string }[] = [];
    if (starts) {
      const names = list(toFence.map((x) => x.node));
      if (toFence.length === 0) {
        recovers = true;
        if (input.quorate) explain += ', so this side runs the resources';
      } else if (!c.stonith) {
        recovers = true;
        explain += `; stonith-enabled is false, so it recovers the resources of ${names} without fencing, assuming ${toFence.length === 1 ? 'that node is' : 'those nodes are'} down (if not: data corruption)`;
      } else if (c.fencing === undefined) {
        recovers = true;
        explain += `; fencing of ${names} is assumed to work (no fence devices known), then it recovers ${toFence.length === 1 ? 'its' : 'their'} resources`;
      } else {
        unfenced = unfencedOf(c, toFence, lostHow, domains);
        recovers = unfenced.length === 0;
        explain += recovers
          ? `; it fences ${fencedWith(c, toFence, lostHow, domains)}, then recovers ${toFence.length === 1 ? 'its' : 'their'} resources`
          : `; recovery waits on fencing of ${unfenced.map((u) => `${u.node}: ${u.why}`).join('; ')}`;
      }
    }
    out.push({ partition: input.partition, quorate: input.quorate, runs, recovers, unfenced, explain });
  }

  const starters = out.filter((x) => x.quorate || policy === 'ignore');
  const frozen = out.filter((x) => x.runs && !starters.includes(x));
  let verdict: Verdict;
  let explain: string;
  if (out.length === 0) {
    verdict = 'down';
    explain = 'Pacemaker: no member is running';
  } else if (starters.length > 1) {
    const who = starters.map((x) => x.partition.join('+')).join(' | ');
    const why = policy === 'ignore' ? 'no-quorum-policy ignore' : 'each is quorate';
    if (!c.stonith) {
      verdict = 'split-brain';
      explain = `Pacemaker: ${starters.length} sides may start resources (${who}: ${why}) and stonith-enabled is false, so both run them`;
    } else if (starters.filter((x) => x.recovers).length === 1) {
      const winner = starters.filter((x) => x.recovers)[0];
      const losers = starters.filter((x) => x !== winner);
      verdict = 'degraded';
      explain = `Pacemaker: ${starters.length} sides may start resources (${who}: ${why}), but each must fence the other first: only ${list(winner.partition)} can (${losers.map(cannotFence).join(' | ')}), so it runs them`;
    } else if (starters.some((x) => x.recovers)) {
      // Each side must fence the others before it starts their resources: the survivor is the race's winner.
      verdict = 'degraded';
      explain = `Pacemaker: ${starters.length} sides may start resources (${who}: ${why}), but each must fence the other first: the fence race decides which side runs them (a fence delay picks the winner)`;
      if (c.fencing === undefined) explain += '; fencing assumed to work';
    } else {
      verdict = 'blocked';
      explain = `Pacemaker: ${starters.length} sides may start resources (${who}: ${why}), but none can fence the other: ${starters.map(cannotFence).join(' | ')}`;
    }
  } else if (starters.length === 1) {
    const q = starters[0];
    const i = out.indexOf(q);
    const gone = needs[i].map((x) => x.node);
    const label = q.quorate ? 'the quorate side' : 'the only side running (no-quorum-policy ignore)';
    if (gone.length === 0) {
      verdict = 'available';
      explain = `Pacemaker: all ${c.nodes.length} nodes are in ${label} and run the resources`;
    } else if (q.recovers) {
      verdict = 'degraded';
      explain = `Pacemaker: ${label} (${list(q.partition)}) recovers the resources of ${list(gone)}`;
      if (!c.stonith) explain += ' without fencing (stonith-enabled is false: if a lost node still runs them, data corruption)';
      else if (c.fencing === undefined) explain += ' after fencing (assumed to work: no fence devices known)';
      else explain += ' after fencing';
    } else {
      verdict = 'blocked';
      explain = `Pacemaker: recovery waits on fencing of ${q.unfenced.map((u) => `${u.node}: ${u.why}`).join('; ')}`;
    }
    if (!c.stonith && frozen.length > 0)
      explain += `; ${frozenWords(frozen)} what runs there (no-quorum-policy freeze): if the group ran there, both sides run it`;
  } else if (frozen.length > 0) {
    // Frozen sides keep what already runs on them: the group serves only if it was there, and nothing is recovered.
    verdict = 'degraded';
    explain = `Pacemaker: no side is quorate; ${frozenWords(frozen)} what runs there (no-quorum-policy freeze), and nothing starts`;
  } else {
    verdict = 'down';
    explain = `Pacemaker: no side is quorate and no-quorum-policy ${policy} ${policy === 'stop' ? 'stops' : 'takes down'} the resources on every side`;
  }
  return { sides: out, verdict, explain };
}
