import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check } from '../support/fixture';
import { detectKind, lintClustercheck, lintFirewall, lintManifest, lintPacemaker } from '../../server/src/engine/lint';

const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
};

test('broken YAML is a parse-error at the place it broke, and no rule runs on it', () =>
  check(`
  nodes:
    a: { address: 10.0.0.1
  clusters:
  #^^^^^^^^ error parse-error: flow map in block collection must be sufficiently indented and end with a }
    ctl: { members: [a] }
  `));

test('tab indentation is reported as such', () => {
  const r = lintManifest('apiVersion: openstack-ha/v1\nkind: Deployment\nnodes:\n\ta: { address: 10.0.0.1 }\n');
  assert.equal(r.findings[0]?.rule, 'parse-error');
  assert.match(r.findings[0].message, /tab/i);
  assert.equal(r.lines.position(r.findings[0].span.start).line, 3);
});

test('duplicate keys cover the whole key and the rest of the file is still checked', () =>
  check(
    `
  nodes:
    a: { address: 10.0.0.1 }
    a: { address: 10.0.0.2 }
  # ^ error duplicate-key: the key 'a' is already defined in this mapping; YAML tools disagree on which one wins
  clusters:
    ctl: { members: [a, zz] }
  #                     ^^ error unknown-reference
  `,
    { rules: ['duplicate-key', 'unknown-reference'] },
  ));

test('a root that is not a mapping', () => {
  const r = lintManifest('- apiVersion: openstack-ha/v1\n- kind: Deployment\n');
  assert.deepEqual(
    r.findings.map((f) => [f.rule, f.message]),
    [['schema-wrong-type', 'the manifest must be a mapping (apiVersion, kind, nodes, clusters, vips, services), not a list']],
  );
});

test('an empty file asks for the header, with a fix that inserts it', () => {
  for (const text of ['', '\n\n', '# just a comment\n']) {
    const r = lintManifest(text);
    assert.deepEqual(
      r.findings.map((f) => f.rule),
      ['schema-missing-field'],
      JSON.stringify(text),
    );
    assert.equal(r.findings[0].fixes[0].edits[0].newText, 'apiVersion: openstack-ha/v1\nkind: Deployment\n');
  }
});

test('a binary file is named as such, quickly', () => {
  const bin = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
  const { value: r, ms } = timed(() => lintManifest(bin));
  assert.deepEqual(
    r.findings.map((f) => [f.rule, f.message]),
    [['parse-error', 'this is a binary file, not a YAML manifest']],
  );
  assert.ok(ms < 1000, `${ms} ms`);
});

test('a 5 MB file gets a clear diagnostic well within a second', () => {
  const line = '  node-xxxxxxxx: { address: 10.0.0.1, roles: [compute] }\n';
  const big = 'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes:\n' + line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
  const { value: r, ms } = timed(() => lintManifest(big));
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0].rule, 'file-too-large');
  assert.match(r.findings[0].message, /^the file has 52\d{5} characters; manifests over 1048576 are not analysed/);
  assert.ok(ms < 1000, `${ms} ms`);
});

test('a YAML alias bomb is refused, quickly, at its first alias', () => {
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) {
    const p = String.fromCharCode(97 + i - 1);
    levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p}]`);
  }
  const text = 'apiVersion: openstack-ha/v1\nkind: Deployment\nx-bomb:\n  ' + levels.join('\n  ') + '\n';
  const { value: r, ms } = timed(() => lintManifest(text));
  assert.deepEqual(
    r.findings.map((f) => f.rule),
    ['parse-error'],
  );
  assert.match(r.findings[0].message, /alias bomb/);
  assert.equal(text.slice(r.findings[0].span.start, r.findings[0].span.end), '*a');
  assert.ok(ms < 1000, `${ms} ms`);
});

test('ordinary anchors and aliases are followed for names and values', () =>
  check(
    `
  nodes:
    a: &ctl { address: 10.0.0.1, roles: [controller] }
    b: { address: 10.0.0.2, roles: [controller] }
    c: { address: 10.0.0.3, roles: [controller] }
  clusters:
    ctl: { members: &three [a, b, c] }
  services:
    rabbitmq: { on: *three, mode: clustered }
  `,
    { rules: ['unknown-reference', 'cluster-min-three-nodes', 'schema-wrong-type'] },
  ));

test('wrong types deep inside do not crash any rule', () => {
  const r = lintManifest(
    'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes: [a, b]\nclusters: 3\nvips: { v: [1] }\nservices: { s: { on: 7, mode: [x], vips: {a: 1} } }\n',
  );
  assert.ok(
    r.findings.every((f) => f.rule.startsWith('schema-') || f.rule === 'unknown-reference'),
    r.findings.map((f) => f.rule).join(),
  );
  assert.ok(!r.findings.some((f) => f.rule === 'internal-error'));
});

test("the stack's files: binary content is not claimed, a huge file is named as such, and garbage never throws", () => {
  const binary = '\u0000\u0001\u0002ELF\u0000*filter\n:INPUT DROP [0:0]\n';
  for (const p of [
    '/etc/iptables/rules.v4',
    '/etc/nftables.conf',
    '/etc/firewalld/zones/a.xml',
    'open.sh',
    '/etc/xinetd.d/galera-monitor',
    '/etc/sysconfig/clustercheck',
  ])
    assert.equal(detectKind(p, binary), null, p);
  const huge = `*filter\n:INPUT DROP [0:0]\n${'-A INPUT -p tcp --dport 3306 -j ACCEPT\n'.repeat(40000)}COMMIT\n`;
  assert.deepEqual(
    lintFirewall(huge, 'iptables-save').findings.map((f) => f.rule),
    ['file-too-large'],
  );
  // unbalanced quotes, braces, stray words and control characters in every syntax
  const junk = [
    '*filter\n-A\n-A INPUT -p\n-A INPUT --dport\n:INPUT\nCOMMIT COMMIT\n',
    'iptables -A INPUT -p tcp --dport "$\nfirewall-cmd --add-port=\nufw allow from\nfor P in; do\ndone\n',
    'table inet filter {\n chain input {\n  tcp dport { accept\n }}}\n',
    '<zone><rule><port/></rule><service/><zone>',
    'service x\n{\n port = \n}\n}\n',
  ];
  for (const text of junk) {
    for (const syntax of ['iptables-save', 'script', 'nftables', 'firewalld-zone'] as const)
      assert.doesNotThrow(() =>
        lintFirewall(text, syntax, undefined, { peers: [{ file: 'g.cnf', kind: 'galera', sameNode: true, values: {} }] }),
      );
    assert.doesNotThrow(() => lintClustercheck(text));
    assert.doesNotThrow(() => lintPacemaker(text, 'crm'));
  }
});
