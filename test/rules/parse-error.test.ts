/** parse-error (a core rule, reported by the parsers) in the stack's files: what each daemon refuses before it reads on. The manifest's YAML: test/engine/bad-input.test.ts. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkHa, dedent } from '../support/fixture';
import { lintConf, lintCorosync, lintKeepalived, lintCnf, lintPacemaker } from '../../server/src/engine/lint';
import {
  HAPROXY_DEFAULTS as DEFAULTS,
  KEEPALIVED_SOUND as SOUND,
  pacemakerRulesOf as rulesOf,
  CIB,
  VIP_AND_HAPROXY,
  FENCE,
} from '../support/stack-files';

const at = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

test('what HAProxy refuses before it reads on: one proxy name twice, an address on the listen line, a bind without a port, a placeholder, a bind option misspelt', () => {
  checkHa(
    DEFAULTS +
      `
  listen keystone
      bind 10.0.0.11:5000
      server c1 10.0.0.12:5000 check
  listen keystone
  #      ^^^^^^^^ error parse-error: listen 'keystone' has the same name as the listen on line 7: HAProxy refuses two proxies of one name
      bind 10.0.0.11:5001
      server c1 10.0.0.12:5001 check
  frontend api
      bind 10.0.0.11:80
      default_backend api
  backend api
      server c1 10.0.0.12:80 check
  listen dashboard 10.0.0.11:80
  #                ^^^^^^^^^^^^ error parse-error: 'listen dashboard 10.0.0.11:80' gives the address on the section line, which HAProxy no longer reads: it refuses the file; move it to a 'bind 10.0.0.11:80' line
      server c1 10.0.0.12:80 check
  listen glance
      bind 10.0.0.11
  #        ^^^^^^^^^ error parse-error: bind address '10.0.0.11' has no port: HAProxy refuses the file (missing port specification)
      bind <Virtual IP>:9292
  #        ^^^^^^^^^^^^^^^^^ error placeholder-value: the bind address '<Virtual IP>:9292' is a placeholder left from a sample (text in angle brackets), not a real value: HAProxy cannot bind it and refuses to start
      bind 10.0.0.11:9293 trasparent
  #                       ^^^^^^^^^^ error haproxy-unknown-keyword: 'trasparent' is not a bind option of HAProxy 2.6.12; did you mean 'transparent'?: HAProxy refuses to start
      bind 10.0.0.11:443 ssl crt /etc/haproxy/site.pem alpn h2,http/1.1 transparent
      bind /var/run/haproxy.sock
      server c1 CONTROLLER1_IP:9292 check
  #             ^^^^^^^^^^^^^^^^^^^ error placeholder-value: the server address 'CONTROLLER1_IP:9292' is a placeholder left from a sample (a name in capitals that stands for a value), not a real value: HAProxy cannot resolve it and refuses to start
      server c2 controller2:9292 check
  `,
    { rules: ['parse-error', 'placeholder-value', 'haproxy-unknown-keyword'] },
  );
});

test('an unclosed block and a stray line are parse errors', () => {
  assert.deepEqual(
    lintCorosync('totem {\n  version 2\n')
      .findings.filter((f) => f.rule === 'parse-error')
      .map((f) => f.message),
    ["block 'totem' is not closed (missing })", "'version 2' is neither 'key: value', 'name {' nor '}'"],
  );
});

test('parse errors: an unclosed block, an unmatched quote', () => {
  assert.deepEqual(
    lintKeepalived('vrrp_instance x {\n  state MASTER\n')
      .findings.filter((f) => f.rule === 'parse-error')
      .map((f) => f.message),
    ["block 'vrrp_instance x' is not closed (missing })"],
  );
  assert.deepEqual(
    lintKeepalived('vrrp_script c {\n  script "pidof haproxy\n}\n')
      .findings.filter((f) => f.rule === 'parse-error')
      .map((f) => f.message),
    ['unmatched double quote'],
  );
});

test("a block's { may stand on the next line; a block keyword with no { at all is the parse error keepalived -t gives", () => {
  const nextLine = SOUND.replace('vrrp_instance internal {', 'vrrp_instance internal\n{');
  assert.deepEqual(lintKeepalived(nextLine).findings, []);
  // the Red Hat guide's vrrp_sync_group without its brace
  const text = 'vrrp_sync_group VG1\n   group {\n      internal\n   }\n}\n' + SOUND;
  assert.deepEqual(
    lintKeepalived(text)
      .findings.filter((f) => f.rule === 'parse-error')
      .map((f) => `${f.message} [${at(text, f)}]`),
    [
      "'vrrp_sync_group VG1' opens a block but no { follows it: keepalived reads the block's contents as unknown keywords (Missing '{' at beginning of configuration block) [vrrp_sync_group VG1]",
      'a } closes no block [}]',
    ],
  );
});

test('parse problems: a broken group header, text before any group', () => {
  assert.deepEqual(
    lintCnf('binlog_format=ROW\n[mysqld\n').findings.map((f) => f.message),
    ["'binlog_format=ROW' comes before any [group]", "'[mysqld' is not a [group] header"],
  );
});

test('a pacemaker_remote node shares its id with the resource that runs it: not a duplicate id', () => {
  const cib = `<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config/>
    <nodes>
      <node id="1" uname="controller1"/>
      <node id="compute-1" uname="compute-1" type="remote"/>
    </nodes>
    <resources>
      <primitive id="compute-1" class="ocf" provider="pacemaker" type="remote">
        <operations><op id="compute-1-monitor" name="monitor" interval="60s"/></operations>
      </primitive>
      <primitive id="p2" class="ocf" provider="pacemaker" type="remote"/>
      <primitive id="p2" class="ocf" provider="pacemaker" type="remote"/>
    </resources>
    <constraints/>
  </configuration>
  <status/>
</cib>
`;
  assert.deepEqual(
    lintPacemaker(cib, 'cib')
      .findings.filter((f) => f.rule === 'parse-error')
      .map((f) => f.message),
    ["id 'p2' is already used by a <primitive>: ids must be unique in the CIB"],
  );
});

test("crm: a continuation line whose `\\` is missing above it (as in the guide's MySQL example) is a parse error, and the lines after it still belong to the primitive", () => {
  const text = dedent(`
    primitive p_keystone ocf:openstack:keystone \\
      params config="/etc/keystone/keystone.conf"
        os_username="admin" \\
      op monitor interval="30s" timeout="30s"
  `);
  const r = lintPacemaker(text, 'crm');
  const at = (o: number) => {
    const p = r.lines.position(o);
    return `${p.line}:${p.character}`;
  };
  // the monitor on the line after the break is p_keystone's: no pacemaker-resource-monitor-op on top of the parse error
  assert.deepEqual(
    r.findings.map((f) => `${at(f.span.start)}-${at(f.span.end)} ${f.rule}: ${f.message}`),
    [
      "2:4-2:23 parse-error: 'os_username=…' starts a line that continues nothing: the line above does not end with \\, so crm reads this as a new command and rejects it",
    ],
  );
  assert.deepEqual(
    r.pacemaker!.resources[0].ops.map((o) => `${o.name} ${o.interval}`),
    ['monitor 30s'],
  );
  assert.equal(r.pacemaker!.resources[0].params.get('os_username')?.value, 'admin');
});

test("crm: what crmsh rejects: a comment after the `\\` (the old guide's callouts), a misspelt command, an op without its name, an open quote", () => {
  const text = dedent(`
    property no-quorum-policy="stop" \\ # <1>
      pe-warn-series-max="1000"
    primitve p_api systemd:openstack-nova-api
    primitive p_vip ocf:heartbeat:IPaddr2 params ip="10.0.0.11" cidr_netmask="24 op interval=30s
    primitive p_db ocf:heartbeat:mysql params additional_parameters="--bind-address=10.0.0.12 --log-error" op monitor interval=20s
  `);
  const r = lintPacemaker(text, 'crm');
  const at = (o: number) => {
    const p = r.lines.position(o);
    return `${p.line}:${p.character}`;
  };
  assert.deepEqual(
    r.findings.filter((f) => f.rule === 'parse-error').map((f) => `${at(f.span.start)}-${at(f.span.end)} ${f.message}`),
    [
      "1:2-1:27 'pe-warn-series-max=…' starts a line that continues nothing: the \\ that ends the line above is followed by a comment, which ends the command there (the \\ must be the last thing on its line), so crm reads this as a new command and rejects it",
      "2:0-2:8 crm has no command 'primitve' (did you mean primitive?): it rejects the line",
      '3:60-3:76 a quote is opened here and never closed: crm rejects the whole file (No closing quotation)',
      "3:77-3:92 op needs the operation's name first (op monitor interval=30s): crm expects an identifier here",
    ],
  );
  // the property the broken line holds is still read, as the author meant it; a quoted value with blanks is one value
  assert.equal(r.pacemaker!.properties.get('pe-warn-series-max')?.value, '1000');
  assert.equal(
    r.pacemaker!.resources.find((x) => x.id === 'p_db')!.params.get('additional_parameters')?.value,
    '--bind-address=10.0.0.12 --log-error',
  );
});

test('CIB: a broken document is a parse error, not a crash', () => {
  const r = lintPacemaker('<cib>\n  <configuration>\n    <resources>\n  </configuration>\n</cib>\n', 'cib');
  assert.deepEqual(
    r.findings.map((f) => `${f.rule}: ${f.message}`),
    [
      'parse-error: <resources> is not closed',
      'parse-error: </configuration> where </resources> was expected',
      'parse-error: </cib> where </resources> was expected',
    ],
  );
});

test('CIB: what crm_verify rejects before scheduling: ids used twice, references to no id, missing attributes', () => {
  const bad = CIB(
    '',
    VIP_AND_HAPROXY.replace('id="vip-mask"', 'id="vip-ip"').replace('<op id="vip-mon" name="monitor"', '<op id="vip-mon"') + FENCE,
    '<rsc_colocation id="col" rsc="lb-haproxy-clone" with-rsc="vipx" score="INFINITY"/>',
  );
  assert.deepEqual(
    rulesOf('cib', bad).filter((x) => x.startsWith('parse-error')),
    [
      "parse-error: id 'vip-ip' is already used by a <nvpair>: ids must be unique in the CIB",
      "parse-error: <op> has no name attribute: Pacemaker's schema requires it",
      'parse-error: with-rsc="vipx" names nothing in this CIB: no element has that id',
    ],
  );
});

test("what crm_verify refuses in a CIB: a tag that is not XML, a configuration without its required sections, a constraint on a clone's member", () => {
  const cib = (body: string, schema = 'pacemaker-3.9') =>
    `<cib validate-with="${schema}" epoch="1" num_updates="0" admin_epoch="0">\n  <configuration>\n${body}  </configuration>\n  <status/>\n</cib>\n`;
  const problems = (text: string) =>
    lintPacemaker(text, 'cib')
      .findings.filter((f) => f.rule === 'parse-error')
      .map((f) => f.message);
  assert.deepEqual(
    problems(
      cib(
        '    <crm_config>\n      <cluster_property_set id="o">\n        <nvpair id="o-1"name="stonith-enabled" value="true"/>\n      </cluster_property_set>\n    </crm_config>\n    <nodes/>\n    <resources/>\n    <constraints/>\n',
      ),
    ),
    [
      '\'<nvpair id="o-1"name="stonith-enabled" value="true"/>\' is not a well-formed tag (attributes need a blank between them, values quotes): XML readers, crm_verify among them, refuse the file',
    ],
  );
  assert.deepEqual(problems(cib('    <crm_config/>\n    <resources/>\n')), [
    "<configuration> has no <nodes>, <constraints>: Pacemaker's schema requires crm_config, nodes, resources and constraints (empty ones will do), and crm_verify refuses the CIB",
  ]);
  const clone =
    '    <crm_config/>\n    <nodes/>\n    <resources>\n      <clone id="haproxy-clone">\n        <primitive id="haproxy" class="systemd" type="haproxy"/>\n      </clone>\n      <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2"/>\n    </resources>\n    <constraints>\n';
  assert.deepEqual(
    problems(cib(`${clone}      <rsc_colocation id="c1" rsc="vip" with-rsc="haproxy" score="INFINITY"/>\n    </constraints>\n`)),
    [
      'with-rsc="haproxy" names a resource inside clone \'haproxy-clone\': constraints must name the clone, and Pacemaker ignores this one (crm_verify: not a valid resource)',
    ],
  );
  assert.deepEqual(
    problems(cib(`${clone}      <rsc_colocation id="c1" rsc="vip" with-rsc="haproxy-clone" score="INFINITY"/>\n    </constraints>\n`)),
    [],
  );
});

test('a parse error never quotes a credential: what follows the credential word of the line is ***', () => {
  const of = (r: { findings: { rule: string; message: string; span: { start: number; end: number } }[] }) =>
    r.findings.filter((f) => f.rule === 'parse-error').map((f) => [f.span.start, f.span.end, f.message]);
  const cnf = 'password=Secr3t\nwsrep_sst_auth = sst:Secr3t\n[mysqld]\nwsrep_sst_auth sst:Secr3t\n[client password=Secr3t\n';
  assert.deepEqual(of(lintCnf(cnf)), [
    [0, 15, "'password=***' comes before any [group]"],
    [16, 43, "'wsrep_sst_auth = ***' comes before any [group]"],
    [53, 78, "'wsrep_sst_auth ***' is neither an option nor a [group]"],
    [79, 102, "'[client password=***' is not a [group] header"],
  ]);
  const ka = 'vrrp_instance VI_1 {\n  authentication auth_pass Secr3t\n  state MASTER\n}\n';
  assert.deepEqual(of(lintKeepalived(ka)), [
    [
      23,
      54,
      "'authentication auth_pass ***' opens a block but no { follows it: keepalived reads the block's contents as unknown keywords (Missing '{' at beginning of configuration block)",
    ],
  ]);
  const conf = '[DEFAULT]\npassword Secr3t\n[glance password=Secr3t\n';
  assert.deepEqual(of(lintConf('nova.conf', conf)), [
    [10, 25, "'password ***' is neither a section, an option (key = value) nor a comment"],
    [26, 49, "section header '[glance password=***' has no closing ]"],
  ]);
  const coro = 'totem {\n  version: 2\n  crypto_key Secr3t\n}\n';
  assert.deepEqual(of(lintCorosync(coro)), [[23, 40, "'crypto_key ***' is neither 'key: value', 'name {' nor '}'"]]);
});
