/** Every rule has a doc page whose examples lint as the page claims (after typescript-eslint's docs tests). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../server/src/engine/rules';
import {
  lintCnf,
  lintConf,
  lintCorosync,
  lintFirewall,
  lintHaproxy,
  lintKeepalived,
  lintManifest,
  lintPacemaker,
} from '../../server/src/engine/lint';
import { topologyFromSettings } from '../../server/src/engine/model/topology';
import { manifestJsonSchema } from '../../server/src/engine/documents/manifest/json-schema';
import { ruleTable } from '../../server/src/tools/rule-table';
import { analyseAll } from '../support/workspace';
import { Finding } from '../../server/src/engine/types';
import { checkConfig } from '../../server/src/engine/config';

const ROOT = path.resolve(__dirname, '../../..');
const DOCS = path.join(ROOT, 'docs', 'rules');
const block = (md: string, heading: string) =>
  new RegExp(`## ${heading}\\n\\n\`\`\`(?:yaml|ini|haproxy|corosync|keepalived|sh|crm|xml|text)\\n([\\s\\S]*?)\`\`\``).exec(md)?.[1];
/** An ini example starts with `# <catalogue file>`; a yaml one is a manifest. */
const lintExample = (text: string): { findings: Finding[] } => {
  // a whole deployment: `#- path` starts each file; every file is checked in one workspace, as the CLI does
  if (text.startsWith('#- ')) return { findings: [...analyseAll(text).results.values()].flatMap((r) => r.findings) };
  // `# nova.conf (vips: A; controllers: B, C)`: the catalogue file, and the deployment as .openstack-ha.yaml would give it
  // `# cinder.conf (peer host: X)`: another node's cinder.conf sets host X
  // the project's settings file: its own findings (unknown rule ids)
  if (text.startsWith('# .openstack-ha.yaml\n')) return checkConfig(text);
  if (text.startsWith('# corosync.conf\n')) return lintCorosync(text);
  // a host firewall: `# firewall script` (iptables / firewall-cmd / ufw commands) or `# rules.v4` (iptables-save)
  if (text.startsWith('# firewall script\n')) return lintFirewall(text, 'script');
  if (text.startsWith('# rules.v4\n')) return lintFirewall(text, 'iptables-save');
  // Pacemaker: `# pcs` (a pcs script), `# crm` (a crm shell file), or a CIB
  if (text.startsWith('# pcs\n')) return lintPacemaker(text, 'pcs');
  if (text.startsWith('# crm\n')) return lintPacemaker(text, 'crm');
  if (text.startsWith('<cib')) return lintPacemaker(text, 'cib');
  if (text.startsWith('# keepalived.conf\n')) return lintKeepalived(text);
  const cnf = /^# my\.cnf(?: \(vips: ([^;]+); controllers: ([^)]+)\))?\n/.exec(text);
  if (cnf)
    return lintCnf(text, undefined, {
      topology: cnf[1]
        ? topologyFromSettings(
            cnf[1].split(',').map((x) => x.trim()),
            cnf[2].split(',').map((x) => x.trim()),
            '.openstack-ha.yaml',
          )
        : undefined,
    });
  const m = /^# ([\w.-]+\.(?:conf|ini|cfg))(?: \(vips: ([^;]+); controllers: ([^)]+)\)| \(peer host: ([^)]+)\))?\n/.exec(text);
  if (!m) return lintManifest(text);
  const list = (s?: string) => s?.split(',').map((x) => x.trim());
  if (m[1] === 'haproxy.cfg')
    return lintHaproxy(text, undefined, {
      topology: m[2] ? topologyFromSettings(list(m[2])!, list(m[3])!, '.openstack-ha.yaml') : undefined,
    });
  const peers = m[4] ? [{ file: '../node2/cinder.conf', kind: 'cinder.conf', host: m[4] }] : [];
  return lintConf(m[1], text, { rules: {}, vips: list(m[2]), controllers: list(m[3]) }, { peers });
};

test('every rule has a doc page and every doc page a rule', () => {
  const pages = fs
    .readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
  assert.deepEqual(pages, ALL_RULES.map((r) => r.id).sort());
});

for (const rule of ALL_RULES) {
  test(`docs/rules/${rule.id}.md: the bad example fires the rule, the good one does not`, () => {
    const md = fs.readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8');
    assert.ok(md.startsWith(`# ${rule.id}\n`));
    assert.ok(md.includes(`Default severity: \`${rule.severity}\``));
    const bad = block(md, 'Bad'),
      good = block(md, 'Good');
    if (rule.id === 'file-too-large') return; // an example would be a megabyte long
    if (rule.id === 'file-unreadable') return; // made by the host's reader: tested in test/cli/bad-input.test.ts
    if (rule.id === 'check-incomplete') return; // needs rules that run 1.5 s: tested in test/engine/time-bounds.test.ts
    if (rule.id === 'haproxy-service-port-collision') {
      assert.match(md, /osapi_compute_listen/);
      return;
    } // needs haproxy.cfg with the services' files: tested in test/rules/haproxy-service-port-collision.test.ts and test/cli
    if (rule.id === 'sysctl-nonlocal-bind') {
      assert.match(md, /ip_nonlocal_bind = 1/);
      return;
    } // needs haproxy.cfg with the nodes' sysctl files: tested in test/rules/sysctl-nonlocal-bind.test.ts and test/cli
    if (rule.id === 'galera-clustercheck-endpoint') {
      assert.match(md, /galera-monitor/);
      return;
    } // needs haproxy.cfg with the nodes' xinetd files: tested in test/rules/galera-clustercheck-endpoint.test.ts and test/cli
    if (rule.id === 'keepalived-partition-duplicate-vip') {
      assert.match(md, /manager: keepalived/);
      return;
    } // needs a manifest and a keepalived.conf together: tested in test/rules/keepalived-partition-duplicate-vip.test.ts
    assert.ok(bad && good, 'the page has Bad and Good yaml blocks');
    assert.ok(
      lintExample(bad!).findings.some((f) => f.rule === rule.id),
      `bad example does not fire ${rule.id}: ${lintExample(bad!).findings.map((f) => f.rule)}`,
    );
    const goodRules = lintExample(good!).findings.map((f) => f.rule);
    assert.ok(!goodRules.includes(rule.id), `good example fires ${rule.id}`);
  });
}

test("every doc page says which real tool agrees, as the rule's metadata does", () => {
  const wrong: string[] = [];
  for (const rule of ALL_RULES) {
    const md = fs.readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8');
    const section = /\n## Real tool\n\n([\s\S]*?)\n## /.exec(md)?.[1];
    if (!section) {
      wrong.push(`${rule.id}: no "## Real tool" section`);
      continue;
    }
    const said = [...section.matchAll(/^- `([^`]+)` (refuses|warns|accepts)\b/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
    const meta = Object.entries(rule.tools ?? {})
      .map(([tool, verdict]) => `${tool} ${verdict}`)
      .sort();
    if (said.join(', ') !== meta.join(', '))
      wrong.push(`${rule.id}: the page says [${said.join(', ')}], the metadata [${meta.join(', ')}]`);
    if (!meta.length && !/^No real tool/m.test(section))
      wrong.push(`${rule.id}: no tool in the metadata, and the page does not say that no real tool reads these files`);
    // an error no tool refuses must say why it is right all the same (after "accepts it:")
    for (const [tool, verdict] of Object.entries(rule.tools ?? {})) {
      if (verdict === 'accepts' && !new RegExp(`^- \`${tool.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` accepts it: \\S`, 'm').test(section))
        wrong.push(`${rule.id}: says ${tool} accepts the file without saying why`);
    }
  }
  assert.deepEqual(wrong, []);
});

test("the README's table of rules is the one their metadata makes (node scripts/gen-readme-rules.mjs)", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.ok(readme.includes(`${ruleTable(ALL_RULES)}\n\n`), 'README.md: run `node scripts/gen-readme-rules.mjs`');
});

test('examples/region-one/good.ha.yaml has no finding at all', () => {
  const r = lintManifest(fs.readFileSync(path.join(ROOT, 'examples', 'region-one', 'good.ha.yaml'), 'utf8'));
  assert.deepEqual(
    r.findings.map((f) => `${f.rule}: ${f.message}`),
    [],
  );
});

test('examples/bad.ha.yaml shows the mistakes it documents', () => {
  const r = lintManifest(fs.readFileSync(path.join(ROOT, 'examples', 'bad.ha.yaml'), 'utf8'));
  assert.deepEqual([...new Set(r.findings.map((f) => f.rule))].sort(), [
    'address-conflict',
    'cinder-volume-active-active',
    'cluster-even-node-count',
    'cluster-min-three-nodes',
    'failure-domain-concentration',
    'failure-domain-loss',
    'galera-multi-writer',
    'lb-single-point-of-failure',
    'network-path-redundancy',
    'quorum-ignored-multi-node',
    'schema-invalid-value',
    'service-not-behind-balancer',
    'shared-storage-backend',
    'stonith-disabled',
    'two-node-without-two-node-mode',
    'unknown-reference',
    'vip-missing',
  ]);
});

test('the shipped JSON Schema is the one schema.ts generates', () => {
  const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'openstack-ha.schema.json'), 'utf8'));
  assert.deepEqual(shipped, manifestJsonSchema(), 'run `npm run gen:schema`');
});
