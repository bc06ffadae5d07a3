import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintConf } from '../../server/src/engine/lint';
import { confComplete, confHover, confSymbols } from '../../server/src/engine/service/conf';
import { confKind } from '../../server/src/engine/documents/oslo-conf/recognise';
import { parseConf } from '../../server/src/engine/documents/oslo-conf/parse';

const docLink = (id: string) => `file:///docs/${id}.md`;
function at(src: string) {
  const offset = src.indexOf('‸');
  return { text: src.replace('‸', ''), offset };
}

test('the parser follows oslo.config: comments only at column 0, continuation lines, quotes, both separators', () => {
  const f = parseConf('[DEFAULT]\n# a comment\nkey1 = "quoted"\nkey2: v1\n  # not a comment\n  v3\n;x\n[s]\nempty =\n');
  assert.deepEqual(
    f.entries.map((e) => [e.key, e.value]),
    [
      ['key1', 'quoted'],
      ['key2', 'v1\n# not a comment\nv3'],
      ['empty', ''],
    ],
  );
  assert.deepEqual(
    f.comments.map((c) => c.text),
    ['# a comment', ';x'],
  );
  assert.deepEqual(
    parseConf('  orphan\n[broken\nno separator\n= v\n').problems.map((p) => p.message),
    [
      'a line that starts with white space continues a value, but there is no value to continue',
      "section header '[broken' has no closing ]",
      "'no separator' is neither a section, an option (key = value) nor a comment",
      'an option with no name before the separator',
    ],
  );
});

test('files are recognised by name, by /etc/<service>/ and by modeline, never every .conf', () => {
  assert.equal(confKind('/x/nova.conf', ''), 'nova.conf');
  assert.equal(confKind('/etc/neutron/plugins/ml2/ml2_conf.ini', ''), 'ml2_conf.ini');
  assert.equal(confKind('/etc/cinder/cinder-volume-extra.conf', ''), 'cinder.conf');
  assert.equal(confKind('/srv/site/compute.conf', '# openstack-conf: nova.conf\n[DEFAULT]\n'), 'nova.conf');
  assert.equal(confKind('/etc/nginx/nginx.conf', 'worker_processes 1;\n'), undefined);
  assert.equal(confKind('/srv/app.conf', '[DEFAULT]\ndebug = true\n'), undefined);
  assert.equal(confKind('/srv/templates/nova.conf.j2', '[DEFAULT]\n'), undefined);
});

test("hover on an option: type, default, deprecation, reference link and the guide's advice", () => {
  const { text, offset } = at('[keystone_authtoken]\nmemcached_serv‸ers = c1:11211\n');
  const r = lintConf('nova.conf', text);
  const h = confHover(r.conf!, r.findings, offset, docLink)!;
  assert.match(h.markdown, /^\*\*\[keystone_authtoken\] memcached_servers\*\*: list of string/);
  assert.match(h.markdown, /Old names: \[keystone_authtoken\] memcache_servers/);
  assert.match(h.markdown, /\[Configuration reference\]\(https:\/\/docs\.openstack\.org\/nova\/2025\.1\/configuration\/\)/);
  assert.match(h.markdown, /\*\*memcached: clients list every server\.\*\*/);
});

test('secrets never show: not in messages, hovers or outline', () => {
  const src =
    '[DEFAULT]\ntransport_url = rabbit://openstack:Sup3rS3cret@c1:5672/ # x\n[database]\nconnection = mysql://nova:DbPa55@10.0.0.11/nova\nmax_retries = x\n[keystone_authtoken]\npassword = KsPa55 # note\nauth_type = password\nwww_authenticate_uri = http://admin:UrlPa55@10.0.0.11:5000 # x\n';
  const r = lintConf('nova.conf', src);
  const all = [...r.findings.map((f) => f.message), ...r.findings.flatMap((f) => f.fixes.map((x) => x.title))];
  for (let o = 0; o < src.length; o += 7) {
    const h = confHover(r.conf!, r.findings, o, docLink);
    if (h) all.push(h.markdown);
  }
  all.push(JSON.stringify(confSymbols(r.conf!)));
  const leaked = all.filter((m) => /Sup3rS3cret|DbPa55|KsPa55|UrlPa55/.test(m));
  assert.deepEqual(leaked, []);
  const trailing = r.findings.filter((f) => f.rule === 'value-trailing-comment').map((f) => f.message);
  assert.ok(trailing.includes("'# x' is part of the value of transport_url: oslo.config reads '***'"), trailing.join('\n'));
  assert.ok(
    trailing.includes("'# x' is part of the value of www_authenticate_uri: oslo.config reads 'http://admin:***@10.0.0.11:5000 # x'"),
    trailing.join('\n'),
  );
});

test('completion: sections, options with their default, enum values and booleans', () => {
  let c = at('[DEFAULT]\ndebug = true\n[keystone_auth‸');
  let r = lintConf('nova.conf', c.text);
  assert.ok(
    confComplete(r.conf!, c.text, c.offset)!.items.some((i) => i.label === 'keystone_authtoken' && i.insertText === 'keystone_authtoken]'),
  );
  c = at('[database]\nconnection = sqlite://\nmax_re‸\n');
  r = lintConf('nova.conf', c.text);
  const opt = confComplete(r.conf!, c.text, c.offset)!.items.find((i) => i.label === 'max_retries')!;
  assert.equal(opt.insertText, 'max_retries = 10');
  assert.ok(!confComplete(r.conf!, c.text, c.offset)!.items.some((i) => i.label === 'connection'), 'options already set are left out');
  c = at('[cache]\nbackend = ‸\n');
  r = lintConf('nova.conf', c.text);
  assert.ok(confComplete(r.conf!, c.text, c.offset)!.items.some((i) => i.label === 'dogpile.cache.pymemcache'));
  c = at('[DEFAULT]\ndebug = ‸\n');
  r = lintConf('nova.conf', c.text);
  assert.deepEqual(
    confComplete(r.conf!, c.text, c.offset)!.items.map((i) => i.label),
    ['true', 'false'],
  );
});
