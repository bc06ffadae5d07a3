/**
 * corosync votequorum for the failure simulator: which partition side of a corosync cluster is quorate
 * after a step of failures, and what the cluster remembers for the next step of a sequence.
 *
 * Pure arithmetic (no I/O), after corosync's exec/votequorum.c and the votequorum(5) and
 * corosync-qdevice(8) man pages (summarised in the project's failure-math.md, section 2):
 * - E (expected votes) is `quorum.expected_votes`, else the sum of the nodes' votes plus the quorum
 *   device's; it ratchets up whenever more votes are present (T > E).
 * - Q = max(⌊(E+2)/2⌋, ⌊(T+2)/2⌋); a side is quorate iff T ≥ Q.
 * - two_node: Q = 1 with at most two nodes, and wait_for_all on unless set to 0.
 * - wait_for_all: a side whose nodes are all waiting is quorate only once it sees every expected vote;
 *   a node that loses quorum waits again.
 * - last_man_standing: once a quorate side has settled, E drops to the votes it holds.
 * - auto_tie_breaker: a side holding exactly half the expected votes (⌊E/2⌋) is quorate if fewer nodes
 *   left its previous membership than the quorum and it holds that membership's tie-breaker node.
 * - qdevice: ffsplit gives its vote to the largest side (ties: the previously quorate side, then the
 *   tie-breaker node); lms gives its votes to the side that sees qnetd (ties: largest, then
 *   tie-breaker).
 *
 * Each step is settled: last_man_standing_window has passed before the next step.
 */

export interface VotequorumNode {
  name: string;
  /** quorum_votes; 1 when unset. */
  votes?: number;
  /** nodeid; the node's 1-based position in the list when unset. */
  nodeid?: number;
}

export type TieBreaker = 'lowest' | 'highest' | number[];

export interface VotequorumConfig {
  nodes: VotequorumNode[];
  /** quorum.expected_votes; overrides the sum of the nodes' votes. */
  expectedVotes?: number;
  twoNode?: boolean;
  /** quorum.wait_for_all; when unset, on with two_node, else off. */
  waitForAll?: boolean;
  lastManStanding?: boolean;
  autoTieBreaker?: boolean;
  /** auto_tie_breaker_node; 'lowest' when unset. */
  atbNode?: TieBreaker;
  qdevice?: {
    /** quorum.device.votes; the sum of the nodes' votes minus one when unset. */
    votes?: number;
    algorithm: 'ffsplit' | 'lms';
    /** quorum.device.net.tie_breaker; 'lowest' when unset. */
    tieBreaker?: 'lowest' | 'highest' | number;
  };
}

/** The options as votequorum applies them, with why any was changed. */
export interface EffectiveOptions {
  twoNode: boolean;
  waitForAll: boolean;
  lastManStanding: boolean;
  autoTieBreaker: boolean;
  /** The device's votes, or 0 when there is no device or votequorum disables it. */
  qdeviceVotes: number;
  /** Expected votes from the configuration (before any ratchet). */
  configuredExpected: number;
  notes: string[];
}

/** What the cluster carries from one step of a sequence to the next, per node alive after the step. */
export interface QuorumState {
  /** The nodes alive after the step. */
  alive: string[];
  /** The index of the side each alive node was on. */
  side: Record<string, number>;
  /** The expected votes each alive node holds (after the ratchet and last_man_standing). */
  expected: Record<string, number>;
  /** Alive nodes with wait_for_all armed. */
  waiting: string[];
  /** Alive nodes that were quorate. */
  quorate: string[];
}

export interface SideVerdict {
  /** The cluster's members on this side, in configuration order. */
  partition: string[];
  /** Votes present, the quorum device's included. */
  votes: number;
  expected: number;
  quorum: number;
  quorate: boolean;
  explain: string;
}

export interface StepOptions {
  /** false when the qnetd server is down or unreachable from every side (default true). */
  qnetdUp?: boolean;
}

const votesOf = (n: VotequorumNode): number => n.votes ?? 1;
const idOf = (c: VotequorumConfig, name: string): number => {
  const i = c.nodes.findIndex((n) => n.name === name);
  return c.nodes[i]?.nodeid ?? i + 1;
};
const sumVotes = (c: VotequorumConfig, names: readonly string[]): number => {
  const set = new Set(names);
  return c.nodes.filter((n) => set.has(n.name)).reduce((t, n) => t + votesOf(n), 0);
};

/** The options votequorum applies: two_node off with more than two nodes or with ATB, ATB off on an odd cluster without WFA, and so on. */
export function effectiveOptions(c: VotequorumConfig): EffectiveOptions {
  const notes: string[] = [];
  const total = c.nodes.reduce((t, n) => t + votesOf(n), 0);
  let twoNode = c.twoNode ?? false;
  if (twoNode && c.nodes.length > 2) {
    twoNode = false;
    notes.push(`two_node is ignored: the cluster has ${c.nodes.length} nodes`);
  }
  let autoTieBreaker = c.autoTieBreaker ?? false;
  if (twoNode && autoTieBreaker) {
    twoNode = false;
    notes.push('two_node is disabled by auto_tie_breaker');
  }
  const waitForAll = c.waitForAll ?? twoNode;
  if (autoTieBreaker && c.nodes.length % 2 === 1 && !waitForAll) {
    autoTieBreaker = false;
    notes.push(`auto_tie_breaker is disabled: ${c.nodes.length} nodes is odd and wait_for_all is off`);
  }
  let lastManStanding = c.lastManStanding ?? false;
  if (lastManStanding && c.nodes.some((n) => votesOf(n) !== 1)) {
    lastManStanding = false;
    notes.push('last_man_standing is disabled: not every node has 1 vote');
  }
  let qdeviceVotes = 0;
  if (c.qdevice) {
    if (lastManStanding || autoTieBreaker || twoNode) {
      if (twoNode) notes.push('two_node and a quorum device cannot be configured together: corosync refuses to start');
      const by = [lastManStanding && 'last_man_standing', autoTieBreaker && 'auto_tie_breaker'].filter(Boolean);
      if (by.length > 0) notes.push(`the quorum device is disabled by ${by.join(' and ')}`);
    } else {
      qdeviceVotes = c.qdevice.votes ?? total - 1;
      if (c.qdevice.algorithm === 'ffsplit' && qdeviceVotes !== 1)
        notes.push(`ffsplit needs the device to have 1 vote, not ${qdeviceVotes}`);
    }
  }
  const configuredExpected = c.expectedVotes ?? total + qdeviceVotes;
  return { twoNode, waitForAll, lastManStanding, autoTieBreaker, qdeviceVotes, configuredExpected, notes };
}

/**
 * The state before the first step: every node up in one partition. With `coldStart`, the cluster has
 * not formed yet: every node waits (wait_for_all) and nobody is quorate.
 */
export function initialState(c: VotequorumConfig, opts: { coldStart?: boolean } = {}): QuorumState {
  const o = effectiveOptions(c);
  const names = c.nodes.map((n) => n.name);
  const e = opts.coldStart ? o.configuredExpected : Math.max(o.configuredExpected, sumVotes(c, names) + o.qdeviceVotes);
  return {
    alive: opts.coldStart ? [] : names,
    side: Object.fromEntries(names.map((n) => [n, 0])),
    expected: Object.fromEntries(names.map((n) => [n, e])),
    waiting: opts.coldStart && o.waitForAll ? names : [],
    quorate: opts.coldStart ? [] : names,
  };
}

/** Which node decides a tie among `candidates`: the lowest or highest nodeid, or the first listed id present. */
function tieBreakerNode(c: VotequorumConfig, candidates: string[], rule: TieBreaker | number): string | undefined {
  const ids = candidates.map((n) => ({ n, id: idOf(c, n) }));
  if (rule === 'lowest') return ids.sort((a, b) => a.id - b.id)[0]?.n;
  if (rule === 'highest') return ids.sort((a, b) => b.id - a.id)[0]?.n;
  for (const want of typeof rule === 'number' ? [rule] : rule) {
    const hit = ids.find((x) => x.id === want);
    if (hit) return hit.n;
  }
  return undefined;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const ruleWords = (rule: TieBreaker | number): string =>
  rule === 'lowest'
    ? 'the lowest node id'
    : rule === 'highest'
      ? 'the highest node id'
      : `the first of node ids ${typeof rule === 'number' ? rule : rule.join(' ')} that was a member`;

/**
 * One settled step: `partitions` are the groups of nodes that can reach each other (names of other
 * clusters' nodes are ignored; this cluster's nodes not listed are down). Failures within a step are
 * simultaneous. Returns one verdict per side holding any member, and the state for the next step.
 */
export function step(
  c: VotequorumConfig,
  s: QuorumState,
  partitions: string[][],
  opts: StepOptions = {},
): { sides: SideVerdict[]; state: QuorumState } {
  const o = effectiveOptions(c);
  const order = c.nodes.map((n) => n.name);
  // Sets: a step is run for every member and pair of an enumeration, over clusters of any size
  const sides = partitions
    .map((p) => new Set(p))
    .map((p) => order.filter((n) => p.has(n)))
    .filter((p) => p.length > 0);
  const aliveBefore = new Set(s.alive);
  const waitingSet = new Set(s.waiting);
  const quorateSet = new Set(s.quorate);
  const alive = sides.flat();
  const wasAlive = (n: string): boolean => aliveBefore.has(n);
  const heldExpected = (n: string): number => (wasAlive(n) ? (s.expected[n] ?? o.configuredExpected) : o.configuredExpected);
  const waitingBefore = (n: string): boolean => (wasAlive(n) ? waitingSet.has(n) : o.waitForAll);

  // The quorum device's choice, side index → votes given.
  const device = new Map<number, string>();
  if (o.qdeviceVotes > 0 && c.qdevice && opts.qnetdUp !== false) {
    const rule = c.qdevice.tieBreaker ?? 'lowest';
    const size = (i: number): number => sides[i].length;
    let best = sides.map((_, i) => i);
    const why: string[] = [];
    const narrow = (keep: (i: number) => boolean, reason: string): void => {
      const next = best.filter(keep);
      if (next.length > 0 && next.length < best.length) why.push(reason);
      if (next.length > 0) best = next;
    };
    if (c.qdevice.algorithm === 'ffsplit') {
      const active = s.alive.length > 0 ? s.alive.length : order.length;
      best = best.filter((i) => 2 * size(i) >= active);
      const most = Math.max(0, ...best.map(size));
      narrow((i) => size(i) === most, 'it has the most nodes');
      narrow((i) => sides[i].some((n) => quorateSet.has(n)), 'it holds the previously quorate partition');
    } else {
      const most = Math.max(0, ...best.map(size));
      narrow((i) => size(i) === most, 'it is the largest side seeing qnetd');
      if (sides.length === 1) why.push('it is the last side seeing qnetd');
    }
    if (best.length > 1) {
      const tb = tieBreakerNode(
        c,
        best.flatMap((i) => sides[i]),
        rule,
      );
      best = best.filter((i) => tb !== undefined && sides[i].includes(tb));
      if (tb !== undefined) why.push(`it holds ${tb}, ${ruleWords(rule)}`);
    }
    if (best.length === 1) device.set(best[0], `${c.qdevice.algorithm}: ${why.join('; ') || 'it is the only side'}`);
  }

  const verdicts: SideVerdict[] = [];
  const next: QuorumState = { alive, side: {}, expected: {}, waiting: [], quorate: [] };
  sides.forEach((members, i) => {
    const nodeVotes = sumVotes(c, members);
    const deviceWhy = device.get(i);
    const t = nodeVotes + (deviceWhy !== undefined ? o.qdeviceVotes : 0);
    // A node joining a quorate node takes that node's expected votes (the nodeinfo handler), so the
    // expected votes of a side holding quorate nodes are theirs; otherwise the highest any member holds.
    const quorateBefore = members.filter((n) => wasAlive(n) && quorateSet.has(n));
    const e = Math.max(t, ...(quorateBefore.length > 0 ? quorateBefore : members).map(heldExpected));
    let q = Math.max(Math.floor((e + 2) / 2), Math.floor((t + 2) / 2));
    const parts: string[] = [];
    if (o.twoNode) {
      q = 1;
    }
    const votesWords =
      deviceWhy !== undefined
        ? `${plural(nodeVotes, 'node vote')} + ${plural(o.qdeviceVotes, 'device vote')} = ${t} of ${e} votes`
        : `${t} of ${e} votes`;
    let quorate = t >= q;
    parts.push(`${votesWords} ${quorate ? 'reach' : 'do not reach'} the quorum of ${q}${o.twoNode ? ' (two_node)' : ''}`);
    if (deviceWhy !== undefined) parts.push(`the quorum device votes for this side (${deviceWhy})`);
    else if (o.qdeviceVotes > 0)
      parts.push(
        opts.qnetdUp === false
          ? 'qnetd is unreachable, so the quorum device gives no vote'
          : 'the quorum device votes for another side or none',
      );
    // auto_tie_breaker (are_we_quorate): an exact half (⌊E/2⌋) is quorate if fewer nodes left its previous
    // membership than the quorum, and it holds the tie-breaker node of that previous membership (the
    // lowest or highest id, or the first listed id that was in it).
    if (!quorate && o.autoTieBreaker && t === Math.floor(e / 2)) {
      const prevSides = new Set(members.filter(wasAlive).map((n) => s.side[n]));
      const previous = s.alive.filter((n) => prevSides.has(s.side[n]));
      const candidates = previous.length > 0 ? previous : members;
      const rule = c.atbNode ?? 'lowest';
      const tb = tieBreakerNode(c, candidates, rule);
      const here = new Set(members);
      const left = candidates.filter((n) => !here.has(n)).length;
      if (tb !== undefined && here.has(tb) && left < q) {
        quorate = true;
        parts.push(
          `auto_tie_breaker keeps quorum: it holds exactly half (${t}) of ${e} votes and ${tb} (${ruleWords(rule)}), and ${plural(left, 'node')} left < ${q}`,
        );
      } else {
        parts.push(
          `auto_tie_breaker: it holds exactly half but ${tb === undefined ? 'no tie-breaker node is present' : `not ${tb} (${ruleWords(rule)})`}`,
        );
      }
    }
    // wait_for_all: a side where every node waits becomes quorate only once it sees every expected vote.
    if (quorate && o.waitForAll && members.every(waitingBefore) && t < e) {
      quorate = false;
      parts.push(`wait_for_all: not quorate until all ${e} votes are seen at once`);
    }
    let carried = e;
    if (quorate && o.lastManStanding && e > t) {
      carried = t;
      parts.push(`after last_man_standing_window, expected votes drop to ${t} (quorum ${Math.floor(t / 2) + 1})`);
    }
    for (const n of members) {
      next.side[n] = i;
      next.expected[n] = carried;
      if (quorate) next.quorate.push(n);
      else if (o.waitForAll) next.waiting.push(n);
    }
    verdicts.push({ partition: members, votes: t, expected: e, quorum: q, quorate, explain: parts.join('; ') });
  });
  if (o.twoNode && verdicts.filter((v) => v.quorate).length > 1) {
    for (const v of verdicts) if (v.quorate) v.explain += '; both nodes are quorate (two_node): the fence race decides';
  }
  return { sides: verdicts, state: next };
}

/** A sequence of settled steps from `initialState(c)`; the verdicts of each step. */
export function sequence(c: VotequorumConfig, steps: string[][][], opts: StepOptions = {}): SideVerdict[][] {
  let s = initialState(c);
  return steps.map((partitions) => {
    const r = step(c, s, partitions, opts);
    s = r.state;
    return r.sides;
  });
}
