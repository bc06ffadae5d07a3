import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  effectiveOptions,
  initialState,
  sequence,
  step,
  type SideVerdict,
  type VotequorumConfig,
} from '../../server/src/engine/simulate/votequorum';

const nodes = (n: number): { name: string }[] => Array.from({ length: n }, (_, i) => ({ name: `n${i + 1}` }));
const names = (n: number): string[] => nodes(n).map((x) => x.name);
const only = (c: VotequorumConfig, alive: string[]): SideVerdict => {
  const { sides } = step(c, initialState(c), [alive]);
  assert.equal(sides.length, 1);
  return sides[0];
};
const brief = (v: SideVerdict): [number, number, number, boolean] => [v.votes, v.expected, v.quorum, v.quorate];

// votequorum(5), first example: eight nodes of one vote each, expected_votes 8 and no nodelist: quorum is
// 5, so three nodes may fail and a fourth failure loses quorum.
test('votequorum(5): 8 nodes, expected_votes 8: 5 present is quorate, 4 is not', () => {
  const c: VotequorumConfig = { nodes: nodes(8), expectedVotes: 8 };
  const five = only(c, names(5));
  assert.deepEqual(brief(five), [5, 8, 5, true]);
  assert.equal(five.explain, '5 of 8 votes reach the quorum of 5');
  const four = only(c, names(4));
  assert.deepEqual(brief(four), [4, 8, 5, false]);
  assert.equal(four.explain, '4 of 8 votes do not reach the quorum of 5');
});

// votequorum(5), second example: a nodelist of three nodes gives expected votes 3.
test('votequorum(5): 3 nodes from the nodelist: losing 1 keeps quorum (2 of 3), losing 2 does not', () => {
  const c: VotequorumConfig = { nodes: nodes(3) };
  const two = only(c, ['n1', 'n3']);
  assert.deepEqual(brief(two), [2, 3, 2, true]);
  assert.equal(two.explain, '2 of 3 votes reach the quorum of 2');
  assert.deepEqual(brief(only(c, ['n2'])), [1, 3, 2, false]);
});

test('an even split 2:2 leaves both halves without quorum', () => {
  const c: VotequorumConfig = { nodes: nodes(4) };
  const { sides } = step(c, initialState(c), [
    ['n1', 'n2'],
    ['n3', 'n4'],
  ]);
  assert.deepEqual(sides.map(brief), [
    [2, 4, 3, false],
    [2, 4, 3, false],
  ]);
  assert.equal(sides[0].explain, '2 of 4 votes do not reach the quorum of 3');
});

// votequorum(5), two_node examples 1 (expected_votes 2) and 2 (a nodelist of two): quorum is set to 1,
// which turns wait_for_all on unless it is set to 0.
test('votequorum(5): two_node, with expected_votes 2 or a nodelist of two: quorum 1, wait_for_all on', () => {
  for (const c of [
    { nodes: nodes(2), expectedVotes: 2, twoNode: true },
    { nodes: nodes(2), twoNode: true },
  ] as VotequorumConfig[]) {
    const o = effectiveOptions(c);
    assert.equal(o.twoNode, true);
    assert.equal(o.waitForAll, true);
    const { sides } = step(c, initialState(c), [['n1'], ['n2']]);
    assert.deepEqual(sides.map(brief), [
      [1, 2, 1, true],
      [1, 2, 1, true],
    ]);
    assert.match(sides[0].explain, /^1 of 2 votes reach the quorum of 1 \(two_node\)/);
    assert.match(sides[0].explain, /the fence race decides/);
  }
  assert.equal(effectiveOptions({ nodes: nodes(2), twoNode: true, waitForAll: false }).waitForAll, false);
});

test('two_node: a node that starts alone waits for its peer (wait_for_all), unless wait_for_all is 0', () => {
  const c: VotequorumConfig = { nodes: nodes(2), twoNode: true };
  const alone = step(c, initialState(c, { coldStart: true }), [['n1']]).sides[0];
  assert.equal(alone.quorate, false);
  assert.match(alone.explain, /wait_for_all: not quorate until all 2 votes are seen at once/);
  const c0: VotequorumConfig = { ...c, waitForAll: false };
  assert.equal(step(c0, initialState(c0, { coldStart: true }), [['n1']]).sides[0].quorate, true);
});

test('two_node is ignored with more than two nodes', () => {
  const c: VotequorumConfig = { nodes: nodes(3), twoNode: true };
  assert.equal(effectiveOptions(c).twoNode, false);
  assert.deepEqual(brief(only(c, ['n1'])), [1, 3, 2, false]);
});

// votequorum(5), wait_for_all example: 8 nodes, quorum 5. Without WFA the first five nodes that see each
// other at start-up are quorate (and would fence the other three); with WFA they wait for all eight.
test('votequorum(5): wait_for_all at start-up: 5 of 8 wait until all 8 have been seen', () => {
  const plain: VotequorumConfig = { nodes: nodes(8), expectedVotes: 8 };
  assert.equal(step(plain, initialState(plain, { coldStart: true }), [names(5)]).sides[0].quorate, true);
  const c: VotequorumConfig = { ...plain, waitForAll: true };
  const first = step(c, initialState(c, { coldStart: true }), [names(5)]);
  assert.deepEqual(brief(first.sides[0]), [5, 8, 5, false]);
  assert.match(first.sides[0].explain, /^5 of 8 votes reach the quorum of 5; wait_for_all/);
  const all = step(c, first.state, [names(8)]);
  assert.equal(all.sides[0].quorate, true);
  // Once formed, losing three nodes keeps quorum.
  assert.equal(step(c, all.state, [names(5)]).sides[0].quorate, true);
});

test('wait_for_all re-arms: a remnant that lost quorum does not regain it when one node returns, only when all votes are seen', () => {
  const c: VotequorumConfig = { nodes: nodes(5), waitForAll: true };
  const [lost, back, all] = sequence(c, [[['n1', 'n2']], [['n1', 'n2', 'n3']], [names(5)]]);
  assert.deepEqual(brief(lost[0]), [2, 5, 3, false]);
  assert.deepEqual(brief(back[0]), [3, 5, 3, false]);
  assert.match(back[0].explain, /wait_for_all: not quorate until all 5 votes are seen at once/);
  assert.deepEqual(brief(all[0]), [5, 5, 3, true]);
  // Without wait_for_all the three are quorate again.
  const [, plainBack] = sequence({ nodes: nodes(5) }, [[['n1', 'n2']], [['n1', 'n2', 'n3']]]);
  assert.equal(plainBack[0].quorate, true);
});

test('wait_for_all: returning nodes that join a quorate partition do not block it', () => {
  const c: VotequorumConfig = { nodes: nodes(5), waitForAll: true };
  const [split, rejoin] = sequence(c, [
    [
      ['n1', 'n2'],
      ['n3', 'n4', 'n5'],
    ],
    [['n1', 'n3', 'n4', 'n5']],
  ]);
  assert.deepEqual(
    split.map((v) => v.quorate),
    [false, true],
  );
  assert.deepEqual(brief(rejoin[0]), [4, 5, 3, true]);
});

// votequorum(5), last_man_standing chain of events: 8 nodes (E 8, Q 5); 3 die, quorate with 5; after the
// window E 5, Q 3; 2 more die, quorate with 3; after the window E 3, Q 2; 1 more dies, quorate with 2;
// after the window E 2, Q 2. A further failure needs auto_tie_breaker.
test('votequorum(5): last_man_standing chain 8 → 5 → 3 → 2, and the last node only with auto_tie_breaker', () => {
  const c: VotequorumConfig = { nodes: nodes(8), expectedVotes: 8, lastManStanding: true };
  const steps = [[names(5)], [names(3)], [names(2)], [names(1)]];
  const run = sequence(c, steps);
  assert.deepEqual(
    run.map((s) => brief(s[0])),
    [
      [5, 8, 5, true],
      [3, 5, 3, true],
      [2, 3, 2, true],
      [1, 2, 2, false],
    ],
  );
  assert.match(run[0][0].explain, /after last_man_standing_window, expected votes drop to 5 \(quorum 3\)/);
  // Without LMS the second step is already inquorate.
  assert.equal(sequence({ nodes: nodes(8), expectedVotes: 8 }, steps)[1][0].quorate, false);
  // With ATB the last node keeps quorum if it holds the lowest id of the last two.
  const atb: VotequorumConfig = { ...c, autoTieBreaker: true };
  const last = sequence(atb, steps)[3][0];
  assert.deepEqual(brief(last), [1, 2, 2, true]);
  assert.match(last.explain, /auto_tie_breaker keeps quorum: it holds exactly half \(1\) of 2 votes and n1 \(the lowest node id\)/);
  // …but not the node with the higher id.
  assert.equal(sequence(atb, [[names(5)], [names(3)], [names(2)], [['n2']]])[3][0].quorate, false);
});

test('last_man_standing, 5 nodes lost one at a time: 5 → 4 → 3 → 2 stays quorate, 1 does not', () => {
  const c: VotequorumConfig = { nodes: nodes(5), lastManStanding: true };
  const run = sequence(c, [[names(4)], [names(3)], [names(2)], [names(1)]]);
  assert.deepEqual(
    run.map((s) => brief(s[0])),
    [
      [4, 5, 3, true],
      [3, 4, 3, true],
      [2, 3, 2, true],
      [1, 2, 2, false],
    ],
  );
  // Simultaneous loss of 3 is fatal even with LMS: it only acts after the window.
  assert.equal(sequence(c, [[names(2)]])[0][0].quorate, false);
});

test('last_man_standing: a node returning to the lowered partition takes its expected votes (then the ratchet)', () => {
  const c: VotequorumConfig = { nodes: nodes(5), lastManStanding: true };
  const run = sequence(c, [[names(3)], [names(4)], [['n1', 'n2']]]);
  assert.deepEqual(
    run.map((s) => brief(s[0])),
    [
      [3, 5, 3, true],
      [4, 4, 3, true],
      [2, 4, 3, false],
    ],
  );
  // Without the lowered partition, the returning node's own configuration (5) counts.
  const plain = sequence({ nodes: nodes(5) }, [[names(3)], [names(4)]]);
  assert.deepEqual(brief(plain[1][0]), [4, 5, 3, true]);
});

test('last_man_standing is disabled when a node does not have 1 vote', () => {
  const o = effectiveOptions({ nodes: [{ name: 'a', votes: 2 }, { name: 'b' }, { name: 'c' }], lastManStanding: true });
  assert.equal(o.lastManStanding, false);
  assert.match(o.notes.join(), /not every node has 1 vote/);
});

// votequorum(5), auto_tie_breaker example 1: 8 nodes, auto_tie_breaker_node lowest: in a 4:4 split the
// half with the lowest node id stays quorate.
test('votequorum(5): auto_tie_breaker lowest: the 4:4 half with node id 1 stays quorate', () => {
  const c: VotequorumConfig = { nodes: nodes(8), expectedVotes: 8, autoTieBreaker: true, atbNode: 'lowest' };
  const { sides } = step(c, initialState(c), [
    ['n2', 'n4', 'n6', 'n8'],
    ['n1', 'n3', 'n5', 'n7'],
  ]);
  assert.deepEqual(sides.map(brief), [
    [4, 8, 5, false],
    [4, 8, 5, true],
  ]);
  assert.match(sides[0].explain, /auto_tie_breaker: it holds exactly half but not n1 \(the lowest node id\)/);
});

// votequorum(5), auto_tie_breaker example 2: the list "1 3 5" is tried in order; a listed node that was
// not in the cluster before the split is skipped, but one that was (and is in neither half) denies quorum.
test('votequorum(5): auto_tie_breaker_node 1 3 5: with node 1 gone before the split, the half holding node 3 wins', () => {
  const c: VotequorumConfig = { nodes: nodes(8), expectedVotes: 8, autoTieBreaker: true, atbNode: [1, 3, 5] };
  const split = [
    ['n3', 'n6', 'n7', 'n8'],
    ['n2', 'n4', 'n5'],
  ];
  const [gone, after] = sequence(c, [[names(8).slice(1)], split]);
  assert.deepEqual(brief(gone[0]), [7, 8, 5, true]);
  assert.deepEqual(
    after.map((v) => v.quorate),
    [true, false],
  );
  assert.match(after[0].explain, /n3 \(the first of node ids 1 3 5 that was a member\), and 3 nodes left < 5/);
  // Node 1 failing in the same step as the split: it was in the cluster before, so neither half is quorate.
  assert.deepEqual(
    step(c, initialState(c), split).sides.map((v) => v.quorate),
    [false, false],
  );
});

test('auto_tie_breaker: 4 nodes split 2:2, the lowest id side is quorate; highest picks the other', () => {
  const c: VotequorumConfig = { nodes: nodes(4), autoTieBreaker: true };
  const split = [
    ['n1', 'n2'],
    ['n3', 'n4'],
  ];
  assert.deepEqual(
    step(c, initialState(c), split).sides.map((v) => v.quorate),
    [true, false],
  );
  const high: VotequorumConfig = { ...c, atbNode: 'highest' };
  assert.deepEqual(
    step(high, initialState(high), split).sides.map((v) => v.quorate),
    [false, true],
  );
  // Node ids from the configuration, not the order of the list.
  const ids: VotequorumConfig = {
    nodes: [
      { name: 'a', nodeid: 9 },
      { name: 'b', nodeid: 3 },
      { name: 'c', nodeid: 5 },
      { name: 'd', nodeid: 7 },
    ],
    autoTieBreaker: true,
  };
  assert.deepEqual(
    step(ids, initialState(ids), [
      ['a', 'c'],
      ['b', 'd'],
    ]).sides.map((v) => v.quorate),
    [false, true],
  );
});

test('auto_tie_breaker is disabled on an odd cluster without wait_for_all', () => {
  const c: VotequorumConfig = { nodes: nodes(5), autoTieBreaker: true };
  assert.equal(effectiveOptions(c).autoTieBreaker, false);
  assert.equal(effectiveOptions({ ...c, waitForAll: true }).autoTieBreaker, true);
});

test('expected_votes below the nodes present ratchets up and never comes back down', () => {
  const c: VotequorumConfig = { nodes: nodes(5), expectedVotes: 3 };
  const [all, two] = sequence(c, [[names(5)], [['n1', 'n2']]]);
  assert.deepEqual(brief(all[0]), [5, 5, 3, true]);
  assert.deepEqual(brief(two[0]), [2, 5, 3, false]);
  // From a cold start, two of the configured three are quorate before the rest joins.
  const cold = step(c, initialState(c, { coldStart: true }), [['n1', 'n2']]);
  assert.deepEqual(brief(cold.sides[0]), [2, 3, 2, true]);
  const grown = step(c, cold.state, [names(5)]);
  assert.deepEqual(brief(grown.sides[0]), [5, 5, 3, true]);
  assert.deepEqual(brief(step(c, grown.state, [['n1', 'n2']]).sides[0]), [2, 5, 3, false]);
});

test('weighted votes: quorum follows votes, not nodes', () => {
  const c: VotequorumConfig = { nodes: [{ name: 'a', votes: 3 }, { name: 'b' }, { name: 'c' }] };
  const { sides } = step(c, initialState(c), [['a'], ['b', 'c']]);
  assert.deepEqual(sides.map(brief), [
    [3, 5, 3, true],
    [2, 5, 3, false],
  ]);
});

// corosync-qdevice(8), example: a net device with 1 vote and the ffsplit algorithm, which suits even
// clusters: its vote goes to the side with more nodes, and a tie goes to the tie_breaker (lowest id).
test('corosync-qdevice(8): ffsplit with 1 vote, 4 nodes split 2:2: the side with the lowest node id is quorate', () => {
  const c: VotequorumConfig = { nodes: nodes(4), qdevice: { votes: 1, algorithm: 'ffsplit' } };
  const { sides } = step(c, initialState(c), [
    ['n3', 'n4'],
    ['n1', 'n2'],
  ]);
  assert.deepEqual(sides.map(brief), [
    [2, 5, 3, false],
    [3, 5, 3, true],
  ]);
  assert.match(
    sides[1].explain,
    /^2 node votes \+ 1 device vote = 3 of 5 votes reach the quorum of 3; the quorum device votes for this side \(ffsplit: it holds n1, the lowest node id\)/,
  );
  // 3:1: the larger side gets the vote.
  const uneven = step(c, initialState(c), [['n1'], ['n2', 'n3', 'n4']]).sides;
  assert.deepEqual(uneven.map(brief), [
    [1, 5, 3, false],
    [4, 5, 3, true],
  ]);
  // tie_breaker highest flips the 2:2 case.
  const high: VotequorumConfig = { nodes: nodes(4), qdevice: { votes: 1, algorithm: 'ffsplit', tieBreaker: 'highest' } };
  assert.deepEqual(
    step(high, initialState(high), [
      ['n1', 'n2'],
      ['n3', 'n4'],
    ]).sides.map((v) => v.quorate),
    [false, true],
  );
});

test('ffsplit keeps the previously quorate partition in a tie', () => {
  const c: VotequorumConfig = { nodes: nodes(4), qdevice: { votes: 1, algorithm: 'ffsplit' } };
  // n1 dies; n2..n4 stay quorate. Then n1 returns on its own side with n2 away from n3, n4: 2:2.
  const [first, second] = sequence(c, [
    [['n2', 'n3', 'n4']],
    [
      ['n1', 'n2'],
      ['n3', 'n4'],
    ],
  ]);
  assert.equal(first[0].quorate, true);
  assert.deepEqual(
    second.map((v) => v.quorate),
    [true, false],
  );
});

// corosync-qdevice(8), lms: the device's default votes are the nodes' votes minus one, so with N nodes E is
// 2N−1 and one node that still sees qnetd is quorate; without qnetd only the whole cluster is.
test('corosync-qdevice(8): lms, 4 nodes: one node seeing qnetd is quorate; without qnetd only all 4 are', () => {
  const c: VotequorumConfig = { nodes: nodes(4), qdevice: { algorithm: 'lms' } };
  assert.equal(effectiveOptions(c).qdeviceVotes, 3);
  const last = step(c, initialState(c), [['n2']]).sides[0];
  assert.deepEqual(brief(last), [4, 7, 4, true]);
  assert.match(last.explain, /lms: it is the last side seeing qnetd/);
  const three = step(c, initialState(c), [['n1', 'n2', 'n3']], { qnetdUp: false }).sides[0];
  assert.deepEqual(brief(three), [3, 7, 4, false]);
  assert.match(three.explain, /qnetd is unreachable/);
  assert.equal(step(c, initialState(c), [names(4)], { qnetdUp: false }).sides[0].quorate, true);
});

test('the quorum device is disabled by last_man_standing or auto_tie_breaker, per votequorum(5)', () => {
  const o = effectiveOptions({ nodes: nodes(4), lastManStanding: true, qdevice: { algorithm: 'lms' } });
  assert.equal(o.qdeviceVotes, 0);
  assert.match(o.notes.join(), /quorum device is disabled by last_man_standing/);
  const two = effectiveOptions({ nodes: nodes(2), twoNode: true, qdevice: { algorithm: 'ffsplit', votes: 1 } });
  assert.match(two.notes.join(), /two_node and a quorum device cannot be configured together/);
});

test('nodes of other clusters in the partitions are ignored; sides without members are left out', () => {
  const c: VotequorumConfig = { nodes: nodes(3) };
  const { sides, state } = step(c, initialState(c), [['x', 'n1', 'n2'], ['y'], ['n3']]);
  assert.deepEqual(
    sides.map((v) => v.partition),
    [['n1', 'n2'], ['n3']],
  );
  assert.deepEqual(state.alive, ['n1', 'n2', 'n3']);
});
