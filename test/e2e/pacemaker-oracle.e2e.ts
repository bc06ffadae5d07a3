/**
 * crm_verify (pacemaker-cli-utils) is the ground truth for a CIB. Its <status> and <nodes> are emptied
 * first, as ../shared/notes/real-tool-checkers.md advises, so that it judges the configuration and
 * not the state of a cluster. "Errors found" is a rejection; "Warnings found" (same exit code) is not.
 * When crm_verify rejects a file we report at least one error; when we report a syntax error
 * (parse-error) crm_verify rejects it. Known disagreements carry a reason.
 */
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintPacemaker } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { JUDGES } from './sandbox';
import { mutationCases, runDifferential } from './differential';

const MUTATIONS: [string, (t: string) => string][] = [
  ['a sound CIB', (t) => t],
  ['no fence device', (t) => t.replace(/ {6}<primitive id="fence-c1"[\s\S]*?<\/primitive>\n/, '')],
  [
    'fencing disabled (valid for crm_verify, an HA error for us)',
    (t) =>
      t.replace(
        '<nvpair id="opt-recheck"',
        '<nvpair id="opt-stonith" name="stonith-enabled" value="false"/>\n        <nvpair id="opt-recheck"',
      ),
  ],
  [
    'no-quorum-policy=ignore on three nodes (valid for crm_verify, an HA error for us)',
    (t) =>
      t.replace(
        '<nvpair id="opt-recheck"',
        '<nvpair id="opt-nqp" name="no-quorum-policy" value="ignore"/>\n        <nvpair id="opt-recheck"',
      ),
  ],
  ['a colocation naming an unknown resource', (t) => t.replace('with-rsc="vip"', 'with-rsc="vipx"')],
  ['an op without a name', (t) => t.replace('<op id="vip-mon" name="monitor"', '<op id="vip-mon"')],
  ['an id used twice', (t) => t.replace('id="vip-mask"', 'id="vip-ip"')],
  ['a primitive without a type', (t) => t.replace(' type="haproxy"', '')],
  ['an element left open', (t) => t.replace('    </constraints>\n', '')],
  ['a VIP with no colocation (valid for crm_verify, an HA error for us)', (t) => t.replace(/ {6}<rsc_colocation[^\n]*\n/, '')],
  [
    'a property value Pacemaker cannot take',
    (t) => t.replace('value="5min"', 'value="5min"/>\n        <nvpair id="opt-nqp" name="no-quorum-policy" value="stopp"'),
  ],
  [
    'a misspelt property name (Pacemaker ignores it; a warning for us)',
    (t) => t.replace('name="cluster-recheck-interval"', 'name="cluster-recheck-intervall"'),
  ],
  ['two attributes without a blank between them', (t) => t.replace('<primitive id="vip" class="ocf"', '<primitive id="vip"class="ocf"')],
  ['no constraints section', (t) => t.replace(/ {4}<constraints>[\s\S]*?<\/constraints>\n/, '')],
  [
    'a colocation naming the primitive inside a clone',
    (t) => t.replace('rsc="lb-haproxy-clone" with-rsc="vip"', 'rsc="lb-haproxy" with-rsc="vip"'),
  ],
  [
    "a pacemaker_remote node sharing its resource's id (valid)",
    (t) =>
      t
        .replace(
          '      <node id="3" uname="controller3"/>\n',
          '      <node id="3" uname="controller3"/>\n      <node id="compute-1" uname="compute-1" type="remote"/>\n',
        )
        .replace(
          '    </resources>',
          '      <primitive id="compute-1" class="ocf" provider="pacemaker" type="remote">\n        <operations>\n          <op id="compute-1-monitor" name="monitor" interval="60s"/>\n        </operations>\n      </primitive>\n    </resources>',
        ),
  ],
  [
    'a cluster property Pacemaker 2.0 took out of crm_config',
    (t) =>
      t.replace(
        '<nvpair id="opt-recheck"',
        '<nvpair id="opt-stick" name="default-resource-stickiness" value="100"/>\n        <nvpair id="opt-recheck"',
      ),
  ],
];
const KNOWN: Record<string, string> = {
  // none today
};

test('crm_verify agrees with our errors on a CIB and its mutations', (t) => {
  if (spawnSync('crm_verify', ['--version']).status !== 0)
    throw new Error('crm_verify is not installed (scripts/e2e/setup.sh installs pacemaker-cli-utils)');
  const base = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'pacemaker', 'cib.xml'), 'utf8');
  runDifferential(t, {
    tool: 'crm_verify',
    cases: mutationCases(base, MUTATIONS),
    known: KNOWN,
    verdict: JUDGES.crm_verify!,
    ours: (text) => lintPacemaker(text, 'cib').findings,
  });
});
