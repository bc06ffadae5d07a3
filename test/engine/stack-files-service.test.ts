/** Hover, outline and completion for haproxy.cfg, keepalived.conf, Galera option files and Pacemaker configurations. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintCnf, lintCorosync, lintHaproxy, lintKeepalived, lintPacemaker } from '../../server/src/engine/lint';
import { haComplete, haHover } from '../../server/src/engine/service/haproxy';
import { pmComplete, pmHover, pmSymbols } from '../../server/src/engine/service/pacemaker';
import { kaComplete, kaHover, kaSymbols } from '../../server/src/engine/service/keepalived';
import { coroComplete, coroSymbols } from '../../server/src/engine/service/corosync';
import { cnfComplete, cnfHover, cnfSymbols } from '../../server/src/engine/service/galera';

const doc = (id: string) => `docs/${id}.md`;

const PCS =
  'pcs cluster setup c n1 n2 n3\npcs property set no-quorum-policy=stop\npcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11 cidr_netmask=24 op monitor interval=30s\npcs resource create lb-haproxy systemd:haproxy op monitor interval=1s --clone\npcs constraint order start vip then lb-haproxy-clone kind=Optional\npcs constraint colocation add lb-haproxy-clone with vip\n';

test('Pacemaker: hover on a resource says what it is, how it is monitored and what it is tied to', () => {
  const r = lintPacemaker(PCS, 'pcs');
  const h = pmHover(r.pacemaker!, r.findings, PCS.indexOf('vip ocf') + 1, doc)!;
  assert.equal(PCS.slice(h.span.start, h.span.end), 'vip');
  assert.match(
    h.markdown,
    /^\*\*vip\*\*: `ocf:heartbeat:IPaddr2`, one instance at a time {2}\nmonitored every 30s {2}\naddress 10\.0\.0\.11\/24 {2}\ncolocated with `lb-haproxy-clone`/,
  );
  const lb = pmHover(r.pacemaker!, r.findings, PCS.indexOf('lb-haproxy systemd') + 2, doc)!;
  assert.match(
    lb.markdown,
    /cloned as `lb-haproxy-clone` \(runs on every node\) {2}\nmonitored every 1s {2}\ncolocated with `vip` {2}\nstarts after `vip`/,
  );
  const q = pmHover(r.pacemaker!, r.findings, PCS.indexOf('=stop') + 2, doc)!;
  assert.match(q.markdown, /^\*\*no-quorum-policy\*\* = `stop`/);
});

test('Pacemaker: the outline lists the properties and each resource with its agent', () => {
  const r = lintPacemaker(PCS, 'pcs');
  assert.deepEqual(
    pmSymbols(r.pacemaker!).map((s) => `${s.name}: ${s.detail}`),
    ['properties: 1', 'vip: ocf:heartbeat:IPaddr2', 'lb-haproxy: systemd:haproxy (clone lb-haproxy-clone)'],
  );
});

const KA =
  'vrrp_instance VI_1 {\n    state MASTER\n    interface br-mgmt\n    virtual_router_id 51\n    priority 101\n    authentication {\n        auth_type PASS\n        auth_pass s3cretpw\n    }\n    virtual_ipaddress {\n        10.0.0.11/24\n    }\n}\n';

test('keepalived: the outline shows blocks and settings, never the auth_pass; hover explains virtual_ipaddress', () => {
  const r = lintKeepalived(KA);
  const syms = kaSymbols(r.keepalived!);
  assert.equal(syms[0].name, 'vrrp_instance VI_1');
  assert.deepEqual(
    syms[0].children.map((c) => `${c.name} ${c.detail}`.trim()),
    ['authentication', 'virtual_ipaddress', 'state MASTER', 'interface br-mgmt', 'virtual_router_id 51', 'priority 101'],
  );
  assert.deepEqual(
    syms[0].children[0].children.map((c) => `${c.name} ${c.detail}`),
    ['auth_type PASS', 'auth_pass ***'],
  );
  assert.ok(!JSON.stringify(syms).includes('s3cretpw'));
  const h = kaHover(r.keepalived!, r.findings, KA.indexOf('virtual_ipaddress') + 3, doc)!;
  assert.match(h.markdown, /Virtual IP/);
});

test('the outline of a one-line authentication block and of a corosync key shows no secret', () => {
  const ka = 'vrrp_instance VI_1 {\n    authentication { auth_type PASS auth_pass s3cretpw }\n    authentication auth_pass n0brace\n}\n';
  const syms = kaSymbols(lintKeepalived(ka).keepalived!);
  const flat = (ns: typeof syms): string[] => ns.flatMap((n) => [`${n.name} | ${n.detail}`, ...flat(n.children)]);
  assert.deepEqual(flat(syms), [
    'vrrp_instance VI_1 | ',
    'authentication | ',
    'auth_type | PASS auth_pass ***',
    'authentication | auth_pass ***',
  ]);
  const coro = coroSymbols(lintCorosync('totem {\n  version: 2\n  key: s3cretpw\n}\n').corosync!);
  assert.deepEqual(
    coro[0].children.map((c) => `${c.name} ${c.detail}`),
    ['version 2', 'key ***'],
  );
});

const CNF = '[mysqld]\nbinlog_format=ROW\nwsrep_sst_auth=sst:Hunter2x\n\n';

test("Galera: hover and outline keep wsrep_sst_auth's password out", () => {
  const r = lintCnf(CNF);
  const h = cnfHover(r.cnf!, r.findings, CNF.indexOf('wsrep_sst_auth') + 2, doc)!;
  assert.match(h.markdown, /^\*\*wsrep_sst_auth\*\* in \[mysqld\] = `\*\*\*`/);
  const syms = cnfSymbols(r.cnf!);
  assert.deepEqual(
    syms.map((s) => s.name),
    ['[mysqld]'],
  );
  assert.deepEqual(
    syms[0].children.map((c) => `${c.name}=${c.detail}`),
    ['binlog_format=ROW', 'wsrep_sst_auth=***'],
  );
  assert.ok(!JSON.stringify([h, syms]).includes('Hunter2x'));
});

test("Galera: completion offers the guide's settings not yet set, and their values after =", () => {
  const text = CNF.replace('\n\n', '\nws\n');
  const r = lintCnf(text);
  const keys = cnfComplete(r.cnf!, text, text.indexOf('\nws\n') + 3)!;
  assert.equal(text.slice(keys.replaceStart, keys.replaceEnd), 'ws');
  assert.ok(!keys.items.some((i) => i.label === 'binlog_format'), 'binlog_format is already set');
  assert.equal(keys.items.find((i) => i.label === 'innodb_autoinc_lock_mode')?.insertText, 'innodb_autoinc_lock_mode=2');
  const v = 'wsrep_sst_method=';
  const t2 = `[galera]\n${v}`;
  const values = cnfComplete(lintCnf(t2).cnf!, t2, t2.length)!;
  assert.deepEqual(
    values.items.map((i) => i.label),
    ['mariabackup', 'rsync'],
  );
  assert.equal(cnfComplete(lintCnf('[client]\n').cnf!, '[client]\n', 9), undefined, "client groups are not the server's");
});

test("Galera: every server option from mariadbd's catalogue: hover with its kind and default, completion of names and values", () => {
  const text = '[mysqld]\nmax_connections=4096\nalter_algorithm=INPLACE\nbinlog_format=ROW\n';
  const r = lintCnf(text);
  const hover = (word: string) => cnfHover(r.cnf!, r.findings, text.indexOf(word) + 2, doc)!.markdown;
  assert.match(
    hover('max_connections'),
    /^\*\*max_connections\*\* in \[mysqld\] = `4096`\n\n---\n\nmariadbd 10\.11\.19-MariaDB-0\+deb12u1 option: a number \(K, M, G \.\.\. suffixes allowed\); default `151`\.$/,
  );
  assert.match(hover('alter_algorithm'), /option: one of `DEFAULT`, `COPY`, `INPLACE`, `NOCOPY`, `INSTANT`; default `DEFAULT`/);
  // the guide's own settings keep their topic as well
  assert.match(hover('binlog_format'), /option: a text; default `MIXED`\.\n\n---\n\n\*\*Galera\.\*\*/);
  const keys = cnfComplete(r.cnf!, '[mysqld]\nmax_c', 14)!;
  const item = keys.items.find((i) => i.label === 'max_connect_errors')!;
  assert.deepEqual([item.insertText, item.detail, item.sortText], ['max_connect_errors=', 'default 100', '1max_connect_errors']);
  assert.equal(keys.items.find((i) => i.label === 'wsrep_on')?.sortText, '0wsrep_on', "the guide's settings come first");
  assert.ok(!keys.items.some((i) => i.label === 'max_connections'), 'max_connections is already set');
  const flag = '[mysqld]\nlog_slave_updates=';
  assert.deepEqual(
    cnfComplete(lintCnf(flag).cnf!, flag, flag.length)!.items.map((i) => `${i.label}${i.detail ? ` (${i.detail})` : ''}`),
    ['ON', 'OFF (default)'],
  );
  const list = '[mysqld]\nalter_algorithm=';
  assert.deepEqual(
    cnfComplete(lintCnf(list).cnf!, list, list.length)!.items.map((i) => i.label),
    ['DEFAULT', 'COPY', 'INPLACE', 'NOCOPY', 'INSTANT'],
  );
});

test('keepalived: completion offers the keywords of the block the cursor is in, and state values', () => {
  const text = 'vrrp_instance VI_1 {\n    state MASTER\n    pri\n';
  const r = lintKeepalived(text);
  const res = kaComplete(r.keepalived!, text, text.indexOf('pri') + 3)!;
  assert.equal(text.slice(res.replaceStart, res.replaceEnd), 'pri');
  const labels = res.items.map((i) => i.label);
  assert.ok(
    labels.includes('priority') && labels.includes('virtual_router_id') && !labels.includes('state') && !labels.includes('global_defs'),
    labels.join(' '),
  );
  const t2 = 'vrrp_instance VI_1 {\n    state \n}\n';
  assert.deepEqual(
    kaComplete(lintKeepalived(t2).keepalived!, t2, t2.indexOf('state ') + 6)!.items.map((i) => i.label),
    ['BACKUP', 'MASTER'],
  );
  const t3 = 'global_defs {\n    router_id c1\n}\nvr\n';
  assert.deepEqual(
    kaComplete(lintKeepalived(t3).keepalived!, t3, t3.length - 1)!.items.map((i) => i.label),
    ['global_defs', 'vrrp_script', 'vrrp_instance', 'vrrp_sync_group'],
  );
});

test('corosync: completion offers the keys of the enclosing block, blocks with their brace, and values after the colon', () => {
  const text = 'totem {\n    version: 2\n    tr\n';
  const keys = coroComplete(text, text.indexOf('tr\n') + 2)!;
  assert.equal(text.slice(keys.replaceStart, keys.replaceEnd), 'tr');
  assert.equal(keys.items.find((i) => i.label === 'transport')?.insertText, 'transport: ');
  assert.equal(keys.items.find((i) => i.label === 'interface')?.insertText, 'interface {');
  assert.ok(!keys.items.some((i) => i.label === 'two_node'), 'two_node belongs in quorum');
  const q = 'quorum {\n    provider: \n';
  assert.deepEqual(
    coroComplete(q, q.indexOf(': ') + 2)!.items.map((i) => i.label),
    ['corosync_votequorum'],
  );
  assert.deepEqual(
    coroComplete('', 0)!.items.map((i) => i.label),
    ['totem', 'nodelist', 'quorum', 'logging', 'system'],
  );
});

test("Pacemaker: completion of properties (with the guide's value) and their values, and of resource agents, in crm and pcs", () => {
  const labels = (t: string) => pmComplete(t, t.length)?.items.map((i) => i.label);
  const crm = 'property no-quorum-policy="';
  assert.deepEqual(labels(crm), ['stop', 'freeze', 'demote', 'suicide', 'ignore']);
  const names = pmComplete('pcs property set st', 19)!;
  assert.equal(names.items.find((i) => i.label === 'stonith-enabled')?.insertText, 'stonith-enabled=true');
  assert.equal('pcs property set st'.slice(names.replaceStart, names.replaceEnd), 'st');
  assert.ok(labels('pcs resource create vip ocf:heart')!.includes('ocf:heartbeat:IPaddr2'));
  assert.ok(labels('primitive vip ')!.includes('ocf:heartbeat:IPaddr2'));
  assert.equal(pmComplete('colocation c inf: a b', 21), undefined);
  // every other property of Pacemaker's metadata after the guide's, with the values of its list
  const all = pmComplete('pcs property set ', 17)!;
  assert.equal(all.items.find((i) => i.label === 'placement-strategy')?.sortText, '1placement-strategy');
  assert.equal(all.items.find((i) => i.label === 'stonith-enabled')?.sortText, '0stonith-enabled');
  assert.deepEqual(labels('pcs property set placement-strategy='), ['default', 'utilization', 'minimal', 'balanced']);
  assert.deepEqual(labels('property maintenance-mode='), ['true', 'false']);
});

test('Pacemaker: hover on a property gives its type, values and default from the metadata', () => {
  const t = 'pcs property set placement-strategy=balanced no-quorum-policy=stop\n';
  const r = lintPacemaker(t, 'pcs');
  const h = pmHover(r.pacemaker!, r.findings, t.indexOf('placement') + 2, doc)!;
  assert.equal(
    h.markdown,
    '**placement-strategy** = `balanced`\n\n---\n\nPacemaker 2.1.5-1+deb12u1 cluster property: one of `default`, `utilization`, `minimal`, `balanced`; default `default`.',
  );
  assert.equal(t.slice(h.span.start, h.span.end), 'placement-strategy');
  assert.match(
    pmHover(r.pacemaker!, r.findings, t.indexOf('=stop') + 2, doc)!.markdown,
    /^\*\*no-quorum-policy\*\* = `stop`\n\n---\n\nPacemaker .* cluster property: one of `stop`, `freeze`, `ignore`, `demote`, `suicide`; default `stop`\.\n\n---\n\n\*\*no-quorum-policy/,
  );
});

test("Pacemaker: completion inside a CIB: property names and values, a primitive's class, provider and type, an op's name", () => {
  const at = (t: string) => pmComplete(t, t.length, 'cib');
  const labels = (t: string) => at(t)?.items.map((i) => i.label);
  const props = '<cib>\n  <configuration>\n    <crm_config>\n      <cluster_property_set id="o">\n        <nvpair id="a" name="';
  assert.ok(labels(`${props}sto`)!.includes('stonith-enabled'));
  assert.equal(`${props}sto`.slice(at(`${props}sto`)!.replaceStart), 'sto');
  assert.deepEqual(labels(`${props}no-quorum-policy" value="`), ['stop', 'freeze', 'demote', 'suicide', 'ignore']);
  // a resource's own nvpairs are its agent's parameters, not cluster properties
  assert.equal(
    at(
      '<cib>\n  <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">\n    <instance_attributes id="i">\n      <nvpair id="n" name="',
    ),
    undefined,
  );
  assert.deepEqual(labels('<primitive id="vip" class="'), ['ocf', 'systemd', 'stonith', 'lsb', 'service']);
  assert.deepEqual(labels('<primitive id="vip" class="ocf" provider="'), ['heartbeat', 'pacemaker']);
  assert.deepEqual(labels('<primitive id="vip" class="ocf" provider="heartbeat" type="'), [
    'IPaddr2',
    'galera',
    'rabbitmq-cluster',
    'Filesystem',
  ]);
  assert.deepEqual(labels('<primitive id="h" class="systemd" type="'), ['haproxy', 'openstack-cinder-volume']);
  assert.equal(labels('<op id="vip-mon" name="')![0], 'monitor');
  // outside a tag, or after it is closed, nothing
  assert.equal(at('<primitive id="vip" class="ocf"> '), undefined);
});

test('completion offers the keywords of the section; hover says where a keyword is allowed', () => {
  const text = 'global\n    daemon\nbackend b\n    bal\n    option httpchk\n';
  const r = lintHaproxy(text);
  const c = haComplete(r.haproxy!, text, text.indexOf('    bal\n') + 7)!;
  assert.ok(c.items.some((i) => i.label === 'balance') && !c.items.some((i) => i.label === 'bind'), 'bind is not a backend keyword');
  const g = haComplete(r.haproxy!, 'global\n    dae', 'global\n    dae'.length)!;
  assert.ok(g.items.some((i) => i.label === 'daemon'));
  const h = haHover(r.haproxy!, r.findings, text.indexOf('option httpchk') + 9, (id) => id)!;
  assert.match(h.markdown, /^\*\*option httpchk\*\*: allowed in defaults, listen, backend\. \[HAProxy 2\.6\.12 manual\]/);
});

test('completion on a server line offers its options (with a space after one that takes a value), not after an option that wants its value', () => {
  const text = 'backend b\n    server c1 10.0.0.12:80 check in';
  const r = lintHaproxy(text);
  const c = haComplete(r.haproxy!, text, text.length)!;
  assert.equal(text.slice(c.replaceStart, c.replaceEnd), 'in');
  assert.equal(c.items.find((i) => i.label === 'inter')?.insertText, 'inter ');
  assert.equal(c.items.find((i) => i.label === 'backup')?.insertText, 'backup');
  const afterInter = 'backend b\n    server c1 10.0.0.12:80 check inter ';
  assert.equal(haComplete(lintHaproxy(afterInter).haproxy!, afterInter, afterInter.length), undefined);
  const ds = 'defaults\n    default-server ';
  assert.ok(haComplete(lintHaproxy(ds).haproxy!, ds, ds.length)!.items.some((i) => i.label === 'rise'));
});
