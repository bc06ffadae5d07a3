/** keepalived/VRRP holders (server/src/engine/simulate/keepalived.ts): priorities, FAULT, ties, preemption, splits. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { initialState, KeepalivedConfig, step } from '../../server/src/engine/simulate/keepalived';

// kolla-ansible's template: every node BACKUP with nopreempt, priority = index in `loadbalancer` + 1, check_alive without weight.
const kolla: KeepalivedConfig = {
  vrid: 51,
  vips: ['internal'],
  instances: ['lb-a', 'lb-b', 'lb-c'].map((node, i) => ({
    node,
    priority: i + 1,
    state: 'BACKUP' as const,
    nopreempt: true,
    trackers: [{ name: 'check_alive', weight: 0 }],
  })),
};

// OpenStack-Ansible's haproxy_server role: priority (len - index) x 50, the first host MASTER, a ping tracker of weight -101.
function osa(watches: string[]): KeepalivedConfig {
  return {
    vips: ['internal'],
    instances: ['lb1', 'lb2', 'lb3'].map((node, i) => ({
      node,
      priority: (3 - i) * 50,
      state: i === 0 ? ('MASTER' as const) : ('BACKUP' as const),
      trackers: [{ name: 'ping-gw', weight: -101, watches: watches[i] }],
    })),
  };
}

test('kolla: the highest index is elected at start, and all 3 instances up is available', () => {
  const s = initialState(kolla);
  assert.deepEqual(s.holders, ['lb-c']);
  const r = step(kolla, s, [['lb-a', 'lb-b', 'lb-c']]);
  assert.equal(r.verdict, 'available');
  assert.deepEqual(r.holders, ['lb-c']);
  assert.equal(r.explain, 'keepalived: lb-c holds VIP internal; all 3 instances are up');
  assert.equal(r.sides[0].explain, 'lb-c is master: priority 3 + 0 = 3, highest of 3 instances here (lb-a 1; lb-b 2)');
  assert.equal(r.sides[0].votes, 3);
  assert.equal(r.sides[0].expected, 3);
  assert.equal(r.sides[0].quorum, 'none (VRRP has no quorum)');
  assert.equal(r.sides[0].quorate, true);
  assert.equal(r.sides[0].running, true);
});

test('kolla nopreempt: the master fails, lb-b takes over, and keeps the VIP when lb-c returns', () => {
  const failed = step(kolla, initialState(kolla), [['lb-a', 'lb-b']]);
  assert.deepEqual(failed.holders, ['lb-b']);
  assert.equal(failed.verdict, 'degraded');
  assert.equal(failed.sides[0].explain, 'lb-b is master: priority 2 + 0 = 2, highest of 2 instances here (lb-a 1)');
  assert.equal(failed.explain, 'keepalived: lb-b holds VIP internal, with 2 of 3 instances up on its side (lb-c failed)');
  const back = step(kolla, failed.state, [['lb-a', 'lb-b', 'lb-c']]);
  assert.deepEqual(back.holders, ['lb-b']);
  assert.equal(back.verdict, 'available');
  assert.equal(
    back.sides[0].explain,
    'lb-b stays master: priority 2 + 0 = 2; lb-c (3) is higher but nopreempt keeps the current master while it is alive and not FAULT',
  );
});

test('without nopreempt the same history gives the VIP back to the returning higher priority (OSA)', () => {
  const c = osa(['gw', 'gw', 'gw']);
  assert.deepEqual(initialState(c).holders, ['lb1']);
  const failed = step(c, initialState(c), [['lb2', 'lb3', 'gw']]);
  assert.deepEqual(failed.holders, ['lb2']);
  assert.equal(failed.sides[0].explain, 'lb2 is master: priority 100 + 0 = 100, highest of 2 instances here (lb3 50)');
  const back = step(c, failed.state, [['lb1', 'lb2', 'lb3', 'gw']]);
  assert.deepEqual(back.holders, ['lb1']);
  assert.equal(back.sides[0].explain, "lb1 takes over from lb2 (preemption): priority 150 + 0 = 150, higher than lb2's 100");
  assert.equal(back.verdict, 'available');
});

test('OSA: the ping tracker of -101 puts a master that lost its gateway below every healthy backup', () => {
  const c = osa(['rtr-a', 'rtr-b', 'rtr-b']);
  const r = step(c, initialState(c), [['lb1', 'lb2', 'lb3', 'rtr-b']]);
  assert.deepEqual(r.holders, ['lb2']);
  assert.equal(r.sides[0].explain, "lb2 takes over from lb1 (preemption): priority 100 + 0 = 100, higher than lb1's 49");
  // Every gateway gone: the priorities drop to 49, -1 and -51, clamped to 1, and lb1 stays highest.
  const all = step(c, initialState(c), [['lb1', 'lb2', 'lb3']]);
  assert.deepEqual(all.holders, ['lb1']);
  assert.equal(all.sides[0].explain, 'lb1 is master: priority 150 - 101 (ping-gw down) = 49, highest of 3 instances here (lb2 1; lb3 1)');
});

test('a weight-0 tracker that goes down puts the instance in FAULT and the VIP moves', () => {
  const c: KeepalivedConfig = {
    vips: ['internal'],
    instances: [
      { node: 'lb-a', priority: 150, trackers: [{ name: 'check_haproxy', weight: 0, watches: 'haproxy-a' }] },
      { node: 'lb-b', priority: 100 },
    ],
  };
  const r = step(c, initialState(c), [['lb-a', 'lb-b']]);
  assert.deepEqual(r.holders, ['lb-b']);
  assert.equal(
    r.sides[0].explain,
    'lb-b is master: priority 100 + 0 = 100, highest of 2 instances here (lb-a FAULT: check_haproxy down, weight 0)',
  );
  assert.equal(r.verdict, 'degraded');
  assert.equal(r.explain, 'keepalived: lb-b holds VIP internal, with 1 of 2 instances up on its side (lb-a FAULT)');
  // lb-b gone too: the only live instance is in FAULT, so nothing holds the VIP.
  const none = step(c, r.state, [['lb-a']]);
  assert.deepEqual(none.holders, []);
  assert.equal(none.verdict, 'down');
  assert.equal(none.sides[0].quorate, false);
  assert.equal(none.sides[0].running, false);
  assert.equal(none.sides[0].explain, 'no instance here can be master (lb-a FAULT: check_haproxy down, weight 0)');
  assert.equal(
    none.explain,
    'keepalived: every live instance is in FAULT (lb-a: check_haproxy down, weight 0), so no node holds VIP internal',
  );
});

test('equal priorities: the higher primary address wins, compared as numbers (10.0.0.10 > 10.0.0.9)', () => {
  const c: KeepalivedConfig = {
    vips: ['internal', 'external'],
    instances: [
      { node: 'lb-a', priority: 100, address: '10.0.0.10' },
      { node: 'lb-b', priority: 100, address: '10.0.0.9' },
    ],
  };
  const r = step(c, initialState(c), [['lb-a', 'lb-b']]);
  assert.deepEqual(r.holders, ['lb-a']);
  assert.equal(
    r.sides[0].explain,
    'lb-a is master: priority 100 + 0 = 100, highest of 2 instances here (lb-b 100); tied with lb-b at 100: 10.0.0.10 is higher than 10.0.0.9',
  );
  assert.equal(r.explain, 'keepalived: lb-a holds VIPs internal, external; all 2 instances are up');
  // lb-a fails and returns: an equal priority does not preempt, so lb-b keeps the VIPs.
  const failed = step(c, r.state, [['lb-b']]);
  const back = step(c, failed.state, [['lb-a', 'lb-b']]);
  assert.deepEqual(back.holders, ['lb-b']);
  assert.equal(
    back.sides[0].explain,
    'lb-b stays master: priority 100 + 0 = 100; lb-a has the same priority, and a backup takes over only with a higher one',
  );
});

test('equal priorities over IPv6, and without addresses the later instance (our assumption)', () => {
  const v6: KeepalivedConfig = {
    vips: ['internal'],
    instances: [
      { node: 'lb-a', priority: 100, address: 'fd00::10' },
      { node: 'lb-b', priority: 100, address: 'fd00::9' },
    ],
  };
  assert.deepEqual(initialState(v6).holders, ['lb-a']);
  const bare: KeepalivedConfig = {
    vips: ['internal'],
    instances: [
      { node: 'lb-a', priority: 100 },
      { node: 'lb-b', priority: 100 },
    ],
  };
  const r = step(bare, initialState(bare), [['lb-a', 'lb-b']]);
  assert.deepEqual(r.holders, ['lb-b']);
  assert.equal(
    r.sides[0].explain,
    'lb-b is master: priority 100 + 0 = 100, highest of 2 instances here (lb-a 100); tied with lb-a at 100: the later in the configuration wins (assumed: addresses unknown)',
  );
});

test('a split of the load balancers: each side elects a master, a duplicate VIP; healing keeps one', () => {
  const split = step(kolla, initialState(kolla), [['lb-a'], ['lb-b', 'lb-c']]);
  assert.deepEqual(split.holders, ['lb-a', 'lb-c']);
  assert.equal(split.verdict, 'split-brain');
  assert.equal(
    split.explain,
    'keepalived: 2 sides each elect a master (lb-a | lb-c), so VIP internal is held by 2 nodes at once: duplicate VIP: ARP flapping (VRRP has no quorum)',
  );
  assert.equal(split.sides.length, 2);
  assert.deepEqual(split.sides[0].partition, ['lb-a']);
  assert.equal(split.sides[0].votes, 1);
  assert.equal(split.sides[0].expected, 3);
  assert.equal(split.sides[0].explain, 'lb-a is master: priority 1 + 0 = 1, the only instance here');
  // The masters meet again: the election between them keeps lb-c (3 > 1), nopreempt or not.
  const healed = step(kolla, split.state, [['lb-a', 'lb-b', 'lb-c']]);
  assert.deepEqual(healed.holders, ['lb-c']);
  assert.equal(healed.verdict, 'available');
});

test('no instance alive: down', () => {
  const r = step(kolla, initialState(kolla), [['ctl-a']]);
  assert.deepEqual(r.holders, []);
  assert.equal(r.sides.length, 0);
  assert.equal(r.verdict, 'down');
  assert.equal(r.explain, 'keepalived: no instance is alive, so no node holds VIP internal');
});

test('a cut-off instance makes the holder degraded; reverse, clamping and the address owner', () => {
  const c: KeepalivedConfig = {
    vips: ['internal'],
    instances: [
      { node: 'lb-a', priority: 250, trackers: [{ name: 'maint', weight: 10, reverse: true, watches: 'flag' }] },
      { node: 'lb-b', priority: 100, trackers: [{ name: 'maint', weight: 10, reverse: true, watches: 'flag' }] },
    ],
  };
  // `flag` absent: the reversed tracker counts as up, adding 10: 250 + 10 = 260, clamped to 254.
  const r = step(c, { holders: [] }, [['lb-a', 'lb-b']]);
  assert.equal(
    r.sides[0].explain,
    'lb-a is master: priority 250 + 10 (maint down, reversed) = 260, clamped to 254, highest of 2 instances here (lb-b 110)',
  );
  const owner: KeepalivedConfig = {
    vips: ['internal'],
    instances: [
      { node: 'lb-a', priority: 255, trackers: [{ name: 'ping-gw', weight: -101, watches: 'gw' }] },
      { node: 'lb-b', priority: 254, nopreempt: true },
    ],
  };
  const o = step(owner, initialState(owner), [['lb-a'], ['lb-b']]);
  assert.equal(o.sides[0].explain, 'lb-a is master: priority 255 (address owner: trackers do not change it), the only instance here');
  // The address owner preempts a master even when that master's instance has nopreempt.
  const rejoined = step(owner, { holders: ['lb-b'] }, [['lb-a', 'lb-b']]);
  assert.deepEqual(rejoined.holders, ['lb-a']);
  assert.equal(
    rejoined.sides[0].explain,
    "lb-a takes over from lb-b (preemption): priority 255 (address owner: trackers do not change it), higher than lb-b's 254",
  );
  const cut = step(kolla, { holders: ['lb-c'] }, [['lb-b', 'lb-c'], ['x']]);
  assert.equal(cut.explain, 'keepalived: lb-c holds VIP internal, with 2 of 3 instances up on its side (lb-a failed)');
  const cutOff = step(
    {
      ...kolla,
      instances: kolla.instances.map((i) =>
        i.node === 'lb-a' ? { ...i, trackers: [{ name: 'check_alive', weight: 0, watches: 'ha-a' }] } : i,
      ),
    },
    { holders: ['lb-c'] },
    [['lb-b', 'lb-c'], ['lb-a']],
  );
  assert.deepEqual(cutOff.holders, ['lb-c']);
  assert.equal(cutOff.verdict, 'degraded');
  assert.equal(cutOff.explain, 'keepalived: lb-c holds VIP internal, with 2 of 3 instances up on its side (lb-a cut off)');
});
