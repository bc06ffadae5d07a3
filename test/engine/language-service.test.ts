import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cursor } from '../support/cursor';
import { lintManifest } from '../../server/src/engine/lint';
import { hover } from '../../server/src/engine/service/hover';
import { complete } from '../../server/src/engine/service/completion';
import { definition, documentSymbols, prepareRename, references, rename, RenameError } from '../../server/src/engine/service/navigation';
import { applyEdits } from '../../server/src/engine/fixes';

const BASE = `
  nodes:
    controller1: { address: 10.0.0.12, roles: [controller] }
    controller2: { address: 10.0.0.13, roles: [controller] }
    controller3: { address: 10.0.0.14, roles: [controller] }
  clusters:
    ctl: { manager: pacemaker, members: [controller1, controller2, controller3] }
  vips:
    internal: { address: 10.0.0.11, cidr: 24, cluster: ctl }
`;
const docLink = (id: string) => `file:///docs/${id}.md`;

function hoverAt(src: string) {
  const { text, offset } = cursor(src);
  const r = lintManifest(text);
  return hover(r.manifest!, r.findings, offset, docLink);
}

function completeAt(src: string) {
  const { text, offset } = cursor(src);
  const r = lintManifest(text.replace(/\n[^\n]*$/, '\n')); // the model of the file, as the editor has it
  return complete(text, offset, r.manifest ?? lintManifest(text).manifest);
}

test('hover on a node name used in members: its address, clusters and services', () => {
  const h = hoverAt(
    BASE.replace('members: [controller1,', 'members: [contr‸oller1,') +
      `
  services:
    keystone: { on: ctl, mode: active-active, vip: internal }
  `,
  );
  assert.ok(h);
  assert.equal(h!.markdown, '**node controller1**: 10.0.0.12 (controller)\n\nMember of: ctl\n\nRuns: keystone');
});

test('hover on a service key: catalogue facts, advice and guide link', () => {
  const h = hoverAt(
    BASE +
      `
  services:
    gal‸era: { on: ctl, mode: clustered, vip: internal }
  `,
  )!;
  assert.match(
    h.markdown,
    /^\*\*galera\*\*: stateful, port 3306; recommended mode: `clustered`\n\nSynchronous replication on at least 3 nodes/,
  );
  assert.match(h.markdown, /\[HA guide\]\(https:\/\/docs\.openstack\.org\/ha-guide\/control-plane-stateful\.html\)/);
  assert.match(h.markdown, /Here: runs on 3 node\(s\), port 3306, behind haproxy\./);
});

test('hover on a field key explains the field and the HA topic behind it', () => {
  const h = hoverAt(BASE.replace('manager: pacemaker,', 'manager: pacemaker, no_quor‸um_policy: stop,'))!;
  assert.match(h.markdown, /^\*\*no_quorum_policy\*\*: Pacemaker only: what a partition without quorum does/);
  assert.match(h.markdown, /Values: `stop`, `freeze`, `demote`, `ignore`, `suicide`/);
  assert.match(h.markdown, /\*\*no-quorum-policy\.\*\*/);
});

test("hover on a finding adds the rule's reason, guide page and doc link", () => {
  const h = hoverAt(BASE.replace('manager: pacemaker,', 'manager: pacemaker, stonith: fal‸se,'))!;
  assert.match(h.markdown, /\*\*stonith-disabled\*\*: A node that stops answering may still be running services/);
  assert.match(h.markdown, /\[rule documentation\]\(file:\/\/\/docs\/stonith-disabled\.md\)/);
});

test('hover on an enum value explains that value', () => {
  const h = hoverAt(
    BASE +
      `
  services:
    cinder-volume: { on: ctl, mode: active-pass‸ive }
  `,
  )!;
  assert.match(h.markdown, /^`mode: active-passive`\n\n\*\*Active\/passive\.\*\* One instance serves, a standby waits\./);
});

test('completion of service keys in a flow mapping leaves out keys already written', () => {
  const c = completeAt(
    BASE +
      `
  services:
    keystone: { on: ctl, m‸ }
  `,
  )!;
  const labels = c.items.map((i) => i.label);
  assert.ok(labels.includes('mode') && labels.includes('vip') && !labels.includes('on'), labels.join());
  assert.equal(c.items.find((i) => i.label === 'mode')!.insertText, 'mode: ');
});

test('completion of modes puts the recommended one first', () => {
  const c = completeAt(
    BASE +
      `
  services:
    cinder-volume: { on: ctl, mode: ‸ }
  `,
  )!;
  const sorted = [...c.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  assert.equal(sorted[0].label, 'active-passive');
  assert.equal(sorted[0].detail, 'recommended for cinder-volume');
  assert.deepEqual(c.items.map((i) => i.label).sort(), ['active-active', 'active-passive', 'client-side', 'clustered', 'per-node']);
});

test('completion of node names inside members, and of cluster names for on', () => {
  const members = completeAt(BASE.replace('members: [controller1, controller2, controller3]', 'members: [controller1, con‸]'))!;
  assert.deepEqual(
    members.items.map((i) => i.label),
    ['controller1', 'controller2', 'controller3'],
  );
  const on = completeAt(
    BASE +
      `
  services:
    keystone:
      on: ‸
  `,
  )!;
  assert.deepEqual(
    on.items.map((i) => i.label),
    ['ctl'],
  );
  const onList = completeAt(
    BASE +
      `
  services:
    keystone: { on: [‸] }
  `,
  )!;
  assert.deepEqual(
    onList.items.map((i) => i.label),
    ['controller1', 'controller2', 'controller3'],
  );
});

test('completion of block keys by indentation, top-level sections and service names', () => {
  const cl = completeAt(
    BASE +
      `
  clusters2:
    x:
      members: [controller1]
      sto‸
  `.replace('clusters2', 'clusters'),
  );
  assert.ok(cl!.items.some((i) => i.label === 'stonith'));
  const top = completeAt(`
  # no-header
  apiVersion: openstack-ha/v1
  ‸
  `)!;
  assert.deepEqual(
    top.items.map((i) => i.label),
    ['kind', 'metadata', 'nodes', 'clusters', 'vips', 'services'],
  );
  const svc = completeAt(
    BASE +
      `
  services:
    keystone: { on: ctl }
    ‸
  `,
  )!;
  assert.ok(svc.items.some((i) => i.label === 'glance-api' && i.kind === 'service'));
  assert.ok(!svc.items.some((i) => i.label === 'keystone'));
});

test('completion of roles and booleans', () => {
  const roles = completeAt(BASE.replace('roles: [controller] }\n    controller2', 'roles: [controller, ‸] }\n    controller2'))!;
  assert.ok(roles.items.some((i) => i.label === 'network'));
  const b = completeAt(BASE.replace('manager: pacemaker,', 'manager: pacemaker, stonith: ‸,'))!;
  assert.deepEqual(
    b.items.map((i) => i.label),
    ['true', 'false'],
  );
});

test('outline lists nodes, clusters, VIPs and services', () => {
  const r = lintManifest(cursor(BASE + '\n  services:\n    keystone: { on: ctl, mode: active-active }\n  ‸').text);
  const syms = documentSymbols(r.manifest!);
  assert.deepEqual(
    syms.map((s) => [s.name, s.children.map((c) => `${c.name} (${c.detail})`)]),
    [
      ['nodes', ['controller1 (10.0.0.12 · controller)', 'controller2 (10.0.0.13 · controller)', 'controller3 (10.0.0.14 · controller)']],
      ['clusters', ['ctl (pacemaker · 3 members)']],
      ['vips', ['internal (10.0.0.11 · on ctl)']],
      ['services', ['keystone (active-active · 3 nodes)']],
    ],
  );
});

test('definition, references and rename of a node across the file', () => {
  const { text, offset } = cursor(
    BASE.replace('members: [controller1,', 'members: [control‸ler1,') +
      `
  services:
    nova-compute: { on: [controller1], mode: per-node }
  `,
  );
  const m = lintManifest(text).manifest!;
  const def = definition(m, offset)!;
  assert.equal(text.slice(def.start, def.end), 'controller1');
  assert.equal(def.start, text.indexOf('\n  controller1:') + 3, 'the definition is the key under nodes');
  assert.equal(references(m, offset, true).length, 3);
  assert.equal(references(m, offset, false).length, 2);
  assert.deepEqual(prepareRename(m, offset), { span: { start: offset - 7, end: offset + 4 }, placeholder: 'controller1' });
  const renamed = applyEdits(text, rename(m, offset, 'ctl-a'));
  assert.equal((renamed.match(/ctl-a/g) ?? []).length, 3);
  assert.ok(!renamed.includes('controller1'));
  assert.throws(() => rename(m, offset, 'controller2'), RenameError);
  assert.throws(() => rename(m, offset, 'two words'), RenameError);
});

test('rename of a cluster updates on: and vip cluster:', () => {
  const { text, offset } = cursor(
    BASE.replace('  ctl: {', '  c‸tl: {') +
      `
  services:
    keystone: { on: ctl, vip: internal }
  `,
  );
  const out = applyEdits(text, rename(lintManifest(text).manifest!, offset, 'control'));
  assert.ok(out.includes('  control: { manager') && out.includes('cluster: control }') && out.includes('{ on: control, vip'));
});

test("rename of a node updates the simulator's fields too: fencing, priorities, the tie-breaker and Galera weights", () => {
  const { text, offset } = cursor(`
  nodes:
    contr‸oller1: { address: 10.0.0.12 }
    controller2: { address: 10.0.0.13 }
  clusters:
    ctl:
      members: [controller1, controller2]
      corosync: { auto_tie_breaker_node: [controller1] }
      fencing: [{ name: ipmi1, targets: [controller1], node: controller1 }]
    lb: { manager: keepalived, members: [controller1, controller2], priorities: { controller1: 150 } }
  services:
    galera: { on: ctl, mode: clustered, weights: { controller1: 2 } }
  `);
  const m = lintManifest(text).manifest!;
  assert.equal(references(m, offset, true).length, 8);
  const out = applyEdits(text, rename(m, offset, 'ctl-a'));
  assert.equal(out.match(/controller1/g), null);
  assert.equal((out.match(/ctl-a/g) ?? []).length, 8);
});

test('hover and completion inside a fence device and a quorum device mapping', () => {
  const fence = 'members: [controller1], fencing: [{ name: f, fail‸ure_domain: pdu }] }';
  const h = hoverAt(BASE.replace('members: [controller1, controller2, controller3] }', fence))!;
  assert.match(h.markdown, /^\*\*failure_domain\*\*: The failure domain that powers it/);
  const q = hoverAt(
    BASE.replace(
      'members: [controller1, controller2, controller3] }',
      'members: [controller1], quorum_device: { host: q, algo‸rithm: lms } }',
    ),
  )!;
  assert.match(q.markdown, /^\*\*algorithm\*\*: `ffsplit` \(the default: 1 vote, to the larger side of a split\)/);
  const c = completeAt(
    BASE.replace('members: [controller1, controller2, controller3] }', 'members: [controller1], fencing: [{ name: f, t‸ }] }'),
  )!;
  assert.deepEqual(c.items.map((i) => i.label).sort(), ['failure_domain', 'node', 'targets']);
  const block = completeAt(`
  clusters:
    ctl:
      members: [a]
      fencing:
        - name: f
          ‸
  `)!;
  assert.deepEqual(block.items.map((i) => i.label).sort(), ['failure_domain', 'node', 'targets']);
  const device = completeAt(
    BASE.replace('members: [controller1, controller2, controller3] }', 'members: [controller1], quorum_device: { host: q, a‸ } }'),
  )!;
  assert.deepEqual(device.items.map((i) => i.label).sort(), ['algorithm', 'votes']);
  const bmc = completeAt(
    BASE.replace('members: [controller1, controller2, controller3] }', 'members: [controller1], fencing: [{ name: f, node: c‸ }] }'),
  )!;
  assert.deepEqual(
    bmc.items.map((i) => i.label),
    ['controller1', 'controller2', 'controller3'],
  );
});
