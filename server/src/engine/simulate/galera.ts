/**
 * Galera's primary-component arithmetic for the failure simulator (issue 13). Pure: no fs, path or LSP imports.
 *
 * The rule (codership/galera gcomm/src/pc_proto.cpp, have_quorum / have_split_brain; MariaDB's "Quorum Control
 * with Weighted Votes"): with P the members of the last primary component, L the members of P that left
 * gracefully, M the members of a new component and W the sum of `pc.weight` (default 1):
 *   M is primary iff 2·W(M∩P) + W(L∩P) > W(P).
 * Exactly equal is the split-brain guard: that side is not primary (unless pc.ignore_sb). P shrinks to the
 * survivors after each successful re-formation, so failures one after the other differ from failures at once:
 * feed the state of one step into the next.
 */
import { ClusterSide, num, Verdict } from './types';

export interface GaleraNode {
  name: string;
  /** `pc.weight`, 0 to 255; default 1. */
  weight?: number;
}

export interface GaleraConfig {
  nodes: GaleraNode[];
  /** `pc.ignore_sb`: an exact half stays primary, so both halves of an even split write (split brain). */
  ignoreSplitBrain?: boolean;
  /** `pc.ignore_quorum`: every side stays primary, whatever its weight. */
  ignoreQuorum?: boolean;
}

export interface GaleraState {
  /** The last primary component's members with their weights. */
  primary: { name: string; weight: number }[];
}

export interface GaleraStep {
  sides: ClusterSide[];
  /** The state to pass to the next step of an ordered sequence. */
  state: GaleraState;
  verdict: Verdict;
  explain: string;
}

const weightOf = (n: GaleraNode): number => n.weight ?? 1;

/** The cluster as it starts: every node is in the primary component. */
export function initialState(c: GaleraConfig): GaleraState {
  return { primary: c.nodes.map((n) => ({ name: n.name, weight: weightOf(n) })) };
}

const sum = (xs: { weight: number }[]): number => xs.reduce((a, x) => a + x.weight, 0);
const list = (names: string[]): string => (names.length === 1 ? `node ${names[0]}` : `nodes ${names.join(', ')}`);
const be = (names: string[]): string => (names.length === 1 ? 'is' : 'are');

/**
 * One step of a scenario. `partitions` are the groups of nodes alive that can reach each other (nodes of other
 * clusters are ignored; a member in no group has failed). `graceful` names members that left cleanly (a shutdown):
 * they are in no side and their weight is taken off what the survivors need.
 */
export function step(c: GaleraConfig, s: GaleraState, partitions: string[][], graceful: string[] = []): GaleraStep {
  const byName = new Map(c.nodes.map((n) => [n.name, n]));
  const inP = new Map(s.primary.map((m) => [m.name, m.weight]));
  const left = new Set(graceful.filter((g) => inP.has(g)));
  const wP = sum(s.primary);
  const wL = sum(s.primary.filter((m) => left.has(m.name)));
  const need = (wP - wL) / 2;

  const sides: ClusterSide[] = [];
  for (const group of partitions) {
    const present = new Set(group);
    const members = c.nodes.filter((n) => present.has(n.name) && !left.has(n.name)).map((n) => n.name);
    if (members.length === 0) continue;
    const counted = members.filter((m) => inP.has(m));
    const wM = counted.reduce((a, m) => a + (inP.get(m) ?? 0), 0);
    const lhs = 2 * wM + wL;
    const quorate = lhs > wP;
    const tie = lhs === wP;
    const running = c.ignoreQuorum === true || quorate || (tie && c.ignoreSplitBrain === true);
    let explain = `Galera: 2 x ${wM} + ${wL} > ${wP} is ${quorate}, so ${members.length === 1 ? 'the remaining node' : `the ${members.length} nodes`} (${members.join(', ')}) ${be(members)} ${running ? 'primary' : 'not primary'}`;
    if (tie) explain += c.ignoreSplitBrain ? '; exactly half, but pc.ignore_sb keeps it primary' : '; exactly half: the split-brain guard';
    if (!quorate && running && !tie) explain += ' because pc.ignore_quorum is set';
    const strangers = members.filter((m) => !inP.has(m));
    if (strangers.length > 0) explain += `; ${list(strangers)} ${be(strangers)} not in the last primary component and count 0`;
    sides.push({ partition: members, votes: wM, expected: wP, quorum: `more than ${num(need)}`, quorate, running, explain });
  }

  const primary = sides.filter((x) => x.running);
  let state = s;
  if (primary.length > 0) {
    // With pc.ignore_* several sides can be primary, each with its own history; keep the heaviest.
    const heaviest = primary.reduce((a, b) => (b.votes > a.votes ? b : a));
    state = { primary: heaviest.partition.map((name) => ({ name, weight: weightOf(byName.get(name) ?? { name }) })) };
  }

  const gracefulNote = left.size > 0 ? ` (${list([...left])} left gracefully: weight ${wL})` : '';
  let verdict: Verdict;
  let explain: string;
  if (sides.length === 0) {
    verdict = 'blocked';
    explain = `Galera: no member is running${gracefulNote}; a cold start needs a bootstrap from the node with safe_to_bootstrap or the highest seqno`;
  } else if (primary.length === 0) {
    verdict = 'down';
    explain = `Galera: no side is primary (each needs more than ${num(need)} of the last primary component's weight ${wP}${gracefulNote}); non-primary nodes refuse queries until enough of that component returns or an operator sets pc.bootstrap`;
  } else if (primary.length > 1) {
    verdict = 'split-brain';
    explain = `Galera: ${primary.length} sides are primary and write independently (${primary.map((x) => x.partition.join('+')).join(' | ')})`;
  } else {
    const p = primary[0];
    verdict = p.partition.length === c.nodes.length ? 'available' : 'degraded';
    explain =
      verdict === 'available'
        ? `Galera: all ${c.nodes.length} nodes are in the primary component`
        : `Galera: ${p.partition.length} of ${c.nodes.length} nodes (${p.partition.join(', ')}) form the primary component${gracefulNote}`;
  }
  return { sides, state, verdict, explain };
}
