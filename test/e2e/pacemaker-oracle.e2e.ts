/**
 * crm_verify (pacemaker-cli-utils) is the ground truth for a CIB. Its <status> and <nodes> are emptied
 * first, as ../shared/notes/real-tool-checkers.md advises, so that it judges the configuration and
 * not the state of a cluster. "Errors found" is a rejection; "Warnings found" (same exit code) is not.
 * When crm_verify rejects a file we report at least one error; when we report a syntax error
 * (parse-error) crm_verify rejects it. Known disagreements carry a reason.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintPacemaker } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { freshDir } from './support';
import { corpusCases, mutationCases, runDifferential } from './differential';

const MUTATIONS: [string, (t: string) => string][] = [
  ['a sound CIB', (t) => t],
  ['no fence device', (t) => t.replace(/ {6}<primitive id="fence-c1"[\s\S]*?<\/primitive>\n/, '')],
  ['fencing disabled (valid for crm_verify, an HA error for us)', (t) => t.replace('<nvpair id="opt-recheck"', '<nvpair id="opt-stonith" name="stonith-enabled" value="false"/>\n        <nvpair id="opt-recheck"')],
  ['no-quorum-policy=ignore on three nodes (valid for crm_verify, an HA error for us)', (t) => t.replace('<nvpair id="opt-recheck"', '<nvpair id="opt-nqp" name="no-quorum-policy" value="ignore"/>\n        <nvpair id="opt-recheck"')],
  ['a colocation naming an unknown resource', (t) => t.replace('with-rsc="vip"', 'with-rsc="vipx"')],
  ['an op without a name', (t) => t.replace('<op id="vip-mon" name="monitor"', '<op id="vip-mon"')],
  ['an id used twice', (t) => t.replace('id="vip-mask"', 'id="vip-ip"')],
  ['a primitive without a type', (t) => t.replace(' type="haproxy"', '')],
  ['an element left open', (t) => t.replace('    </constraints>\n', '')],
  ['a VIP with no colocation (valid for crm_verify, an HA error for us)', (t) => t.replace(/ {6}<rsc_colocation[^\n]*\n/, '')],
  ['a property value Pacemaker cannot take', (t) => t.replace('value="5min"', 'value="5min"/>\n        <nvpair id="opt-nqp" name="no-quorum-policy" value="stopp"')],
  ['a misspelt property name (Pacemaker ignores it; a warning for us)', (t) => t.replace('name="cluster-recheck-interval"', 'name="cluster-recheck-intervall"')],
];
const KNOWN: Record<string, string> = {
  // none today
};

/** Runs crm_verify on a copy whose state is emptied; true when it finds errors (not only warnings). */
function rejects(dir: string, text: string): { rejected: boolean; why: string } {
  const file = path.join(dir, 'cib.xml');
  fs.writeFileSync(file, text.replace(/<status>[\s\S]*?<\/status>/, '<status/>').replace(/<nodes>[\s\S]*?<\/nodes>/, '<nodes/>'));
  const r = spawnSync('crm_verify', ['-V', '--xml-file', file], { encoding: 'utf8', timeout: 60_000 });
  assert.ok(r.status !== null, `crm_verify did not finish: ${r.stderr}`);
  const out = r.stdout + r.stderr;
  return { rejected: r.status !== 0 && /Errors found/.test(out), why: out.split('\n').find((l) => /error/i.test(l))?.trim() ?? '' };
}

test('crm_verify agrees with our errors on a CIB, its mutations and the corpus CIBs', (t) => {
  if (spawnSync('crm_verify', ['--version']).status !== 0) throw new Error('crm_verify is not installed (scripts/e2e/setup.sh installs pacemaker-cli-utils)');
  const dir = freshDir('pacemaker-oracle');
  const base = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'pacemaker', 'cib.xml'), 'utf8');
  runDifferential(t, {
    tool: 'crm_verify', cases: [...mutationCases(base, MUTATIONS), ...corpusCases('pacemaker-cib', /\.xml$/)], known: KNOWN,
    verdict: (text) => rejects(dir, text),
    ours: (text) => lintPacemaker(text, 'cib').findings,
  });
});
