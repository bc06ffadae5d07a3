/** "Disable <rule> for this file": the comment's text and place for each kind of file, and that it silences the finding. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintFile } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/engine/fixes';
import { disableFileEdit } from '../../server/src/engine/service/suppress';

/** Applies "disable for this file" for `rule` and returns the new text, after checking the finding was there and is gone. */
function silence(path: string, text: string, rule: string): string {
  const before = lintFile(path, text)!.findings.filter((f) => f.rule === rule);
  assert.ok(before.length > 0, `${path} has no ${rule} finding`);
  const edit = disableFileEdit(text, rule);
  assert.ok(edit, `no edit for ${rule}`);
  const after = applyEdits(text, [edit]);
  const r = lintFile(path, after)!;
  assert.deepEqual(
    r.findings.filter((f) => f.rule === rule),
    [],
  );
  // and the file reads as before: no new parse error
  const parseErrors = (findings: { rule: string }[]) => findings.filter((f) => f.rule === 'parse-error').length;
  assert.equal(parseErrors(r.findings), parseErrors(lintFile(path, text)!.findings));
  return after;
}

const MANIFEST = `apiVersion: openstack-ha/v1
kind: Deployment
metadata: { name: lab, environment: production }
nodes:
  c1: { address: 10.0.0.11, roles: [controller] }
  c2: { address: 10.0.0.12, roles: [controller] }
clusters:
  controllers: { members: [c1, c2], stonith: true }
`;

test('a manifest: the comment goes on the first line, and the finding is gone', () => {
  const rule = 'two-node-without-two-node-mode';
  assert.deepEqual(disableFileEdit(MANIFEST, rule), {
    start: 0,
    end: 0,
    newText: '# openstack-ha-disable two-node-without-two-node-mode\n',
  });
  silence('site.ha.yaml', MANIFEST, rule);
});

test('a manifest with %YAML directives: after the `---` that ends them', () => {
  const text = `%YAML 1.2\n---\n${MANIFEST}`;
  assert.deepEqual(disableFileEdit(text, 'two-node-without-two-node-mode'), {
    start: 14,
    end: 14,
    newText: '# openstack-ha-disable two-node-without-two-node-mode\n',
  });
  silence('site.ha.yaml', text, 'two-node-without-two-node-mode');

  // a plain `---` at the top is a document start, not the end of directives: the comment may go before it
  assert.equal(disableFileEdit(`---\n${MANIFEST}`, 'r')!.start, 0);
});

test('an oslo.config .conf file, in its \\r\\n line breaks', () => {
  const text = '[DEFAULT]\r\ntransport_url = rabbit://u:p@h1:5672/\r\n';
  assert.deepEqual(disableFileEdit(text, 'rabbit-queue-replication'), {
    start: 0,
    end: 0,
    newText: '# openstack-ha-disable rabbit-queue-replication\r\n',
  });
  assert.equal(
    silence('/etc/nova/nova.conf', text, 'rabbit-queue-replication'),
    '# openstack-ha-disable rabbit-queue-replication\r\n[DEFAULT]\r\ntransport_url = rabbit://u:p@h1:5672/\r\n',
  );
});

test('haproxy.cfg: every finding of the rule in the file is silenced by one line', () => {
  const text = 'global\n    daemon\n\nlisten api\n    bind 10.0.0.10:8774\n    server c1 10.0.0.11:8774\n    server c2 10.0.0.12:8774\n';
  assert.equal(lintFile('haproxy.cfg', text)!.findings.filter((f) => f.rule === 'haproxy-server-health-check').length, 2);
  assert.equal(silence('haproxy.cfg', text, 'haproxy-server-health-check'), `# openstack-ha-disable haproxy-server-health-check\n${text}`);
});

test('a Pacemaker CIB: an XML comment after the XML declaration (nothing may come before it)', () => {
  const text =
    '<?xml version="1.0"?>\n<cib validate-with="pacemaker-3.0" epoch="1" num_updates="0" admin_epoch="0">\n  <configuration>\n    <crm_config>\n      <cluster_property_set id="o">\n        <nvpair id="o1" name="stonith-enabled" value="false"/>\n      </cluster_property_set>\n    </crm_config>\n    <nodes/>\n    <resources/>\n    <constraints/>\n  </configuration>\n</cib>\n';
  assert.deepEqual(disableFileEdit(text, 'stonith-disabled-in-production'), {
    start: 22,
    end: 22,
    newText: '<!-- openstack-ha-disable stonith-disabled-in-production -->\n',
  });
  silence('cib.xml', text, 'stonith-disabled-in-production');
  // without a declaration: on the first line
  assert.equal(disableFileEdit(text.slice(22), 'r')!.start, 0);
});

test('a shell script: after its shebang', () => {
  const text = '#!/bin/sh\npcs property set stonith-enabled=false\n';
  assert.equal(
    silence('setup.sh', text, 'stonith-disabled-in-production'),
    '#!/bin/sh\n# openstack-ha-disable stonith-disabled-in-production\npcs property set stonith-enabled=false\n',
  );
  // a shebang and nothing else, without a line break: a line break first
  assert.deepEqual(disableFileEdit('#!/bin/sh', 'r'), { start: 9, end: 9, newText: '\n# openstack-ha-disable r\n' });
});

test('a file that already disables rules for the whole file gets the rule added to that line', () => {
  const text = `# openstack-ha-disable cluster-min-three-nodes\n${MANIFEST}`;
  assert.deepEqual(disableFileEdit(text, 'two-node-without-two-node-mode'), {
    start: 46,
    end: 46,
    newText: ', two-node-without-two-node-mode',
  });
  assert.match(
    silence('site.ha.yaml', text, 'two-node-without-two-node-mode'),
    /^# openstack-ha-disable cluster-min-three-nodes, two-node-without-two-node-mode\n/,
  );
  const xml = '<!-- openstack-ha-disable a -->\n<cib/>\n';
  assert.equal(applyEdits(xml, [disableFileEdit(xml, 'b')!]), '<!-- openstack-ha-disable a, b -->\n<cib/>\n');
  // a disable-line comment is not a whole-file one
  assert.equal(disableFileEdit('# openstack-ha-disable-next-line a\nx: 1\n', 'b')!.newText, '# openstack-ha-disable b\n');
});

test('a file that starts with a byte-order mark: the mark stays first and the comment goes at the end', () => {
  // haproxy's parser reads `\ufeff#` as text, so the comment cannot follow the mark
  const text = '\ufeffglobal\n    daemon\n\nlisten api\n    bind 10.0.0.10:8774\n    server c1 10.0.0.11:8774';
  assert.equal(
    silence('haproxy.cfg', text, 'haproxy-server-health-check'),
    `${text}\n# openstack-ha-disable haproxy-server-health-check\n`,
  );
  assert.deepEqual(disableFileEdit('\ufeffa: 1\r\n', 'r'), { start: 7, end: 7, newText: '# openstack-ha-disable r\r\n' });
});

test('not offered for a parse error: a comment does not make the file parse', () => {
  assert.equal(disableFileEdit('a: [\n', 'parse-error'), undefined);
});
