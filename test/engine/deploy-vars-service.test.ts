/** Hover and completion for kolla-ansible's globals and OpenStack-Ansible's user variables (service/deploy-vars.ts). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseGlobals } from '../../server/src/engine/documents/kolla/globals';
import { kollaDeployment } from '../../server/src/engine/documents/kolla/deployment';
import { deployVarComplete, deployVarHover, DeployTool } from '../../server/src/engine/service/deploy-vars';
import { KOLLA_VARIABLES } from '../../server/src/engine/knowledge/kolla/variables';
import { KOLLA_REMOVED } from '../../server/src/engine/knowledge/kolla/defaults';
import { OSA_VARIABLES } from '../../server/src/engine/knowledge/osa/variables';
import { TOPICS } from '../../server/src/engine/knowledge/topics';
import type { Finding } from '../../server/src/engine/types';

const docLink = (id: string) => `file:///docs/${id}.md`;
/** `‸` marks the cursor. */
function at(src: string) {
  const offset = src.indexOf('‸');
  return { text: src.replace('‸', ''), offset };
}
const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

const GLOBALS = `---
openstack_release: "2025.1"
kolla_internal_vip_address: "10.0.0.250"
kolla_external_vip_address: "{{ kolla_internal_vip_address }}"
om_enable_rabbitmq_quorum_queues: "yes"
database_address: "mysql://root:hunter2@db.example.com/"
keepalived_password: s3cr3t-vrrp
keystone_admin_password: hunter2
rabbitmq_password: !vault |
  $ANSIBLE_VAULT;1.1;AES256
  6162636465
enable_haproxy: "yes"
`;

function kollaHover(src: string, word: string, delta = 2, opts = {}) {
  const g = parseGlobals(src, 'globals.yml');
  const offset = src.indexOf(word) + delta;
  return deployVarHover('kolla', g, src, offset, opts, docLink);
}

test('hover on a kolla key: meaning, default in the release as written and what it comes to here, the value, what it turns into', () => {
  const h = kollaHover(GLOBALS, 'kolla_external_vip_address')!;
  assert.deepEqual(h.span, {
    start: GLOBALS.indexOf('kolla_external_vip_address'),
    end: GLOBALS.indexOf('kolla_external_vip_address') + 26,
  });
  assert.equal(slice(GLOBALS, h.span), 'kolla_external_vip_address');
  const md = h.markdown;
  assert.ok(md.startsWith('**kolla_external_vip_address**: kolla-ansible variable\n\nThe public virtual IP'), md);
  assert.ok(md.includes('Default in 2025.1: `{{ kolla_internal_vip_address }}`, here `10.0.0.250`'), md);
  assert.ok(md.includes('Value here: `{{ kolla_internal_vip_address }}`, which comes to `10.0.0.250`'), md);
  assert.ok(md.includes('Turns into: a second address of the same `vrrp_instance`'), md);
  assert.ok(md.includes('Takes: an IP address'), md);
  assert.ok(md.includes(`[HA guide: ${TOPICS.vip.title}](`), md);
});

test('hover on the value: the same text, the span is the value as written', () => {
  const { text, offset } = at(GLOBALS.replace('"10.0.0.250"', '"10.0.‸0.250"'));
  const h = deployVarHover('kolla', parseGlobals(text, 'globals.yml'), text, offset, {}, docLink)!;
  assert.equal(slice(text, h.span), '"10.0.0.250"');
  assert.ok(h.markdown.startsWith('**kolla_internal_vip_address**: kolla-ansible variable'));
  assert.ok(h.markdown.includes('Value here: `10.0.0.250`'));
  // kolla_internal_address is unset: the default comes to the empty string
  assert.ok(h.markdown.includes("Default in 2025.1: `{{ kolla_internal_address | default('') }}`, here an empty string"), h.markdown);
});

test("the VRID: kolla's default 51 in the release, the keepalived.conf setting it becomes, its range", () => {
  const src = 'keepalived_virtual_router_id: 77\n';
  const h = kollaHover(src, 'keepalived_virtual_router_id', 0)!;
  assert.deepEqual(h.span, { start: 0, end: 28 });
  assert.ok(h.markdown.includes('Default in 2026.1: `51`'), h.markdown);
  assert.ok(h.markdown.includes('Value here: `77`'));
  assert.ok(
    h.markdown.includes("Turns into: `virtual_router_id` of keepalived.conf's `vrrp_instance kolla_internal_vip_<id>`"),
    h.markdown,
  );
  assert.ok(h.markdown.includes('Takes: 1-255: a number from 1 to 255, unique on the network segment'));
  // at the very end of the key, and at the end of the value (end-inclusive spans)
  assert.ok(deployVarHover('kolla', parseGlobals(src, 'g'), src, 28, {}, docLink));
  assert.equal(slice(src, deployVarHover('kolla', parseGlobals(src, 'g'), src, 32, {}, docLink)!.span), '77');
});

test("the deployment's values resolve a default's references: globals.d set the interface, the hover follows", () => {
  const src = 'openstack_release: "2025.2"\nkolla_external_vip_interface: "{{ network_interface }}"\n';
  const g = parseGlobals(src, 'globals.yml');
  const extra = parseGlobals('network_interface: bond0\n', 'globals.d/net.yml');
  const d = kollaDeployment([], [g, extra]);
  const h = deployVarHover('kolla', g, src, src.indexOf('kolla_external_vip_interface'), { release: d.release, value: d.value }, docLink)!;
  assert.ok(h.markdown.includes('Default in 2025.2: `{{ network_interface }}`, here `bond0`'), h.markdown);
  assert.ok(h.markdown.includes('Value here: `{{ network_interface }}`, which comes to `bond0`'), h.markdown);
  // without the deployment only this file and the defaults are known: eth0
  const alone = deployVarHover('kolla', g, src, src.indexOf('kolla_external_vip_interface'), {}, docLink)!;
  assert.ok(alone.markdown.includes('which comes to `eth0`'), alone.markdown);
});

test('a removed variable: said to do nothing since its release, and what replaced it', () => {
  const h = kollaHover(GLOBALS, 'om_enable_rabbitmq_quorum_queues')!;
  assert.equal(slice(GLOBALS, h.span), 'om_enable_rabbitmq_quorum_queues');
  assert.ok(
    h.markdown.includes('**Removed**: it does nothing since kolla-ansible 2025.1 (quorum queues are always on); delete it.'),
    h.markdown,
  );
  assert.ok(h.markdown.includes('Turns into: nothing any more'));
});

test('credentials are never echoed: by the catalogue, by the name, in a vault, in a URL', () => {
  const pw = kollaHover(GLOBALS, 'keepalived_password')!;
  assert.ok(pw.markdown.includes('Value: a credential, never shown'));
  assert.ok(!pw.markdown.includes('s3cr3t'), pw.markdown);
  // on the value too
  const onValue = kollaHover(GLOBALS, 's3cr3t-vrrp', 1)!;
  assert.ok(!onValue.markdown.includes('s3cr3t'));
  const url = kollaHover(GLOBALS, 'database_address')!;
  assert.ok(url.markdown.includes('`mysql://root:***@db.example.com/`'), url.markdown);
  assert.ok(!url.markdown.includes('hunter2'));
  // not a variable we describe: no hover at all, and certainly no value
  assert.equal(kollaHover(GLOBALS, 'keystone_admin_password'), undefined);
  assert.equal(kollaHover(GLOBALS, 'rabbitmq_password'), undefined);
  // a finding on a secret: the finding's text, never the value
  const f: Finding = {
    rule: 'keepalived-tracks-haproxy',
    severity: 'warning',
    message: 'x',
    span: { start: GLOBALS.indexOf('keystone_admin_password'), end: GLOBALS.indexOf('keystone_admin_password') + 10 },
    fixes: [],
  };
  const withF = kollaHover(GLOBALS, 'keystone_admin_password', 2, { findings: [f] })!;
  assert.ok(withF.markdown.startsWith('**keepalived-tracks-haproxy**'), withF.markdown);
  assert.ok(!withF.markdown.includes('hunter2'));
  // a template that names a credential is not evaluated, whatever the deployment knows of it
  const ref = 'kolla_internal_fqdn: "{{ keystone_admin_password }}"\nkeystone_admin_password: hunter2\n';
  const secretValue = (n: string) =>
    n === 'keystone_admin_password' ? { known: true as const, value: 'hunter2' } : { known: false as const };
  const hr = kollaHover(ref, 'kolla_internal_fqdn', 0, { value: secretValue })!;
  assert.ok(hr.markdown.includes('Value here: `{{ keystone_admin_password }}`  \n'), hr.markdown);
  assert.ok(!hr.markdown.includes('hunter2'), hr.markdown);
  // a credential written without a URL's scheme, after its name
  const bare = kollaHover('database_address: "db password=hunter2"\n', 'database_address', 0)!;
  assert.ok(!bare.markdown.includes('hunter2'), bare.markdown);
  // a vault under a catalogued secret name
  const vault = 'keepalived_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162636465\n';
  const hv = kollaHover(vault, 'keepalived_password', 0)!;
  assert.ok(!hv.markdown.includes('ANSIBLE_VAULT') && !hv.markdown.includes('6162636465'), hv.markdown);
  // a vault under a variable that is no secret by name
  const v2 = 'kolla_internal_vip_address: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162636465\n';
  const h2 = kollaHover(v2, '6162', 0)!;
  assert.ok(h2.markdown.includes('Value: an Ansible Vault, never shown'), h2.markdown);
  assert.ok(!h2.markdown.includes('6162636465'));
});

test('hover: findings under the cursor follow the variable; nothing on an unknown variable or a blank line', () => {
  const src = 'keepalived_virtual_router_id: 51\nmy_own_var: 1\n\n';
  const f: Finding = { rule: 'keepalived-tracks-haproxy', severity: 'warning', message: 'x', span: { start: 30, end: 32 }, fixes: [] };
  const h = deployVarHover('kolla', parseGlobals(src, 'g'), src, 31, { findings: [f] }, docLink)!;
  assert.ok(h.markdown.includes('\n\n---\n\n**keepalived-tracks-haproxy**'), h.markdown);
  assert.ok(h.markdown.includes('file:///docs/keepalived-tracks-haproxy.md'));
  assert.equal(deployVarHover('kolla', parseGlobals(src, 'g'), src, src.indexOf('my_own'), {}, docLink), undefined);
  assert.equal(deployVarHover('kolla', parseGlobals(src, 'g'), src, src.length, {}, docLink), undefined);
});

test('OSA: hover in user_variables and one level under global_overrides of openstack_user_config.yml', () => {
  const uv = 'haproxy_keepalived_internal_virtual_router_id: 11\nhaproxy_use_keepalived: false\n';
  const h = deployVarHover('osa', parseGlobals(uv, 'user_variables.yml'), uv, 3, {}, docLink)!;
  assert.equal(slice(uv, h.span), 'haproxy_keepalived_internal_virtual_router_id');
  assert.ok(h.markdown.startsWith('**haproxy_keepalived_internal_virtual_router_id**: OpenStack-Ansible variable'), h.markdown);
  assert.ok(h.markdown.includes('Default: `11`'));
  assert.ok(h.markdown.includes("Turns into: `virtual_router_id` of keepalived's internal `vrrp_instance`"));
  const keep = deployVarHover('osa', parseGlobals(uv, 'u'), uv, uv.indexOf('haproxy_use'), {}, docLink)!;
  assert.ok(keep.markdown.includes('Default: `{{ groups.haproxy | length > 1 }}`'));
  assert.ok(keep.markdown.includes('Value here: `false`'));

  const cfg =
    'cidr_networks:\n  management: 172.29.236.0/22\nglobal_overrides:\n  internal_lb_vip_address: 172.29.236.9\n  management_bridge: "br-mgmt"\nshared_infra_hosts: {}\n';
  const g = parseGlobals(cfg, 'openstack_user_config.yml');
  const hv = deployVarHover('osa', g, cfg, cfg.indexOf('internal_lb_vip_address') + 1, {}, docLink)!;
  assert.equal(slice(cfg, hv.span), 'internal_lb_vip_address');
  assert.ok(hv.markdown.startsWith('**internal_lb_vip_address**: OpenStack-Ansible variable (in `global_overrides`)'), hv.markdown);
  assert.ok(hv.markdown.includes('Value here: `172.29.236.9`'));
  const onValue = deployVarHover('osa', g, cfg, cfg.indexOf('"br-mgmt"') + 2, {}, docLink)!;
  assert.equal(slice(cfg, onValue.span), '"br-mgmt"');
  // in openstack_user_config.yml only global_overrides holds variables
  const inCfg = { userConfig: true };
  assert.ok(deployVarHover('osa', g, cfg, cfg.indexOf('internal_lb_vip_address') + 1, inCfg, docLink));
  const topVar = 'internal_lb_vip_address: 10.0.0.9\n';
  assert.equal(deployVarHover('osa', parseGlobals(topVar, 'c'), topVar, 1, inCfg, docLink), undefined);
  assert.ok(deployVarHover('osa', parseGlobals(topVar, 'c'), topVar, 1, {}, docLink));
  // kolla reads no global_overrides; the key itself and other blocks have no hover
  assert.equal(deployVarHover('kolla', g, cfg, cfg.indexOf('internal_lb_vip_address') + 1, {}, docLink), undefined);
  assert.equal(deployVarHover('osa', g, cfg, cfg.indexOf('management:') + 1, {}, docLink), undefined);
});

// ---------------------------------------------------------------------------------------------
// completion

const labels = (r: { items: { label: string }[] } | undefined) => r!.items.map((i) => i.label);

test('completion of names at the start of an empty file and of a file: all but the removed, per-host, computed and secret ones', () => {
  const r = deployVarComplete('kolla', '', 0, {})!;
  assert.deepEqual([r.replaceStart, r.replaceEnd], [0, 0]);
  const names = labels(r);
  for (const n of ['kolla_internal_vip_address', 'keepalived_virtual_router_id', 'enable_haproxy', 'openstack_release'])
    assert.ok(names.includes(n), n);
  for (const n of [
    'om_enable_rabbitmq_quorum_queues',
    'om_enable_rabbitmq_high_availability',
    'om_enable_queue_manager',
    'om_enable_rabbitmq_transient_quorum_queue',
    'mariadb_shard_id',
    'kolla_same_external_internal_vip',
    'keepalived_password',
  ])
    assert.ok(!names.includes(n), n);
  const vrid = r.items.find((i) => i.label === 'keepalived_virtual_router_id')!;
  assert.equal(vrid.detail, 'default 51');
  assert.equal(vrid.insertText, 'keepalived_virtual_router_id: ');
  assert.equal(vrid.documentation, KOLLA_VARIABLES.keepalived_virtual_router_id.meaning);

  // typed at the start of a file that has more lines: the set names are left out, the word is replaced whole
  const { text, offset } = at('kee‸\nenable_haproxy: "yes"\n');
  const r2 = deployVarComplete('kolla', text, offset, {})!;
  assert.deepEqual([r2.replaceStart, r2.replaceEnd], [0, 3]);
  assert.ok(!labels(r2).includes('enable_haproxy'));
});

test('completion after a blank first line, in a CRLF file, at the end of a file without a newline', () => {
  const a = at('\nkeepalived_tr‸');
  const r = deployVarComplete('kolla', a.text, a.offset, {})!;
  assert.deepEqual([r.replaceStart, r.replaceEnd], [1, 14]);
  assert.ok(labels(r).includes('keepalived_traffic_mode'));

  const crlf = at('enable_haproxy: "yes"\r\nkeepalived_virtual_router_id: "52"\r\nena‸bl\r\n');
  const r2 = deployVarComplete('kolla', crlf.text, crlf.offset, {})!;
  const lineStart = crlf.text.lastIndexOf('enabl');
  assert.deepEqual([r2.replaceStart, r2.replaceEnd], [lineStart, lineStart + 5]);
  assert.ok(!labels(r2).includes('enable_haproxy') && !labels(r2).includes('keepalived_virtual_router_id'));
  assert.ok(labels(r2).includes('enable_keepalived'));

  // a value at EOF in a CRLF file: the value's start to the cursor
  const eof = at('openstack_release: "2025.2"\r\nenable_proxysql: ‸');
  const r3 = deployVarComplete('kolla', eof.text, eof.offset, {})!;
  assert.deepEqual([r3.replaceStart, r3.replaceEnd], [eof.offset, eof.offset]);
  assert.deepEqual(labels(r3), ['"yes"', '"no"']);
});

test('completion and hover after a byte-order mark, and with lone CR line breaks', () => {
  const bom = at('\uFEFFkee‸');
  const r = deployVarComplete('kolla', bom.text, bom.offset, {})!;
  assert.deepEqual([r.replaceStart, r.replaceEnd], [1, 4]);
  const atBom = deployVarComplete('kolla', '\uFEFFx', 0, {})!;
  assert.deepEqual([atBom.replaceStart, atBom.replaceEnd], [0, 0]);
  const cr = at('enable_haproxy: "yes"\rkeepalived_traffic_mode: ‸\renable_mariadb: "no"\r');
  const rc = deployVarComplete('kolla', cr.text, cr.offset, {})!;
  assert.deepEqual(labels(rc), ['multicast', 'unicast']);
  const keys = at('enable_haproxy: "yes"\r‸\renable_mariadb: "no"\r');
  const rk = labels(deployVarComplete('kolla', keys.text, keys.offset, {}));
  assert.ok(!rk.includes('enable_haproxy') && !rk.includes('enable_mariadb') && rk.includes('enable_memcached'));
  const src = '\uFEFFkeepalived_virtual_router_id: 51\n';
  const h = deployVarHover('kolla', parseGlobals(src, 'g'), src, 2, {}, docLink)!;
  assert.equal(slice(src, h.span), 'keepalived_virtual_router_id');
});

test('a key already followed by a colon: only the name is inserted, over the whole word', () => {
  const { text, offset } = at('enab‸le_haproxy: "yes"\n');
  const r = deployVarComplete('kolla', text, offset, {})!;
  assert.deepEqual([r.replaceStart, r.replaceEnd], [0, 14]);
  assert.equal(r.items.find((i) => i.label === 'enable_haproxy')!.insertText, 'enable_haproxy');
});

test('values after `name: `: booleans as the release writes them, enums with the default, the VRID as a hint', () => {
  // 2025.1 writes "yes"/"no": the typed quote and word are replaced, the closing quote too
  const q = at('openstack_release: "2025.1"\nenable_haproxy: "y‸es"\n');
  const r = deployVarComplete('kolla', q.text, q.offset, {})!;
  const start = q.text.indexOf('"yes"');
  assert.deepEqual([r.replaceStart, r.replaceEnd], [start, start + 5]);
  assert.deepEqual(
    r.items.map((i) => [i.label, i.insertText, i.detail]),
    [
      ['"yes"', '"yes"', 'default'],
      ['"no"', '"no"', undefined],
    ],
  );
  // 2026.1 (the newest, when no release is named) writes true/false
  const t = at('enable_mariadb: ‸');
  assert.deepEqual(
    deployVarComplete('kolla', t.text, t.offset, {})!.items.map((i) => [i.label, i.detail]),
    [
      ['true', 'default'],
      ['false', undefined],
    ],
  );
  // the release given by the caller wins over the file's
  assert.deepEqual(labels(deployVarComplete('kolla', t.text, t.offset, { release: '2025.2' })), ['"yes"', '"no"']);
  // no space after the colon: one is inserted
  const ns = at('keepalived_traffic_mode:‸');
  const rn = deployVarComplete('kolla', ns.text, ns.offset, {})!;
  assert.deepEqual(
    rn.items.map((i) => [i.insertText, i.preselect]),
    [
      [' multicast', true],
      [' unicast', undefined],
    ],
  );
  // a partly typed enum value, inside the line
  const mid = at('keepalived_traffic_mode: uni‸c # comment\n');
  const rm = deployVarComplete('kolla', mid.text, mid.offset, {})!;
  assert.deepEqual([rm.replaceStart, rm.replaceEnd], [25, 29]);
  // the VRID: a hint that changes nothing
  const v = at('keepalived_virtual_router_id: 5‸');
  const rv = deployVarComplete('kolla', v.text, v.offset, {})!;
  assert.deepEqual(
    rv.items.map((i) => [i.label, i.insertText, i.detail]),
    [['1-255', '5', 'a number from 1 to 255, unique on the network segment; default 51']],
  );
  assert.deepEqual([rv.replaceStart, rv.replaceEnd], [30, 31]);
});

test('no completion in a comment, inside a kolla mapping, for a free-text or unknown variable, or a secret', () => {
  const cases: [DeployTool, string][] = [
    ['kolla', '# kee‸\n'],
    ['kolla', 'enable_haproxy: "yes" # ‸\n'],
    ['kolla', 'nova_extra:\n  kee‸\n'],
    ['kolla', 'kolla_internal_vip_address: 10.‸'],
    ['kolla', 'my_own_var: ‸'],
    ['kolla', 'keepalived_password: ‸'],
    ['osa', 'provider_networks:\n  - netw‸\n'],
  ];
  for (const [tool, src] of cases) {
    const { text, offset } = at(src);
    assert.equal(deployVarComplete(tool, text, offset, {}), undefined, src);
  }
});

test('OSA: names and values in user_variables, and under global_overrides without the keys set there', () => {
  const r = deployVarComplete('osa', '', 0, {})!;
  const names = labels(r);
  assert.ok(names.includes('haproxy_use_keepalived') && names.includes('haproxy_keepalived_internal_vip_cidr'));
  assert.ok(!names.includes('haproxy_keepalived_authentication_password'));
  assert.ok(!names.includes('enable_haproxy'), 'no kolla names in an OSA file');
  assert.equal(r.items.find((i) => i.label === 'haproxy_keepalived_external_virtual_router_id')!.detail, 'default 10');
  assert.equal(r.items.find((i) => i.label === 'haproxy_use_keepalived')!.documentation, OSA_VARIABLES.haproxy_use_keepalived.meaning);

  const b = at('haproxy_use_keepalived: ‸\n');
  assert.deepEqual(labels(deployVarComplete('osa', b.text, b.offset, {})), ['true', 'false']);

  const cfg = at('global_overrides:\n  internal_lb_vip_address: 172.29.236.9\n  ext‸\n  management_bridge: br-mgmt\nused_ips: []\n');
  const rc = deployVarComplete('osa', cfg.text, cfg.offset, {})!;
  assert.deepEqual([rc.replaceStart, rc.replaceEnd], [cfg.offset - 3, cfg.offset]);
  const got = labels(rc);
  assert.ok(got.includes('external_lb_vip_address'));
  assert.ok(!got.includes('internal_lb_vip_address') && !got.includes('management_bridge'), got.join());
  // openstack_user_config.yml: its top level is the inventory, not variables
  const top = at('global_overrides:\n  management_bridge: br-mgmt\nhap‸\n');
  assert.equal(deployVarComplete('osa', top.text, top.offset, { userConfig: true }), undefined);
  assert.ok(deployVarComplete('osa', top.text, top.offset, {}));
  assert.deepEqual([rc.replaceStart, rc.replaceEnd], [cfg.offset - 3, cfg.offset]);
  const under = deployVarComplete('osa', cfg.text, cfg.offset, { userConfig: true })!;
  assert.deepEqual(labels(under), got);
  // a value under global_overrides
  const val = at('global_overrides:\n  haproxy_ssl: t‸\n');
  const rv = deployVarComplete('osa', val.text, val.offset, {})!;
  assert.deepEqual(labels(rv), ['true', 'false']);
  assert.deepEqual([rv.replaceStart, rv.replaceEnd], [val.offset - 1, val.offset]);
});

test('the knowledge holds together: topics exist, removed variables are described, ranges are VRRP ranges', () => {
  for (const [name, d] of [...Object.entries(KOLLA_VARIABLES), ...Object.entries(OSA_VARIABLES)]) {
    if (d.topic) assert.ok(TOPICS[d.topic], `${name}: topic ${d.topic}`);
    assert.ok(d.meaning.length > 20 && d.meaning.length < 400, name);
    if (d.values?.kind === 'range') assert.ok(d.values.min >= 1 && d.values.max <= 255, name);
  }
  for (const name of Object.keys(KOLLA_REMOVED)) assert.ok(KOLLA_VARIABLES[name]?.becomes?.startsWith('nothing'), name);
  assert.ok(Object.keys(KOLLA_VARIABLES).length >= 30 && Object.keys(OSA_VARIABLES).length >= 15);
});
