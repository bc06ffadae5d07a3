/**
 * `openstack-ha simulate` (spec/simulate.md) through the built CLI: a manifest, a kolla-ansible
 * deployment and the stack's own files; the three formats, sequences, enumerations and exit codes.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, ROOT } from '../support/paths';

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, 'simulate', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = (out: string) => JSON.parse(out) as { version: number; deployment: { name: string; source: string }; scenarios: Scenario[] };
interface Scenario {
  name: string;
  failed: string[];
  partitions: string[][];
  clusters: {
    name: string;
    kind: string;
    partition: string[];
    votes: number;
    expected: number;
    quorum: number | string;
    quorate: boolean;
    explain: string;
  }[];
  vips: { name: string; holders: string[]; explain: string }[];
  services: { name: string; verdict: string; running: string[]; explain: string }[];
  steps?: Scenario[];
}
const verdictOf = (s: Scenario, name: string) => s.services.find((x) => x.name === name)?.verdict;

const REGION_ONE = 'examples/region-one/good.ha.yaml';

test('no failure: the deployment as it is, exit 0', () => {
  const r = run([REGION_ONE, '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const j = json(r.out);
  assert.equal(j.version, 1);
  assert.deepEqual(j.deployment, {
    name: 'region-one',
    source: 'examples/region-one/good.ha.yaml',
    files: ['examples/region-one/good.ha.yaml'],
  });
  assert.equal(j.scenarios[0].name, 'as deployed');
  assert.ok(j.scenarios[0].services.every((s) => s.verdict === 'available'));
});

test('one controller fails: clusters, VIPs and services as the contract names them, exit 0', () => {
  const r = run([REGION_ONE, '--fail', 'controller2', '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const s = json(r.out).scenarios[0];
  assert.equal(s.name, 'controller2 fails');
  assert.deepEqual(s.failed, ['controller2']);
  assert.deepEqual(s.clusters[0], {
    name: 'controllers',
    kind: 'pacemaker',
    partition: ['controller1', 'controller3'],
    votes: 2,
    expected: 3,
    quorum: 2,
    quorate: true,
    explain: '2 of 3 votes reach the quorum of 2',
  });
  assert.deepEqual(
    s.vips.map((v) => [v.name, v.holders]),
    [
      ['internal', ['controller1']],
      ['public', ['controller1']],
    ],
  );
  assert.equal(verdictOf(s, 'galera'), 'degraded');
  assert.equal(
    s.services.find((x) => x.name === 'galera')!.explain,
    'Galera: 2 of 3 nodes (controller1, controller3) form the primary component',
  );
});

test('a sequence: the second loss takes quorum, the VIPs with it, and Galera (2 x 1 + 0 > 2 is false); exit 1', () => {
  const r = run([REGION_ONE, '--fail', 'controller3', '--then', '--fail', 'controller2', '--format', 'json']);
  assert.equal(r.code, 1, r.err);
  const s = json(r.out).scenarios[0];
  assert.equal(s.name, 'controller3 fails, then controller2 fails');
  assert.equal(s.steps?.length, 1);
  assert.equal(verdictOf(s.steps![0], 'galera'), 'degraded');
  assert.equal(verdictOf(s, 'galera'), 'down');
  assert.match(s.clusters.find((c) => c.kind === 'galera')!.explain, /^Galera: 2 x 1 \+ 0 > 2 is false/);
  assert.deepEqual(
    s.vips.map((v) => v.holders),
    [[], []],
  );
  assert.equal(verdictOf(s, 'keystone'), 'down');
});

test('every pair in markdown: a table worst first and the worst scenario in full; exit 1', () => {
  const r = run([REGION_ONE, '--all', 'pairs', '--format', 'markdown']);
  assert.equal(r.code, 1, r.err);
  const lines = r.out.split('\n');
  assert.equal(lines[0], '# What if it fails: region-one');
  assert.ok(lines.includes('## Every pair of nodes failing together: 10 scenarios, worst first'), r.out);
  assert.ok(lines.includes('| Scenario | Worst | Services |'));
  assert.match(r.out, /\n## The worst: controller1 and controller2 fail\n/);
});

test('every failure domain in text: one line each, exit 0 when each ends available or degraded', () => {
  const r = run([REGION_ONE, '--all', 'domains']);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.split('\n');
  assert.equal(lines[0], 'region-one (examples/region-one/good.ha.yaml)');
  assert.ok(lines.includes('every failure domain failing: 3 scenarios, worst first'), r.out);
  assert.ok(lines.includes('0 of 3 scenarios leave a service down, split-brain or blocked'), r.out);
});

test('a kolla-ansible deployment: keepalived as kolla renders it, the rack holding both Galera nodes; exit 1', () => {
  const r = run(['test/fixtures/kolla/convert', '--fail-domain', 'rack-a']);
  assert.equal(r.code, 1, r.err);
  const lines = r.out.split('\n');
  assert.equal(lines[0], 'convert (kolla-ansible files in test/fixtures/kolla/convert)');
  assert.ok(lines.includes('Scenario: rack-a fails (control01, control02, network01)'), r.out);
  assert.ok(
    lines.includes('    loadbalancer (keepalived) network02: quorate. network02 is master: priority 2 + 0 = 2, the only instance here'),
    r.out,
  );
  assert.ok(r.out.includes('RabbitMQ pause_minority: 1 of 3 nodes is not more than 1.5, so this side pauses'), r.out);
});

test("the stack's own files: a weighted Galera split exactly in half, a duplicate VIP; exit 1", () => {
  const r = run(['test/fixtures/simulate/stack', '--partition', 'ctl1|ctl2,ctl3', '--format', 'json']);
  assert.equal(r.code, 1, r.err);
  const s = json(r.out).scenarios[0];
  assert.deepEqual(s.partitions, [['ctl1'], ['ctl2', 'ctl3']]);
  assert.deepEqual(s.vips[0].holders, ['ctl1', 'ctl2']);
  assert.equal(verdictOf(s, 'galera'), 'down');
  assert.ok(s.clusters.some((c) => c.kind === 'galera' && c.explain.endsWith('exactly half: the split-brain guard')));
});

test('an unknown node, bad options and several deployments: exit 2 with a reason', () => {
  const unknown = run([REGION_ONE, '--fail', 'controler2']);
  assert.equal(unknown.code, 2);
  assert.equal(
    unknown.err,
    "openstack-ha: unknown node 'controler2' (did you mean 'controller2'?); nodes: controller1, controller2, controller3, compute1, compute2\n",
  );
  assert.equal(unknown.out, '');
  const bad = run([REGION_ONE, '--all', 'triples']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--all must be single, pairs or domains, not 'triples'/);
  const mixed = run([REGION_ONE, '--all', 'single', '--fail', 'controller1']);
  assert.equal(mixed.code, 2);
  assert.match(mixed.err, /--all enumerates its own scenarios/);
  const several = run(['examples/']);
  assert.equal(several.code, 2);
  assert.match(several.err, /2 deployments under examples\/; simulate one at a time/);
  const none = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-sim-'));
  fs.writeFileSync(path.join(none, 'notes.txt'), 'nothing here\n');
  const empty = run([none]);
  assert.equal(empty.code, 2);
  assert.match(empty.err, /nothing to simulate/);
  const missing = run(['no/such/path']);
  assert.equal(missing.code, 2);
});

test("the README's example is the real output, line for line where it does not say '...'", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = readme.match(/```text\n\$ openstack-ha simulate ([^\n]+)\n([\s\S]*?)```/);
  assert.ok(block, 'README.md shows a simulate example');
  const r = run(block[1].split(' '));
  const real = r.out.split('\n');
  let at = 0;
  for (const line of block[2].split('\n').filter((l) => l && l !== '...')) {
    const found = real.indexOf(line, at);
    assert.ok(found >= at, `README line not in the real output, in order: ${line}`);
    at = found + 1;
  }
});
