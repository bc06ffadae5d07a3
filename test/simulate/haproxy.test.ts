/** HAProxy behind a VIP (server/src/engine/simulate/haproxy.ts): the backends the holder's side reaches. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { backendsBehind } from '../../server/src/engine/simulate/haproxy';

const ctl = ['ctl-a', 'ctl-b', 'ctl-c'];

test('no holder: down', () => {
  assert.deepEqual(backendsBehind('keystone', 'internal', [], [ctl], ctl), {
    reached: [],
    verdict: 'down',
    explain: 'VIP internal is held by no node',
  });
});

test('every backend on the holder side: available', () => {
  const r = backendsBehind('keystone', 'internal', ['lb-a'], [['lb-a', ...ctl]], ctl);
  assert.equal(r.verdict, 'available');
  assert.deepEqual(r.reached, ctl);
  assert.equal(r.explain, 'HAProxy on lb-a reaches all 3 keystone backends (ctl-a, ctl-b, ctl-c)');
});

test('some backends failed or cut off: degraded, naming those reached', () => {
  const r = backendsBehind('keystone', 'internal', ['lb-a'], [['lb-a', 'ctl-a', 'ctl-c'], ['lb-b']], ctl);
  assert.equal(r.verdict, 'degraded');
  assert.deepEqual(r.reached, ['ctl-a', 'ctl-c']);
  assert.equal(r.explain, 'HAProxy on lb-a reaches 2 of 3 keystone backends (ctl-a, ctl-c)');
});

test('the backends all beyond the cut: down', () => {
  const r = backendsBehind('keystone', 'internal', ['lb-a'], [['lb-a'], ctl], ctl);
  assert.equal(r.verdict, 'down');
  assert.deepEqual(r.reached, []);
  assert.equal(r.explain, 'HAProxy on lb-a reaches none of the keystone backends (ctl-a, ctl-b, ctl-c)');
});

test('a single backend', () => {
  const r = backendsBehind('horizon', 'external', ['lb-a'], [['lb-a', 'ctl-a']], ['ctl-a']);
  assert.equal(r.verdict, 'available');
  assert.equal(r.explain, 'HAProxy on lb-a reaches the only horizon backend (ctl-a)');
});

test('a duplicate VIP: split brain, with what each holder reaches', () => {
  const r = backendsBehind(
    'keystone',
    'internal',
    ['lb-a', 'lb-c'],
    [
      ['lb-a', 'ctl-a', 'ctl-b'],
      ['lb-c', 'ctl-c'],
    ],
    ctl,
  );
  assert.equal(r.verdict, 'split-brain');
  assert.deepEqual(r.reached, ctl);
  assert.equal(
    r.explain,
    'VIP internal is held by 2 nodes at once (duplicate VIP): HAProxy on lb-a reaches 2 of 3 keystone backends (ctl-a, ctl-b); HAProxy on lb-c reaches 1 of 3 keystone backends (ctl-c)',
  );
});
