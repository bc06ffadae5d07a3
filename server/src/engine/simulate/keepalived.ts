/**
 * keepalived/VRRP for the failure simulator: who holds a VRRP instance's VIPs after a step. Pure: no I/O.
 *
 * After keepalived.conf(5) and VRRP (RFC 5798), summarised in failure-math.md section 5:
 * - effective priority = base + the weights of up trackers with weight > 0 - |weight| of down trackers with
 *   weight < 0 (`reverse` turns a tracker's state around), clamped to 1..254; a down tracker of weight 0 puts
 *   the instance in FAULT; the address owner's 255 is not changed by weights.
 * - the instances that hear each other (one partition side) elect the highest effective priority, the higher
 *   primary address on a tie. A backup with a strictly higher priority takes over from the master unless it has
 *   `nopreempt`, so the holder depends on history: pass each step's state to the next.
 * - VRRP has no quorum: every side with a live instance elects its own master (a duplicate VIP).
 */
import { ClusterSide, Verdict } from './types';

/** A tracked script, interface or ping target. */
export interface Tracker {
  name: string;
  /** 0: a failure puts the instance in FAULT; > 0 adds when up; < 0 subtracts |w| when down. */
  weight: number;
  /** `reverse`: the tracker's effect is inverted. */
  reverse?: boolean;
  /**
   * What it watches, as the simulator can judge it: a node name (down when that node is not on the
   * instance's side). Absent: it stays up in every scenario (a local script or interface).
   */
  watches?: string;
}

export interface KeepalivedInstance {
  node: string;
  /** `priority` as written (1-255; 255 is the address owner). */
  priority: number;
  /** `state` as written; MASTER or BACKUP. */
  state?: 'MASTER' | 'BACKUP';
  nopreempt?: boolean;
  /** The node's primary address: with equal priority the higher address wins. */
  address?: string;
  trackers?: Tracker[];
}

export interface KeepalivedConfig {
  vrid?: number;
  /** The VIPs the instance moves, by the model's VIP names. */
  vips: string[];
  instances: KeepalivedInstance[];
}

export interface KeepalivedState {
  /** The node holding the VIPs on each side after the step (several: a duplicate VIP). */
  holders: string[];
}

export interface KeepalivedStep {
  /** votes = instances on the side, expected = all instances, quorum "none (VRRP has no quorum)". */
  sides: ClusterSide[];
  holders: string[];
  state: KeepalivedState;
  /** available: one holder, every instance up; degraded: one holder; down: none; split-brain: several. */
  verdict: Verdict;
  explain: string;
}

const OWNER = 255;

/** An instance as judged on its side: effective priority, FAULT reasons and the sum in words. */
interface Judged {
  inst: KeepalivedInstance;
  /** Its position in the configuration (the tie-break without addresses). */
  index: number;
  priority: number;
  /** Why it is in FAULT ("check_alive down, weight 0"); empty when it is not. */
  fault: string[];
  /** "priority 100 - 101 (ping-gw down) = -1, clamped to 1". */
  sum: string;
}

function judge(inst: KeepalivedInstance, index: number, present: Set<string>): Judged {
  const fault: string[] = [];
  const terms: string[] = [];
  let raw = inst.priority;
  for (const t of inst.trackers ?? []) {
    const seen = t.watches === undefined || present.has(t.watches);
    // `reverse` turns the tracker's state around before its weight applies.
    const up = t.reverse ? !seen : seen;
    const what = `${t.name} ${seen ? 'up' : 'down'}${t.reverse ? ', reversed' : ''}`;
    if (t.weight === 0) {
      if (!up) fault.push(`${what}, weight 0`);
    } else if (inst.priority !== OWNER) {
      if (t.weight > 0 && up) {
        raw += t.weight;
        terms.push(`+ ${t.weight} (${what})`);
      } else if (t.weight < 0 && !up) {
        raw += t.weight;
        terms.push(`- ${-t.weight} (${what})`);
      }
    }
  }
  if (inst.priority === OWNER)
    return { inst, index, priority: OWNER, fault, sum: 'priority 255 (address owner: trackers do not change it)' };
  const priority = Math.min(254, Math.max(1, raw));
  let sum = `priority ${inst.priority} ${terms.length > 0 ? terms.join(' ') : '+ 0'} = ${raw}`;
  if (priority !== raw) sum += `, clamped to ${priority}`;
  return { inst, index, priority, fault, sum };
}

/** An address as a number and its family, or undefined when it does not parse. */
function addressValue(a: string | undefined): { v6: boolean; value: bigint } | undefined {
  if (a === undefined) return undefined;
  const s = a.replace(/\/\d+$/, '').replace(/%.*$/, '');
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { v6: false, value: parts.reduce((acc, p) => acc * 256n + BigInt(p), 0n) };
  }
  if (!s.includes(':') || s.split('::').length > 2) return undefined;
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(Math.max(0, fill)).fill('0'), ...right];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return { v6: true, value: groups.reduce((acc, g) => acc * 65536n + BigInt(parseInt(g, 16)), 0n) };
}

/**
 * Equal priorities: the higher primary address wins (VRRP's rule). Without comparable addresses we assume
 * the later instance in the configuration wins: the files do not say which node's address is higher.
 */
function tieBreak(a: Judged, b: Judged): { aWins: boolean; why: string } {
  const x = addressValue(a.inst.address);
  const y = addressValue(b.inst.address);
  if (x && y && x.v6 === y.v6 && x.value !== y.value) {
    const aWins = x.value > y.value;
    const [hi, lo] = aWins ? [a, b] : [b, a];
    return { aWins, why: `${hi.inst.address} is higher than ${lo.inst.address}` };
  }
  return { aWins: a.index > b.index, why: 'the later in the configuration wins (assumed: addresses unknown)' };
}

/** Whether a wins the election against b: the higher priority, then the tie-break. */
function beats(a: Judged, b: Judged): boolean {
  return a.priority !== b.priority ? a.priority > b.priority : tieBreak(a, b).aWins;
}

const best = (xs: Judged[]): Judged => xs.reduce((a, b) => (beats(b, a) ? b : a));

function vipWords(c: KeepalivedConfig): string {
  if (c.vips.length === 0) return 'the VIPs';
  return c.vips.length === 1 ? `VIP ${c.vips[0]}` : `VIPs ${c.vips.join(', ')}`;
}

const faultWords = (j: Judged): string => `${j.inst.node} FAULT: ${j.fault.join('; ')}`;

/** "highest of 3 instances here (lb-a 1; lb-c FAULT: check_alive down, weight 0)", with any tie. */
function standing(m: Judged, judged: Judged[]): string {
  if (judged.length === 1) return 'the only instance here';
  const others = judged.filter((j) => j !== m).map((j) => (j.fault.length > 0 ? faultWords(j) : `${j.inst.node} ${j.priority}`));
  let s = `highest of ${judged.length} instances here (${others.join('; ')})`;
  const tied = judged.filter((j) => j !== m && j.fault.length === 0 && j.priority === m.priority);
  for (const t of tied) s += `; tied with ${t.inst.node} at ${m.priority}: ${tieBreak(m, t).why}`;
  return s;
}

/** The state every instance up elects: the highest effective priority (a MASTER-state instance with it starts as master). */
export function initialState(c: KeepalivedConfig): KeepalivedState {
  const everyone = [
    ...c.instances.map((i) => i.node),
    ...c.instances.flatMap((i) => (i.trackers ?? []).flatMap((t) => (t.watches ? [t.watches] : []))),
  ];
  return { holders: step(c, { holders: [] }, [everyone]).holders };
}

/** One settled step: `partitions` are the groups of alive nodes that hear each other. */
export function step(c: KeepalivedConfig, s: KeepalivedState, partitions: string[][]): KeepalivedStep {
  const sides: ClusterSide[] = [];
  const holders: string[] = [];
  /** Per instance node: where it stands after the step, for the verdict. */
  const status = new Map<string, { side: number; fault: boolean }>();
  const faults: string[] = [];
  partitions.forEach((group, g) => {
    const present = new Set(group);
    const judged = c.instances.flatMap((inst, index) => (present.has(inst.node) ? [judge(inst, index, present)] : []));
    if (judged.length === 0) return;
    for (const j of judged) {
      status.set(j.inst.node, { side: g, fault: j.fault.length > 0 });
      if (j.fault.length > 0) faults.push(`${j.inst.node}: ${j.fault.join('; ')}`);
    }
    const live = judged.filter((j) => j.fault.length === 0);
    let master: Judged | undefined;
    let explain: string;
    if (live.length === 0) {
      explain = `no instance here can be master (${judged.map(faultWords).join('; ')})`;
    } else {
      const previous = live.filter((j) => s.holders.includes(j.inst.node));
      if (previous.length === 0) {
        master = best(live);
        explain = `${master.inst.node} is master: ${master.sum}, ${standing(master, judged)}`;
      } else {
        // Masters that meet again settle by the election; a backup then preempts only with a strictly higher
        // priority and without nopreempt (the address owner, 255, always preempts).
        const current = best(previous);
        const challengers = live.filter((j) => j.priority > current.priority && (!j.inst.nopreempt || j.priority === OWNER));
        if (challengers.length > 0) {
          master = best(challengers);
          explain = `${master.inst.node} takes over from ${current.inst.node} (preemption): ${master.sum}, higher than ${current.inst.node}'s ${current.priority}`;
        } else {
          master = current;
          // Instances that would win an election but do not take over: nopreempt, or only an equal priority.
          const higher = live.filter((j) => j.priority > current.priority);
          const equal = live.filter((j) => j !== current && j.priority === current.priority && beats(j, current));
          const why: string[] = [];
          if (higher.length > 0)
            why.push(
              `${higher.map((j) => `${j.inst.node} (${j.priority})`).join(', ')} ${higher.length === 1 ? 'is' : 'are'} higher but nopreempt keeps the current master while it is alive and not FAULT`,
            );
          if (equal.length > 0)
            why.push(
              `${equal.map((j) => j.inst.node).join(', ')} ${equal.length === 1 ? 'has' : 'have'} the same priority, and a backup takes over only with a higher one`,
            );
          explain =
            why.length === 0
              ? `${master.inst.node} is master: ${master.sum}, ${standing(master, judged)}`
              : `${master.inst.node} stays master: ${master.sum}; ${why.join('; ')}`;
        }
      }
    }
    if (master) holders.push(master.inst.node);
    sides.push({
      partition: judged.map((j) => j.inst.node),
      votes: judged.length,
      expected: c.instances.length,
      quorum: 'none (VRRP has no quorum)',
      quorate: live.length > 0,
      running: master !== undefined,
      explain,
    });
  });

  const vips = vipWords(c);
  const n = c.instances.length;
  let verdict: Verdict;
  let explain: string;
  if (holders.length === 0) {
    verdict = 'down';
    explain =
      sides.length === 0
        ? `keepalived: no instance is alive, so no node holds ${vips}`
        : `keepalived: every live instance is in FAULT (${faults.join('; ')}), so no node holds ${vips}`;
  } else if (holders.length > 1) {
    verdict = 'split-brain';
    explain = `keepalived: ${holders.length} sides each elect a master (${holders.join(' | ')}), so ${vips} is held by ${holders.length} nodes at once: duplicate VIP: ARP flapping (VRRP has no quorum)`;
  } else {
    const home = status.get(holders[0])?.side;
    const missing = c.instances.flatMap((i) => {
      const st = status.get(i.node);
      if (st === undefined) return [`${i.node} failed`];
      if (st.side !== home) return [`${i.node} cut off`];
      return st.fault ? [`${i.node} FAULT`] : [];
    });
    verdict = missing.length === 0 ? 'available' : 'degraded';
    explain =
      missing.length === 0
        ? `keepalived: ${holders[0]} holds ${vips}; all ${n} instances are up`
        : `keepalived: ${holders[0]} holds ${vips}, with ${n - missing.length} of ${n} instances up on its side (${missing.join(', ')})`;
  }
  return { sides, holders, state: { holders }, verdict, explain };
}
