/** The Ansible INI inventory reader (kolla-ansible's multinode): groups, children, ranges, inline variables, problems. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandHostRange, hostsOf, MAX_RANGE_HOSTS, parseIniInventory } from '../../server/src/engine/documents/ansible/ini-inventory';
import { ROOT } from '../support/paths';
import fc from 'fast-check';

const names = (text: string, group: string) => hostsOf(parseIniInventory(text), group).map((h) => h.name);

test("kolla-ansible's own multinode: the HA groups resolve through :children to the hosts users list", () => {
  const text = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'kolla', 'multinode'), 'utf8');
  const inv = parseIniInventory(text);
  assert.deepEqual(inv.problems, []);
  assert.deepEqual(names(text, 'control'), ['control01', 'control02', 'control03']);
  for (const g of ['mariadb', 'rabbitmq', 'memcached', 'hacluster'])
    assert.deepEqual(names(text, g), ['control01', 'control02', 'control03'], g);
  assert.deepEqual(names(text, 'loadbalancer'), ['network01', 'network02']);
  assert.deepEqual(names(text, 'deployment'), ['localhost']);
  assert.equal(hostsOf(inv, 'deployment')[0].vars.get('ansible_connection')?.text, 'local');
});

test('ranges, inline variables with quotes, a port, and exact places', () => {
  const text = '[control]\nopenstack[01:03] api_interface="bond0.1113" network_interface=bond0\ndb-[a:c].example.com:2222\n';
  const inv = parseIniInventory(text);
  assert.deepEqual(inv.problems, []);
  const hosts = inv.groups.get('control')!.hosts;
  assert.deepEqual(
    hosts.map((h) => h.name),
    ['openstack01', 'openstack02', 'openstack03', 'db-a.example.com', 'db-b.example.com', 'db-c.example.com'],
  );
  assert.equal(text.slice(hosts[1].span.start, hosts[1].span.end), 'openstack[01:03]');
  const v = hosts[0].vars.get('api_interface')!;
  assert.equal(v.text, 'bond0.1113');
  assert.equal(text.slice(v.span.start, v.span.end), 'api_interface="bond0.1113"');
});

test('a group only named as a child exists, empty; cycles are followed once; hosts before any header are ungrouped', () => {
  const text = 'stray\n[a:children]\nb\nmissing\n[b:children]\na\n[b]\nh1\n';
  const inv = parseIniInventory(text);
  assert.deepEqual(inv.problems, []);
  assert.deepEqual(inv.groups.get('missing')!.headers, []);
  assert.deepEqual(names(text, 'a'), ['h1']);
  assert.deepEqual(names(text, 'ungrouped'), ['stray']);
});

test('what ansible refuses is a problem at its place', () => {
  const text = '[control\n[a:hosts]\n[b:kids]\n[b:vars]\nnot a pair\n[c]\nh[3:1]\nh[01:3]\nh x\n[d:children]\ne f\n';
  const inv = parseIniInventory(text);
  assert.deepEqual(
    inv.problems.map((p) => [text.slice(p.span.start, p.span.end), p.message]),
    [
      ['[control', "'[control' is not a section header ansible reads ([group], [group:children] or [group:vars])"],
      ['[b:kids]', '[b:kids]: ansible knows :children and :vars sections, not :kids'],
      ['not a pair', "[b:vars] holds key=value lines; ansible refuses 'not a pair'"],
      ['h[3:1]', 'h[3:1]: a host range must go up: its start is after its end'],
      ['h[01:3]', 'h[01:3]: a range that starts with a leading zero (01) writes its end at the same width (3 has 1 digits)'],
      ['x', "a host's variables are key=value; ansible refuses 'x'"],
      ['f', '[d:children] names one group per line'],
    ],
  );
});

test('host ranges: width, step, letters in ansible order, several brackets, and a bound', () => {
  assert.deepEqual(expandHostRange('n[08:10]'), ['n08', 'n09', 'n10']);
  assert.deepEqual(expandHostRange('n[1:9:4]'), ['n1', 'n5', 'n9']);
  assert.deepEqual(expandHostRange('r[y:B]'), ['ry', 'rz', 'rA', 'rB']);
  assert.deepEqual(expandHostRange('r[1:2]-[a:b]'), ['r1-a', 'r1-b', 'r2-a', 'r2-b']);
  assert.deepEqual(expandHostRange('plain'), ['plain']);
  assert.equal(expandHostRange('n[1:99999999]'), `the range expands to more than ${MAX_RANGE_HOSTS} hosts`);
  assert.equal(expandHostRange('n[1:x]'), "'[1:x]' is not a host range ansible reads: numbers ([01:03]) or single letters ([a:c])");
});

test('any text: no throw, every place inside the text, hostsOf ends (fast-check, seeded)', () => {
  const piece = fc.constantFrom(
    '[',
    ']',
    ':',
    'children',
    'vars',
    'control',
    'h[01:03]',
    'a=b',
    '"',
    '#',
    ' ',
    '\n',
    '\r\n',
    '[x:children]\n',
    'x\n',
    '[1:',
    '9]',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const inv = parseIniInventory(text);
      const inside = (s: { start: number; end: number }) => 0 <= s.start && s.start <= s.end && s.end <= text.length;
      for (const p of inv.problems) assert.ok(inside(p.span));
      for (const g of inv.groups.values()) {
        for (const h of g.hosts) assert.ok(inside(h.span));
        for (const c of g.children) assert.ok(inside(c.span));
        hostsOf(inv, g.name);
      }
    }),
    { numRuns: 500, seed: 20261201 },
  );
});
