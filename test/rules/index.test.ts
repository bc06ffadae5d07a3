/**
 * The rules, their tests and their pages hold together (after typescript-eslint's rule index test):
 * every rule id has one file server/src/engine/rules/<id>.ts that makes it, one test file
 * test/rules/<id>.test.ts that names it, and docs/rules/<id>.md whose "Why" is its meta.why word for
 * word; every file under rules/ is a rule, or one of the helpers the layout allows.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, RULES } from '../../server/src/engine/rules';
import { CORE_RULES } from '../../server/src/engine/rules/core';
import { DefinedRule } from '../../server/src/engine/rules/rule';
import { ROOT } from '../support/paths';

const RULES_DIR = path.join(ROOT, 'server', 'src', 'engine', 'rules');
const TESTS_DIR = path.join(ROOT, 'test', 'rules');
const DOCS_DIR = path.join(ROOT, 'docs', 'rules');
const CORE = new Set(CORE_RULES.map((r) => r.id));
const IDS = ALL_RULES.map((r) => r.id).filter((id) => !CORE.has(id));

/** Every file under `dir`, relative to it, with / as separator. */
function walk(dir: string, base = dir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join('/')],
    );
}
const sources = walk(RULES_DIR).filter((f) => f.endsWith('.ts'));
const tests = walk(TESTS_DIR).filter((f) => f.endsWith('.test.ts'));

/** The module a rule file compiles to (the tests run from out/test/rules). */
const ruleModule = (id: string): { rule?: DefinedRule } =>
  require(path.join(__dirname, '..', '..', 'server', 'src', 'engine', 'rules', id)) as { rule?: DefinedRule };

test('every rule id has exactly one file rules/<id>.ts, which makes that rule; core rules are in core.ts and have none', () => {
  const wrong: string[] = [];
  for (const id of IDS) {
    const files = sources.filter((f) => path.posix.basename(f) === `${id}.ts`);
    if (files.length !== 1 || files[0] !== `${id}.ts`) {
      wrong.push(`${id}: rule files ${JSON.stringify(files)}, expected ["${id}.ts"]`);
      continue;
    }
    const { rule } = ruleModule(id);
    if (!rule || rule.meta.id !== id) wrong.push(`${id}: rules/${id}.ts exports no rule with this id (found ${rule?.meta.id})`);
    else if (!RULES.includes(rule)) wrong.push(`${id}: rules/${id}.ts's rule is not the one listed in rules/index.ts`);
  }
  for (const id of CORE)
    if (sources.some((f) => path.posix.basename(f) === `${id}.ts`)) wrong.push(`${id}: a core rule (core.ts) with a rule file`);
  assert.deepEqual(wrong, []);
});

test('the registry lists each rule once, and every rule checks at least one kind of file', () => {
  assert.equal(new Set(RULES).size, RULES.length);
  assert.equal(new Set(RULES.map((r) => r.meta.id)).size, RULES.length);
  assert.deepEqual(
    RULES.filter((r) => !Object.values(r.on).some(Boolean)).map((r) => r.meta.id),
    [],
  );
});

test("every file under rules/ is a registered rule, or rule.ts, report.ts, index.ts, core.ts, a kind's context and helpers, or a template", () => {
  const ids = new Set(IDS);
  const allowed = (f: string) =>
    ['rule.ts', 'report.ts', 'index.ts', 'core.ts'].includes(f) ||
    (!f.includes('/') && ids.has(f.slice(0, -3))) ||
    /^[a-z-]+\/(rule|support)\.ts$/.test(f) ||
    /^(support|templates)\/[a-z0-9-]+\.ts$/.test(f);
  assert.deepEqual(
    sources.filter((f) => !allowed(f)),
    [],
  );
});

test('each template says which rules use it, and they are the rules that import it', () => {
  const wrong: string[] = [];
  for (const t of sources.filter((f) => f.startsWith('templates/'))) {
    const text = fs.readFileSync(path.join(RULES_DIR, t), 'utf8');
    const said =
      /Used by:([^.]*)\./
        .exec(text)?.[1]
        .replace(/\n\s*\*/g, ' ')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
        .sort() ?? [];
    const name = path.posix.basename(t, '.ts');
    const users = IDS.filter((id) => fs.readFileSync(path.join(RULES_DIR, `${id}.ts`), 'utf8').includes(`'./templates/${name}'`)).sort();
    if (said.join(', ') !== users.join(', '))
      wrong.push(`${t}: says it is used by [${said.join(', ')}], imported by [${users.join(', ')}]`);
  }
  assert.deepEqual(wrong, []);
});

test('every rule id has exactly one test file test/rules/<id>.test.ts, and it names the id', () => {
  const wrong: string[] = [];
  for (const id of IDS) {
    const files = tests.filter((f) => path.posix.basename(f) === `${id}.test.ts`);
    if (files.length !== 1) {
      wrong.push(`${id}: test files ${JSON.stringify(files)}`);
      continue;
    }
    if (!fs.readFileSync(path.join(TESTS_DIR, files[0]), 'utf8').includes(id)) wrong.push(`${id}: test/rules/${files[0]} never names it`);
  }
  assert.deepEqual(wrong, []);
});

test('every rule id has its page docs/rules/<id>.md, whose "Why" opens with meta.why word for word', () => {
  const wrong: string[] = [];
  for (const rule of ALL_RULES) {
    const file = path.join(DOCS_DIR, `${rule.id}.md`);
    if (!fs.existsSync(file)) {
      wrong.push(`${rule.id}: no docs/rules/${rule.id}.md`);
      continue;
    }
    const why = /\n## Why\n\n(.*)\n/.exec(fs.readFileSync(file, 'utf8'))?.[1];
    if (why !== rule.why) wrong.push(`${rule.id}: the page's Why says\n    ${why}\n  the metadata\n    ${rule.why}`);
  }
  assert.deepEqual(wrong, []);
});
