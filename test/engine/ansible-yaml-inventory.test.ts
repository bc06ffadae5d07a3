/** The Ansible YAML inventory reader: the INI reader's structure from `all:`/`hosts:`/`children:`/`vars:`, problems where ansible refuses. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { hostsOf, IniInventory, mergeInventories, parseIniInventory } from '../../server/src/engine/documents/ansible/ini-inventory';
import { isYamlInventory, parseYamlInventory } from '../../server/src/engine/documents/ansible/yaml-inventory';
import { tooDeepMessage } from '../../server/src/engine/text/depth';
import { ROOT } from '../support/paths';

const DIR = path.join(ROOT, 'test', 'fixtures', 'kolla', 'yaml-inventory');
const YAML_TEXT = fs.readFileSync(path.join(DIR, 'inventory.yml'), 'utf8');
const INI_TEXT = fs.readFileSync(path.join(DIR, 'inventory.ini'), 'utf8');

const names = (inv: IniInventory, group: string) => hostsOf(inv, group).map((h) => h.name);
const at = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);
const problems = (text: string) => parseYamlInventory(text).problems.map((p) => [at(text, p.span), p.message]);

test('a kolla multinode in YAML: the HA groups resolve through children to the hosts', () => {
  const inv = parseYamlInventory(YAML_TEXT);
  assert.deepEqual(inv.problems, []);
  assert.deepEqual(names(inv, 'control'), ['control01', 'control02', 'control03']);
  for (const g of ['mariadb', 'rabbitmq', 'memcached', 'hacluster', 'keystone'])
    assert.deepEqual(names(inv, g), ['control01', 'control02', 'control03'], g);
  assert.deepEqual(names(inv, 'haproxy'), ['network01', 'network02']);
  assert.deepEqual(names(inv, 'deployment'), ['localhost']);
  assert.equal(hostsOf(inv, 'deployment')[0].vars.get('ansible_connection')?.text, 'local');
  assert.equal(names(inv, 'all').length, 3 + 2 + 4 + 1 + 1 + 1);
  assert.deepEqual(
    [...inv.groups.get('all')!.vars].map(([k, v]) => [k, v.text]),
    [
      ['ansible_user', 'kolla'],
      ['ansible_become', 'true'],
    ],
  );
  // a vault is not echoed: the variable is left out
  assert.equal(hostsOf(inv, 'storage')[0].vars.has('ansible_become_password'), false);
  assert.ok(!JSON.stringify([...inv.groups.values()].map((g) => g.hosts.map((h) => [...h.vars]))).includes('ANSIBLE_VAULT'));
});

test('equal to the INI reader on the same inventory: every group, its hosts through children, its variables', () => {
  const y = parseYamlInventory(YAML_TEXT);
  const i = parseIniInventory(INI_TEXT);
  assert.deepEqual(i.problems, []);
  const groupsOf = (inv: IniInventory) =>
    [...inv.groups.keys()].filter((g) => g !== 'all' && g !== 'ungrouped' && inv.groups.get(g)!.headers.length > 0).sort();
  assert.deepEqual(groupsOf(y), groupsOf(i));
  for (const g of groupsOf(i)) {
    assert.deepEqual(names(y, g), names(i, g), g);
    assert.deepEqual(
      y.groups.get(g)!.children.map((c) => c.text),
      i.groups.get(g)!.children.map((c) => c.text),
      g,
    );
    const hostVars = (inv: IniInventory) => inv.groups.get(g)!.hosts.map((h) => [h.name, [...h.vars].map(([k, v]) => [k, v.text])]);
    if (g !== 'storage') assert.deepEqual(hostVars(y), hostVars(i), g);
  }
  assert.deepEqual(
    [...y.groups.get('all')!.vars].map(([k, v]) => [k, v.text]),
    [...i.groups.get('all')!.vars].map(([k, v]) => [k, v.text]),
  );
  // several -i, one YAML and one INI: merged as ansible merges them
  const m = mergeInventories([y, parseIniInventory('[control]\ncontrol04\n')]);
  assert.deepEqual(names(m, 'mariadb'), ['control01', 'control02', 'control03', 'control04']);
});

test('exact places: headers at the group key, hosts at their pattern, variables from name to value, children at their key', () => {
  const text =
    'all:\n  children:\n    control:\n      hosts:\n        "ctl[1:2]:22":\n          api_interface: "bond0"\n          mtu: 9000\n    mariadb:\n      children:\n        control:\n';
  const inv = parseYamlInventory(text);
  assert.deepEqual(inv.problems, []);
  const control = inv.groups.get('control')!;
  assert.deepEqual(
    control.headers.map((s) => at(text, s)),
    ['control'],
  );
  assert.equal(text.indexOf('control:'), control.headers[0].start);
  assert.deepEqual(
    control.hosts.map((h) => [h.name, at(text, h.span)]),
    [
      ['ctl1', '"ctl[1:2]:22"'],
      ['ctl2', '"ctl[1:2]:22"'],
    ],
  );
  const v = control.hosts[0].vars.get('api_interface')!;
  assert.equal(v.text, 'bond0');
  assert.equal(at(text, v.span), 'api_interface: "bond0"');
  assert.equal(control.hosts[0].vars.get('mtu')!.text, '9000');
  const mariadb = inv.groups.get('mariadb')!;
  assert.equal(at(text, mariadb.headers[0]), 'mariadb');
  assert.deepEqual(
    mariadb.children.map((c) => [c.text, c.span.start]),
    [['control', text.lastIndexOf('control:')]],
  );
  assert.deepEqual(
    inv.groups.get('all')!.headers.map((s) => at(text, s)),
    ['all'],
  );
  assert.deepEqual(names(inv, 'mariadb'), ['ctl1', 'ctl2']);
});

test('as ansible reads it: top-level groups without all, one name for a section, a child only named exists empty, one host per occurrence', () => {
  const text = [
    'control:',
    '  hosts: c1',
    'network:',
    '  hosts:',
    '    c1:',
    '    n1: {ansible_host: 10.0.0.1}',
    'loadbalancer:',
    '  children: network',
    '  vars: only_a_name',
    'ungrouped:',
    'galera:',
    '  children:',
    '    missing:',
    '    control:',
    '      hosts:',
    '        c2:',
    '',
  ].join('\n');
  const inv = parseYamlInventory(text);
  assert.deepEqual(inv.problems, []);
  assert.deepEqual(names(inv, 'control'), ['c1', 'c2']);
  assert.deepEqual(names(inv, 'loadbalancer'), ['c1', 'n1']);
  assert.deepEqual(
    [...inv.groups.get('loadbalancer')!.vars].map(([k, v]) => [k, v.text, at(text, v.span)]),
    [['only_a_name', '', 'only_a_name']],
  );
  assert.equal(hostsOf(inv, 'loadbalancer')[1].vars.get('ansible_host')!.text, '10.0.0.1');
  // c1 under control and under network: one InventoryHost per place written, as the INI reader keeps them
  const c1 = [...inv.groups.values()].flatMap((g) => g.hosts).filter((h) => h.name === 'c1');
  assert.equal(c1.length, 2);
  assert.deepEqual(inv.groups.get('missing')!.headers, []);
  assert.deepEqual(inv.groups.get('missing')!.hosts, []);
  assert.deepEqual(
    inv.groups.get('ungrouped')!.headers.map((s) => at(text, s)),
    ['ungrouped'],
  );
  // control defined at the top and again inline under galera: both headers
  assert.deepEqual(
    inv.groups.get('control')!.headers.map((s) => at(text, s)),
    ['control', 'control'],
  );
  assert.deepEqual(names(inv, 'galera'), ['c1', 'c2']);
});

test('a key written twice: the last value at the first place, as a Python dict keeps it (and a duplicate-key problem)', () => {
  const text = 'control:\n  hosts:\n    a:\ncontrol:\n  hosts:\n    b:\n';
  const inv = parseYamlInventory(text);
  assert.deepEqual(names(inv, 'control'), ['b']);
  assert.equal(inv.groups.get('control')!.headers[0].start, 0);
  assert.deepEqual(
    inv.problems.map((p) => at(text, p.span)),
    ['control'],
  );
});

test('what ansible refuses or skips is a problem at its place', () => {
  const text = [
    'all:',
    '  hosts: [h1, h2]', // a list: refused
    '  children:',
    '    a:',
    '      hosts:',
    '        h[3:1]:', // a range going down
    '        h4: [x]', // host variables as a list
    '        42:', // a numeric host name
    '      host:', // a typo: skipped
    '        h5:',
    '      vars: 3', // vars as a number: refused
    '    b: [1, 2]', // a group as a list: skipped
    '    c: text', // a group as text: skipped
    '    7:', // a numeric group name
    '  stray: 1', // not a section
    'd:',
    '  children: 5', // children as a number
    '',
  ].join('\n');
  assert.deepEqual(problems(text), [
    ['[h1, h2]', 'ansible refuses "hosts" for the group \'all\': it is a mapping, not a list'],
    ['h[3:1]', 'h[3:1]: a host range must go up: its start is after its end'],
    ['[x]', "the variables of 'h4' are a mapping (name: value), not a list: ansible refuses them"],
    ['42', "a host's name is text; ansible refuses a number (42)"],
    ['host', "ansible skips 'host' in the group 'a': a group holds only hosts:, children: and vars:"],
    ['3', 'ansible refuses "vars" for the group \'a\': it is a mapping, not a number (3)'],
    ['[1, 2]', "ansible skips 'b': a group is a mapping of hosts:, children: and vars: (or empty), not a list"],
    ['text', "ansible skips 'c': a group is a mapping of hosts:, children: and vars: (or empty), not text ('text')"],
    ['7', "a group's name is text; ansible refuses a number (7) (Unable to add group)"],
    ['stray', "ansible skips 'stray' in the group 'all': a group holds only hosts:, children: and vars:"],
    ['5', 'ansible refuses "children" for the group \'d\': it is a mapping, not a number (5)'],
  ]);
  const inv = parseYamlInventory(text);
  assert.deepEqual(names(inv, 'a'), ['h4']);
  assert.deepEqual(
    inv.groups.get('all')!.children.map((c) => c.text),
    ['a'],
  );
});

test('loops through children: the child that closes one is a problem at its key and is left out', () => {
  const text = 'a:\n  children:\n    b:\n      children:\n        c:\nc:\n  children:\n    a:\n    c:\n  hosts:\n    h1:\n';
  const inv = parseYamlInventory(text);
  assert.deepEqual(
    inv.problems.map((p) => [p.span.start, p.message]),
    [
      [text.indexOf('    a:') + 4, "'a' as a child of 'c' makes a loop (a -> b -> c -> a): ansible refuses it"],
      [text.indexOf('    c:\n  hosts') + 4, "the group 'c' cannot be its own child: ansible refuses it"],
    ],
  );
  assert.deepEqual(inv.groups.get('c')!.children, []);
  // a long loop is named by its ends
  const chain = Array.from({ length: 20 }, (_, i) => `g${i}:\n  children:\n    g${(i + 1) % 20}:\n`).join('');
  assert.deepEqual(
    parseYamlInventory(chain).problems.map((p) => [at(chain, p.span), p.message]),
    [['g0', "'g0' as a child of 'g19' makes a loop (g0 -> g1 -> g2 -> g3 -> ... -> g18 -> g19 -> g0): ansible refuses it"]],
  );
  assert.deepEqual(names(inv, 'a'), ['h1']);
});

test('not an inventory, broken YAML, empty, a plugin configuration: problems, never a throw', () => {
  assert.deepEqual(problems(''), [['', 'an empty YAML inventory: ansible refuses it (Parsed empty YAML file)']]);
  assert.deepEqual(problems('{}\n'), [['', 'an empty YAML inventory: ansible refuses it (Parsed empty YAML file)']]);
  assert.deepEqual(problems('# only a comment\n'), [['', 'an empty YAML inventory: ansible refuses it (Parsed empty YAML file)']]);
  assert.deepEqual(problems('- hosts: all\n'), [
    ['- hosts: all\n', 'a YAML inventory is a mapping of groups (all:, control:, ...); ansible refuses a list here'],
  ]);
  assert.equal(parseYamlInventory('plugin:\n  hosts:\n    h:\n').problems.length, 1);
  assert.deepEqual(problems('plugin: openstack.cloud.openstack\n'), [
    ['plugin', 'this is an inventory plugin configuration (plugin:), not a YAML inventory: its hosts are not in the file'],
  ]);
  const broken = 'all:\n  hosts:\n    a: [\n';
  const inv = parseYamlInventory(broken);
  assert.ok(inv.problems.length > 0);
  for (const p of inv.problems) assert.ok(p.span.start <= p.span.end && p.span.end <= broken.length);
  assert.deepEqual(inv.groups.size, 0);
  // deep nesting and alias bombs: the guarded parse refuses them as one problem each
  const deep =
    'all:\n' +
    Array.from({ length: 100 }, (_, i) => ' '.repeat(2 * i + 2) + 'children:\n' + ' '.repeat(2 * i + 4) + `g${i}:`).join('\n') +
    '\n';
  assert.deepEqual(
    parseYamlInventory(deep).problems.map((p) => p.message.slice(0, 20)),
    [tooDeepMessage('YAML').slice(0, 20)],
  );
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 8; i++)
    bomb.push(
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
        .fill('*' + String.fromCharCode(97 + i))
        .join(', ')}]`,
    );
  const bombInv = parseYamlInventory(bomb.join('\n') + '\n');
  assert.equal(bombInv.problems.length, 1);
  assert.match(bombInv.problems[0].message, /alias bomb/);
});

test('aliases: a shared host-variable mapping is read where it is used', () => {
  const text = 'all:\n  children:\n    control:\n      hosts:\n        c1: &ifaces {api_interface: bond0}\n        c2: *ifaces\n';
  const inv = parseYamlInventory(text);
  assert.deepEqual(inv.problems, []);
  assert.deepEqual(
    inv.groups.get('control')!.hosts.map((h) => [h.name, h.vars.get('api_interface')?.text]),
    [
      ['c1', 'bond0'],
      ['c2', 'bond0'],
    ],
  );
});

test('isYamlInventory: YAML inventories, and not globals.yml, openstack_user_config.yml, Kubernetes or openstack-ha manifests', () => {
  assert.equal(isYamlInventory(YAML_TEXT), true);
  assert.equal(isYamlInventory('all:\n  children:\n    control:\n'), true);
  assert.equal(isYamlInventory('all: {children: {control: {hosts: {c1: }}}}\n'), true);
  assert.equal(isYamlInventory('all: {enable_haproxy: yes}\n'), false);
  assert.equal(isYamlInventory('control:\n  hosts:\n    c1:\nnetwork:\n  hosts: n1\n'), true);
  assert.equal(isYamlInventory('%YAML 1.2\n---\n# inventory\n"all":\n  vars:\n    x: 1\n'), true);
  // kolla globals.yml: top-level settings
  assert.equal(
    isYamlInventory('---\nkolla_base_distro: "rocky"\nkolla_internal_vip_address: "10.0.0.250"\nenable_haproxy: "yes"\n'),
    false,
  );
  // a globals.yml with one mapping setting
  assert.equal(isYamlInventory('enable_cinder: "yes"\nnova_compute_virt_type:\n  hosts: x\n'), false);
  // OpenStack-Ansible openstack_user_config.yml
  const osa = [
    'cidr_networks:',
    '  container: 172.29.236.0/22',
    'used_ips:',
    '  - "172.29.236.1,172.29.236.50"',
    'global_overrides:',
    '  internal_lb_vip_address: 172.29.236.9',
    'shared-infra_hosts:',
    '  infra1:',
    '    ip: 172.29.236.11',
    'compute_hosts:',
    '  compute1:',
    '    ip: 172.29.236.16',
    '',
  ].join('\n');
  assert.equal(isYamlInventory(osa), false);
  assert.equal(isYamlInventory('shared-infra_hosts:\n  infra1:\n    ip: 172.29.236.11\n'), false);
  // Kubernetes, an Istio VirtualService with spec.hosts, our HA manifest
  assert.equal(isYamlInventory('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'), false);
  assert.equal(isYamlInventory('spec:\n  hosts:\n  - reviews\napiVersion: networking.istio.io/v1\n'), false);
  assert.equal(isYamlInventory(fs.readFileSync(path.join(ROOT, 'examples', 'region-one', 'good.ha.yaml'), 'utf8')), false);
  // a playbook, a plugin configuration, an empty file
  assert.equal(isYamlInventory('- hosts: all\n  tasks: []\n'), false);
  assert.equal(isYamlInventory('plugin: openstack.cloud.openstack\n'), false);
  assert.equal(isYamlInventory(''), false);
  assert.equal(isYamlInventory('all:\n'), false);
  // an INI inventory is not a YAML one
  assert.equal(isYamlInventory(INI_TEXT), false);
  // only the head is read: a long file answers quickly
  const long = 'all:\n  hosts:\n' + '    h: \n'.repeat(200_000);
  const t0 = Date.now();
  assert.equal(isYamlInventory(long), true);
  assert.ok(Date.now() - t0 < 500);
});

test('any YAML-ish text: no throw, every place inside the text, hostsOf ends (fast-check, seeded)', () => {
  const piece = fc.constantFrom(
    'all:',
    'hosts:',
    'children:',
    'vars:',
    ' ',
    '  ',
    '\n',
    'a:',
    'b:',
    'h[01:03]:',
    '[',
    ']',
    '{',
    '}',
    '- ',
    '&x ',
    '*x',
    '!vault ',
    '1',
    'null',
    '"',
    '#',
    ': ',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const inv = parseYamlInventory(text);
      isYamlInventory(text);
      const inside = (s: { start: number; end: number }) => 0 <= s.start && s.start <= s.end && s.end <= text.length;
      for (const p of inv.problems) assert.ok(inside(p.span), JSON.stringify([text, p]));
      for (const g of inv.groups.values()) {
        for (const h of g.hosts) assert.ok(inside(h.span));
        for (const c of g.children) assert.ok(inside(c.span));
        for (const s of g.headers) assert.ok(inside(s));
        hostsOf(inv, g.name);
      }
    }),
    { numRuns: 500, seed: 20261201 },
  );
});
