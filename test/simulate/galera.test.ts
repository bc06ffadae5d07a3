/** Galera's primary-component arithmetic (server/src/engine/simulate/galera.ts), against the worked examples. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { GaleraConfig, initialState, step } from '../../server/src/engine/simulate/galera';

const three: GaleraConfig = { nodes: [{ name: 'db1' }, { name: 'db2' }, { name: 'db3' }] };
const five: GaleraConfig = { nodes: ['db1', 'db2', 'db3', 'db4', 'db5'].map((name) => ({ name })) };

test('as deployed: all 3 nodes in one primary component', () => {
  const r = step(three, initialState(three), [['db1', 'db2', 'db3']]);
  assert.equal(r.verdict, 'available');
  assert.equal(r.sides.length, 1);
  assert.equal(r.sides[0].votes, 3);
  assert.equal(r.sides[0].expected, 3);
  assert.equal(r.sides[0].quorate, true);
});

test('3 nodes lose 1: 2 x 2 + 0 > 3, the two survivors stay primary', () => {
  const r = step(three, initialState(three), [['db1', 'db2']]);
  assert.equal(r.verdict, 'degraded');
  assert.deepEqual(r.sides[0].partition, ['db1', 'db2']);
  assert.equal(r.sides[0].votes, 2);
  assert.equal(r.sides[0].quorum, 'more than 1.5');
  assert.equal(r.sides[0].running, true);
  assert.match(r.sides[0].explain, /2 x 2 \+ 0 > 3 is true/);
  assert.deepEqual(
    r.state.primary.map((m) => m.name),
    ['db1', 'db2'],
  );
});

test('3 nodes lose 2 at once: 2 x 1 + 0 > 3 is false, the remaining node is not primary', () => {
  const r = step(three, initialState(three), [['db3']]);
  assert.equal(r.verdict, 'down');
  assert.equal(r.sides[0].quorate, false);
  assert.equal(r.sides[0].explain, 'Galera: 2 x 1 + 0 > 3 is false, so the remaining node (db3) is not primary');
  // No new primary component: the state still remembers all three.
  assert.equal(r.state.primary.length, 3);
});

test('3 nodes lose 2 one after the other: 3 -> 2 stays primary, then 2 -> 1 does not (2 x 1 > 2 is false)', () => {
  const first = step(three, initialState(three), [['db1', 'db2']]);
  assert.equal(first.verdict, 'degraded');
  const second = step(three, first.state, [['db1']]);
  assert.equal(second.verdict, 'down');
  assert.equal(second.sides[0].expected, 2);
  assert.equal(second.sides[0].quorum, 'more than 1');
  assert.match(second.sides[0].explain, /2 x 1 \+ 0 > 2 is false/);
  assert.match(second.sides[0].explain, /exactly half: the split-brain guard/);
});

test('5 nodes lose one at a time: 5 -> 4 -> 3 -> 2 stay primary, the last node alone does not', () => {
  let s = initialState(five);
  const alive = ['db1', 'db2', 'db3', 'db4', 'db5'];
  const verdicts: string[] = [];
  while (alive.length > 1) {
    alive.pop();
    const r = step(five, s, [[...alive]]);
    verdicts.push(r.verdict);
    s = r.state;
  }
  assert.deepEqual(verdicts, ['degraded', 'degraded', 'degraded', 'down']);
});

test('5 nodes lose 3 at once: 2 x 2 + 0 > 5 is false', () => {
  const r = step(five, initialState(five), [['db1', 'db2']]);
  assert.equal(r.verdict, 'down');
  assert.match(r.sides[0].explain, /2 x 2 \+ 0 > 5 is false/);
});

test('a 2:2 split of 4 nodes: each half has exactly half the weight, so neither is primary', () => {
  const four: GaleraConfig = { nodes: ['a', 'b', 'c', 'd'].map((name) => ({ name })) };
  const r = step(four, initialState(four), [
    ['a', 'b'],
    ['c', 'd'],
  ]);
  assert.equal(r.verdict, 'down');
  assert.equal(r.sides.length, 2);
  for (const side of r.sides) {
    assert.equal(side.quorate, false);
    assert.equal(side.running, false);
    assert.match(side.explain, /2 x 2 \+ 0 > 4 is false/);
    assert.match(side.explain, /split-brain guard/);
  }
});

test('pc.ignore_sb on a 2:2 split: both halves stay primary and write, a split brain', () => {
  const four: GaleraConfig = { nodes: ['a', 'b', 'c', 'd'].map((name) => ({ name })), ignoreSplitBrain: true };
  const r = step(four, initialState(four), [
    ['a', 'b'],
    ['c', 'd'],
  ]);
  assert.equal(r.verdict, 'split-brain');
  assert.ok(r.sides.every((x) => x.running && !x.quorate));
});

test('pc.ignore_quorum: a lone survivor of 3 stays primary', () => {
  const c: GaleraConfig = { ...three, ignoreQuorum: true };
  const r = step(c, initialState(c), [['db1']]);
  assert.equal(r.verdict, 'degraded');
  assert.match(r.sides[0].explain, /pc\.ignore_quorum/);
});

// MariaDB's "Quorum Control with Weighted Votes" page, "prioritizing a primary node": three nodes weighted 2, 1
// and 0; losing the two light nodes leaves node1 primary, losing node1 leaves the other two non-primary.
test("MariaDB's weighted example {2, 1, 0}: node1 alone is primary, node2 + node3 are not", () => {
  const c: GaleraConfig = {
    nodes: [
      { name: 'node1', weight: 2 },
      { name: 'node2', weight: 1 },
      { name: 'node3', weight: 0 },
    ],
  };
  const alone = step(c, initialState(c), [['node1']]);
  assert.equal(alone.verdict, 'degraded');
  assert.match(alone.sides[0].explain, /2 x 2 \+ 0 > 3 is true/);
  const others = step(c, initialState(c), [['node2', 'node3']]);
  assert.equal(others.verdict, 'down');
  assert.match(others.sides[0].explain, /2 x 1 \+ 0 > 3 is false/);
});

// The same page's two-site example: weights 2 and 2 on the primary site, 1 and 1 on the secondary one. Cutting the
// link keeps the primary site primary (2 x 4 > 6); losing the primary site leaves the secondary one non-primary.
test("MariaDB's two-site example {2, 2 | 1, 1}: the heavier site wins a split", () => {
  const c: GaleraConfig = {
    nodes: [
      { name: 'node1', weight: 2 },
      { name: 'node2', weight: 2 },
      { name: 'node3', weight: 1 },
      { name: 'node4', weight: 1 },
    ],
  };
  const split = step(c, initialState(c), [
    ['node1', 'node2'],
    ['node3', 'node4'],
  ]);
  assert.equal(split.verdict, 'degraded');
  assert.deepEqual(
    split.sides.map((x) => [x.votes, x.running]),
    [
      [4, true],
      [2, false],
    ],
  );
  const siteLost = step(c, initialState(c), [['node3', 'node4']]);
  assert.equal(siteLost.verdict, 'down');
});

test('failure-math example: weights {2, 1, 1} losing the weight-2 node gives 2 x 2 + 0 > 4 false', () => {
  const c: GaleraConfig = { nodes: [{ name: 'a', weight: 2 }, { name: 'b' }, { name: 'c' }] };
  const r = step(c, initialState(c), [['b', 'c']]);
  assert.equal(r.verdict, 'down');
  assert.match(r.sides[0].explain, /2 x 2 \+ 0 > 4 is false/);
});

test('graceful shutdown of 2 of 3 at once keeps the last node primary: 2 x 1 + 2 > 3', () => {
  const r = step(three, initialState(three), [['db1']], ['db2', 'db3']);
  assert.equal(r.verdict, 'degraded');
  assert.equal(r.sides[0].quorum, 'more than 0.5');
  assert.match(r.sides[0].explain, /2 x 1 \+ 2 > 3 is true/);
  assert.match(r.explain, /left gracefully/);
});

test('graceful shutdowns one after the other also go down to one node', () => {
  const first = step(three, initialState(three), [['db1', 'db2']], ['db3']);
  const second = step(three, first.state, [['db1']], ['db2']);
  assert.equal(second.verdict, 'degraded');
  assert.match(second.sides[0].explain, /2 x 1 \+ 1 > 2 is true/);
});

test('every node down: a cold start needs a bootstrap (blocked)', () => {
  const r = step(three, initialState(three), []);
  assert.equal(r.verdict, 'blocked');
  assert.match(r.explain, /bootstrap/);
});

test('a node rejoining a non-primary survivor restores the primary component against the remembered one', () => {
  const lost = step(three, initialState(three), [['db3']]);
  assert.equal(lost.verdict, 'down');
  const back = step(three, lost.state, [['db2', 'db3']]);
  assert.equal(back.verdict, 'degraded');
  assert.match(back.sides[0].explain, /2 x 2 \+ 0 > 3 is true/);
});

test('nodes of other clusters in a partition are ignored; members outside the last primary count 0', () => {
  const first = step(three, initialState(three), [['db1', 'db2', 'ctl-x']]);
  assert.deepEqual(first.sides[0].partition, ['db1', 'db2']);
  // db3 comes back in a side with db1 while db2 is cut off: only db1 counts against P = {db1, db2}.
  const r = step(three, first.state, [['db1', 'db3'], ['db2']]);
  assert.equal(r.verdict, 'down');
  assert.match(r.sides[0].explain, /2 x 1 \+ 0 > 2 is false/);
  assert.match(r.sides[0].explain, /node db3 is not in the last primary component/);
});
