/** The built CLI, as CI runs it: formats, exit codes, --fix, configuration and suppression. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/paths';
import { runCli as run, tempWorkspace, EVEN_UNFENCED } from '../support/cli';

const workspace = (files: Record<string, string>) => tempWorkspace(files, 'osha-cli-');

const GOOD = fs.readFileSync(path.join(ROOT, 'examples', 'region-one', 'good.ha.yaml'), 'utf8');
const EVEN = EVEN_UNFENCED;

test('text output: one line per finding with path:line:col, severity, message, rule; a summary; exit 1 on errors', () => {
  const dir = workspace({ 'site/region.ha.yaml': EVEN, 'site/other.yaml': 'not: a manifest\n' });
  const r = run(['lint', 'site'], dir);
  assert.equal(r.code, 1);
  assert.equal(
    r.out,
    [
      path.join('site', 'region.ha.yaml'),
      `${path.join('site', 'region.ha.yaml')}:9:19  warning  cluster 'ctl' has 4 votes; a 2:2 split leaves no side with the 3 needed for quorum  cluster-even-node-count`,
      `${path.join('site', 'region.ha.yaml')}:9:42  error  cluster 'ctl' (4 members) has STONITH off in a production deployment: a node that stops answering may still write while its resources start elsewhere  stonith-disabled`,
      '',
      '1 error, 1 warning, 0 info in 1 of 1 file checked (1 HA manifest)',
      '',
    ].join('\n'),
  );
});

test('exit 0 on a clean manifest; --max-warnings turns warnings into a failure', () => {
  const dir = workspace({ 'good.ha.yaml': GOOD, 'warn.ha.yaml': EVEN.replace('stonith: false', 'stonith: true') });
  assert.equal(run(['lint', 'good.ha.yaml'], dir).code, 0);
  assert.equal(run(['lint', 'warn.ha.yaml'], dir).code, 0);
  assert.equal(run(['lint', '--max-warnings', '0', 'warn.ha.yaml'], dir).code, 1);
  assert.equal(run(['lint', '--max-warnings=1', 'warn.ha.yaml'], dir).code, 0);
});

test('json output matches the spec: relative file, 0-based ranges, fixes with edits', () => {
  const dir = workspace({ 'r.ha.yaml': EVEN });
  const r = run(['lint', '--format', 'json', '.'], dir);
  assert.equal(r.code, 1);
  const j = JSON.parse(r.out);
  assert.equal(j.version, 1);
  assert.deepEqual(
    j.diagnostics.map((d: { rule: string }) => d.rule),
    ['cluster-even-node-count', 'stonith-disabled'],
  );
  const s = j.diagnostics[1];
  assert.deepEqual(s, {
    file: 'r.ha.yaml',
    rule: 'stonith-disabled',
    severity: 'error',
    message: s.message,
    range: { start: { line: 8, character: 41 }, end: { line: 8, character: 46 } },
    fixes: [
      {
        title: 'Set stonith: true',
        safe: true,
        edits: [{ file: 'r.ha.yaml', range: { start: { line: 8, character: 41 }, end: { line: 8, character: 46 } }, newText: 'true' }],
      },
    ],
  });
});

test('sarif output is SARIF 2.1.0 with every rule, its description and help URI', () => {
  const dir = workspace({ 'r.ha.yaml': EVEN });
  const r = run(['lint', '--format', 'sarif', 'r.ha.yaml'], dir);
  const s = JSON.parse(r.out);
  assert.equal(s.version, '2.1.0');
  const run0 = s.runs[0];
  assert.equal(run0.tool.driver.name, 'openstack-ha');
  const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.ok(ids.includes('stonith-disabled') && ids.includes('parse-error'));
  for (const rule of run0.tool.driver.rules) {
    assert.ok(rule.shortDescription.text);
    assert.match(rule.helpUri, /docs\/rules\/.+\.md$/);
  }
  const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'stonith-disabled');
  assert.equal(res.level, 'error');
  assert.equal(ids[res.ruleIndex], 'stonith-disabled');
  assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 9, startColumn: 42, endLine: 9, endColumn: 47 });
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'r.ha.yaml');
});

test('--fix applies the safe fixes, keeps comments, and leaves the rest', () => {
  const src = `apiVersion: openstack-ha/v1
kind: Deployment
nodes:
  a: { address: 10.0.0.1 }   # rack 1
  b: { address: 10.0.0.2 }
  c: { address: 10.0.0.3 }
clusters:
  ctl:
    members: [a, b, c]
    stonith: false            # fencing: IPMI
    no_quorum_policy: ignore
  pair: { members: [a, b] }
`;
  const dir = workspace({ 'f.ha.yaml': src });
  const r = run(['lint', '--fix', 'f.ha.yaml'], dir);
  assert.equal(
    fs.readFileSync(path.join(dir, 'f.ha.yaml'), 'utf8'),
    src
      .replace('stonith: false            # fencing', 'stonith: true            # fencing')
      .replace('no_quorum_policy: ignore', 'no_quorum_policy: stop')
      .replace('pair: { members: [a, b] }', 'pair: { members: [a, b], corosync: { two_node: true, wait_for_all: true } }'),
  );
  // with two_node and fencing, the two-node cluster is supported: what it costs stays as information
  assert.equal(r.code, 0, 'cluster-min-three-nodes is information once two_node is set');
  assert.match(
    r.out,
    /info {2}cluster 'pair' has 2 votes with corosync two_node: a 1:1 split keeps both nodes quorate and fencing decides which survives .* cluster-min-three-nodes/,
  );
  assert.doesNotMatch(r.out, /stonith-disabled/);
});

test('--fix on a clean or unfixable file does not rewrite it', () => {
  const dir = workspace({ 'g.ha.yaml': GOOD });
  const before = fs.statSync(path.join(dir, 'g.ha.yaml')).mtimeMs;
  assert.equal(run(['lint', '--fix', '.'], dir).code, 0);
  assert.equal(fs.statSync(path.join(dir, 'g.ha.yaml')).mtimeMs, before);
});

test('.openstack-ha.yaml is found by walking up, and suppression comments apply', () => {
  const dir = workspace({
    '.openstack-ha.yaml': 'rules:\n  cluster-even-node-count: off\n  stonith-disabled: warning\n',
    'deep/er/r.ha.yaml': EVEN,
    'other/s.ha.yaml': '# openstack-ha-disable stonith-disabled\n' + EVEN,
  });
  const r = run(['lint', '--format', 'json', '.'], dir);
  const d = JSON.parse(r.out).diagnostics.map((x: { file: string; rule: string; severity: string }) => `${x.file} ${x.rule} ${x.severity}`);
  assert.deepEqual(d, [`${path.join('deep', 'er', 'r.ha.yaml')} stonith-disabled warning`]);
  assert.equal(r.code, 0);
});

test('--config names the configuration explicitly', () => {
  const dir = workspace({ 'c.yaml': 'disable: [stonith-disabled, cluster-even-node-count]\n', 'r.ha.yaml': EVEN });
  const r = run(['lint', '--config', 'c.yaml', 'r.ha.yaml'], dir);
  assert.equal(r.code, 0);
  assert.match(r.out, /^0 errors, 0 warnings, 0 info in 0 of 1 file checked/);
});

test('exit 2: bad usage, unreadable path, invalid configuration', () => {
  const dir = workspace({
    'r.ha.yaml': EVEN,
    'bad.yaml': 'rules: { stonith-disabled: loud }\n',
    '.openstack-ha.yaml': 'environment: prod\n',
  });
  const usage = run(['lint', '--format', 'xml', 'r.ha.yaml'], dir);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /--format must be text, json or sarif, not 'xml'/);
  assert.equal(run(['lint'], dir).code, 2);
  assert.equal(run(['frobnicate'], dir).code, 2);
  const missing = run(['lint', 'nope.ha.yaml'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read .*nope\.ha\.yaml: no such file or directory/);
  const badExplicit = run(['lint', '--config', 'bad.yaml', 'r.ha.yaml'], dir);
  assert.equal(badExplicit.code, 2);
  assert.match(badExplicit.err, /rule 'stonith-disabled' must be one of error, warning, info, hint, off/);
  const badFound = run(['lint', 'r.ha.yaml'], dir);
  assert.equal(badFound.code, 2);
  assert.match(badFound.err, /environment must be one of production, staging, test, demo/);
});

test('broken and binary files are findings, not crashes', () => {
  const dir = workspace({ 'broken.ha.yaml': 'apiVersion: openstack-ha/v1\nnodes: [\n', 'bin.ha.yaml': '\u0000\u0001\u0002binary' });
  const r = run(['lint', '--format', 'json', '.'], dir);
  assert.equal(r.code, 1);
  const d = JSON.parse(r.out).diagnostics.map((x: { file: string; rule: string }) => `${x.file} ${x.rule}`);
  assert.deepEqual(d, ['bin.ha.yaml parse-error', 'broken.ha.yaml parse-error']);
});

test('files are recognised by content, and a named file that is not a manifest is skipped with a note', () => {
  const dir = workspace({ 'site.yaml': EVEN, 'vars.yaml': 'foo: bar\n' });
  const r = run(['lint', '--format', 'json', 'site.yaml', 'vars.yaml'], dir);
  assert.equal(JSON.parse(r.out).diagnostics.length, 2);
  assert.match(r.err, /skipped vars\.yaml: not a file openstack-ha checks/);
});

test('the examples shipped in the repository lint as the README shows', () => {
  const r = run(['lint', 'examples/'], ROOT);
  assert.equal(r.code, 1);
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.ok(readme.includes(r.out.trim()), 'README.md shows the real output of `npx openstack-ha lint examples/`');
});

test('OpenStack .conf files are checked too, against the manifest of their folder or above', () => {
  const dir = workspace({
    'site.ha.yaml': GOOD,
    'etc/nova/nova.conf':
      '[DEFAULT]\ntransport_url = rabbit://openstack:SeCrEt@10.0.0.11:5672/\n[database]\nconnection = mysql+pymysql://nova:SeCrEt@10.0.0.12/nova\nmax_retries = -1\n',
    'etc/nginx/nginx.conf': 'worker_processes 1;\n',
  });
  const r = run(['lint', '--format', 'json', '.'], dir);
  assert.ok(!r.out.includes('SeCrEt'), 'no secret in the output');
  const d = JSON.parse(r.out).diagnostics.map((x: { file: string; rule: string }) => `${x.file} ${x.rule}`);
  const nova = path.join('etc', 'nova', 'nova.conf');
  assert.deepEqual(d, [`${nova} rabbit-queue-replication`, `${nova} rabbit-not-behind-vip`, `${nova} db-connection-via-vip`]);
  assert.equal(r.code, 1);
});

test('cinder.conf files of two nodes are compared', () => {
  const dir = workspace({
    'node1/etc/cinder/cinder.conf': '[DEFAULT]\nhost = cinder-cluster-1\n',
    'node2/etc/cinder/cinder.conf': '[DEFAULT]\nhost = node2\n',
  });
  const r = run(['lint', '--format', 'json', '.'], dir);
  const d = JSON.parse(r.out)
    .diagnostics.filter((x: { rule: string }) => x.rule === 'cinder-host-consistent-ap')
    .map((x: { file: string; message: string }) => `${x.file}: ${x.message.replace(/:.*$/, '')}`);
  assert.deepEqual(d, [
    `${path.join('node1', 'etc', 'cinder', 'cinder.conf')}: [DEFAULT] host is 'cinder-cluster-1' here but 'node2' in ${path.join('..', '..', '..', 'node2', 'etc', 'cinder', 'cinder.conf')}`,
    `${path.join('node2', 'etc', 'cinder', 'cinder.conf')}: [DEFAULT] host is 'node2' here but 'cinder-cluster-1' in ${path.join('..', '..', '..', 'node1', 'etc', 'cinder', 'cinder.conf')}`,
  ]);
});

test('keepalived.conf files of two nodes are compared: one VIP, two VRIDs', () => {
  const ka = (vrid: number, prio: number) =>
    `vrrp_instance internal {\n    state BACKUP\n    interface br-mgmt\n    virtual_router_id ${vrid}\n    priority ${prio}\n    virtual_ipaddress {\n        10.0.0.11/24\n    }\n}\n`;
  const dir = workspace({ 'node1/etc/keepalived/keepalived.conf': ka(51, 101), 'node2/etc/keepalived/keepalived.conf': ka(52, 100) });
  const r = run(['lint', '--format', 'json', '.'], dir);
  const d = JSON.parse(r.out)
    .diagnostics.filter((x: { rule: string }) => x.rule === 'keepalived-vrid-priority-sane')
    .map((x: { file: string; message: string }) => `${x.file}: ${x.message.replace(/ \(vrrp.*$/, '')}`);
  assert.deepEqual(d, [
    `${path.join('node1', 'etc', 'keepalived', 'keepalived.conf')}: VIP 10.0.0.11 is in virtual_router_id 51 here but 52 in ${path.join('..', '..', '..', 'node2', 'etc', 'keepalived', 'keepalived.conf')}`,
    `${path.join('node2', 'etc', 'keepalived', 'keepalived.conf')}: VIP 10.0.0.11 is in virtual_router_id 52 here but 51 in ${path.join('..', '..', '..', 'node1', 'etc', 'keepalived', 'keepalived.conf')}`,
  ]);
});

test('haproxy.cfg is checked against the sysctl files and keepalived.conf of the workspace', () => {
  const files = {
    'node1/etc/haproxy/haproxy.cfg':
      'listen keystone_public\n    bind 10.0.0.11:5000\n    server c1 10.0.0.12:5000 check inter 2000 rise 2 fall 5\n',
    'node1/etc/keepalived/keepalived.conf':
      'vrrp_instance internal {\n    virtual_router_id 51\n    priority 101\n    virtual_ipaddress {\n        10.0.0.11/24\n    }\n}\n',
    'node1/etc/sysctl.d/99-net.conf': 'net.ipv4.ip_forward = 1\n',
  };
  const messages = (dir: string) =>
    JSON.parse(run(['lint', '--format', 'json', '.'], dir).out)
      .diagnostics.filter((x: { rule: string }) => x.rule === 'sysctl-nonlocal-bind')
      .map((x: { file: string; range: { start: { line: number } } }) => `${x.file}:${x.range.start.line}`);
  assert.deepEqual(messages(workspace(files)), [`${path.join('node1', 'etc', 'haproxy', 'haproxy.cfg')}:1`]);
  assert.deepEqual(messages(workspace({ ...files, 'node1/etc/sysctl.d/60-haproxy.conf': 'net.ipv4.ip_nonlocal_bind = 1\n' })), []);
  // laid out by node: another node's sysctl file does not speak for node1
  assert.deepEqual(messages(workspace({ ...files, 'node2/etc/sysctl.d/60-haproxy.conf': 'net.ipv4.ip_nonlocal_bind = 1\n' })), [
    `${path.join('node1', 'etc', 'haproxy', 'haproxy.cfg')}:1`,
  ]);
  // and against the services' own files: keystone's port taken on every address
  const collide = workspace({ ...files, 'node1/etc/glance/glance-api.conf': '[DEFAULT]\nbind_host = 0.0.0.0\nbind_port = 5000\n' });
  const d = JSON.parse(run(['lint', '--format', 'json', '.'], collide).out).diagnostics.filter(
    (x: { rule: string }) => x.rule === 'haproxy-service-port-collision',
  );
  assert.deepEqual(
    d.map((x: { message: string }) => x.message.replace(/ \(every.*$/, '')),
    [`listen keystone_public binds port 5000, and ${path.join('..', 'glance', 'glance-api.conf')} has [DEFAULT] bind_host=0.0.0.0`],
  );
});

test("a DB node's firewall and clustercheck are checked against the node's own files (same tree above etc/)", () => {
  const cnf = (addr: string) =>
    `[mysqld]\nwsrep_on=ON\nwsrep_cluster_address=gcomm://10.0.0.12,10.0.0.13\nwsrep_node_address=${addr}\nwsrep_provider_options="gmcast.mcast_addr=239.192.0.11"\n`;
  const rules = '*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp -m multiport --dports 3306,4444,4567,4568 -j ACCEPT\nCOMMIT\n';
  const files = {
    'lb/etc/haproxy/haproxy.cfg':
      'listen galera\n    bind 10.0.0.11:3306\n    option httpchk\n    server db1 10.0.0.12:3306 check port 9200\n    server db2 10.0.0.13:3306 backup check port 9200\n',
    'db1/etc/mysql/conf.d/galera.cnf': cnf('10.0.0.12'),
    'db1/etc/iptables/rules.v4': rules,
    'db2/etc/mysql/conf.d/galera.cnf': cnf('10.0.0.13').replace(/wsrep_provider_options.*\n/, ''),
    'db2/etc/iptables/rules.v4': rules,
  };
  const found = (dir: string) =>
    JSON.parse(run(['lint', '--format', 'json', '.'], dir).out)
      .diagnostics.filter((x: { rule: string }) => x.rule === 'galera-firewall-ports' || x.rule === 'galera-clustercheck-endpoint')
      .map((x: { file: string; rule: string; message: string }) => `${x.file} ${x.rule}: ${x.message}`);
  assert.deepEqual(found(workspace(files)), [
    `${path.join('db1', 'etc', 'iptables', 'rules.v4')} galera-firewall-ports: This firewall closes inbound traffic (the INPUT policy DROP, line 2) but does not open UDP 4567 (multicast replication): the Galera members need them to reach each other`,
    `${path.join('lb', 'etc', 'haproxy', 'haproxy.cfg')} galera-clustercheck-endpoint: listen galera checks db1, db2 on port 9200, but no xinetd service or systemd socket of the workspace answers on 9200: HAProxy will mark every Galera server down`,
  ]);
  // clustercheck deployed on db2 only: db1 is still checked on a port where nothing answers, and db2's firewall must now let HAProxy in on 9200
  const xinetd = 'service galera-monitor\n{\n  port = 9200\n  disable = no\n  server = /usr/bin/clustercheck\n}\n';
  assert.deepEqual(found(workspace({ ...files, 'db2/etc/xinetd.d/galera-monitor': xinetd })).slice(1), [
    `${path.join('db2', 'etc', 'iptables', 'rules.v4')} galera-firewall-ports: This firewall closes inbound traffic (the INPUT policy DROP, line 2) but does not open TCP 9200 (clustercheck): HAProxy checks this node there`,
    `${path.join('lb', 'etc', 'haproxy', 'haproxy.cfg')} galera-clustercheck-endpoint: listen galera checks db1, db2 on port 9200, but no clustercheck answers there on db1 (it runs on db2): HAProxy will mark that node down`,
  ]);
  // on both nodes: haproxy.cfg is satisfied
  assert.deepEqual(
    found(workspace({ ...files, 'db1/etc/xinetd.d/galera-monitor': xinetd, 'db2/etc/xinetd.d/galera-monitor': xinetd })).filter(
      (x: string) => x.includes('haproxy.cfg'),
    ),
    [],
  );
});

test('secrets stay out of every output format, fixes included', () => {
  const dir = workspace({
    'etc/nova/nova.conf':
      '[DEFAULT]\nsql_connection = mysql+pymysql://nova:Hunter2x@db/nova\ntransport_url = rabbit://u:Hunter2x@c1:5672,u:Hunter2x@c2:5672/ # one\n[keystone_authtoken]\npassword = Hunter2x ; note\n[neutron]\nauth_type = password\nauth_url = http://admin:Hunter2x@10.0.0.11:5000 # x\n',
  });
  for (const format of ['text', 'json', 'sarif']) {
    const r = run(['lint', '--format', format, '--config', '/dev/null', '.'], dir);
    assert.ok(r.out.length > 100, format);
    assert.ok(!r.out.includes('Hunter2x') && !r.err.includes('Hunter2x'), `${format} leaks a secret`);
  }
  run(['lint', '--fix', '.'], dir);
  const fixedText = fs.readFileSync(path.join(dir, 'etc/nova/nova.conf'), 'utf8');
  assert.ok(fixedText.includes('# one\ntransport_url = rabbit://u:Hunter2x@c1:5672,u:Hunter2x@c2:5672/\n'), fixedText);
});

test("the real configs of ../shared/corpus: no crash, templates not claimed, the guide's examples as the guide-examples notes predict", (t) => {
  const corpus = path.resolve(ROOT, '..', 'shared', 'corpus');
  if (!fs.existsSync(corpus)) {
    t.skip('../shared/corpus is not present');
    return;
  }
  const r = run(['lint', '--format', 'json', corpus], ROOT);
  assert.equal(r.code, 1, r.err);
  const seen = new Map<string, number>();
  for (const d of JSON.parse(r.out).diagnostics as { file: string; rule: string; severity: string }[]) {
    const key = `${path.basename(d.file).replace(/^(openstack__ha-guide__doc__ha-guide__includes__|ClusterLabs__pacemaker__cts__scheduler__xml__)/, '')} ${d.rule} ${d.severity}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  assert.deepEqual(Object.fromEntries(seen), {
    // C1 of guide-examples.md: golden for section B except the missing quorum block (info)
    'corosync.conf corosync-votequorum info': 1,
    // ... and it is a corosync 1/2 file: no nodelist, which corosync 3 refuses (corosync -t: 'No valid name found for local host'),
    // with amf, service { name: pacemaker } and aisexec blocks that corosync 3 ignores
    'corosync.conf corosync-udpu-nodelist error': 1,
    'corosync.conf corosync-unknown-key warning': 3,
    // Pacemaker's own scheduler tests: a TripleO CIB with fencing-enabled=false, VIPs without cidr_netmask, a cloned cinder-volume;
    // complex_enforce_colo colocates each of its 12 VIPs with HAProxy, so pacemaker-vip-haproxy-colocation stays quiet
    'bundle-order-startup.xml stonith-disabled-in-production error': 1,
    'cloned-group-stop.xml pacemaker-vip-monitor warning': 1,
    'cloned-group-stop.xml cinder-volume-single-active warning': 1,
    'complex_enforce_colo.xml pacemaker-vip-monitor warning': 12,
    // every scheduler test CIB keeps Pacemaker's default recheck interval or a longer one than the guide's 5min (info)
    'bundle-order-fencing.xml pacemaker-recheck-interval info': 1,
    'bundle-order-startup.xml pacemaker-recheck-interval info': 1,
    'cloned-group-stop.xml pacemaker-recheck-interval info': 1,
    'complex_enforce_colo.xml pacemaker-recheck-interval info': 1,
    'guest-host-not-fenceable.xml pacemaker-recheck-interval info': 1,
    // P12: the old guide's MySQL example lost the `\\` after additional_parameters: crm rejects the next line; p_mysql's
    // monitor further down is still read as its own, so it is not reported missing as well
    'pacemaker-mysql.crm parse-error error': 1,
    // ... and its mysqld binds 50.56.179.138 in the group of the VIP 192.168.42.101
    'pacemaker-mysql.crm pacemaker-vip-service-address error': 1,
    // P10: no-quorum-policy=ignore, a warning while the node count is unknown; and the guide's callouts (`\\ # <1>`) end the
    // command at lines 1 and 2, so crm rejects lines 2 and 3 (crmsh says the same: test/e2e/crmsh-oracle)
    'pacemaker-properties.crm quorum-ignored-multi-node warning': 1,
    'pacemaker-properties.crm parse-error error': 2,
  });
});

test('a cross-file finding points at what it compared with, in every format; JSON lists the checked files with their kind', () => {
  const dir = workspace({
    'site.ha.yaml':
      'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes:\n  ctl1: { address: 10.0.0.11 }\n  ctl2: { address: 10.0.0.12 }\n  ctl3: { address: 10.0.0.13 }\nclusters:\n  ctl: { members: [ctl1, ctl2, ctl3], stonith: true }\n',
    'ctl1/etc/corosync/corosync.conf':
      'totem {\n  version: 2\n  cluster_name: ctl\n}\nnodelist {\n  node {\n    name: ctl1\n    ring0_addr: 10.0.0.11\n  }\n  node {\n    name: ctl2\n    ring0_addr: 10.0.0.12\n  }\n}\n',
    'notes.txt': 'not checked\n',
  });
  const text = run(['lint', '.'], dir);
  assert.ok(
    text.out.includes(
      "ctl1/etc/corosync/corosync.conf:5:1  warning  the nodelist leaves out ctl3 (10.0.0.13), member of cluster 'ctl' in site.ha.yaml: it never joins the cluster corosync forms  corosync-nodelist-drift\n" +
        "    see site.ha.yaml:8:19  members of cluster 'ctl' in site.ha.yaml\n" +
        '    see site.ha.yaml:6:3  ctl3 in site.ha.yaml\n',
    ),
    text.out,
  );
  assert.match(text.out, /in 1 of 2 files checked \(1 HA manifest, 1 corosync\.conf\)\n$/);
  const json = JSON.parse(run(['lint', '--format', 'json', '.'], dir).out);
  assert.deepEqual(json.files, [
    { file: 'site.ha.yaml', kind: 'manifest' },
    { file: 'ctl1/etc/corosync/corosync.conf', kind: 'corosync' },
  ]);
  const drift = json.diagnostics.find((d: { rule: string }) => d.rule === 'corosync-nodelist-drift');
  assert.deepEqual(drift.related, [
    {
      file: 'site.ha.yaml',
      range: { start: { line: 7, character: 18 }, end: { line: 7, character: 36 } },
      message: "members of cluster 'ctl' in site.ha.yaml",
    },
    { file: 'site.ha.yaml', range: { start: { line: 5, character: 2 }, end: { line: 5, character: 6 } }, message: 'ctl3 in site.ha.yaml' },
  ]);
  const sarif = JSON.parse(run(['lint', '--format', 'sarif', '.'], dir).out);
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'corosync-nodelist-drift');
  assert.deepEqual(result.relatedLocations[0], {
    id: 0,
    message: { text: "members of cluster 'ctl' in site.ha.yaml" },
    physicalLocation: {
      artifactLocation: { uri: 'site.ha.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 8, startColumn: 19, endLine: 8, endColumn: 37 },
    },
  });
});

test('two manifests side by side: the stack files beside them get manifest-ambiguous, not silence', () => {
  const m = 'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes:\n  ctl1: { address: 10.0.0.11 }\n';
  const dir = workspace({
    'prod.ha.yaml': m,
    'staging.ha.yaml': m,
    'etc/haproxy/haproxy.cfg': 'listen x\n    bind 10.0.0.10:80\n    server a 10.0.0.11:80 check\n    server b 10.0.0.12:80 check\n',
  });
  const r = run(['lint', '.'], dir);
  assert.ok(
    r.out.includes(
      'etc/haproxy/haproxy.cfg:1:1  warning  2 manifests are equally near this file (../../prod.ha.yaml, ../../staging.ha.yaml): it is checked against neither; keep one manifest per deployment folder  manifest-ambiguous\n    see prod.ha.yaml:1:1  manifest prod.ha.yaml\n    see staging.ha.yaml:1:1  manifest staging.ha.yaml\n',
    ),
    r.out,
  );
});
