/** LSP round trips against the bundled server over stdio. */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  HoverRequest,
  CompletionRequest,
  CodeActionRequest,
  DefinitionRequest,
  ReferencesRequest,
  RenameRequest,
  PrepareRenameRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  Diagnostic,
  CodeAction,
  CompletionItem,
  DocumentSymbol,
  MarkupContent,
  Location,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri, exists } from '../support/lsp-client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-lsp-'));
const BAD = `apiVersion: openstack-ha/v1
kind: Deployment
nodes:
  controller1: { address: 10.0.0.12, roles: [controller] }
  controller2: { address: 10.0.0.13, roles: [controller] }
  controller3: { address: 10.0.0.14, roles: [controller] }
  controller4: { address: 10.0.0.15, roles: [controller] }
clusters:
  ctl:
    members: [controller1, controller2, controller3, controler4]
    stonith: false
vips:
  internal: { address: 10.0.0.11, cluster: ctl }
services:
  keystone: { on: ctl, mode: active-active, vip: internal }
`;
const uri = fileUri(path.join(dir, 'site.ha.yaml'));
let c: TestClient;

before(async () => {
  c = new TestClient();
  const init = await c.initialize(dir);
  assert.ok(init.capabilities.hoverProvider && init.capabilities.codeActionProvider && init.capabilities.renameProvider);
  await c.open(uri, BAD);
});
after(async () => {
  await c.close();
});

const rules = (d: Diagnostic[]) =>
  d.map((x) => `${x.code}@${x.range.start.line}:${x.range.start.character}-${x.range.end.character}`).sort();

test('didOpen publishes diagnostics with rule id, exact range, message and a doc link that exists', async () => {
  const p = await c.diagnostics(uri, (x) => x.diagnostics.length > 0);
  assert.deepEqual(rules(p.diagnostics), ['cluster-even-node-count@9:13-64', 'stonith-disabled@10:13-18', 'unknown-reference@9:53-63']);
  const s = p.diagnostics.find((d) => d.code === 'stonith-disabled')!;
  assert.equal(s.source, 'openstack-ha');
  assert.equal(s.severity, 1);
  assert.match(s.message as string, /^cluster 'ctl' \(4 members\) has STONITH off/);
  assert.match(s.codeDescription!.href, /\/docs\/rules\/stonith-disabled\.md$/);
  assert.ok(exists(s.codeDescription!.href), s.codeDescription!.href);
});

test('didChange (incremental) re-publishes for the new version', async () => {
  await c.change(uri, 2, [{ range: { start: { line: 10, character: 13 }, end: { line: 10, character: 18 } }, text: 'true' }]);
  const p = await c.diagnostics(uri, (x) => x.version === 2);
  assert.deepEqual(rules(p.diagnostics), ['cluster-even-node-count@9:13-64', 'unknown-reference@9:53-63']);
});

test('hover on a member name describes the node', async () => {
  const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 16 } });
  assert.equal((h!.contents as MarkupContent).kind, 'markdown');
  const value = (h!.contents as MarkupContent).value;
  assert.ok(
    value.startsWith(
      '**node controller1**: 10.0.0.12 (controller)\n\nMember of: ctl\n\nRuns: keystone\n\n---\n\n**cluster-even-node-count**: One network fault',
    ),
    value,
  );
  assert.match(value, /\[rule documentation\]\(file:\/\/.*\/docs\/rules\/cluster-even-node-count\.md\)$/);
  assert.deepEqual(h!.range, { start: { line: 9, character: 14 }, end: { line: 9, character: 25 } });
});

test('completion offers node names inside members with a text edit over the partial word', async () => {
  const items = (await c.conn.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: { line: 9, character: 56 },
  })) as CompletionItem[];
  assert.deepEqual(
    items.map((i) => i.label),
    ['controller1', 'controller2', 'controller3', 'controller4'],
  );
  assert.deepEqual((items[0].textEdit as { range: unknown }).range, { start: { line: 9, character: 53 }, end: { line: 9, character: 63 } });
});

test('code actions: the quick fix, disable for this line, for this file, and show-documentation', async () => {
  const p = await c.diagnostics(uri, (x) => x.version === 2);
  const d = p.diagnostics.find((x) => x.code === 'unknown-reference')!;
  const actions = (await c.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d] },
  })) as CodeAction[];
  assert.deepEqual(
    actions.map((a) => a.title),
    [
      "Change to 'controller4'",
      'Disable unknown-reference for this line',
      'Disable unknown-reference for this file',
      'Show documentation for unknown-reference',
      'Fix all safely fixable OpenStack HA problems',
    ],
  );
  assert.deepEqual(actions[0].edit!.changes![uri], [{ range: d.range, newText: 'controller4' }]);
  assert.equal(actions[0].isPreferred, true);
  assert.deepEqual(actions[1].edit!.changes![uri], [
    {
      range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } },
      newText: '    # openstack-ha-disable-next-line unknown-reference\n',
    },
  ]);
  assert.deepEqual(actions[2].edit!.changes![uri], [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newText: '# openstack-ha-disable unknown-reference\n',
    },
  ]);
  await c.conn.sendRequest(ExecuteCommandRequest.type, actions[3].command!);
  assert.equal(c.shown.length, 1);
  assert.match(c.shown[0].uri, /\/docs\/rules\/unknown-reference\.md$/);
});

test('source.fixAll gathers the safe fixes', async () => {
  const actions = (await c.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.openstack-ha');
  assert.deepEqual(
    actions[0].edit!.changes![uri].map((e) => e.newText),
    ['controller4'],
  );
});

test('definition, references and rename of a node', async () => {
  const pos = { line: 15 - 1, character: 0 };
  void pos;
  const def = (await c.conn.sendRequest(DefinitionRequest.type, {
    textDocument: { uri },
    position: { line: 9, character: 30 },
  })) as Location;
  assert.deepEqual(def.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 13 } });
  const refs = (await c.conn.sendRequest(ReferencesRequest.type, {
    textDocument: { uri },
    position: { line: 4, character: 5 },
    context: { includeDeclaration: true },
  })) as Location[];
  assert.deepEqual(
    refs.map((r) => `${r.range.start.line}:${r.range.start.character}`),
    ['4:2', '9:27'],
  );
  const prep = await c.conn.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: { line: 4, character: 5 } });
  assert.deepEqual(prep, { range: { start: { line: 4, character: 2 }, end: { line: 4, character: 13 } }, placeholder: 'controller2' });
  const edit = (await c.conn.sendRequest(RenameRequest.type, {
    textDocument: { uri },
    position: { line: 4, character: 5 },
    newName: 'ctl-b',
  })) as WorkspaceEdit;
  assert.deepEqual(
    edit.changes![uri].map((e) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`),
    ['4:2 ctl-b', '9:27 ctl-b'],
  );
  await assert.rejects(
    c.conn.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 4, character: 5 }, newName: 'controller1' }),
    /a node named 'controller1' already exists/,
  );
});

test('document symbols outline the manifest', async () => {
  const syms = (await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(
    syms.map((s) => `${s.name}:${s.children!.map((x) => x.name).join(',')}`),
    ['nodes:controller1,controller2,controller3,controller4', 'clusters:ctl', 'vips:internal', 'services:keystone'],
  );
});

test('other YAML files get no diagnostics; content-recognised manifests do', async () => {
  const other = fileUri(path.join(dir, 'playbook.yaml'));
  await c.open(other, '- hosts: all\n  tasks: []\n');
  assert.deepEqual((await c.diagnostics(other)).diagnostics, []);
  const byContent = fileUri(path.join(dir, 'other', 'region.yaml'));
  await c.open(byContent, BAD);
  assert.equal((await c.diagnostics(byContent, (x) => x.diagnostics.length > 0)).diagnostics.length, 3);
});

test('broken, binary and bomb documents get a diagnostic and the server keeps serving others', async () => {
  const cases: [string, string, RegExp][] = [
    ['broken.ha.yaml', 'apiVersion: openstack-ha/v1\nnodes: [\n', /parse-error/],
    ['binary.ha.yaml', '\u0000\u0001\u0002\u0003', /parse-error/],
    ['tabs.ha.yaml', 'apiVersion: openstack-ha/v1\nnodes:\n\ta: 1\n', /parse-error/],
    ['empty.ha.yaml', '', /schema-missing-field/],
    ['huge.ha.yaml', 'apiVersion: openstack-ha/v1\n' + '# padding padding padding padding\n'.repeat(40_000), /file-too-large/],
  ];
  for (const [name, text, want] of cases) {
    const u = fileUri(path.join(dir, name));
    await c.open(u, text);
    const p = await c.diagnostics(u, (x) => x.diagnostics.length > 0);
    assert.match(String(p.diagnostics[0].code), want, name);
  }
  const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 16 } });
  assert.ok(h, 'still serving the first document');
  assert.equal(c.stderr.includes('Error'), false, c.stderr);
});

test('.openstack-ha.yaml beside the manifest changes severities', async () => {
  const sub = path.join(dir, 'cfg');
  fs.mkdirSync(sub);
  fs.writeFileSync(path.join(sub, '.openstack-ha.yaml'), 'rules:\n  unknown-reference: warning\n  cluster-even-node-count: off\n');
  const u = fileUri(path.join(sub, 'site.ha.yaml'));
  await c.open(u, BAD);
  const p = await c.diagnostics(u, (x) => x.diagnostics.length > 0);
  assert.deepEqual(p.diagnostics.map((d) => `${d.code} ${d.severity}`).sort(), ['stonith-disabled 1', 'unknown-reference 2']);
});

test('a request for quickfix kinds only gets the quick fixes', async () => {
  const p = await c.diagnostics(uri, (x) => x.version === 2);
  const d = p.diagnostics.find((x) => x.code === 'unknown-reference')!;
  const actions = (await c.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d], only: ['quickfix'] },
  })) as CodeAction[];
  assert.deepEqual(
    actions.map((a) => a.kind),
    ['quickfix', 'quickfix', 'quickfix', 'quickfix'],
  );
});

test('OpenStack service configs: diagnostics, hover and completion over LSP; secrets masked', async () => {
  const conf = fileUri(path.join(dir, 'etc', 'nova', 'nova.conf'));
  const text = '[DEFAULT]\ntransport_url = rabbit://openstack:TopS3cret@c1:5672/\n[keystone_authtoken]\nMemcached_servers = c1:11211\n';
  await c.open(conf, text);
  const p = await c.diagnostics(conf, (x) => x.diagnostics.length > 0);
  assert.deepEqual(p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort(), [
    'oslo-option-name-case@3:0',
    'rabbit-all-hosts-listed@1:16',
    'rabbit-queue-replication@1:0',
  ]);
  assert.ok(!JSON.stringify(p.diagnostics).includes('TopS3cret'));
  const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: conf }, position: { line: 1, character: 3 } });
  const value = (h!.contents as MarkupContent).value;
  assert.match(value, /^\*\*\[DEFAULT\] transport_url\*\*: string, secret/);
  assert.ok(!value.includes('TopS3cret'));
  await c.change(conf, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'memcache_pool_d' }]);
  await c.diagnostics(conf, (x) => x.version === 2);
  const opts = (await c.conn.sendRequest(CompletionRequest.type, {
    textDocument: { uri: conf },
    position: { line: 4, character: 15 },
  })) as CompletionItem[];
  assert.ok(
    opts.some(
      (i) => i.label === 'memcache_pool_dead_retry' && (i.textEdit as { newText: string }).newText === 'memcache_pool_dead_retry = 300',
    ),
    opts
      .map((i) => i.label)
      .slice(0, 5)
      .join(),
  );
});

/** The last openstackHa/fileContext notification for `u` (the server sends one per check of an open file). */
const contexts = new Map<string, unknown>();
const contextOf = async (u: string) => {
  for (let i = 0; i < 200 && !contexts.has(u); i++) await new Promise((r) => setImmediate(r));
  return contexts.get(u);
};

test('haproxy.cfg: diagnostics, hover on a proxy, outline', async () => {
  c.conn.onNotification('openstackHa/fileContext', (p: { uri: string }) => {
    contexts.set(p.uri, p);
  });
  const cfg = fileUri(path.join(dir, 'etc', 'haproxy', 'haproxy.cfg'));
  const text =
    'defaults\n    timeout connect 10s\n    timeout client 1m\n    timeout server 1m\n    timeout check 10s\nlisten galera\n    bind 10.0.0.11:3306\n    balance source\n    server c1 10.0.0.12:3306 check\n    server c2 10.0.0.13:3306 check\n';
  await c.open(cfg, text);
  const p = await c.diagnostics(cfg, (x) => x.diagnostics.length > 0);
  // the folder's manifest (site.ha.yaml) runs galera on more controllers: the finding links to where it says so
  assert.deepEqual(
    p.diagnostics.map((d) => d.code),
    ['haproxy-backend-all-controllers', 'haproxy-galera-single-writer'],
  );
  const related = p.diagnostics[0].relatedInformation ?? [];
  assert.ok(related.length >= 2 && related.every((r) => r.location.uri === uri), JSON.stringify(related));
  assert.match(related[0].message, /site\.ha\.yaml places galera here|runs galera/);
  const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: cfg }, position: { line: 5, character: 3 } });
  assert.match((h!.contents as MarkupContent).value, /^\*\*listen galera\*\*: 2 servers \(c1, c2\)/);
  // the hover and the status item say which deployment the file was checked against
  assert.match((h!.contents as MarkupContent).value, /\n\n---\n\*Checked against `site\.ha\.yaml` \(production, 2025\.1\)\.\*$/);
  assert.deepEqual(await contextOf(cfg), {
    uri: cfg,
    kind: 'haproxy',
    label: 'haproxy.cfg',
    manifest: uri,
    environment: 'production',
    release: '2025.1',
  });
  const syms = (await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: cfg } })) as DocumentSymbol[];
  assert.deepEqual(
    syms.map((s) => s.name),
    ['defaults', 'listen galera'],
  );
});

test('a pcs script and a CIB get diagnostics; the quick fix edits the property in place', async () => {
  const script = fileUri(path.join(dir, 'cluster', 'setup-pacemaker.sh'));
  await c.open(script, 'set -e\npcs cluster setup openstack c1 c2 c3\npcs property set no-quorum-policy=ignore\n');
  const p = await c.diagnostics(script, (x) => x.diagnostics.length > 0);
  assert.deepEqual(
    p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
    [
      ['pacemaker-recheck-interval', 2, 34, 40],
      ['quorum-ignored-multi-node', 2, 34, 40],
    ],
  );
  const actions = (await c.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: script },
    range: p.diagnostics[0].range,
    context: { diagnostics: p.diagnostics, only: ['quickfix'] },
  })) as CodeAction[];
  const fix = actions.find((a) => a.title === 'Set no-quorum-policy=stop');
  assert.deepEqual(fix?.edit?.changes?.[script], [{ range: p.diagnostics[0].range, newText: 'stop' }]);
  const cib = fileUri(path.join(dir, 'cluster', 'cib.xml'));
  await c.open(
    cib,
    '<cib validate-with="pacemaker-3.9">\n  <configuration>\n    <crm_config>\n      <cluster_property_set id="o">\n        <nvpair id="s" name="stonith-enabled" value="false"/>\n      </cluster_property_set>\n    </crm_config>\n    <nodes/>\n    <resources/>\n    <constraints/>\n  </configuration>\n</cib>\n',
  );
  const q = await c.diagnostics(cib, (x) => x.diagnostics.length > 0);
  assert.deepEqual(
    q.diagnostics.map((d) => d.code),
    ['pacemaker-recheck-interval', 'stonith-disabled-in-production'],
  );
});

test('a Galera option file: outline and completion over LSP, and no manifest completion in it', async () => {
  const cnf = fileUri(path.join(dir, 'etc', 'mysql', 'conf.d', 'galera.cnf'));
  const text = '[galera]\nwsrep_on=ON\nwsrep_provider=/usr/lib/galera/libgalera_smm.so\nwsrep_sst_method=\n';
  await c.open(cnf, text);
  await c.diagnostics(cnf, (x) => x.diagnostics.length > 0);
  const syms = (await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: cnf } })) as DocumentSymbol[];
  assert.deepEqual(
    syms.map((s) => [s.name, s.children?.map((x) => x.name)]),
    [['[galera]', ['wsrep_on', 'wsrep_provider', 'wsrep_sst_method']]],
  );
  const items = (await c.conn.sendRequest(CompletionRequest.type, {
    textDocument: { uri: cnf },
    position: { line: 3, character: 17 },
  })) as CompletionItem[];
  assert.deepEqual(
    items.map((i) => i.label),
    ['mariabackup', 'rsync'],
  );
  const none = (await c.conn.sendRequest(CompletionRequest.type, {
    textDocument: { uri: cnf },
    position: { line: 1, character: 0 },
  })) as CompletionItem[];
  assert.ok(!none.some((i) => i.label === 'apiVersion' || i.label === 'nodes'), JSON.stringify(none.map((i) => i.label)));
});

test("a firewall is checked against its node's Galera file; hover says what a rule opens; the fix copies the rule", async () => {
  const cnf = fileUri(path.join(dir, 'db1', 'etc', 'mysql', 'conf.d', 'galera.cnf'));
  await c.open(cnf, '[galera]\nwsrep_on=ON\nwsrep_cluster_address=gcomm://10.0.0.12,10.0.0.13,10.0.0.14\nwsrep_node_address=10.0.0.12\n');
  await c.diagnostics(cnf, () => true);
  const fw = fileUri(path.join(dir, 'db1', 'etc', 'iptables', 'rules.v4'));
  const text = '*filter\n:INPUT DROP [0:0]\n-A INPUT -s 10.0.0.0/24 -p tcp -m tcp --dport 3306 -j ACCEPT\nCOMMIT\n';
  await c.open(fw, text);
  const p = await c.diagnostics(fw, (x) => x.diagnostics.length > 0);
  assert.deepEqual(
    p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
    [
      [
        'galera-firewall-ports',
        2,
        0,
        60,
        'This firewall closes inbound traffic (the INPUT policy DROP, line 2) but does not open TCP 4567 (replication), TCP 4568 (IST), TCP 4444 (SST): the Galera members need them to reach each other',
      ],
    ],
  );
  const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: fw }, position: { line: 2, character: 40 } });
  assert.match(
    (h!.contents as MarkupContent).value,
    /^\*\*Opens TCP 3306 from 10\.0\.0\.0\/24\*\*\n\n- 3306: MariaDB\/Galera clients and mysqldump state transfers/,
  );
  const actions = (await c.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: fw },
    range: p.diagnostics[0].range,
    context: { diagnostics: p.diagnostics, only: ['quickfix'] },
  })) as CodeAction[];
  const fix = actions.find((a) => a.title === 'Open tcp/4567, tcp/4568, tcp/4444 like this rule');
  assert.deepEqual(fix?.edit?.changes?.[fw], [
    {
      range: { start: { line: 2, character: 60 }, end: { line: 2, character: 60 } },
      newText:
        '\n-A INPUT -s 10.0.0.0/24 -p tcp -m tcp --dport 4567 -j ACCEPT\n-A INPUT -s 10.0.0.0/24 -p tcp -m tcp --dport 4568 -j ACCEPT\n-A INPUT -s 10.0.0.0/24 -p tcp -m tcp --dport 4444 -j ACCEPT',
    },
  ]);
  const syms = (await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: fw } })) as DocumentSymbol[];
  assert.deepEqual(
    syms.map((s) => `${s.name} ${s.detail}`),
    ['the INPUT policy DROP closed', 'TCP 3306 from 10.0.0.0/24'],
  );
});

test("an edit to one node's keepalived.conf re-checks the other node's open file at once", async () => {
  const ka = (vrid: number, prio: number) =>
    `vrrp_instance internal {\n    state BACKUP\n    interface br-mgmt\n    virtual_router_id ${vrid}\n    priority ${prio}\n    virtual_ipaddress {\n        10.0.0.11/24\n    }\n    track_script {\n        chk_haproxy\n    }\n}\n`;
  const n1 = fileUri(path.join(dir, 'ka', 'node1', 'etc', 'keepalived', 'keepalived.conf'));
  const n2 = fileUri(path.join(dir, 'ka', 'node2', 'etc', 'keepalived', 'keepalived.conf'));
  await c.open(n1, ka(51, 101));
  await c.open(n2, ka(51, 100));
  await c.diagnostics(n2, (x) => !x.diagnostics.some((d) => d.code === 'keepalived-vrid-priority-sane'));
  await c.diagnostics(n1, (x) => !x.diagnostics.some((d) => d.code === 'keepalived-vrid-priority-sane'));
  // node2 moves the VIP to VRID 52: node1, not edited, now disagrees with it
  c.change(n2, 2, [{ range: { start: { line: 3, character: 22 }, end: { line: 3, character: 24 } }, text: '52' }]);
  const p = await c.diagnostics(n1, (x) => x.diagnostics.some((d) => d.code === 'keepalived-vrid-priority-sane'));
  assert.match(
    p.diagnostics.find((d) => d.code === 'keepalived-vrid-priority-sane')!.message as string,
    /^VIP 10\.0\.0\.11 is in virtual_router_id 51 here but 52 in /,
  );
});

test('a sysctl file changed on disk re-checks the open haproxy.cfg (workspace/didChangeWatchedFiles)', async () => {
  const cfg = fileUri(path.join(dir, 'disk', 'node1', 'etc', 'haproxy', 'haproxy.cfg'));
  await c.open(cfg, 'listen keystone_public\n    bind 10.0.0.11:5000\n    server c1 10.0.0.12:5000 check inter 2000 rise 2 fall 5\n');
  const sysctl = path.join(dir, 'disk', 'node1', 'etc', 'sysctl.d');
  fs.mkdirSync(sysctl, { recursive: true });
  const changed = (file: string, type: FileChangeType) =>
    c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(file), type }] });
  fs.writeFileSync(path.join(sysctl, '99-net.conf'), 'net.ipv4.ip_forward = 1\n');
  await changed(path.join(sysctl, '99-net.conf'), FileChangeType.Created);
  await c.diagnostics(cfg, (x) => x.diagnostics.some((d) => d.code === 'sysctl-nonlocal-bind'));
  fs.writeFileSync(path.join(sysctl, '60-haproxy.conf'), 'net.ipv4.ip_nonlocal_bind = 1\n');
  await changed(path.join(sysctl, '60-haproxy.conf'), FileChangeType.Created);
  await c.diagnostics(cfg, (x) => !x.diagnostics.some((d) => d.code === 'sysctl-nonlocal-bind'));
  // deleted again: the finding comes back
  fs.rmSync(path.join(sysctl, '60-haproxy.conf'));
  await changed(path.join(sysctl, '60-haproxy.conf'), FileChangeType.Deleted);
  await c.diagnostics(cfg, (x) => x.diagnostics.some((d) => d.code === 'sysctl-nonlocal-bind'));
});
