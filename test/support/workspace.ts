/**
 * Multi-file fixtures (after rust-analyzer's `//- /path`): one template literal holds a whole
 * deployment, each file starting at a `#- path` line; expected findings are `#  ^^^ severity rule: message`
 * annotations under the lines they point at, in whichever file they are expected.
 *
 *     #- site.ha.yaml
 *     apiVersion: openstack-ha/v1
 *     ...
 *     #- ctl1/etc/corosync/corosync.conf
 *     nodelist {
 *     #^^^^^^^ warning corosync-nodelist-drift
 *
 * The files go through the same Workspace and analyse() as the CLI and the editor.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { analyse, Analysis } from '../../server/src/engine/analyse';
import { LintConfig } from '../../server/src/engine/config';
import { applyEdits } from '../../server/src/engine/fixes';
import { dedent, parseAnnotations } from './fixture';
import { LineIndex } from '../../server/src/engine/text/line-index';

export const ROOT = '/w';

/** The files of a fixture: path (under ROOT) to text. */
export function filesOf(fixture: string): Map<string, string> {
  const files = new Map<string, string>();
  let cur: string | undefined;
  let buf: string[] = [];
  const flush = () => {
    if (cur) files.set(cur, buf.join('\n').replace(/\n*$/, '\n'));
  };
  for (const line of dedent(fixture).split('\n')) {
    const m = /^#- (\S+)\s*$/.exec(line);
    if (m) {
      flush();
      cur = `${ROOT}/${m[1].replace(/^\//, '')}`;
      buf = [];
      continue;
    }
    if (cur) buf.push(line);
  }
  flush();
  return files;
}

/** Every file of the fixture analysed in one workspace, by path. */
export function analyseAll(fixture: string | Map<string, string>, config?: LintConfig): { ws: Workspace; results: Map<string, Analysis> } {
  const files = typeof fixture === 'string' ? filesOf(fixture) : fixture;
  const ws = new Workspace();
  for (const [p, t] of files) ws.setFile(p, t);
  const results = new Map<string, Analysis>();
  // manifests first, as the hosts do
  const order = ws.checkedFiles().sort((a, b) => Number(a.kind !== 'manifest') - Number(b.kind !== 'manifest'));
  for (const { path } of order) {
    const r = analyse(ws, path, config);
    if (r) results.set(path, r);
  }
  return { ws, results };
}

/** Asserts that the findings of `rules` in every file are exactly the annotated ones; returns the analyses. */
export function checkWorkspace(
  fixture: string,
  opts: { rules: string[]; config?: LintConfig },
): { ws: Workspace; results: Map<string, Analysis> } {
  const out = analyseAll(fixture, opts.config);
  const problems: string[] = [];
  for (const [path, text] of filesOf(fixture)) {
    const r = out.results.get(path);
    const expected = parseAnnotations(text).filter((x) => opts.rules.includes(x.rule));
    const actual = (r?.findings ?? []).filter((f) => opts.rules.includes(f.rule));
    const lines = r?.lines ?? new LineIndex(text);
    const unmatched = [...actual];
    for (const x of expected) {
      const i = unmatched.findIndex((f) => {
        const a = lines.position(f.span.start),
          b = lines.position(f.span.end);
        return (
          a.line === x.line &&
          b.line === x.line &&
          a.character === x.start &&
          b.character === x.end &&
          f.severity === x.severity &&
          f.rule === x.rule &&
          (x.message === undefined || f.message === x.message)
        );
      });
      if (i < 0)
        problems.push(
          `${path}: expected but not found: ${x.line}:${x.start}-${x.end} ${x.severity} ${x.rule}${x.message ? `: ${x.message}` : ''}`,
        );
      else unmatched.splice(i, 1);
    }
    for (const f of unmatched) {
      const a = lines.position(f.span.start),
        b = lines.position(f.span.end);
      problems.push(
        `${path}: found but not expected: ${a.line}:${a.character}-${b.line === a.line ? b.character : `${b.line}:${b.character}`} ${f.severity} ${f.rule}: ${f.message}`,
      );
    }
  }
  if (problems.length) assert.fail(`findings differ:\n  ${problems.join('\n  ')}`);
  return out;
}

/** The related locations of the one finding of `rule` in `file`, as `path:line:col message` (line and column from 1). */
export function relatedOf(out: { ws: Workspace; results: Map<string, Analysis> }, file: string, rule: string): string[] {
  const fs = (out.results.get(`${ROOT}/${file}`)?.findings ?? []).filter((f) => f.rule === rule);
  assert.equal(fs.length, 1, `expected one ${rule} finding in ${file}, got ${fs.length}`);
  return (fs[0].related ?? []).map((r) => {
    const p = new LineIndex(out.ws.textOf(r.file) ?? '').position(r.span.start);
    return `${r.file.slice(ROOT.length + 1)}:${p.line + 1}:${p.character + 1} ${r.message}`;
  });
}

/** Applies the first fix of the one finding of `rule` in `file`, and returns that file's text after it. */
export function fixedIn(fixture: string, file: string, rule: string): string {
  const { ws, results } = analyseAll(fixture);
  const fs = (results.get(`${ROOT}/${file}`)?.findings ?? []).filter((f) => f.rule === rule);
  assert.equal(fs.length, 1, `expected one ${rule} finding in ${file}, got ${fs.length}`);
  return applyEdits(ws.textOf(`${ROOT}/${file}`)!, fs[0].fixes[0].edits);
}

/**
 * checkFix(before, after, rule): every file `after` lists reads as written there once the preferred fix
 * (else the first) of each `rule` finding in it is applied; both are multi-file fixtures.
 */
export function checkFix(before: string, after: string, rule: string, config?: LintConfig): void {
  const { ws, results } = analyseAll(before, config);
  for (const [path, expected] of filesOf(after)) {
    const fs = (results.get(path)?.findings ?? []).filter((f) => f.rule === rule && f.fixes.length);
    assert.ok(fs.length, `no ${rule} finding with a fix in ${path}`);
    const edits = fs.map((f) => (f.fixes.find((x) => x.preferred) ?? f.fixes[0]).edits).flat();
    assert.equal(applyEdits(ws.textOf(path)!, edits), expected, path);
  }
}

/**
 * A fixture folder on disk as workspace files: each file under `dir` at `${under}/<its path>`, renamed
 * as `rename` says (the upstream examples end in .example).
 */
export function folderFiles(dir: string, under = ROOT, rename: Record<string, string> = {}): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(nodePath.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.set(`${under}/${rename[r] ?? r}`, fs.readFileSync(nodePath.join(dir, r), 'utf8'));
    }
  };
  walk('');
  return out;
}

/** Every finding of every file, as `file:line:col severity rule: message` (file relative to `under`, line and column from 1), by file. */
export function findingLines(files: Map<string, string>, under = ROOT): string[] {
  const { ws, results } = analyseAll(files);
  const out: string[] = [];
  for (const [p, r] of [...results].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const lines = new LineIndex(ws.textOf(p)!);
    for (const f of r.findings) {
      const at = lines.position(f.span.start);
      out.push(`${p.slice(under.length + 1)}:${at.line + 1}:${at.character + 1} ${f.severity} ${f.rule}: ${f.message}`);
    }
  }
  return out;
}
