/**
 * openstackHa.realTools.runOnSave over LSP, with the real checkers: haproxy -c and crm_verify messages
 * appear at their lines on save, beside our findings; nothing runs when the setting is off or the
 * workspace is untrusted; a missing tool and a hung one are said, not waited on.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestClient, fileUri } from '../support/lsp-client';
import { freshDir } from './support';
import { CHECKERS, checkerFor, FIREWALL_CHECKERS, ToolRunner } from '../../server/src/node/real-tools';

const dir = freshDir('real-tools');
const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.close();
});

async function client(settings: unknown, trust?: { workspaceTrusted: boolean }): Promise<TestClient> {
  const c = new TestClient();
  clients.push(c);
  c.settings = settings;
  // the settings also go in initializationOptions, so they hold from the first message on (no race with workspace/configuration)
  await c.initialize(dir, true, { settings, ...trust });
  return c;
}
const ON = { enable: true, rules: {}, realTools: { runOnSave: true, timeoutMs: 20_000 } };

// line 7 (0-based 6) has a keyword haproxy does not know; line 8 (0-based 7) a balance algorithm it does not know
const HAPROXY =
  'defaults\n    timeout connect 10s\n    timeout client 1m\n    timeout server 1m\n    timeout check 10s\nlisten keystone\n    bnd 10.0.0.11:5000\n    balance roundrobn\n    server c1 10.0.0.12:5000 check inter 2000 rise 2 fall 5\n';

test('on save, haproxy -c adds what we do not report, at its line; not what we report, nor its summary lines', async () => {
  const file = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(file, HAPROXY);
  const uri = fileUri(file);
  const c = await client(ON);
  await c.open(uri, HAPROXY);
  await c.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'haproxy-unknown-keyword'));
  await c.save(uri);
  const p = await c.diagnostics(uri, (x) => x.diagnostics.some((d) => d.source === 'haproxy'), 20_000);
  const tool = p.diagnostics.filter((d) => d.source === 'haproxy');
  // haproxy also says "unknown keyword 'bnd'" at line 6 (ours says it, with a fix) and "Fatal errors found in configuration." (a summary)
  assert.deepEqual(
    tool.map((d) => [d.range.start.line, d.range.start.character, d.severity, String(d.message).slice(0, 22)]),
    [[7, 4, 1, 'balance only supports ']],
  );
  assert.ok(p.diagnostics.some((d) => d.code === 'haproxy-unknown-keyword' && d.range.start.line === 6));
  // the run and its time, at the default log level
  assert.ok(await c.log((m) => m.startsWith(`haproxy on ${file}: rejected, 2 message(s) in `) && / \d+ ms$/.test(m)));
});

test('on save, corosync -t on a good file for other machines says nothing: "No valid name found for local host" is about this machine', async () => {
  const runner = new ToolRunner(20_000);
  const file = path.join(dir, 'corosync.conf');
  fs.writeFileSync(
    file,
    'totem {\n    version: 2\n    cluster_name: c\n    transport: knet\n}\nnodelist {\n    node {\n        ring0_addr: 192.0.2.1\n        nodeid: 1\n    }\n}\nquorum {\n    provider: corosync_votequorum\n}\n',
  );
  assert.deepEqual(await runner.run(CHECKERS.corosync!, file), { tool: 'corosync', rejected: false, messages: [] });
  // a value of the wrong type: at its line (the message masked from "key" on, as anything that may quote a secret), and no "exiting with status" line
  fs.writeFileSync(file, 'totem {\n    version: 2\n    cluster_name: c\n    join: abc\n}\n');
  const bad = await runner.run(CHECKERS.corosync!, file);
  assert.equal(bad.rejected, true);
  assert.deepEqual(
    bad.messages.map((m) => [m.line, m.severity, m.message.slice(0, 12)]),
    [[3, 'error', 'Value of key']],
  );
});

test('on save, crm_verify reports a CIB with no fence device (it names no line: the first line is used)', async () => {
  const file = path.join(dir, 'cib.xml');
  const text =
    '<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">\n  <configuration>\n    <crm_config/>\n    <nodes/>\n    <resources>\n      <primitive id="lb" class="systemd" type="haproxy"><operations><op id="lb-mon" name="monitor" interval="1s"/></operations></primitive>\n    </resources>\n    <constraints/>\n  </configuration>\n  <status/>\n</cib>\n';
  fs.writeFileSync(file, text);
  const uri = fileUri(file);
  const c = await client(ON);
  await c.open(uri, text);
  await c.save(uri);
  const p = await c.diagnostics(uri, (x) => x.diagnostics.some((d) => d.source === 'crm_verify'), 20_000);
  const tool = p.diagnostics.filter((d) => d.source === 'crm_verify');
  // one message (crm_verify prints it over three lines), without its "Errors found during check" verdict or "-V may provide more details"
  assert.deepEqual(
    tool.map((d) => [d.range.start.line, d.severity, String(d.message).slice(0, 71)]),
    [[0, 1, 'Resource start-up disabled since no STONITH resources have been defined']],
  );
  assert.ok(p.diagnostics.some((d) => d.code === 'stonith-enabled-without-devices'));
});

test('on save, mariadbd reports a misspelt option and a group header it cannot read, at its line', async () => {
  const runner = new ToolRunner(20_000);
  const file = path.join(dir, 'my.cnf');
  fs.writeFileSync(file, '[mysqld]\nbinlog_format=ROW\nmax_conections=4096\n');
  const r = await runner.run(CHECKERS.galera!, file);
  assert.equal(r.rejected, true);
  assert.deepEqual(
    r.messages.filter((m) => m.severity === 'error'),
    [{ line: null, severity: 'error', message: "unknown variable 'max_conections=4096'" }],
  );
  fs.writeFileSync(file, '# a node\n[mysqld\nbinlog_format=ROW\n');
  const broken = await runner.run(CHECKERS.galera!, file);
  assert.deepEqual(
    broken.messages.filter((m) => m.line !== null),
    [{ line: 1, severity: 'error', message: 'Wrong group definition' }],
  );
});

test('never in an untrusted workspace, and off by default', async () => {
  const untrusted = path.join(dir, 'untrusted', 'haproxy.cfg');
  fs.mkdirSync(path.dirname(untrusted), { recursive: true });
  fs.writeFileSync(untrusted, HAPROXY);
  const u = fileUri(untrusted);
  const c = await client(ON, { workspaceTrusted: false });
  await c.open(u, HAPROXY);
  await c.save(u);
  await c.log((m) => m === `real tools: not run on ${untrusted}: the workspace is not trusted`);
  assert.deepEqual(
    (await c.diagnostics(u, (p) => p.diagnostics.length > 0)).diagnostics.filter((d) => d.code === 'real-tool'),
    [],
  );
  // with the setting off, a save then an edit: the edit's diagnostics carry no tool message, and the server never ran one
  const off = path.join(dir, 'off', 'haproxy.cfg');
  fs.mkdirSync(path.dirname(off), { recursive: true });
  fs.writeFileSync(off, HAPROXY);
  const o = fileUri(off);
  const d = await client({ enable: true, rules: {} });
  await d.open(o, HAPROXY);
  await d.save(o);
  await d.change(o, 2, [{ text: HAPROXY + '\n' }]);
  const p = await d.diagnostics(o, (x) => x.version === 2);
  assert.deepEqual(
    p.diagnostics.filter((x) => x.code === 'real-tool'),
    [],
  );
  assert.ok(!d.logs.some((m) => /^haproxy on /.test(m)), d.logs.join('\n'));
});

test('a missing checker is said once; a hung one is stopped at the timeout', async () => {
  const runner = new ToolRunner(300);
  const missing = { tool: 'no-such-checker-osha', args: () => [], rejected: () => true, parse: () => [] };
  const first = await runner.run(missing, '/dev/null');
  assert.match(first.problem ?? '', /no-such-checker-osha is not installed or not on PATH/);
  assert.equal((await runner.run(missing, '/dev/null')).problem, undefined);
  const hung = { tool: 'sleep', args: () => ['30'], rejected: () => true, parse: () => [] };
  const t = Date.now();
  const r = await runner.run(hung, '/dev/null');
  assert.match(r.problem ?? '', /sleep did not finish within 300 ms and was stopped/);
  assert.ok(Date.now() - t < 10_000);
});

test('on save, iptables-restore --test and nft -c check a firewall in a namespace of their own, and name the line', async () => {
  const runner = new ToolRunner(20_000);
  const v4 = path.join(dir, 'rules.v4');
  fs.writeFileSync(v4, '*filter\n:INPUT DROP [0:0]\n-A INPUT --protocol --match tcp --dport 3306 -j ACCEPT\nCOMMIT\n');
  const r = await runner.run(checkerFor('firewall', v4)!, v4);
  assert.equal(r.rejected, true);
  assert.deepEqual(r.messages, [{ line: 2, severity: 'error', message: 'unknown protocol "--match" specified' }]);
  fs.writeFileSync(v4, '*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 3306 -j ACCEPT\nCOMMIT\n');
  assert.deepEqual(await runner.run(checkerFor('firewall', v4)!, v4), { tool: 'iptables-restore', rejected: false, messages: [] });
  const nft = path.join(dir, 'nftables.conf');
  fs.writeFileSync(
    nft,
    'table inet filter {\n  chain input {\n    type filter hook input priority 0; policy drop;\n    tcp dprot 22 accept\n  }\n}\n',
  );
  const n = await runner.run(checkerFor('firewall', nft)!, nft);
  assert.equal(n.rejected, true);
  assert.deepEqual(
    n.messages.map((m) => [m.line, m.severity]),
    [[3, 'error']],
  );
  assert.match(n.messages[0].message, /syntax error/);
  // scripts and firewalld zones have no checker
  assert.equal(checkerFor('firewall', path.join(dir, 'open.sh')), undefined);
  assert.equal(checkerFor('firewall', '/etc/firewalld/zones/internal.xml'), undefined);
  assert.equal(checkerFor('firewall', '/etc/iptables/rules.v6')?.tool, 'ip6tables-restore');
});

test('a firewall checker that is not installed is said once, as missing, not as a verdict on the file', async () => {
  const runner = new ToolRunner(20_000);
  const missing = { ...FIREWALL_CHECKERS.nft, tool: 'no-such-nft', args: () => ['-rn', 'no-such-nft'] };
  const first = await runner.run(missing, '/dev/null');
  assert.deepEqual(first, {
    tool: 'no-such-nft',
    rejected: false,
    messages: [],
    problem: 'no-such-nft is not installed or not on PATH: the file was not checked by it',
  });
  assert.equal((await runner.run(missing, '/dev/null')).problem, undefined);
});
