/** The stack's files as wholes: the guide's and the fixtures' sound files (every rule quiet, or only what the guide's notes predict), which files are Pacemaker configurations, how a pcs script is split, suppression comments in every syntax. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintHaproxy, lintCorosync, lintKeepalived, lintCnf, detectKind, lintPacemaker } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { deployment } from '../support/topologies';
import {
  COROSYNC_SOUND,
  KEEPALIVED_SOUND,
  GALERA_NODE as NODE,
  SOUND_PCS,
  pacemakerRulesOf as rulesOf,
  CIB,
  VIP_AND_HAPROXY,
  FENCE,
  COLOCATED,
} from '../support/stack-files';

const HAPROXY_GUIDE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'haproxy', 'guide-haproxy.cfg'), 'utf8');
const GALERA_GUIDE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'galera', 'guide-my.cnf'), 'utf8');
const rules = (text: string, opts = {}) =>
  lintCnf(text, undefined, opts).findings.map((f) => `${f.rule} ${f.severity}: ${f.message} [${text.slice(f.span.start, f.span.end)}]`);
const galeraTopology = deployment({ services: 'galera: { on: ctl, mode: clustered, vip: internal }' });

test("the guide's haproxy.cfg raises only the mysql-check / port 9200 mismatch the guide-examples notes predict", () => {
  assert.deepEqual(
    lintHaproxy(HAPROXY_GUIDE).findings.map((f) => f.rule),
    ['haproxy-galera-check-mismatch'],
  );
});

test('a sound corosync 3 file has no finding', () => {
  assert.deepEqual(
    lintCorosync(COROSYNC_SOUND).findings.map((f) => `${f.rule}: ${f.message}`),
    [],
  );
});

test('a sound file (script security, a tracked HAProxy, one VRID) has no finding', () => {
  assert.deepEqual(lintKeepalived(KEEPALIVED_SOUND).findings, []);
});

test("the guide's my.cnf: node identity warnings and the durability note; with the manifest, bind-address 0.0.0.0 too", () => {
  assert.deepEqual(
    lintCnf(GALERA_GUIDE).findings.map((f) => f.rule),
    ['galera-node-identity', 'galera-node-identity', 'galera-flush-log-durability'],
  );
  assert.ok(
    rules(GALERA_GUIDE, { topology: galeraTopology }).includes(
      "galera-bind-address error: bind-address=0.0.0.0 also binds the database VIP (10.0.0.11) when it moves here, and HAProxy cannot listen on it; bind the node's management address [0.0.0.0]",
    ),
  );
});

test('a sound node file has no finding; a file without wsrep options is not judged', () => {
  assert.deepEqual(rules(NODE, { topology: galeraTopology }), []);
  assert.deepEqual(rules('[mysqld]\nbinlog_format=STATEMENT\n'), []);
});

test("the guide's pcs setup has no finding", () => assert.deepEqual(rulesOf('pcs', SOUND_PCS), []));

test('CIB: a fenced cluster with the VIP colocated with HAProxy has no finding', () => {
  assert.deepEqual(rulesOf('cib', CIB('', VIP_AND_HAPROXY + FENCE, COLOCATED)), []);
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
  assert.deepEqual(
    rulesOf('pcs', '# openstack-ha-disable-next-line stonith-disabled-in-production\npcs property set stonith-enabled=false\n'),
    [],
  );
  assert.deepEqual(
    rulesOf(
      'cib',
      CIB(
        '<!-- openstack-ha-disable-next-line stonith-disabled-in-production -->\n<nvpair id="f" name="stonith-enabled" value="false"/>',
        VIP_AND_HAPROXY,
        COLOCATED,
      ),
    ),
    [],
  );
});

test('pcs: commands are read as the shell splits them, two on one line and inside a loop', () => {
  const m = lintPacemaker(
    'pcs property set stonith-enabled=true; pcs property set no-quorum-policy=stop\nfor n in 1 2 3; do pcs stonith create fence-$n fence_ipmilan ip=10.1.0.1$n; done\n',
    'pcs',
  ).pacemaker!;
  assert.deepEqual([...m.properties.keys()], ['stonith-enabled', 'no-quorum-policy']);
  assert.deepEqual(
    m.resources.map((r) => `${r.id} ${r.agent}`),
    ['fence-$n stonith:fence_ipmilan'],
  );
});
