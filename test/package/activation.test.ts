/**
 * Where VS Code starts the extension (issue 14): on the product's own languages and YAML, and in a
 * workspace holding a file the product recognises by its name; never on every INI, XML or shell file.
 * The client starts the server only where it has work (client/src/work.ts), so a Kubernetes
 * repository's YAML activates the extension and starts no server. Every workspaceContains pattern matches a
 * file the server recognises (by detectKind, as it would read it), and none matches the files of
 * an unrelated repository.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { ROOT } from '../support/paths';
import { detectKind } from '../../server/src/engine/languages';
import { CONFIG_GLOBS, KIND_GLOBS } from '../../server/src/engine/kinds';
import { OWN_LANGUAGES, workMatcher, workPatterns } from '../../client/src/work';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const events: string[] = pkg.activationEvents;
const languages: { id: string; filenames?: string[]; filenamePatterns?: string[]; extensions?: string[] }[] = pkg.contributes.languages;
const contains = events.filter((e) => e.startsWith('workspaceContains:')).map((e) => e.slice('workspaceContains:'.length));
const matches = (glob: string, file: string) => picomatch(glob, { dot: true })(file);

const IPTABLES_SAVE = '*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n';
/** A file of each kind the activation patterns name, with the text the server recognises it by. */
const RECOGNISED: [string, string][] = [
  ['deploy/region-one.ha.yaml', ''],
  ['deploy/region-one.ha.yml', ''],
  ['openstack-ha.yaml', ''],
  ['ops/openstack-ha.yml', ''],
  ['etc/kolla/globals.yml', 'kolla_base_distro: ubuntu\n'],
  ['etc/kolla/globals.yaml', 'enable_haproxy: "yes"\n'],
  ['etc/kolla/globals.d/ha.yml', 'enable_keepalived: "yes"\n'],
  ['inventory/multinode', '[control]\nctl1\n\n[mariadb:children]\ncontrol\n'],
  ['all-in-one', '[control]\nlocalhost\n\n[loadbalancer:children]\ncontrol\n'],
  ['etc/openstack_deploy/openstack_user_config.yml', 'shared-infra_hosts:\n  infra1: { ip: 172.29.236.11 }\n'],
  ['etc/openstack_deploy/user_variables.yml', 'haproxy_keepalived_external_vip_cidr: 203.0.113.10/32\n'],
  ['etc/openstack_deploy/user_variables_ha.yml', 'galera_cluster_name: cloud\n'],
  ['etc/nova/nova.conf', '[DEFAULT]\n'],
  ['nova-compute.conf', '[DEFAULT]\n'],
  ['etc/neutron/plugins/ml2/ml2_conf.ini', '[ml2]\n'],
  ['neutron_ovn_metadata_agent.ini', '[DEFAULT]\n'],
  ['etc/glance/glance-api.conf', '[DEFAULT]\n'],
  ['etc/corosync/corosync.conf', 'totem {\n  version: 2\n}\n'],
  ['etc/keepalived/keepalived.conf', 'vrrp_instance VI_1 {\n}\n'],
  ['etc/haproxy/haproxy.cfg', 'global\n  daemon\n'],
  ['etc/my.cnf', '[mysqld]\n'],
  ['etc/mysql/conf.d/galera.cnf', '[galera]\nwsrep_on = ON\n'],
  ['etc/mysql/mariadb.conf.d/60-galera.cnf', '[galera]\nwsrep_on = ON\n'],
  ['cluster/cib.xml', '<cib crm_feature_set="3.19.0"><configuration/></cib>\n'],
  ['cluster/resources.crm', 'primitive vip IPaddr2 params ip=10.0.0.10\n'],
  ['etc/iptables/rules.v4', IPTABLES_SAVE],
  ['etc/iptables/rules.v6', IPTABLES_SAVE],
  ['etc/sysconfig/iptables', IPTABLES_SAVE],
  ['etc/sysconfig/ip6tables', IPTABLES_SAVE],
  ['etc/ufw/user.rules', IPTABLES_SAVE],
  ['etc/ufw/user6.rules', IPTABLES_SAVE],
  ['etc/nftables.conf', 'flush ruleset\ntable inet filter {\n}\n'],
  ['fw/controller.nft', 'table inet filter {\n}\n'],
  ['etc/firewalld/zones/public.xml', '<?xml version="1.0"?>\n<zone><service name="ssh"/></zone>\n'],
  ['etc/sysconfig/clustercheck', 'MYSQL_USERNAME=clustercheck\n'],
  ['etc/default/clustercheck', 'MYSQL_USERNAME=clustercheck\n'],
];
/** The settings file is not checked itself, but says the workspace is the product's. */
const SETTINGS = ['.openstack-ha.yaml', 'ops/.openstack-ha.yml'];

/** The files of repositories the product has nothing to do with. */
const UNRELATED = [
  'k8s/deployment.yaml',
  'k8s/apps/web/kustomization.yaml',
  'charts/web/values.yaml',
  'charts/web/templates/service.yml',
  'docker-compose.yml',
  '.github/workflows/ci.yml',
  'ansible/site.yml',
  'ansible/roles/web/tasks/main.yml',
  'setup.cfg',
  'tox.ini',
  'config.ini',
  'pom.xml',
  'src/main/resources/log4j2.xml',
  'build.sh',
  'scripts/deploy.bash',
  'etc/nginx/nginx.conf',
  'etc/app.conf',
  'etc/ssl/openssl.cnf',
  'Makefile',
];

test('no activation on every INI, XML or shell file, nor at start-up; YAML activates, and the server starts only where it has work', () => {
  for (const e of ['onLanguage:ini', 'onLanguage:xml', 'onLanguage:shellscript', '*', 'onStartupFinished'])
    assert.ok(!events.includes(e), `${e} in ${events.join(', ')}`);
  // a manifest opened on its own, or in VS Code for the Web (no workspaceContains on a virtual file system)
  assert.ok(events.includes('onLanguage:yaml'));
  // ... and the client starts the server for a recognised file only (client/src/work.ts, the same patterns)
  const isWork = workMatcher(workPatterns(events));
  for (const [file, text] of RECOGNISED) {
    const language = /\.ya?ml$/.test(file) ? 'yaml' : 'plaintext';
    assert.ok(isWork(`/home/me/cloud/${file}`, language, text), file);
  }
  for (const f of UNRELATED) assert.ok(!isWork(`/home/me/repo/${f}`, /\.ya?ml$/.test(f) ? 'yaml' : 'plaintext', 'name: web\n'), f);
  // a manifest by its head, whatever its name; a Kubernetes object is not one
  assert.ok(isWork('/tmp/site.yaml', 'yaml', '# the cloud\napiVersion: openstack-ha/v1\nkind: Deployment\n'));
  assert.ok(!isWork('/tmp/site.yaml', 'yaml', 'apiVersion: apps/v1\nkind: Deployment\n'));
  // the product's own languages are work whatever the name
  assert.ok(isWork('/tmp/untitled-1', 'haproxy', ''));
});

test("activation on the product's own languages, each one it contributes", () => {
  const own = languages.filter((l) => !['yaml', 'ini'].includes(l.id)).map((l) => l.id);
  assert.deepEqual(own.sort(), ['corosync', 'crm', 'haproxy', 'iptables', 'keepalived', 'mariadb-cnf', 'openstack-conf']);
  assert.deepEqual([...OWN_LANGUAGES].sort(), own);
  assert.deepEqual(events.filter((e) => e.startsWith('onLanguage:')).sort(), ['yaml', ...own].map((l) => `onLanguage:${l}`).sort());
});

test('every sample is a file the server recognises (or the settings file), and the client hands it to the server', () => {
  const selected = picomatch([...new Set(Object.values(KIND_GLOBS).flat())], { dot: true });
  for (const [file, text] of RECOGNISED) {
    assert.notEqual(detectKind(`/repo/${file}`, text), null, file);
    assert.ok(selected(`/repo/${file}`), `${file}: in the client's document selector`);
  }
  for (const file of SETTINGS) assert.ok(picomatch([...CONFIG_GLOBS], { dot: true })(file), file);
});

test('every workspaceContains pattern matches a recognised file, and every recognised sample is matched by one', () => {
  assert.equal(contains.length, 23, contains.join('\n'));
  const samples = [...RECOGNISED.map(([f]) => f), ...SETTINGS];
  for (const glob of contains)
    assert.ok(
      samples.some((f) => matches(glob, f)),
      `${glob} matches no recognised file`,
    );
  for (const f of samples)
    assert.ok(
      contains.some((g) => matches(g, f)),
      `${f}: no workspaceContains pattern`,
    );
});

test('no workspaceContains pattern matches the files of an unrelated repository', () => {
  for (const glob of contains) for (const f of UNRELATED) assert.ok(!matches(glob, f), `${glob} matches ${f}`);
  // nor are those files recognised: the patterns and the server agree
  for (const f of UNRELATED) assert.equal(detectKind(`/repo/${f}`, 'name: web\n'), null, f);
});

test("the manifest snippets are the server's (in manifests only), not a contribution to every YAML file", () => {
  assert.equal(pkg.contributes.snippets, undefined);
  assert.ok(!pkg.files.includes('snippets/'), pkg.files.join(', '));
});

test('settings dropdowns offer only real choices: no null at the top of an enum', () => {
  for (const [key, p] of Object.entries(
    pkg.contributes.configuration.properties as Record<string, { type: unknown; enum?: unknown[]; default?: unknown }>,
  )) {
    if (!p.enum) continue;
    assert.ok(!p.enum.includes(null), `${key}: null among ${JSON.stringify(p.enum)}`);
    assert.equal(p.type, 'string', key);
    assert.ok(p.enum.includes(p.default), `${key}: default ${JSON.stringify(p.default)} is a choice`);
  }
  assert.deepEqual(pkg.contributes.configuration.properties['openstackHa.environment'].enum, [
    'auto',
    'production',
    'staging',
    'test',
    'demo',
  ]);
  assert.deepEqual(pkg.contributes.configuration.properties['openstackHa.release'].enum.slice(0, 1), ['auto']);
});
