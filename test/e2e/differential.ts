/**
 * The shape every differential suite shares: a real tool's verdict on each file (a fixture, its
 * mutations, the matching files of ../shared/corpus) against our findings. The two directions:
 * when the tool rejects a file we report at least one error in it, and when we report a syntax
 * error the tool rejects the file too. Known disagreements are listed with their reason.
 */
import type { TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Finding } from '../../server/src/engine/types';
import { ROOT } from '../support/paths';

export interface Verdict { rejected: boolean; /** the tool's first error line, for the report */ why?: string }

export interface Differential {
  /** As the report names it: `haproxy -c`. */
  tool: string;
  cases: [name: string, text: string][];
  verdict(text: string, name: string): Verdict;
  ours(text: string): Finding[];
  /** Our rules that mean "the file is broken" (parse-error, and e.g. haproxy-unknown-keyword). */
  syntaxRules?: string[];
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
  return fs.readdirSync(dir).filter((f) => names.test(f)).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
}

export function runDifferential(t: TestContext, d: Differential): void {
  const syntaxRules = d.syntaxRules ?? ['parse-error'];
  const known = d.known ?? {};
  const disagreements: { name: string; text: string }[] = [];
  let agree = 0;
  for (const [name, text] of d.cases) {
    const { rejected, why } = d.verdict(text, name);
    const errors = d.ours(text).filter((f) => f.severity === 'error');
    const syntax = errors.filter((f) => syntaxRules.includes(f.rule));
    if ((!rejected || errors.length > 0) && (syntax.length === 0 || rejected)) { agree++; continue; }
    disagreements.push({ name, text: `${name}: ${d.tool} ${rejected ? `rejects${why ? ` (${why})` : ''}` : 'accepts'}; we report ${errors.map((f) => `${f.rule} (${f.message})`).join(', ') || 'no error'}` });
  }
  t.diagnostic(`${d.tool} agreement: ${agree} of ${d.cases.length} files; known disagreements: ${disagreements.length}`);
  for (const x of disagreements) t.diagnostic(known[x.name] ? `known: ${x.text} (${known[x.name]})` : x.text);
  assert.deepEqual(disagreements.filter((x) => !(x.name in known)).map((x) => x.text), []);
}
