/**
 * `openstack-ha convert`: a kolla-ansible deployment written as a manifest (the built CLI). The key
 * property: the converted manifest lints like its source, the same topology findings about the
 * same clusters and services. OpenStack-Ansible too, less the topology findings OSA's own rules
 * say instead (languages/openstack-ansible.ts, osaTopologyFindings).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/paths';
import { TOPOLOGY_RULES } from '../../server/src/engine/languages/deploy-topology';
import { runCli as run } from '../support/cli';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'kolla', 'convert');

/** A temporary folder holding `files` (name → text). */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-convert-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The fixture's deployment as `region-one/` of a temporary folder: the name convert gives it is the folder's. */
function regionOne(): string {
  return folder({
    'region-one/globals.yml': fs.readFileSync(path.join(FIXTURE, 'globals.yml'), 'utf8'),
    'region-one/multinode': fs.readFileSync(path.join(FIXTURE, 'multinode'), 'utf8'),
  });
}

const GOLDEN = `# Converted by \`openstack-ha convert\` from the kolla-ansible files:
#   region-one/globals.yml
#   region-one/multinode
# Check it and fill in what those files do not say:
#   - the address of compute02 (marked "address: not in the files")
#   - the failure domain of compute01, compute02: the other nodes' come from the inventory's failure_domain host variable (else availability_zone)
#   - the other services (APIs, agents): only the load balancer and the clustered services are converted
apiVersion: openstack-ha/v1
kind: Deployment
metadata:
  name: region-one
  release: "2025.1"

nodes:
  control01: { address: 10.10.0.11, roles: [controller, database, messaging], failure_domain: rack-a }
  control02: { address: 10.10.0.12, roles: [controller, database, messaging], failure_domain: rack-a }
  control03: { address: 10.10.0.13, roles: [controller, messaging], failure_domain: rack-b }
  network01: { address: 10.10.0.21, roles: [network, loadbalancer], failure_domain: rack-a }
  network02: { address: 10.10.0.10, roles: [network, loadbalancer], failure_domain: rack-b }
  compute01: { address: 10.10.0.31, roles: [compute, storage] }
  compute02: { roles: [compute] } # address: not in the files

clusters:
  loadbalancer:
    manager: keepalived
    members: [network01, network02]
    priorities: { network01: 1, network02: 2 }
    nopreempt: true

vips:
  internal: { address: 10.10.0.10, cluster: loadbalancer }
  external: { address: 203.0.113.10, cluster: loadbalancer }

services:
  haproxy:   { on: loadbalancer, vips: [internal, external] }
  mariadb:   { on: [control01, control02], mode: clustered, vip: internal }
  rabbitmq:  { on: [control01, control02, control03], mode: clustered, version: "4.0", partition_handling: pause_minority, quorum_queues: true }
  memcached: { on: [control01, control02, control03], mode: client-side }
`;

test('convert prints the manifest of a kolla-ansible deployment: where it came from, what to fill in, then the manifest', () => {
  const dir = regionOne();
  const r = run(['convert', 'region-one'], dir);
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
  assert.equal(r.out, GOLDEN);
  // the same again: no date, nothing of the run in it
  assert.equal(run(['convert', 'region-one'], dir).out, GOLDEN);
  // --name sets metadata.name, and nothing else
  const named = run(['convert', '--name', 'rg1', 'region-one'], dir);
  assert.equal(named.out, GOLDEN.replace('  name: region-one\n', '  name: rg1\n'));
});

test('--output writes the file and nothing on stdout; an existing file is kept unless --force', () => {
  const dir = regionOne();
  const r = run(['convert', 'region-one', '--output', 'region-one.ha.yaml'], dir);
  assert.equal(r.code, 0);
  assert.equal(r.out, '');
  assert.match(r.err, /wrote region-one\.ha\.yaml \(kolla-ansible, 7 nodes\)/);
  const written = path.join(dir, 'region-one.ha.yaml');
  assert.equal(fs.readFileSync(written, 'utf8'), GOLDEN);

  fs.writeFileSync(written, '# mine\n');
  const again = run(['convert', 'region-one', '-o', 'region-one.ha.yaml'], dir);
  assert.equal(again.code, 2);
  assert.equal(again.out, '');
  assert.match(again.err, /region-one\.ha\.yaml exists; --force overwrites it/);
  assert.equal(fs.readFileSync(written, 'utf8'), '# mine\n');

  assert.equal(run(['convert', 'region-one', '--output=region-one.ha.yaml', '--force'], dir).code, 0);
  assert.equal(fs.readFileSync(written, 'utf8'), GOLDEN);

  // a folder that is not there: exit 2, nothing written
  const bad = run(['convert', 'region-one', '-o', 'no/such/folder/x.ha.yaml'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /cannot write no\/such\/folder\/x\.ha\.yaml: no such file or directory/);
});

test('no kolla-ansible or OpenStack-Ansible file: exit 1 with a message, nothing written', () => {
  const dir = folder({ 'site/region.ha.yaml': GOLDEN, 'site/nova.conf': '[DEFAULT]\ndebug = false\n' });
  const r = run(['convert', 'site', '-o', 'out.ha.yaml'], dir);
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.match(r.err, /nothing to convert: no kolla-ansible or OpenStack-Ansible file under site/);
  assert.ok(!fs.existsSync(path.join(dir, 'out.ha.yaml')));
  // a globals.yml without its inventory names no host: nothing to convert either
  const globalsOnly = folder({ 'k/globals.yml': fs.readFileSync(path.join(FIXTURE, 'globals.yml'), 'utf8') });
  const g = run(['convert', 'k'], globalsOnly);
  assert.equal(g.code, 1);
  assert.match(g.err, /the kolla-ansible files k\/globals\.yml name no host/);
});

test('several deployments under the paths: exit 2, each named, nothing written; a narrower path converts one', () => {
  const globals = fs.readFileSync(path.join(FIXTURE, 'globals.yml'), 'utf8');
  const inventory = fs.readFileSync(path.join(FIXTURE, 'multinode'), 'utf8');
  const dir = folder({ 'a/globals.yml': globals, 'a/multinode': inventory, 'b/globals.yml': globals, 'b/multinode': inventory });
  const r = run(['convert', '.', '-o', 'out.ha.yaml'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.match(r.err, /2 deployments under \.; convert one at a time/);
  assert.match(r.err, /kolla-ansible 'a': a\/globals\.yml, a\/multinode/);
  assert.match(r.err, /kolla-ansible 'b': b\/globals\.yml, b\/multinode/);
  assert.ok(!fs.existsSync(path.join(dir, 'out.ha.yaml')));
  assert.equal(run(['convert', 'b'], dir).code, 0);
});

test('usage: convert needs a PATH and knows its own options (exit 2)', () => {
  const dir = regionOne();
  assert.equal(run(['convert'], dir).code, 2);
  const r = run(['convert', '--format', 'json', 'region-one'], dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown option '--format' for convert/);
  assert.equal(run(['convert', 'region-one', '--output'], dir).code, 2);
  assert.equal(run(['convert', 'nowhere'], dir).code, 2);
  const synopsis = 'openstack-ha convert [--output FILE [--force]] [--name NAME] PATH...';
  assert.ok(run(['--help'], dir).out.includes(synopsis), '--help shows convert');
  assert.ok(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').includes(synopsis), "the README's command line section shows convert");
});

interface Diagnostic {
  file: string;
  rule: string;
  message: string;
}

/** The topology findings `lint --format json` gives under `target`: rule and message (which cluster or service, the counts). */
function topology(dir: string, target: string): string[] {
  const r = run(['lint', '--format', 'json', target], dir);
  const diagnostics = (JSON.parse(r.out) as { diagnostics: Diagnostic[] }).diagnostics;
  return diagnostics
    .filter((d) => (TOPOLOGY_RULES as readonly string[]).includes(d.rule))
    .map((d) => `${d.rule}: ${d.message}`)
    .sort();
}

/** Converts `deployment` (a folder of `dir`) to converted/NAME.ha.yaml, apart from the source, and compares both's topology findings. */
function sameTopology(dir: string, deployment: string): string[] {
  fs.mkdirSync(path.join(dir, 'converted'));
  const out = path.join('converted', `${deployment}.ha.yaml`);
  assert.equal(run(['convert', deployment, '-o', out], dir).code, 0);
  const source = topology(dir, deployment);
  assert.deepEqual(topology(dir, out), source);
  return source;
}

test('the converted manifest lints like its kolla-ansible files: the same topology findings, on the same clusters and services', () => {
  const source = sameTopology(regionOne(), 'region-one');
  assert.deepEqual(
    source.map((f) => f.split(':')[0]),
    ['address-conflict', 'cluster-min-three-nodes', 'failure-domain-concentration', 'failure-domain-loss'],
  );
  assert.match(source.join('\n'), /VIP 'internal' is already the address of node 'network02'/);
  assert.match(source.join('\n'), /mariadb has 2 votes/);
  assert.match(source.join('\n'), /2 of the 3 votes of rabbitmq share failure domain 'rack-a'/);
  // the converted manifest carries kolla 2025.1's RabbitMQ (4.0, Mnesia, pause_minority): both sides explain it so
  assert.match(source.join('\n'), /rabbitmq down: RabbitMQ pause_minority: 1 of 3 nodes is not more than 1\.5, so this side pauses/);
});

test('failure-domain-loss on a kolla 2025.1 deployment explains RabbitMQ as `simulate` does: Mnesia with pause_minority, not Khepri', () => {
  const lint = run(['lint', '--format', 'json', 'test/fixtures/kolla/convert'], ROOT);
  const loss = (JSON.parse(lint.out) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.rule === 'failure-domain-loss');
  const rabbit = 'RabbitMQ pause_minority: 1 of 3 nodes is not more than 1.5, so this side pauses';
  assert.deepEqual(
    loss.map((d) => `${d.file}: ${d.message}`),
    [
      `test/fixtures/kolla/convert/multinode: losing failure domain 'rack-a' (control01, control02, network01) leaves mariadb blocked, rabbitmq down: ${rabbit}; \`openstack-ha simulate --fail-domain rack-a\` shows the whole scenario`,
    ],
  );
  const sim = run(['simulate', '--fail-domain', 'rack-a', 'test/fixtures/kolla/convert'], ROOT);
  assert.match(sim.out, /^ {4}rabbitmq \(rabbitmq\) control03: not quorate\. (.*)$/m);
  assert.equal(/^ {4}rabbitmq \(rabbitmq\) control03: not quorate\. (.*)$/m.exec(sim.out)![1], rabbit);
  assert.match(sim.out, /rabbitmq: RabbitMQ \(Mnesia, pause_minority\)/);
});

test("kolla-ansible's own multinode example converts: no failure domain to give, the deploy host left out, same findings", () => {
  const dir = folder({
    'kolla/multinode': fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'kolla', 'multinode'), 'utf8'),
    'kolla/globals.yml': '---\nkolla_internal_vip_address: "10.0.0.250"\nenable_hacluster: "yes"\n',
  });
  const r = run(['convert', 'kolla'], dir);
  assert.equal(r.code, 0);
  assert.match(r.out, /^# {3}- failure domains: the files give none; add failure_domain \(rack, room, power feed\) to each node$/m);
  assert.match(
    r.out,
    /^# {3}- the address of control01, control02, control03, network01, network02, compute01, monitoring01, storage01 \(/m,
  );
  assert.doesNotMatch(r.out, /localhost/);
  assert.match(r.out, /^ {2}hacluster:\n {4}manager: pacemaker\n {4}members: \[control01, control02, control03\]$/m);
  sameTopology(dir, 'kolla');
});

test("a strategy of RabbitMQ's that the files do not say readably: the version is written, partition_handling left to the user and said", () => {
  const dir = regionOne();
  fs.appendFileSync(path.join(dir, 'region-one', 'globals.yml'), 'rabbitmq_cluster_partition_handling: "{{ my_strategy }}"\n');
  const r = run(['convert', 'region-one'], dir);
  assert.equal(r.code, 0);
  assert.match(
    r.out,
    /^# {3}- the partition_handling of rabbitmq \(RabbitMQ 4\.0, Mnesia\): the files' strategy is not one read here, and the manifest takes ignore without it$/m,
  );
  assert.match(
    r.out,
    /^ {2}rabbitmq: {2}\{ on: \[control01, control02, control03\], mode: clustered, version: "4\.0", quorum_queues: true \}$/m,
  );
});

test('a file of the deployment that does not parse: converted as far as it reads, and said on stderr', () => {
  const dir = regionOne();
  fs.appendFileSync(path.join(dir, 'region-one', 'multinode'), '\n[broken\n');
  const r = run(['convert', 'region-one'], dir);
  assert.equal(r.code, 0);
  assert.match(r.err, /region-one\/multinode does not parse: what it gives is left out where it fails/);
  assert.match(r.out, /^ {2}mariadb: {3}\{ on: \[control01, control02\]/m);
});

const OSA_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'osa');

/** An OSA fixture folder as `name/` of a temporary folder (its files as they are: openstack_user_config.yml, conf.d, user_variables). */
function osaFolder(fixture: string, name = fixture, edit: (rel: string, text: string) => string = (_, t) => t): string {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(OSA_FIXTURES, fixture, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else files[`${name}/${r}`] = edit(r, fs.readFileSync(path.join(OSA_FIXTURES, fixture, r), 'utf8'));
    }
  };
  walk('');
  return folder(files);
}

const OSA_GOLDEN = `# Converted by \`openstack-ha convert\` from the OpenStack-Ansible files:
#   three-infra/conf.d/haproxy.yml
#   three-infra/openstack_user_config.yml
#   three-infra/user_variables.yml
# Check it and fill in what those files do not say:
#   - failure domains: the files give none; add failure_domain (rack, room, power feed) to each node
#   - metadata.release: the files' release (2025.2, the tool's newest when they set none) is not one the manifest knows (2025.1, zed), so it is left out
#   - the other services (APIs, agents): only the load balancer and the clustered services are converted
apiVersion: openstack-ha/v1
kind: Deployment
metadata:
  name: three-infra

nodes:
  infra1:   { address: 10.20.0.11, roles: [controller, database, messaging, loadbalancer] }
  infra2:   { address: 10.20.0.12, roles: [controller, database, messaging, loadbalancer] }
  infra3:   { address: 10.20.0.13, roles: [controller, database, messaging, loadbalancer] }
  net1:     { address: 10.20.0.21, roles: [network] }
  compute1: { address: 10.20.0.31, roles: [compute] }
  compute2: { address: 10.20.0.32, roles: [compute] }
  storage1: { address: 10.20.0.41, roles: [storage] }

clusters:
  loadbalancer:
    manager: keepalived
    members: [infra1, infra2, infra3]
    priorities: { infra1: 150, infra2: 100, infra3: 50 }

vips:
  internal: { address: 10.20.0.9, cidr: 22, cluster: loadbalancer }
  external: { address: 203.0.113.9, cidr: 24, cluster: loadbalancer }

services:
  galera:    { on: [infra1, infra2, infra3], mode: clustered, vip: internal }
  rabbitmq:  { on: [infra1, infra2, infra3], mode: clustered, quorum_queues: true }
  memcached: { on: [infra1, infra2, infra3], mode: client-side }
  haproxy:   { on: [infra1, infra2, infra3], vips: [internal, external] }
`;

test('convert prints the manifest of an OpenStack-Ansible deployment: conf.d and user_variables read with the user config', () => {
  const dir = osaFolder('three-infra');
  const r = run(['convert', 'three-infra'], dir);
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
  assert.equal(r.out, OSA_GOLDEN);
  // the manifest it writes is one the manifest's schema takes: no finding at all on the written file
  fs.writeFileSync(path.join(dir, 'three-infra.ha.yaml'), r.out);
  const lint = run(['lint', '--format', 'json', 'three-infra.ha.yaml'], dir);
  assert.deepEqual((JSON.parse(lint.out) as { diagnostics: Diagnostic[] }).diagnostics, []);
});

test('the converted manifest lints like its OpenStack-Ansible files where both speak: the same cluster sizes', () => {
  // three-infra with two infrastructure hosts: Galera and RabbitMQ on two, on both sides
  const dir = osaFolder('three-infra', 'two-infra', (rel, t) =>
    rel === 'openstack_user_config.yml'
      ? t.replace(
          'shared-infra_hosts: *infrastructure_hosts',
          'shared-infra_hosts:\n  infra1:\n    ip: 10.20.0.11\n  infra2:\n    ip: 10.20.0.12',
        )
      : t,
  );
  const source = sameTopology(dir, 'two-infra');
  assert.deepEqual(source, [
    'cluster-min-three-nodes: galera has 2 votes; a 1:1 split leaves neither side with the 2 needed for a Galera primary component (use at least 3)',
    'cluster-min-three-nodes: rabbitmq has 2 votes; a 1:1 split leaves neither side with the 2 needed for a RabbitMQ majority (use at least 3)',
  ]);
});

/**
 * OSA's files drop some topology findings, because one of OSA's own rules says the same fact in
 * OSA's terms on the exact line (osaTopologyFindings): one load balancer host (lb-single-point-of-failure,
 * and the VIP being that host's own address, an address-conflict) is osa-single-load-balancer; two hosts
 * with one ip (address-conflict) is osa-duplicate-host-ip. The manifest has no such rules, so the
 * converted manifest reports them with the topology rules: the converted findings are the source's
 * plus exactly those, and each has its OSA finding in the source.
 */
test("single-lb-mistakes: the converted manifest reports with the topology rules what OSA's own rules say in the source", () => {
  const dir = osaFolder('single-lb-mistakes');
  fs.mkdirSync(path.join(dir, 'converted'));
  assert.equal(run(['convert', 'single-lb-mistakes', '-o', 'converted/single-lb-mistakes.ha.yaml'], dir).code, 0);
  const source = topology(dir, 'single-lb-mistakes');
  const converted = topology(dir, 'converted/single-lb-mistakes.ha.yaml');
  const saidByOsa = [
    "address-conflict: 172.29.236.11 of VIP 'internal' is already the address of node 'infra1'",
    "address-conflict: 172.29.236.12 of node 'compute1' is already the address of node 'infra2'",
    "lb-single-point-of-failure: VIP 'internal' belongs to cluster 'loadbalancer', which has manager: none; nothing moves the address when its node fails",
    'lb-single-point-of-failure: haproxy runs on 1 node (infra1): when it fails, every service behind it is unreachable',
  ];
  assert.deepEqual(converted, [...source, ...saidByOsa].sort());
  const osa = (JSON.parse(run(['lint', '--format', 'json', 'single-lb-mistakes'], dir).out) as { diagnostics: Diagnostic[] }).diagnostics;
  const rules = new Set(osa.map((d) => d.rule));
  assert.ok(rules.has('osa-single-load-balancer') && rules.has('osa-duplicate-host-ip'), [...rules].join(', '));
  assert.match(osa.find((d) => d.rule === 'osa-single-load-balancer')!.message, /internal_lb_vip_address is infra1's own address/);
  assert.match(osa.find((d) => d.rule === 'osa-duplicate-host-ip')!.message, /172\.29\.236\.12 is already infra2's ip/);
});
