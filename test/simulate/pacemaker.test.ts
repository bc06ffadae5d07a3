/** Pacemaker after corosync's verdict (server/src/engine/simulate/pacemaker.ts): no-quorum-policy and fencing. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { evaluate, FenceDevice, PacemakerConfig } from '../../server/src/engine/simulate/pacemaker';

const ctl = ['ctl-a', 'ctl-b', 'ctl-c'];
// One IPMI device per node, in that node's BMC (fence_ipmilan), each node in its own rack.
const ipmi: FenceDevice[] = ctl.map((n) => ({ name: `ipmi-${n}`, targets: [n], hostNode: n, domain: `rack-${n.slice(4)}` }));
const withIpmi: PacemakerConfig = { nodes: ctl, stonith: true, fencing: ipmi };

test('nothing lost: the quorate side runs the resources', () => {
  const r = evaluate(withIpmi, [{ partition: ctl, quorate: true }], [], []);
  assert.equal(r.verdict, 'available');
  assert.equal(r.explain, 'Pacemaker: all 3 nodes are in the quorate side and run the resources');
  assert.equal(r.sides[0].explain, 'Pacemaker: quorate, so this side runs the resources');
  assert.equal(r.sides[0].runs, true);
  assert.equal(r.sides[0].recovers, true);
});

test("a crash: the crashed node's BMC still answers, so the quorate side fences it and recovers", () => {
  const r = evaluate(withIpmi, [{ partition: ['ctl-a', 'ctl-c'], quorate: true }], [{ node: 'ctl-b', how: 'crash' }], []);
  assert.equal(r.verdict, 'degraded');
  assert.equal(r.sides[0].recovers, true);
  assert.deepEqual(r.sides[0].unfenced, []);
  assert.equal(r.sides[0].explain, 'Pacemaker: quorate; it fences ctl-b (ipmi-ctl-b), then recovers its resources');
  assert.equal(r.explain, 'Pacemaker: the quorate side (ctl-a, ctl-c) recovers the resources of ctl-b after fencing');
});

test('a power loss of the rack: the BMC went with the node, so recovery is blocked', () => {
  const r = evaluate(withIpmi, [{ partition: ['ctl-a', 'ctl-c'], quorate: true }], [{ node: 'ctl-b', how: 'power' }], ['rack-b']);
  assert.equal(r.verdict, 'blocked');
  assert.equal(r.sides[0].runs, true);
  assert.equal(r.sides[0].recovers, false);
  assert.deepEqual(r.sides[0].unfenced, [{ node: 'ctl-b', why: 'its only device ipmi-ctl-b lost power with it' }]);
  assert.equal(r.explain, 'Pacemaker: recovery waits on fencing of ctl-b: its only device ipmi-ctl-b lost power with it');
  assert.equal(r.sides[0].explain, 'Pacemaker: quorate; recovery waits on fencing of ctl-b: its only device ipmi-ctl-b lost power with it');
});

test('a PDU in the failed rack blocks recovery; one in a live rack fences through the power loss', () => {
  const pduA: PacemakerConfig = { nodes: ctl, stonith: true, fencing: [{ name: 'pdu-a', domain: 'rack-a' }] };
  const r = evaluate(pduA, [{ partition: ['ctl-b', 'ctl-c'], quorate: true }], [{ node: 'ctl-a', how: 'power' }], ['rack-a']);
  assert.equal(r.verdict, 'blocked');
  assert.equal(r.explain, 'Pacemaker: recovery waits on fencing of ctl-a: its only device pdu-a is in rack-a, which lost power');
  // Both the BMC and the rack's PDU gone.
  const both: PacemakerConfig = { nodes: ctl, stonith: true, fencing: [...ipmi, { name: 'pdu-a', domain: 'rack-a' }] };
  const b = evaluate(both, [{ partition: ['ctl-b', 'ctl-c'], quorate: true }], [{ node: 'ctl-a', how: 'power' }], ['rack-a']);
  assert.equal(b.verdict, 'blocked');
  assert.deepEqual(b.sides[0].unfenced, [
    { node: 'ctl-a', why: 'every device fails: ipmi-ctl-a lost power with it; pdu-a is in rack-a, which lost power' },
  ]);
  // A PDU powered from rack-c still cuts ctl-a's outlet.
  const pduC: PacemakerConfig = { nodes: ctl, stonith: true, fencing: [...ipmi, { name: 'pdu-c', domain: 'rack-c' }] };
  const c = evaluate(pduC, [{ partition: ['ctl-b', 'ctl-c'], quorate: true }], [{ node: 'ctl-a', how: 'power' }], ['rack-a']);
  assert.equal(c.verdict, 'degraded');
  assert.equal(c.sides[0].explain, 'Pacemaker: quorate; it fences ctl-a (pdu-c), then recovers its resources');
});

test('a node no device targets cannot be fenced', () => {
  const c: PacemakerConfig = { nodes: ctl, stonith: true, fencing: ipmi.filter((d) => d.name !== 'ipmi-ctl-c') };
  const r = evaluate(c, [{ partition: ['ctl-a', 'ctl-b'], quorate: true }], [{ node: 'ctl-c', how: 'crash' }], []);
  assert.equal(r.verdict, 'blocked');
  assert.equal(r.explain, 'Pacemaker: recovery waits on fencing of ctl-c: no fence device targets it');
});

test('stonith off: the quorate side recovers without fencing, and says the risk', () => {
  const c: PacemakerConfig = { nodes: ctl, stonith: false };
  const r = evaluate(c, [{ partition: ['ctl-a', 'ctl-c'], quorate: true }], [{ node: 'ctl-b', how: 'power' }], ['rack-b']);
  assert.equal(r.verdict, 'degraded');
  assert.equal(
    r.explain,
    'Pacemaker: the quorate side (ctl-a, ctl-c) recovers the resources of ctl-b without fencing (stonith-enabled is false: if a lost node still runs them, data corruption)',
  );
  assert.equal(
    r.sides[0].explain,
    'Pacemaker: quorate; stonith-enabled is false, so it recovers the resources of ctl-b without fencing, assuming that node is down (if not: data corruption)',
  );
});

test('fence devices unknown: fencing is assumed to work', () => {
  const c: PacemakerConfig = { nodes: ctl, stonith: true };
  const r = evaluate(c, [{ partition: ['ctl-a', 'ctl-c'], quorate: true }], [{ node: 'ctl-b', how: 'power' }], ['rack-b']);
  assert.equal(r.verdict, 'degraded');
  assert.equal(
    r.explain,
    'Pacemaker: the quorate side (ctl-a, ctl-c) recovers the resources of ctl-b after fencing (assumed to work: no fence devices known)',
  );
  assert.equal(
    r.sides[0].explain,
    'Pacemaker: quorate; fencing of ctl-b is assumed to work (no fence devices known), then it recovers its resources',
  );
});

test('no-quorum-policy ignore on both sides without stonith: both run the resources, a split brain', () => {
  const c: PacemakerConfig = { nodes: ['ctl-a', 'ctl-b'], stonith: false, noQuorumPolicy: 'ignore' };
  const r = evaluate(
    c,
    [
      { partition: ['ctl-a'], quorate: false },
      { partition: ['ctl-b'], quorate: false },
    ],
    [],
    [],
  );
  assert.equal(r.verdict, 'split-brain');
  assert.equal(
    r.explain,
    'Pacemaker: 2 sides may start resources (ctl-a | ctl-b: no-quorum-policy ignore) and stonith-enabled is false, so both run them',
  );
  assert.ok(r.sides.every((x) => x.runs && x.recovers));
  assert.equal(
    r.sides[0].explain,
    'Pacemaker: not quorate; no-quorum-policy ignore: this side keeps running and may start resources as if it were quorate; stonith-enabled is false, so it recovers the resources of ctl-b without fencing, assuming that node is down (if not: data corruption)',
  );
});

test('two_node, both halves quorate: split brain without stonith, a fence race with it', () => {
  const sides = [
    { partition: ['ctl-a'], quorate: true },
    { partition: ['ctl-b'], quorate: true },
  ];
  const off = evaluate({ nodes: ['ctl-a', 'ctl-b'], stonith: false }, sides, [], []);
  assert.equal(off.verdict, 'split-brain');
  assert.equal(
    off.explain,
    'Pacemaker: 2 sides may start resources (ctl-a | ctl-b: each is quorate) and stonith-enabled is false, so both run them',
  );
  const on = evaluate({ nodes: ['ctl-a', 'ctl-b'], stonith: true, fencing: ipmi.slice(0, 2) }, sides, [], []);
  assert.equal(on.verdict, 'degraded');
  assert.equal(
    on.explain,
    'Pacemaker: 2 sides may start resources (ctl-a | ctl-b: each is quorate), but each must fence the other first: the fence race decides which side runs them (a fence delay picks the winner)',
  );
  assert.equal(on.sides[0].explain, 'Pacemaker: quorate; it fences ctl-b (ipmi-ctl-b), then recovers its resources');
  // Only ctl-a has a device: ctl-b's side can fence ctl-a, ctl-a's side cannot fence ctl-b, so ctl-b wins.
  const one = evaluate({ nodes: ['ctl-a', 'ctl-b'], stonith: true, fencing: [ipmi[0]] }, sides, [], []);
  assert.equal(one.verdict, 'degraded');
  assert.equal(
    one.explain,
    'Pacemaker: 2 sides may start resources (ctl-a | ctl-b: each is quorate), but each must fence the other first: only ctl-b can (ctl-a cannot fence ctl-b: no fence device targets it), so it runs them',
  );
  // Neither can fence the other: both wait.
  const neither = evaluate({ nodes: ['ctl-a', 'ctl-b'], stonith: true, fencing: [] }, sides, [], []);
  assert.equal(neither.verdict, 'blocked');
  assert.equal(
    neither.explain,
    'Pacemaker: 2 sides may start resources (ctl-a | ctl-b: each is quorate), but none can fence the other: ctl-a cannot fence ctl-b: no fence device targets it | ctl-b cannot fence ctl-a: no fence device targets it',
  );
  // Fencing unknown: assumed to work, a fence race.
  assert.match(
    evaluate({ nodes: ['ctl-a', 'ctl-b'], stonith: true }, sides, [], []).explain,
    /the fence race decides .*; fencing assumed to work$/,
  );
});

test('freeze: the minority keeps what runs and starts nothing; the majority fences it and recovers', () => {
  const c: PacemakerConfig = { ...withIpmi, noQuorumPolicy: 'freeze' };
  const r = evaluate(
    c,
    [
      { partition: ['ctl-a', 'ctl-b'], quorate: true },
      { partition: ['ctl-c'], quorate: false },
    ],
    [],
    [],
  );
  assert.equal(r.verdict, 'degraded');
  assert.equal(r.sides[1].runs, true);
  assert.equal(r.sides[1].recovers, false);
  assert.equal(r.sides[1].explain, 'Pacemaker: not quorate; no-quorum-policy freeze: this side keeps what runs here but starts nothing');
  assert.equal(r.sides[0].explain, 'Pacemaker: quorate; it fences ctl-c (ipmi-ctl-c), then recovers its resources');
  assert.equal(r.explain, 'Pacemaker: the quorate side (ctl-a, ctl-b) recovers the resources of ctl-c after fencing');
  // Without stonith the frozen side is not fenced, and keeps running what the majority restarts.
  const off = evaluate({ ...c, stonith: false }, r.sides, [], []);
  assert.equal(
    off.explain,
    'Pacemaker: the quorate side (ctl-a, ctl-b) recovers the resources of ctl-c without fencing (stonith-enabled is false: if a lost node still runs them, data corruption); side ctl-c keeps what runs there (no-quorum-policy freeze): if the group ran there, both sides run it',
  );
  // No quorate side at all: frozen sides serve only what already ran on them.
  const none = evaluate(
    c,
    [{ partition: ['ctl-a'], quorate: false }],
    [
      { node: 'ctl-b', how: 'crash' },
      { node: 'ctl-c', how: 'crash' },
    ],
    [],
  );
  assert.equal(none.verdict, 'degraded');
  assert.equal(
    none.explain,
    'Pacemaker: no side is quorate; side ctl-a keeps what runs there (no-quorum-policy freeze), and nothing starts',
  );
});

test('stop (the default) with no quorate side: down; demote and fence say what they do', () => {
  const lost = [
    { node: 'ctl-b', how: 'crash' as const },
    { node: 'ctl-c', how: 'crash' as const },
  ];
  const r = evaluate(withIpmi, [{ partition: ['ctl-a'], quorate: false }], lost, []);
  assert.equal(r.verdict, 'down');
  assert.equal(r.sides[0].runs, false);
  assert.equal(r.sides[0].explain, 'Pacemaker: not quorate; no-quorum-policy stop: this side stops its resources');
  assert.equal(r.explain, 'Pacemaker: no side is quorate and no-quorum-policy stop stops the resources on every side');
  const demote = evaluate({ ...withIpmi, noQuorumPolicy: 'demote' }, [{ partition: ['ctl-a'], quorate: false }], lost, []);
  assert.equal(demote.verdict, 'down');
  assert.equal(
    demote.sides[0].explain,
    'Pacemaker: not quorate; no-quorum-policy demote: this side demotes promotable resources and stops the others',
  );
  const fence = evaluate({ ...withIpmi, noQuorumPolicy: 'fence' }, [{ partition: ['ctl-a'], quorate: false }], lost, []);
  assert.equal(fence.sides[0].explain, 'Pacemaker: not quorate; no-quorum-policy fence: this side fences its own nodes');
  const all = evaluate(withIpmi, [], [...lost, { node: 'ctl-a', how: 'crash' }], []);
  assert.equal(all.verdict, 'down');
  assert.equal(all.explain, 'Pacemaker: no member is running');
});
