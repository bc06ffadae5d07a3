/**
 * The shape every differential suite shares: a real tool's verdict on each file (a fixture, its
 * mutations, real files of test/corpus and ../shared/corpus) against our findings, both ways and
 * for the same reason. Each rule's metadata says what the tool does with what it reports
 * (RuleMeta.tools: refuses, warns, accepts), so:
 * - when the tool refuses a file, we report an error of a rule the tool agrees with (`refuses`),
 *   and, when the tool names the lines of its errors, at one of those lines;
 * - when the tool accepts a file, we report no error of such a rule. Errors of rules whose doc
 *   says the tool accepts the file (an HA defect no tool checks) are allowed, and counted.
 * Known disagreements are listed with their reason.
 */
import type { TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Finding } from '../../server/src/engine/types';
import { ruleMeta } from '../../server/src/engine/rules';
import { RealTool } from '../../server/src/engine/rules/rule';
import { ROOT } from '../support/paths';

export interface Verdict {
  rejected: boolean;
  /** 1-based lines of the tool's errors, when it names them */ lines?: number[];
  /** the tool's first error, for the report */ why?: string;
}

export interface Differential {
  /** As the report names it: `haproxy -c`. */
  tool: string;
  /** Whose verdicts in the rules' metadata apply, when `tool` is not one of REAL_TOOLS itself (`iptables` commands: iptables-restore). */
  judgedAs?: RealTool;
  cases: [name: string, text: string][];
  verdict(text: string, name: string): Verdict;
  ours(text: string, name: string): Finding[];
  /** Case name -> why we and the tool knowingly disagree. */
  known?: Record<string, string>;
}

/** The fixture and its mutations; each mutation must change something, or it proves nothing. */
export function mutationCases(base: string, mutations: [string, (t: string) => string][]): [string, string][] {
  return mutations.map(([name, mutate], i) => {
    const text = mutate(base);
    assert.ok(i === 0 || text !== base, `mutation '${name}' changed nothing`);
    return [name, text];
  });
}

/** The files of ../shared/corpus/<folder> whose names match, when the corpus is present. */
export function corpusCases(folder: string, names: RegExp): [string, string][] {
  const dir = path.resolve(ROOT, '..', 'shared', 'corpus', folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => names.test(f))
    .sort()
    .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
}

export interface Tally {
  tool: string;
  files: number;
  agree: number;
  refused: number;
  caught: number;
  haErrors: number;
  known: number;
}

/** The tool's verdict on a finding: the finding's own where it has one, else its rule's. */
const verdictOn = (tool: RealTool, f: Finding) => f.tools?.[tool] ?? ruleMeta(f.rule)?.tools?.[tool];

/** Compares one case; undefined when we agree, else what differs. */
export function compare(tool: RealTool, text: string, v: Verdict, findings: Finding[]): string | undefined {
  const errors = findings.filter((f) => f.severity === 'error');
  const refusing = errors.filter((f) => verdictOn(tool, f) === 'refuses');
  const line = (f: Finding) => text.slice(0, f.span.start).split('\n').length;
  const lines = v.lines ?? [];
  const shown = (fs: Finding[]) => fs.map((f) => `${f.rule}:${line(f)} (${f.message})`).join(', ') || 'no error';
  if (v.rejected) {
    if (!refusing.length)
      return `${tool} refuses${v.why ? ` (${v.why})` : ''}${lines.length ? ` at line ${lines.join(', ')}` : ''}; we report ${shown(errors)}`;
    if (lines.length && !refusing.some((f) => lines.includes(line(f))))
      return `${tool} refuses at line ${lines.join(', ')}${v.why ? ` (${v.why})` : ''}; we report ${shown(refusing)} elsewhere`;
    return undefined;
  }
  return refusing.length ? `${tool} accepts; we report ${shown(refusing)}` : undefined;
}

export function runDifferential(t: TestContext, d: Differential): Tally {
  const tool = d.judgedAs ?? (d.tool as RealTool);
  const known = d.known ?? {};
  const disagreements: { name: string; text: string }[] = [];
  const tally: Tally = { tool: d.tool, files: d.cases.length, agree: 0, refused: 0, caught: 0, haErrors: 0, known: 0 };
  for (const [name, text] of d.cases) {
    const v = d.verdict(text, name);
    const findings = d.ours(text, name);
    const diff = compare(tool, text, v, findings);
    if (v.rejected) tally.refused++;
    if (v.rejected && !diff) tally.caught++;
    if (!v.rejected && findings.some((f) => f.severity === 'error' && verdictOn(tool, f) === 'accepts')) tally.haErrors++;
    if (!diff) {
      tally.agree++;
      continue;
    }
    disagreements.push({ name, text: `${name}: ${diff}` });
  }
  tally.known = disagreements.filter((x) => x.name in known).length;
  t.diagnostic(
    `${d.tool} agreement: ${tally.agree} of ${tally.files} files (refused by the tool: ${tally.refused}, of which we catch for its reason: ${tally.caught}; accepted files where we report an HA error it cannot see: ${tally.haErrors}); known disagreements: ${tally.known}`,
  );
  for (const x of disagreements) t.diagnostic(known[x.name] ? `known: ${x.text} (${known[x.name]})` : x.text);
  assert.deepEqual(
    disagreements.filter((x) => !(x.name in known)).map((x) => x.text),
    [],
  );
  const stale = Object.keys(known).filter((k) => d.cases.some(([n]) => n === k) && !disagreements.some((x) => x.name === k));
  assert.deepEqual(stale, [], 'known disagreements that no longer disagree: take them out of the list');
  return tally;
}
