/** RabbitMQ's failure arithmetic (server/src/engine/simulate/rabbitmq.ts): Khepri majority, quorum queues, pre-4.3 partition handling. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { evaluate, queueOutcome, RabbitConfig } from '../../server/src/engine/simulate/rabbitmq';

const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `rmq${i + 1}`);
const three: RabbitConfig = { nodes: names(3) };
const five: RabbitConfig = { nodes: names(5) };

test('as deployed: 3 nodes together, available', () => {
  const r = evaluate(three, [names(3)]);
  assert.equal(r.verdict, 'available');
  assert.equal(r.sides[0].quorum, 'at least 2');
  assert.equal(r.queues.replicas, 3);
  assert.equal(r.queues.unavailable, 'none');
});

test('3 nodes lose 1: Khepri keeps its majority (2 of 3) and queues with 3 replicas keep 2, still serving', () => {
  const r = evaluate(three, [['rmq1', 'rmq2']]);
  assert.equal(r.verdict, 'degraded');
  assert.equal(r.sides[0].votes, 2);
  assert.equal(r.sides[0].expected, 3);
  assert.equal(r.sides[0].quorate, true);
  assert.equal(r.queues.unavailable, 'none');
  assert.match(r.sides[0].explain, /2 of 3 nodes reach the majority of 2/);
});

test('3 nodes lose 2: the survivor has no Khepri majority and every quorum queue lost its majority: down', () => {
  const r = evaluate(three, [['rmq3']]);
  assert.equal(r.verdict, 'down');
  assert.equal(r.sides[0].quorate, false);
  assert.match(r.sides[0].explain, /1 of 3 nodes fall short of the majority of 2/);
  assert.equal(r.queues.unavailable, 'certain');
  assert.equal(r.queues.allReplicasDown, 'none');
});

test('5 nodes, queues of 3 replicas, lose 2: Khepri holds (3 of 5) but a queue may have lost 2 of its 3 replicas', () => {
  const r = evaluate({ ...five, queueReplicas: 3 }, [['rmq1', 'rmq2', 'rmq3']]);
  assert.equal(r.verdict, 'degraded');
  assert.equal(r.sides[0].quorate, true);
  assert.equal(r.queues.unavailable, 'possible');
  assert.equal(r.queues.allReplicasDown, 'none');
  assert.match(r.explain, /2 of 5 nodes stopped is at least 2/);
});

test('5 nodes, queues of 3 replicas, lose 3: Khepri lost its majority; a queue may have no replica left', () => {
  const r = evaluate({ ...five, queueReplicas: 3 }, [['rmq1', 'rmq2']]);
  assert.equal(r.verdict, 'down');
  assert.equal(r.queues.unavailable, 'possible');
  assert.equal(r.queues.allReplicasDown, 'possible');
});

test('5 nodes lose 4: every queue is certainly unavailable (4 >= 5 - 1)', () => {
  const r = evaluate({ ...five, queueReplicas: 3 }, [['rmq1']]);
  assert.equal(r.queues.unavailable, 'certain');
});

// RabbitMQ's partitions guide tabulates the failures a cluster tolerates: 3 nodes 1, 4 nodes 1, 5 nodes 2, 7 nodes 3
// (a majority of the members must stay). Here queues are replicated on every node.
test("the partitions guide's table: 3 -> 1, 4 -> 1, 5 -> 2, 7 -> 3 failures tolerated", () => {
  for (const [n, tolerated] of [
    [3, 1],
    [4, 1],
    [5, 2],
    [7, 3],
  ]) {
    const c: RabbitConfig = { nodes: names(n), queueReplicas: n };
    const ok = (f: number) => {
      const r = evaluate(c, [names(n).slice(f)]);
      return r.verdict !== 'down' && r.queues.unavailable === 'none';
    };
    assert.equal(ok(tolerated), true, `${n} nodes survive ${tolerated}`);
    assert.equal(ok(tolerated + 1), false, `${n} nodes do not survive ${tolerated + 1}`);
  }
});

test('replicas are capped at the cluster size: queues of the default 3 on a 2-node cluster have 2', () => {
  const r = evaluate({ nodes: names(2) }, [['rmq1']]);
  assert.equal(r.queues.replicas, 2);
  assert.equal(r.queues.majority, 2);
  assert.equal(r.queues.unavailable, 'certain');
  assert.equal(r.verdict, 'down');
});

test('Khepri 2:1 split: the pair keeps metadata and queues, the single node serves cached reads only', () => {
  const r = evaluate(three, [['rmq1', 'rmq2'], ['rmq3']]);
  assert.equal(r.verdict, 'degraded');
  assert.deepEqual(
    r.sides.map((x) => x.running),
    [true, false],
  );
  assert.match(r.sides[1].explain, /cached reads only/);
  assert.equal(r.queues.unavailable, 'none');
});

test('pre-4.3 pause_minority on a 2:1 split: the single node pauses (1 is not more than 1.5), the pair runs', () => {
  const r = evaluate({ ...three, partitionHandling: 'pause_minority' }, [['rmq1', 'rmq2'], ['rmq3']]);
  assert.equal(r.verdict, 'degraded');
  assert.deepEqual(
    r.sides.map((x) => [x.quorum, x.running]),
    [
      ['more than 1.5', true],
      ['more than 1.5', false],
    ],
  );
  assert.match(r.sides[1].explain, /1 of 3 nodes is not more than 1.5, so this side pauses/);
});

test('pre-4.3 pause_minority on a 2:2 split of 4: every node sees only half and pauses', () => {
  const r = evaluate({ nodes: names(4), partitionHandling: 'pause_minority' }, [
    ['rmq1', 'rmq2'],
    ['rmq3', 'rmq4'],
  ]);
  assert.equal(r.verdict, 'down');
  assert.ok(r.sides.every((x) => !x.running));
});

test('pre-4.3 ignore (the default) on a 2:1 split: both sides run, a split brain', () => {
  const r = evaluate({ ...three, partitionHandling: 'ignore' }, [['rmq1', 'rmq2'], ['rmq3']]);
  assert.equal(r.verdict, 'split-brain');
  assert.ok(r.sides.every((x) => x.running));
});

test('pre-4.3 autoheal: a split brain until the heal, whose losers lose their changes', () => {
  const r = evaluate({ ...three, partitionHandling: 'autoheal' }, [['rmq1', 'rmq2'], ['rmq3']]);
  assert.equal(r.verdict, 'split-brain');
  assert.match(r.explain, /most client connections/);
});

test('pre-4.3 pause_if_all_down: only the side that reaches a listed node runs', () => {
  const c: RabbitConfig = { ...three, partitionHandling: { pauseIfAllDown: ['rmq1'], recover: 'ignore' } };
  const r = evaluate(c, [['rmq1'], ['rmq2', 'rmq3']]);
  assert.deepEqual(
    r.sides.map((x) => x.running),
    [true, false],
  );
  // The lone rmq1 runs but holds 1 of each queue's 3 replicas: quorum queues are certainly unavailable.
  assert.equal(r.verdict, 'down');
  assert.equal(r.queues.unavailable, 'certain');
});

test('pre-4.3 ignore, 1 of 3 left, classic queues only: the survivor still serves', () => {
  const r = evaluate({ ...three, partitionHandling: 'ignore', quorumQueues: false }, [['rmq1']]);
  assert.equal(r.verdict, 'degraded');
});

test('queueOutcome across a 2:2:1 split of 5 with 3 replicas: a queue may be spread so that no side holds 2', () => {
  const q = queueOutcome(3, [2, 2, 1], 0);
  assert.equal(q.unavailable, 'possible');
  assert.equal(q.allReplicasDown, 'none');
});

test('every node down: down, every replica stopped', () => {
  const r = evaluate(three, []);
  assert.equal(r.verdict, 'down');
  assert.equal(r.queues.allReplicasDown, 'certain');
});

test('Khepri 2:2:1 split of 5: no side has the majority of 3 (down), yet a queue whose 2 replicas share a side still runs', () => {
  const r = evaluate({ ...five, queueReplicas: 3 }, [['rmq1', 'rmq2'], ['rmq3', 'rmq4'], ['rmq5']]);
  assert.equal(r.verdict, 'down');
  assert.ok(r.sides.every((x) => !x.quorate));
  assert.equal(r.queues.unavailable, 'possible');
});
