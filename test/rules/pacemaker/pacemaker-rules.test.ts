/** The Pacemaker rules on the three ways a configuration is written: pcs scripts, crm shell files, CIB XML. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkPm, dedent, fixedPm } from '../../support/fixture';
import { applyEdits } from '../../../server/src/engine/fixes';
import { LintConfig } from '../../../server/src/engine/config';
import { detectKind, lintClustercheck, lintPacemaker } from '../../../server/src/engine/lint';
import { pacemakerSyntax } from '../../../server/src/engine/documents/pacemaker/recognise';

/** The guide's controller cluster, as pcs commands: fenced, VIP tied to HAProxy, every resource monitored. */
const SOUND_PCS = `
  pcs cluster setup openstack controller1 controller2 controller3
  pcs property set cluster-recheck-interval=5min
  pcs stonith create fence-c1 fence_ipmilan ip=10.1.0.11 username=admin password_script=/etc/ipmi-pass pcmk_host_list=controller1
  pcs stonith create fence-c2 fence_ipmilan ip=10.1.0.12 username=admin password_script=/etc/ipmi-pass pcmk_host_list=controller2
  pcs stonith create fence-c3 fence_ipmilan ip=10.1.0.13 username=admin password_script=/etc/ipmi-pass pcmk_host_list=controller3
  pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11 cidr_netmask=24 op monitor interval=30s
  pcs resource create lb-haproxy systemd:haproxy op monitor interval=1s --clone
  pcs constraint order start vip then lb-haproxy-clone kind=Optional
  pcs constraint colocation add lb-haproxy-clone with vip
  pcs resource create openstack-keystone systemd:openstack-keystone op monitor interval=30s timeout=30s clone interleave=true
  pcs resource create openstack-cinder-volume systemd:openstack-cinder-volume op monitor interval=30s timeout=30s
`;

/** The tests of the other rules leave pacemaker-recheck-interval (an info on most fixtures) to its own test. */
const OTHERS: LintConfig = { rules: { 'pacemaker-recheck-interval': 'off' } };
const rulesOf = (syntax: 'pcs' | 'crm' | 'cib', text: string, environment?: 'test') =>
  lintPacemaker(dedent(text), syntax, { ...OTHERS, environment }).findings.map((f) => `${f.rule}: ${f.message}`);

test('the guide\'s pcs setup has no finding', () => assert.deepEqual(rulesOf('pcs', SOUND_PCS), []));

test('pcs: fencing off, quorum ignored on three nodes, a VIP without netmask away from HAProxy, cloned cinder-volume, the guide\'s password', () => checkPm('pcs', `
  pcs cluster setup openstack controller1 controller2 controller3
  pcs property set stonith-enabled=false no-quorum-policy=ignore
  #                                ^^^^^ error stonith-disabled-in-production: stonith-enabled=false in a production deployment: a node that stops answering may still write while its resources start elsewhere (the guide allows this for demos and tests only)
  #                                                       ^^^^^^ error quorum-ignored-multi-node: no-quorum-policy=ignore in a cluster of 3 nodes: the side of a split without quorum keeps running the same resources as the side with it
  pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11
  #                   ^^^ error pacemaker-vip-haproxy-colocation: VIP resource 'vip' has no colocation constraint with HAProxy ('lb-haproxy-clone'): Pacemaker may place it on a node where HAProxy is not running; add a colocation of lb-haproxy-clone with vip (and order vip before lb-haproxy-clone)
  #                   ^^^ warning pacemaker-vip-monitor: VIP resource 'vip' (10.0.0.11) has no cidr_netmask; the guide uses cidr_netmask and op monitor interval=30s
  pcs resource create lb-haproxy systemd:haproxy --clone
  pcs resource create cinder-volume systemd:openstack-cinder-volume op monitor interval=30s clone
  #                   ^^^^^^^^^^^^^ warning cinder-volume-single-active: resource 'cinder-volume' (systemd:openstack-cinder-volume) is cloned as 'cinder-volume-clone', so cinder-volume runs on every node at once; run a single primitive (active-passive) so that only one owns the storage backend
  echo my-secret-password-no-dont-use-this-one | passwd --stdin hacluster
  #    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error pacemaker-placeholder-secrets: this password is one of the HA guide's published examples: replace it with a secret of your own
`, { config: OTHERS }));

test('pcs: several operations after one op, and the monitor pcs adds to every resource it creates', () => {
  const m = lintPacemaker('pcs resource create api systemd:openstack-nova-api op start timeout=20s stop timeout=20s monitor interval=10s\npcs resource create lb systemd:haproxy --no-default-ops\n', 'pcs').pacemaker!;
  assert.deepEqual(m.resources[0].ops.map((o) => `${o.name} ${o.interval ?? ''}`.trim()), ['start', 'stop', 'monitor 10s']);
  assert.deepEqual(m.resources[1].ops.map((o) => `${o.name}${o.implicit ? ' (added by pcs)' : ''}`), ['monitor (added by pcs)']);
  // crm gives each operation its own op: a second name after one op is not read as an operation
  const crm = lintPacemaker('primitive api systemd:openstack-nova-api op start timeout=20s op monitor interval=10s\n', 'crm').pacemaker!;
  assert.deepEqual(crm.resources[0].ops.map((o) => o.name), ['start', 'monitor']);
  assert.deepEqual(lintPacemaker('primitive api systemd:openstack-nova-api op start timeout=20s\n', 'crm').findings.map((f) => f.rule), ['pacemaker-resource-monitor-op']);
});

test('groups: a VIP and HAProxy in one group are colocated; a service in the VIP\'s group that binds another address is an error', () => {
  checkPm('crm', `
  primitive p_vip ocf:heartbeat:IPaddr2 params ip=10.0.0.11 cidr_netmask=24 op monitor interval=30s
  primitive p_haproxy systemd:haproxy op monitor interval=1s
  group g_lb p_vip p_haproxy
  primitive p_ip_mysql ocf:heartbeat:IPaddr2 params ip=192.168.42.101 cidr_netmask=24 op monitor interval=30s
  primitive p_mysql ocf:heartbeat:mysql params additional_parameters="--bind-address=50.56.179.138" op monitor interval=20s timeout=10s
  #                                                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error pacemaker-vip-service-address: p_mysql binds 50.56.179.138 (additional_parameters) but runs with VIP p_ip_mysql (192.168.42.101): clients of the VIP reach nothing, and after a failover 50.56.179.138 is not on the new node
  group g_mysql p_ip_mysql p_mysql
  `, { rules: ['pacemaker-vip-haproxy-colocation', 'pacemaker-vip-service-address'] });
  // bound to the VIP, to every address, or not running with it: quiet
  checkPm('pcs', `
  pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11 cidr_netmask=24 --group g
  pcs resource create db ocf:heartbeat:mysql additional_parameters="--bind-address=10.0.0.11" --group g
  pcs resource create other ocf:heartbeat:mysql additional_parameters="--bind-address=10.0.0.99"
  pcs resource create any ocf:heartbeat:mysql additional_parameters="--bind-address=0.0.0.0"
  pcs constraint colocation add any with vip INFINITY
  `, { rules: ['pacemaker-vip-service-address'] });
});

test('two VIPs with one address, and a VIP left as a placeholder', () => checkPm('pcs', `
  pcs resource create vip-public ocf:heartbeat:IPaddr2 ip=10.0.0.11 cidr_netmask=24
  pcs resource create vip-internal ocf:heartbeat:IPaddr2 ip=10.0.0.11 cidr_netmask=24
  #                                                         ^^^^^^^^^ error address-conflict: 10.0.0.11 of VIP resource 'vip-internal' is already the address of VIP resource 'vip-public': the two answer ARP for one address wherever Pacemaker places them
  pcs resource create vip-db ocf:heartbeat:IPaddr2 ip=<DB_VIP> cidr_netmask=24
  #                                                   ^^^^^^^^ error placeholder-value: vip-db's ip '<DB_VIP>' is a placeholder left from a sample (text in angle brackets), not a real value: IPaddr2 cannot use it and the VIP does not start
  pcs resource create vip-var ocf:heartbeat:IPaddr2 ip=$VIP cidr_netmask=24
  `, { rules: ['address-conflict', 'placeholder-value'] }));

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
  assert.deepEqual(lintPacemaker(cib, 'cib').findings.filter((f) => f.rule === 'parse-error').map((f) => f.message), ["id 'p2' is already used by a <primitive>: ids must be unique in the CIB"]);
});

test('the placeholder password never appears in a message', () => {
  const text = 'pcs cluster auth controller1 controller2 controller3 -u hacluster -p my-secret-password-no-dont-use-this-one\n';
  const r = lintPacemaker(text, 'pcs');
  assert.equal(r.findings.length, 1);
  assert.ok(!r.findings[0].message.includes('my-secret'));
  assert.equal(text.slice(r.findings[0].span.start, r.findings[0].span.end), 'my-secret-password-no-dont-use-this-one');
});

test('pcs: in a test environment fencing may be off; with two nodes, ignore is only a production concern', () => {
  assert.deepEqual(rulesOf('pcs', 'pcs property set stonith-enabled=false\n', 'test'), []);
  assert.deepEqual(rulesOf('pcs', 'pcs cluster setup lab n1 n2\npcs property set no-quorum-policy=ignore\n', 'test'), []);
  assert.deepEqual(rulesOf('pcs', 'pcs cluster setup lab n1 n2\npcs property set no-quorum-policy=ignore\n'), [
    'quorum-ignored-multi-node: no-quorum-policy=ignore in a 2-node production cluster: use corosync\'s two_node: 1 (with wait_for_all) instead, or add a third node',
  ]);
  // pcs before 0.10 named the cluster with --name
  assert.deepEqual(rulesOf('pcs', 'pcs cluster setup --name lab n1 n2 n3\npcs property set no-quorum-policy=ignore\n', 'test').map((x) => /a cluster of (\d+) nodes/.exec(x)?.[1]), ['3']);
});

test('crm: properties on one line, the old underscore spelling (refused by Pacemaker 2\'s schema, read as meant), a VIP tied to the HAProxy clone', () => checkPm('crm', `
  property stonith_enabled="false" no-quorum-policy="ignore"
  #        ^^^^^^^^^^^^^^^ error pacemaker-unknown-property: stonith_enabled is no longer a cluster property Pacemaker's schema takes: write it stonith-enabled; crm_verify, crmsh and pcs refuse the configuration
  #                         ^^^^^ error stonith-disabled-in-production: stonith_enabled=false in a production deployment: a node that stops answering may still write while its resources start elsewhere (the guide allows this for demos and tests only)
  #                                                  ^^^^^^ warning quorum-ignored-multi-node: no-quorum-policy=ignore in a production deployment: a partition without quorum keeps its resources; ignore was a two-node workaround, which corosync's two_node: 1 replaces
  primitive vip ocf:heartbeat:IPaddr2 params ip="10.0.0.11" cidr_netmask="24" op monitor interval="30s"
  primitive haproxy systemd:haproxy op monitor interval="1s"
  clone haproxy-clone haproxy
  colocation vip-with-haproxy inf: vip haproxy-clone
`, { config: OTHERS }));

test('crm: a continuation line whose `\\` is missing above it (as in the guide\'s MySQL example) is a parse error, and the lines after it still belong to the primitive', () => {
  const text = dedent(`
    primitive p_keystone ocf:openstack:keystone \\
      params config="/etc/keystone/keystone.conf"
        os_username="admin" \\
      op monitor interval="30s" timeout="30s"
  `);
  const r = lintPacemaker(text, 'crm');
  const at = (o: number) => { const p = r.lines.position(o); return `${p.line}:${p.character}`; };
  // the monitor on the line after the break is p_keystone's: no pacemaker-resource-monitor-op on top of the parse error
  assert.deepEqual(r.findings.map((f) => `${at(f.span.start)}-${at(f.span.end)} ${f.rule}: ${f.message}`), [
    '2:4-2:23 parse-error: \'os_username=…\' starts a line that continues nothing: the line above does not end with \\, so crm reads this as a new command and rejects it',
  ]);
  assert.deepEqual(r.pacemaker!.resources[0].ops.map((o) => `${o.name} ${o.interval}`), ['monitor 30s']);
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
  const at = (o: number) => { const p = r.lines.position(o); return `${p.line}:${p.character}`; };
  assert.deepEqual(r.findings.filter((f) => f.rule === 'parse-error').map((f) => `${at(f.span.start)}-${at(f.span.end)} ${f.message}`), [
    "1:2-1:27 'pe-warn-series-max=…' starts a line that continues nothing: the \\ that ends the line above is followed by a comment, which ends the command there (the \\ must be the last thing on its line), so crm reads this as a new command and rejects it",
    "2:0-2:8 crm has no command 'primitve' (did you mean primitive?): it rejects the line",
    '3:60-3:76 a quote is opened here and never closed: crm rejects the whole file (No closing quotation)',
    "3:77-3:92 op needs the operation's name first (op monitor interval=30s): crm expects an identifier here",
  ]);
  // the property the broken line holds is still read, as the author meant it; a quoted value with blanks is one value
  assert.equal(r.pacemaker!.properties.get('pe-warn-series-max')?.value, '1000');
  assert.equal(r.pacemaker!.resources.find((x) => x.id === 'p_db')!.params.get('additional_parameters')?.value, '--bind-address=10.0.0.12 --log-error');
});

test("clustercheck's settings and xinetd service: the guide's example password is reported, never repeated", () => {
  const text = 'MYSQL_USERNAME="clustercheck_user"\nMYSQL_PASSWORD="my_clustercheck_password"\nMYSQL_HOST="localhost"\n';
  assert.equal(detectKind('/etc/sysconfig/clustercheck', text), 'clustercheck');
  assert.equal(detectKind('/etc/xinetd.d/galera-monitor', 'service galera-monitor\n{\n  port = 9200\n  server = /usr/bin/clustercheck\n}\n'), 'clustercheck');
  assert.equal(detectKind('templates/clustercheck.j2', text), null);
  const r = lintClustercheck(text);
  assert.deepEqual(r.findings.map((f) => [f.rule, text.slice(f.span.start, f.span.end) === 'my_clustercheck_password', f.message]), [
    ['pacemaker-placeholder-secrets', true, "this password is one of the HA guide's published examples: replace it with a secret of your own"],
  ]);
  assert.deepEqual(lintClustercheck(text.replace('my_clustercheck_password', 'Zq8-unique')).findings, []);
});

test('pacemaker-recheck-interval: unset or longer than 5 minutes, in files that set properties; the fix in each syntax', () => {
  const msgs = (syntax: 'crm' | 'pcs' | 'cib', t: string) => lintPacemaker(t, syntax).findings.filter((f) => f.rule === 'pacemaker-recheck-interval').map((f) => `${f.message} [${t.slice(f.span.start, f.span.end)}]`);
  assert.deepEqual(msgs('crm', 'primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.11 cidr_netmask=24 op monitor interval=30s\n'), [], 'a snippet without properties says nothing of them');
  assert.deepEqual(msgs('crm', 'property stonith-enabled=true cluster-recheck-interval=5min\n'), []);
  assert.deepEqual(msgs('crm', 'property stonith-enabled=true cluster-recheck-interval=PT3M\n'), []);
  assert.deepEqual(msgs('crm', 'property stonith-enabled=true cluster-recheck-interval="900"\n'), ['cluster-recheck-interval=900 is 15 minutes; the guide sets 5min so timed actions are not held back [900]']);
  assert.deepEqual(msgs('pcs', 'pcs property set cluster-recheck-interval=0\n'), ['cluster-recheck-interval=0 turns the periodic rechecks off; the guide sets 5min [0]']);
  assert.deepEqual(msgs('pcs', 'pcs property set stonith-enabled=true\n'), ['cluster-recheck-interval is not set: Pacemaker rechecks every 15 minutes by default; the guide sets 5min [true]']);
  const fix = (syntax: 'crm' | 'pcs' | 'cib', t: string) => applyEdits(t, lintPacemaker(t, syntax).findings.find((f) => f.rule === 'pacemaker-recheck-interval')!.fixes[0].edits);
  assert.equal(fix('pcs', 'pcs -f cib.xml property set stonith-enabled=true\npcs -f cib.xml resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11\n'),
    'pcs -f cib.xml property set stonith-enabled=true\npcs -f cib.xml property set cluster-recheck-interval=5min\npcs -f cib.xml resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11\n');
  assert.equal(fix('crm', 'property stonith-enabled="true" \\\n  no-quorum-policy="stop"\n'), 'property stonith-enabled="true" \\\n  no-quorum-policy="stop" cluster-recheck-interval=5min\n');
  assert.equal(fix('crm', 'property cluster-recheck-interval=15min\n'), 'property cluster-recheck-interval=5min\n');
  const cib = dedent(CIB('<nvpair id="o-s" name="stonith-enabled" value="true"/>', ''));
  assert.match(fix('cib', cib), /<nvpair id="o-s" name="stonith-enabled" value="true"\/>\n<nvpair id="cib-bootstrap-options-cluster-recheck-interval" name="cluster-recheck-interval" value="5min"\/>/);
  assert.equal(lintPacemaker(fix('cib', cib), 'cib').findings.filter((f) => f.rule === 'pacemaker-recheck-interval' || f.rule === 'parse-error').length, 0);
});

test('pacemaker-unknown-property: names and values against Pacemaker\'s metadata; pcs refuses unknown names, Pacemaker ignores them', () => {
  const found = (syntax: 'crm' | 'pcs' | 'cib', t: string) => lintPacemaker(t, syntax).findings.filter((f) => f.rule === 'pacemaker-unknown-property').map((f) => `${f.severity}: ${f.message} [${t.slice(f.span.start, f.span.end)}]`);
  assert.deepEqual(found('pcs', 'pcs property set stonith-enabled=true no-quorum-policy=freeze cluster-recheck-interval=PT5M pe-warn-series-max=1000 placement-strategy=Balanced\n'), []);
  assert.deepEqual(found('pcs', 'pcs property set stonith-enabld=true\npcs property set my-own-flag=1\npcs property set other-flag=1 --force\n'), [
    'error: stonith-enabld is not a cluster property of Pacemaker 2.1.5-1+deb12u1 (did you mean stonith-enabled?): pcs refuses to set it [stonith-enabld]',
    'error: my-own-flag is not a cluster property of Pacemaker 2.1.5-1+deb12u1: pcs refuses to set it [my-own-flag]',
  ]);
  // in a CIB, an agent's own attribute is not reported; a near miss is
  assert.deepEqual(found('cib', dedent(CIB('<nvpair id="a" name="redis_REPL_INFO" value="c1"/>\n<nvpair id="b" name="no-quorum-polcy" value="stop"/>', ''))), [
    'warning: no-quorum-polcy is not a cluster property of Pacemaker 2.1.5-1+deb12u1 (did you mean no-quorum-policy?): Pacemaker ignores it and keeps the default [no-quorum-polcy]',
  ]);
  assert.deepEqual(found('crm', 'property no-quorum-policy=stopp stonith-enabled=maybe pe-input-series-max=lots cluster-recheck-interval=5minutes\n'), [
    'error: no-quorum-policy=stopp is not one of stop, freeze, ignore, demote, suicide: Pacemaker uses the default (stop) instead, and crm_verify reports the configuration as invalid [stopp]',
    'error: stonith-enabled=maybe is not true or false: Pacemaker uses the default (true) instead, and crm_verify reports the configuration as invalid [maybe]',
    'error: pe-input-series-max=lots is not a whole number: Pacemaker uses the default (4000) instead, and crm_verify reports the configuration as invalid [lots]',
    'warning: cluster-recheck-interval=5minutes is not an interval (30s, 5min, 1h): Pacemaker uses the default (15min) instead [5minutes]',
  ]);
  const t = 'property no-quorum-policy=stopp\n';
  assert.equal(applyEdits(t, lintPacemaker(t, 'crm').findings.find((f) => f.rule === 'pacemaker-unknown-property')!.fixes[0].edits), 'property no-quorum-policy=stop\n');
});

const CIB = (props: string, resources: string, constraints = '') => `
  <cib validate-with="pacemaker-3.9" epoch="12" num_updates="0" admin_epoch="0">
    <configuration>
      <crm_config>
        <cluster_property_set id="cib-bootstrap-options">
  ${props}
        </cluster_property_set>
      </crm_config>
      <nodes>
        <node id="1" uname="controller1"/>
        <node id="2" uname="controller2"/>
        <node id="3" uname="controller3"/>
      </nodes>
      <resources>
  ${resources}
      </resources>
      <constraints>${constraints}</constraints>
    </configuration>
  </cib>
`;
const VIP_AND_HAPROXY = `
        <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
          <instance_attributes id="vip-ia">
            <nvpair id="vip-ip" name="ip" value="10.0.0.11"/>
            <nvpair id="vip-mask" name="cidr_netmask" value="24"/>
          </instance_attributes>
          <operations><op id="vip-mon" name="monitor" interval="30s"/></operations>
        </primitive>
        <clone id="lb-haproxy-clone">
          <primitive id="lb-haproxy" class="systemd" type="haproxy">
            <operations><op id="lb-haproxy-mon" name="monitor" interval="1s"/></operations>
          </primitive>
        </clone>`;
const FENCE = '<primitive id="fence-c1" class="stonith" type="fence_ipmilan"/>';
const COLOCATED = '<rsc_colocation id="col" rsc="lb-haproxy-clone" with-rsc="vip" score="INFINITY"/>';

test('CIB: quorum ignored on its three nodes, STONITH on with no fence device', () => checkPm('cib', CIB(
  `        <nvpair id="opt-nqp" name="no-quorum-policy" value="ignore"/>
  #                                                           ^^^^^^ error quorum-ignored-multi-node: no-quorum-policy=ignore in a cluster of 3 nodes: the side of a split without quorum keeps running the same resources as the side with it`,
  VIP_AND_HAPROXY, COLOCATED).replace('      <resources>\n', '      <resources>\n  #    ^^^^^^^^^ error stonith-enabled-without-devices: STONITH is enabled (the default) but none of the 2 resources is a fence device: Pacemaker will not start any resource; add a stonith resource per node (e.g. fence_ipmilan)\n'), { config: OTHERS }));

test('CIB: a fenced cluster with the VIP colocated with HAProxy has no finding', () => {
  assert.deepEqual(rulesOf('cib', CIB('', VIP_AND_HAPROXY + FENCE, COLOCATED)), []);
});

test('CIB: Pacemaker 2.1.8+ calls the property fencing-enabled; off means no device is needed', () => {
  assert.deepEqual(rulesOf('cib', CIB('<nvpair id="f" name="fencing-enabled" value="false"/>', VIP_AND_HAPROXY, COLOCATED)), [
    'stonith-disabled-in-production: fencing-enabled=false in a production deployment: a node that stops answering may still write while its resources start elsewhere (the guide allows this for demos and tests only)',
  ]);
  assert.deepEqual(rulesOf('cib', CIB('<nvpair id="f" name="fencing-enabled" value="false"/>', VIP_AND_HAPROXY, COLOCATED), 'test'), []);
});

test('CIB: the colocation names the clone (one naming the primitive inside it Pacemaker ignores); without it the VIP is reported', () => {
  const reverse = '<rsc_colocation id="col" rsc="vip" with-rsc="lb-haproxy" score="INFINITY"/>';
  assert.deepEqual(rulesOf('cib', CIB('', VIP_AND_HAPROXY + FENCE, reverse)), ['parse-error: with-rsc="lb-haproxy" names a resource inside clone \'lb-haproxy-clone\': constraints must name the clone, and Pacemaker ignores this one (crm_verify: not a valid resource)']);
  assert.deepEqual(rulesOf('cib', CIB('', VIP_AND_HAPROXY + FENCE)).map((x) => x.split(':')[0]), ['pacemaker-vip-haproxy-colocation']);
});

test('CIB: a broken document is a parse error, not a crash', () => {
  const r = lintPacemaker('<cib>\n  <configuration>\n    <resources>\n  </configuration>\n</cib>\n', 'cib');
  assert.deepEqual(r.findings.map((f) => `${f.rule}: ${f.message}`), [
    'parse-error: <resources> is not closed', 'parse-error: </configuration> where </resources> was expected', 'parse-error: </cib> where </resources> was expected',
  ]);
});

test('quick fix: no-quorum-policy=ignore becomes stop, in place', () => {
  assert.equal(fixedPm('pcs', 'pcs cluster setup c a b c\npcs property set no-quorum-policy=ignore\n', 'quorum-ignored-multi-node'),
    'pcs cluster setup c a b c\npcs property set no-quorum-policy=stop\n');
  assert.equal(fixedPm('crm', 'property no-quorum-policy="ignore"\n', 'quorum-ignored-multi-node'), 'property no-quorum-policy="stop"\n');
});

test('which files are Pacemaker configurations', () => {
  assert.equal(detectKind('/etc/cluster/setup.sh', 'set -e\npcs resource create vip IPaddr2 ip=10.0.0.11\n'), 'pacemaker');
  assert.equal(detectKind('/tmp/build.sh', 'set -e\nmake all\n'), null);
  assert.equal(detectKind('/x/pacemaker-properties.crm', 'property no-quorum-policy="stop"\n'), 'pacemaker');
  assert.equal(detectKind('/x/cib.xml', '<cib validate-with="pacemaker-3.9">\n</cib>\n'), 'pacemaker');
  assert.equal(detectKind('/x/pom.xml', '<project>\n</project>\n'), null);
  assert.equal(detectKind('/x/setup.sh.j2', 'pcs resource create vip IPaddr2\n'), null);
});

test('suppression comments work in all three syntaxes, XML comments included', () => {
  assert.deepEqual(rulesOf('pcs', '# openstack-ha-disable-next-line stonith-disabled-in-production\npcs property set stonith-enabled=false\n'), []);
  assert.deepEqual(rulesOf('cib', CIB('<!-- openstack-ha-disable-next-line stonith-disabled-in-production -->\n<nvpair id="f" name="stonith-enabled" value="false"/>', VIP_AND_HAPROXY, COLOCATED)), []);
});

test('CIB: what crm_verify rejects before scheduling: ids used twice, references to no id, missing attributes', () => {
  const bad = CIB('', VIP_AND_HAPROXY.replace('id="vip-mask"', 'id="vip-ip"').replace('<op id="vip-mon" name="monitor"', '<op id="vip-mon"') + FENCE,
    '<rsc_colocation id="col" rsc="lb-haproxy-clone" with-rsc="vipx" score="INFINITY"/>');
  assert.deepEqual(rulesOf('cib', bad).filter((x) => x.startsWith('parse-error')), [
    'parse-error: id \'vip-ip\' is already used by a <nvpair>: ids must be unique in the CIB',
    'parse-error: <op> has no name attribute: Pacemaker\'s schema requires it',
    'parse-error: with-rsc="vipx" names nothing in this CIB: no element has that id',
  ]);
});

test('pcs: commands are read as the shell splits them, two on one line and inside a loop', () => {
  const m = lintPacemaker('pcs property set stonith-enabled=true; pcs property set no-quorum-policy=stop\nfor n in 1 2 3; do pcs stonith create fence-$n fence_ipmilan ip=10.1.0.1$n; done\n', 'pcs').pacemaker!;
  assert.deepEqual([...m.properties.keys()], ['stonith-enabled', 'no-quorum-policy']);
  assert.deepEqual(m.resources.map((r) => `${r.id} ${r.agent}`), ['fence-$n stonith:fence_ipmilan']);
});

test('what crm_verify refuses in a CIB: a tag that is not XML, a configuration without its required sections, a constraint on a clone\'s member', () => {
  const cib = (body: string, schema = 'pacemaker-3.9') => `<cib validate-with="${schema}" epoch="1" num_updates="0" admin_epoch="0">\n  <configuration>\n${body}  </configuration>\n  <status/>\n</cib>\n`;
  const problems = (text: string) => lintPacemaker(text, 'cib').findings.filter((f) => f.rule === 'parse-error').map((f) => f.message);
  assert.deepEqual(problems(cib('    <crm_config>\n      <cluster_property_set id="o">\n        <nvpair id="o-1"name="stonith-enabled" value="true"/>\n      </cluster_property_set>\n    </crm_config>\n    <nodes/>\n    <resources/>\n    <constraints/>\n')),
    ['\'<nvpair id="o-1"name="stonith-enabled" value="true"/>\' is not a well-formed tag (attributes need a blank between them, values quotes): XML readers, crm_verify among them, refuse the file']);
  assert.deepEqual(problems(cib('    <crm_config/>\n    <resources/>\n')), ["<configuration> has no <nodes>, <constraints>: Pacemaker's schema requires crm_config, nodes, resources and constraints (empty ones will do), and crm_verify refuses the CIB"]);
  const clone = '    <crm_config/>\n    <nodes/>\n    <resources>\n      <clone id="haproxy-clone">\n        <primitive id="haproxy" class="systemd" type="haproxy"/>\n      </clone>\n      <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2"/>\n    </resources>\n    <constraints>\n';
  assert.deepEqual(problems(cib(`${clone}      <rsc_colocation id="c1" rsc="vip" with-rsc="haproxy" score="INFINITY"/>\n    </constraints>\n`)),
    ['with-rsc="haproxy" names a resource inside clone \'haproxy-clone\': constraints must name the clone, and Pacemaker ignores this one (crm_verify: not a valid resource)']);
  assert.deepEqual(problems(cib(`${clone}      <rsc_colocation id="c1" rsc="vip" with-rsc="haproxy-clone" score="INFINITY"/>\n    </constraints>\n`)), []);
});

test('cluster properties Pacemaker 2.0 took out of crm_config: refused in crm and pcs files and in a CIB of schema 3, moved by the upgrade of an older CIB', () => {
  const found = (text: string, syntax: 'crm' | 'pcs' | 'cib') => lintPacemaker(text, syntax).findings.filter((f) => f.rule === 'pacemaker-unknown-property').map((f) => `${f.severity}: ${f.message}`);
  assert.deepEqual(found('property cib-bootstrap-options: default-resource-stickiness=100 stonith_enabled=true cluster-infrastructure=cman\n', 'crm'), [
    "error: default-resource-stickiness is no longer a cluster property Pacemaker's schema takes: set resource-stickiness in rsc_defaults; crm_verify, crmsh and pcs refuse the configuration",
    "error: stonith_enabled is no longer a cluster property Pacemaker's schema takes: write it stonith-enabled; crm_verify, crmsh and pcs refuse the configuration",
    "error: cluster-infrastructure=cman is no longer a cluster property Pacemaker's schema takes: corosync is the only infrastructure now; drop it; crm_verify, crmsh and pcs refuse the configuration",
  ]);
  const cib = (schema: string) => `<cib validate-with="${schema}" epoch="1" num_updates="0" admin_epoch="0">\n  <configuration>\n    <crm_config>\n      <cluster_property_set id="o">\n        <nvpair id="o-1" name="expected-quorum-votes" value="3"/>\n      </cluster_property_set>\n    </crm_config>\n    <nodes/>\n    <resources/>\n    <constraints/>\n  </configuration>\n</cib>\n`;
  assert.equal(found(cib('pacemaker-3.9'), 'cib').length, 1);
  assert.deepEqual(found(cib('pacemaker-1.2'), 'cib'), []);
  // a node attribute set through pcs property set --node is not a cluster property
  assert.deepEqual(found('pcs property set --node compute-0 osprole=compute\n', 'pcs'), []);
});

test('pcs commands run on a node through ssh are read at their place in the script', () => {
  const text = 'NODE=ctl0\nssh $NODE "sudo pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11 cidr_netmask=24"\nssh $NODE "sudo pcs property set stonith-enabled=false"\n';
  const r = lintPacemaker(text, 'pcs');
  assert.deepEqual(r.pacemaker!.resources.map((x) => [x.id, text.slice(x.idSpan.start, x.idSpan.end)]), [['vip', 'vip']]);
  assert.deepEqual(r.findings.filter((f) => f.rule === 'stonith-disabled-in-production').map((f) => text.slice(f.span.start, f.span.end)), ['false']);
  assert.equal(pacemakerSyntax('/x/install.bash', text), 'pcs');
});
