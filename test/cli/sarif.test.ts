/**
 * SARIF for GitHub code scanning, through the built CLI: each rule's published help (its page as
 * shipped), fingerprints that survive lines moving, related locations of cross-file findings. The
 * SARIF 2.1.0 schema is not vendored (no validator for its draft-04 schema is a dependency): the
 * structure is asserted exactly instead.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/paths';
import { formatSarif } from '../../server/src/cli/format';
import { LineIndex } from '../../server/src/engine/text/line-index';
import { runCli as run, tempWorkspace } from '../support/cli';

const workspace = (files: Record<string, string>) => tempWorkspace(files, 'osha-sarif-');
interface Result {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
  relatedLocations?: unknown[];
}
const sarifOf = (dir: string, ...paths: string[]) => {
  const r = run(['lint', '--format', 'sarif', ...(paths.length ? paths : ['.'])], dir);
  assert.ok(r.code === 0 || r.code === 1, r.err);
  return JSON.parse(r.out);
};
const results = (dir: string): Result[] => sarifOf(dir).runs[0].results;
const print = (r: Result) => r.partialFingerprints['openstackHa/v1'];

const TWO_UNFENCED = `apiVersion: openstack-ha/v1
kind: Deployment
nodes:
  a: { address: 10.0.0.1 }
  b: { address: 10.0.0.2 }
  c: { address: 10.0.0.3 }
clusters:
  ctl: { members: [a, b, c], stonith: false }
  net: { members: [a, b, c], stonith: false }
`;

test('each rule: its https help URI on the published docs, its page as help.markdown and as plain help.text, level and tags', () => {
  const dir = workspace({ 'r.ha.yaml': TWO_UNFENCED });
  const driver = sarifOf(dir).runs[0].tool.driver;
  const rules = JSON.parse(run(['rules', '--format', 'json'], dir).out) as { id: string; title: string; why: string; severity: string }[];
  assert.deepEqual(
    driver.rules.map((r: { id: string }) => r.id),
    rules.map((r) => r.id),
  );
  const level: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
  for (const [i, r] of driver.rules.entries()) {
    assert.deepEqual(Object.keys(r), [
      'id',
      'shortDescription',
      'fullDescription',
      'helpUri',
      'help',
      'defaultConfiguration',
      'properties',
    ]);
    assert.equal(r.helpUri, `https://github.com/openstack-ha/openstack-ha/blob/main/docs/rules/${r.id}.md`);
    assert.deepEqual(r.shortDescription, { text: rules[i].title });
    assert.deepEqual(r.fullDescription, { text: rules[i].why });
    assert.deepEqual(r.defaultConfiguration, { level: level[rules[i].severity] });
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${r.id}.md`), 'utf8');
    // the page as shipped, but for its links to other pages, made absolute
    assert.equal(r.help.markdown.replace(/\]\(https:\/\/github\.com\/openstack-ha\/openstack-ha\/blob\/main\/docs\/rules\//g, ']('), page);
    assert.ok(r.help.text.startsWith(`${r.id}\n\n`), r.id);
    assert.doesNotMatch(r.help.text, /\*\*\w|```|^#{2,6} /m, r.id);
    assert.deepEqual(r.properties.tags.slice(0, 2), ['reliability', 'high-availability']);
  }
  const stonith = driver.rules.find((r: { id: string }) => r.id === 'stonith-disabled');
  assert.deepEqual(stonith.properties, { tags: ['reliability', 'high-availability', 'manifest'] });
  assert.match(stonith.help.text, /\n\nWhy\n\nA node that stops answering may still be running services/);
  assert.match(stonith.help.text, /\n    clusters:\n      ctl: \{ members: \[c1, c2, c3\], stonith: false \}\n/);
  // a link to another rule's page leads to the published page, in both forms
  const prod = driver.rules.find((r: { id: string }) => r.id === 'stonith-disabled-in-production');
  assert.ok(
    prod.help.markdown.includes(
      '[stonith-disabled](https://github.com/openstack-ha/openstack-ha/blob/main/docs/rules/stonith-disabled.md)',
    ),
  );
  assert.ok(
    prod.help.text.includes('stonith-disabled (https://github.com/openstack-ha/openstack-ha/blob/main/docs/rules/stonith-disabled.md)'),
  );
});

test('a result, exactly: level, message, location, fingerprint, fix', () => {
  const dir = workspace({ 'site/r.ha.yaml': TWO_UNFENCED });
  const s = sarifOf(dir);
  assert.deepEqual(Object.keys(s), ['$schema', 'version', 'runs']);
  assert.equal(s.version, '2.1.0');
  assert.deepEqual(Object.keys(s.runs[0]), ['tool', 'results', 'columnKind']);
  const r = s.runs[0].results[0];
  assert.match(print(r), /^[0-9a-f]{32}:1$/);
  assert.deepEqual(r, {
    ruleId: 'stonith-disabled',
    ruleIndex: s.runs[0].tool.driver.rules.findIndex((x: { id: string }) => x.id === 'stonith-disabled'),
    level: 'error',
    message: { text: r.message.text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: 'site/r.ha.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 8, startColumn: 39, endLine: 8, endColumn: 44 },
        },
      },
    ],
    partialFingerprints: { 'openstackHa/v1': print(r) },
    fixes: [
      {
        description: { text: 'Set stonith: true' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'site/r.ha.yaml', uriBaseId: '%SRCROOT%' },
            replacements: [
              { deletedRegion: { startLine: 8, startColumn: 39, endLine: 8, endColumn: 44 }, insertedContent: { text: 'true' } },
            ],
          },
        ],
      },
    ],
  });
  assert.match(r.message.text, /^cluster 'ctl' \(3 members\) has STONITH off in a production deployment/);
});

test('fingerprints: unchanged when lines move, changed with the flagged text, distinct for two equal findings', () => {
  const dir = workspace({ 'r.ha.yaml': TWO_UNFENCED });
  const before = results(dir);
  assert.deepEqual(
    before.map((r) => [r.ruleId, r.locations[0].physicalLocation.region.startLine]),
    [
      ['stonith-disabled', 8],
      ['stonith-disabled', 9],
    ],
  );
  // the two findings flag the same text with the same rule: numbered 1 and 2 in the order of the file
  const [p1, p2] = before.map(print);
  assert.equal(p1.split(':')[0], p2.split(':')[0]);
  assert.deepEqual([p1.split(':')[1], p2.split(':')[1]], ['1', '2']);
  assert.notEqual(p1, p2);

  // blank lines and comments above: the lines move, the fingerprints stay
  fs.writeFileSync(
    path.join(dir, 'r.ha.yaml'),
    '# the production cloud\n\n\n' + TWO_UNFENCED.replace('clusters:\n', 'clusters:\n  # two clusters\n\n'),
  );
  const moved = results(dir);
  assert.deepEqual(
    moved.map((r) => r.locations[0].physicalLocation.region.startLine),
    [13, 14],
  );
  assert.deepEqual(moved.map(print), [p1, p2]);

  // another file name, or another flagged text, is another finding
  fs.renameSync(path.join(dir, 'r.ha.yaml'), path.join(dir, 'q.ha.yaml'));
  assert.notEqual(results(dir).map(print)[0], p1);
  // YAML's False is the same false, in other words
  fs.writeFileSync(path.join(dir, 'q.ha.yaml'), TWO_UNFENCED.replace(/stonith: false/g, 'stonith: False'));
  const changed = results(dir);
  assert.deepEqual(
    changed.map((r) => r.ruleId),
    ['stonith-disabled', 'stonith-disabled'],
  );
  assert.notEqual(print(changed[0]).split(':')[0], p1.split(':')[0]);
});

test('a cross-file finding: relatedLocations with their messages, in the file the finding compared with', () => {
  const dir = workspace({
    'site.ha.yaml':
      'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes:\n  ctl1: { address: 10.0.0.11 }\n  ctl2: { address: 10.0.0.12 }\n  ctl3: { address: 10.0.0.13 }\nclusters:\n  ctl: { members: [ctl1, ctl2, ctl3], stonith: true }\n',
    'ctl1/etc/corosync/corosync.conf':
      'totem {\n  version: 2\n  cluster_name: ctl\n}\nnodelist {\n  node {\n    name: ctl1\n    ring0_addr: 10.0.0.11\n  }\n  node {\n    name: ctl2\n    ring0_addr: 10.0.0.12\n  }\n}\n',
  });
  const drift = results(dir).find((r) => r.ruleId === 'corosync-nodelist-drift')!;
  // code scanning shows a related location where the message links to it by id
  assert.equal(
    drift.message.text,
    "the nodelist leaves out ctl3 (10.0.0.13), member of cluster 'ctl' in site.ha.yaml: it never joins the cluster corosync forms (see [members of cluster 'ctl' in site.ha.yaml](0), [ctl3 in site.ha.yaml](1))",
  );
  assert.deepEqual(drift.relatedLocations, [
    {
      id: 0,
      message: { text: "members of cluster 'ctl' in site.ha.yaml" },
      physicalLocation: {
        artifactLocation: { uri: 'site.ha.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 8, startColumn: 19, endLine: 8, endColumn: 37 },
      },
    },
    {
      id: 1,
      message: { text: 'ctl3 in site.ha.yaml' },
      physicalLocation: {
        artifactLocation: { uri: 'site.ha.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 6, startColumn: 3, endLine: 6, endColumn: 7 },
      },
    },
  ]);
});

test('--output FILE writes the report there and nothing to stdout; the exit status is the same', () => {
  const dir = workspace({ 'r.ha.yaml': TWO_UNFENCED });
  const r = run(['lint', '--format', 'sarif', '--output', 'out/report.sarif', '.'], dir);
  assert.equal(r.code, 2, 'no folder out/ yet');
  assert.match(r.err, /^openstack-ha: cannot write out\/report\.sarif: /);
  fs.mkdirSync(path.join(dir, 'out'));
  const ok = run(['lint', '--format', 'sarif', '--output=out/report.sarif', '.'], dir);
  assert.equal(ok.code, 1);
  assert.equal(ok.out, '');
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'out', 'report.sarif'), 'utf8')).runs[0].results.length, 2);
  const text = run(['lint', '-o', 'report.txt', 'r.ha.yaml'], dir);
  assert.equal(text.code, 1);
  assert.match(
    fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'),
    /^r\.ha\.yaml\n.*\n.*\n\n2 errors, 0 warnings, 0 info in 1 of 1 file checked \(1 HA manifest\)\n$/,
  );
});

test('a credential on the flagged line never goes into its fingerprint: another password, the same fingerprint', () => {
  const conf = (pw: string) =>
    `vrrp_instance internal {\n    state BACKUP\n    interface br-mgmt\n    virtual_router_id 51\n    priority 101\n    authentication {\n        auth_type PASS\n        auth_pass ${pw}\n    }\n    virtual_ipaddress {\n        10.0.0.11/24 dev br-mgmt\n    }\n}\n`;
  const dir = workspace({ 'lb1/keepalived.conf': conf('averylongpasswordZq') });
  const find = () => results(dir).find((r) => r.ruleId === 'keepalived-auth-pass-truncated')!;
  const before = find();
  assert.equal(before.locations[0].physicalLocation.region.startLine, 8);
  fs.writeFileSync(path.join(dir, 'lb1/keepalived.conf'), conf('adifferentlongpwZq'));
  assert.equal(print(find()), print(before));
});

test('brackets in a related location message are escaped in the link text', () => {
  const lines = new LineIndex('a: 1\n');
  const report = {
    file: 'a.ha.yaml',
    lines,
    findings: [
      {
        rule: 'stonith-disabled',
        severity: 'error' as const,
        message: 'm',
        span: { start: 0, end: 1 },
        fixes: [],
        related: [{ file: 'b.ha.yaml', span: { start: 0, end: 1 }, message: 'members [a, b] \\ here' }],
      },
    ],
  };
  const out = JSON.parse(formatSarif([report], '0'));
  assert.equal(out.runs[0].results[0].message.text, 'm (see [members \\[a, b\\] \\\\ here](0))');
});
