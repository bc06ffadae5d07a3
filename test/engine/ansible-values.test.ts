/** Ansible values known without running Ansible: literals, references, default(), bool; the rest unknown. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { asBool, evaluate, Known } from '../../server/src/engine/documents/ansible/values';

// a user's globals.yml over kolla's defaults, as the deployment model will layer them
const vars: Record<string, Known | null> = {
  kolla_internal_vip_address: '10.0.0.250',
  kolla_external_vip_address: '{{ kolla_internal_vip_address }}',
  enable_haproxy: 'yes',
  enable_keepalived: '{{ enable_haproxy | bool }}',
  node_config: '/etc/kolla',
  certs: '{{ node_config }}/certificates',
  empty: '',
  nothing: null,
  loop_a: '{{ loop_b }}',
  loop_b: '{{ loop_a }}',
};
const lookup = (n: string) => (n in vars ? vars[n] : undefined);
const value = (raw: Known | null | undefined) => {
  const v = evaluate(raw, lookup);
  return v.known ? v.value : 'UNKNOWN';
};

test('literals, references, joined templates and bool', () => {
  assert.equal(value('51'), '51');
  assert.equal(value(51), 51);
  assert.equal(value('{{ kolla_external_vip_address }}'), '10.0.0.250');
  assert.equal(value('{{ enable_keepalived }}'), true);
  assert.equal(value("{{ 'no' | bool }}"), false);
  assert.equal(value('{{ certs }}'), '/etc/kolla/certificates');
  assert.equal(value('https://{{ kolla_internal_vip_address }}:5000'), 'https://10.0.0.250:5000');
});

test('default(): for an undefined variable, and with true for an empty one', () => {
  assert.equal(value("{{ undefined_var | default('51') }}"), '51');
  assert.equal(value('{{ undefined_var | default(kolla_internal_vip_address) }}'), '10.0.0.250');
  assert.equal(value("{{ kolla_internal_vip_address | default('x') }}"), '10.0.0.250');
  assert.equal(value("{{ empty | default('x') }}"), '');
  assert.equal(value("{{ empty | default('x', true) }}"), 'x');
  assert.equal(value("{{ undefined_var | d('yes') | bool }}"), true);
});

test('what cannot be known is unknown, never a guess', () => {
  for (const raw of [
    '{{ undefined_var }}',
    '{{ nothing }}',
    '{{ loop_a }}',
    "{{ ('br-maas' in ansible_interfaces) | ternary('br-maas', 'eth0') }}",
    '{{ groups.haproxy | length > 1 }}',
    '{% if x %}a{% endif %}',
    '{{ x | default("unclosed) }}',
    "{{ lookup('env', 'HOME') }}",
    'a {{ undefined_var }} b',
  ])
    assert.equal(value(raw), 'UNKNOWN', raw);
  assert.equal(value(undefined), 'UNKNOWN');
});

test("Ansible's bool: yes, on, true, 1 in any case, nothing else (not even with spaces)", () => {
  assert.deepEqual(['yes', 'On', 'TRUE', '1', ' yes ', 'no', 'off', '0', 'y', ''].map(asBool), [
    true,
    true,
    true,
    true,
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
});
