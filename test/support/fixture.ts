/**
 * Fixtures that read like the editor (after rust-analyzer): expected findings are YAML comments
 * with carets under the range they expect, so a fixture stays a valid manifest.
 *
 *     members: [a, b, c, d]
 *   #          ^^^^^^^^^^^^ warning cluster-even-node-count: cluster 'ctl' has 4 votes; ...
 *
 * The carets underline the columns of the closest line above that is not an annotation; a `#`
 * directly before the carets (`#^^^`) counts as column 0. The message after the colon is optional
 * and compared exactly when present.
 */
import * as assert from 'node:assert/strict';
import { lintConf, lintCorosync, lintFirewall, lintHaproxy, lintManifest, lintPacemaker, LintResult } from '../../server/src/engine/lint';
import { FwSyntax } from '../../server/src/engine/documents/firewall/model';
import { PmSyntax } from '../../server/src/engine/documents/pacemaker/recognise';
import { LintConfig } from '../../server/src/engine/config';
import { applyEdits } from '../../server/src/engine/fixes';
import { Finding } from '../../server/src/engine/types';
import { PeerConf, Topology } from '../../server/src/engine/model/topology';

const ANNOTATION = /^(\s*)#(\s*)(\^+)\s+(error|warning|info|hint)\s+([a-z0-9-]+)(?::\s?(.*))?$/;

export interface Expectation {
  line: number;
  start: number;
  end: number;
  severity: string;
  rule: string;
  message?: string;
}

export function parseAnnotations(text: string): Expectation[] {
  const lines = text.split('\n');
  const out: Expectation[] = [];
  let target = -1;
  lines.forEach((l, i) => {
    const m = ANNOTATION.exec(l);
    if (!m) {
      target = i;
      return;
    }
    const hashCol = m[1].length;
    const caretCol = hashCol + 1 + m[2].length;
    const start = m[2].length === 0 ? hashCol : caretCol;
    out.push({ line: target, start, end: caretCol + m[3].length, severity: m[4], rule: m[5], message: m[6]?.trimEnd() });
  });
  return out;
}

/** Strips the common indentation of a template literal, so fixtures can be indented in the test. */
export function dedent(s: string): string {
  const lines = s
    .replace(/^\n/, '')
    .replace(/\n\s*$/, '\n')
    .split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export const HEADER = 'apiVersion: openstack-ha/v1\nkind: Deployment\n';

function describe(r: LintResult, f: Finding): string {
  const s = r.lines.position(f.span.start),
    e = r.lines.position(f.span.end);
  const where = s.line === e.line ? `${s.line}:${s.character}-${e.character}` : `${s.line}:${s.character}-${e.line}:${e.character}`;
  return `${where} ${f.severity} ${f.rule}: ${f.message}`;
}

function describeExpected(x: Expectation): string {
  return `${x.line}:${x.start}-${x.end} ${x.severity} ${x.rule}: ${x.message ?? '*'}`;
}

/**
 * Lints `source` (HEADER is prepended unless it has an apiVersion) and asserts that the findings of
 * the given rules (all rules when omitted) are exactly the annotated ones.
 */
export function checked(source: string, opts: { rules?: string[]; config?: LintConfig } = {}): LintResult {
  const text = withHeader(source);
  return compare(text, lintManifest(text, opts.config), opts.rules);
}

/** The same for an OpenStack service config checked against the catalogue of `file` (nova.conf, ...). */
export function checkConf(file: string, source: string, opts: { rules?: string[]; config?: LintConfig; topology?: Topology } = {}): void {
  const text = dedent(source);
  compare(text, lintConf(file, text, opts.config, { topology: opts.topology }), opts.rules);
}

/** The same for haproxy.cfg. */
export function checkHa(source: string, opts: { rules?: string[]; topology?: Topology } = {}): void {
  const text = dedent(source);
  compare(text, lintHaproxy(text, undefined, { topology: opts.topology }), opts.rules);
}

/** The same for a Pacemaker configuration (a CIB, a crm file or a pcs script). */
export function checkPm(syntax: PmSyntax, source: string, opts: { rules?: string[]; config?: LintConfig } = {}): void {
  const text = dedent(source);
  compare(text, lintPacemaker(text, syntax, opts.config), opts.rules);
}

/** Applies the first fix of the one finding of `rule` in a Pacemaker configuration. */
export function fixedPm(syntax: PmSyntax, source: string, rule: string): string {
  const text = dedent(source);
  const fs = lintPacemaker(text, syntax).findings.filter((f) => f.rule === rule);
  assert.equal(fs.length, 1, `expected one ${rule} finding, got ${fs.length}`);
  return applyEdits(text, fs[0].fixes[0].edits);
}

/** The same for a host firewall, with the workspace's peer files (Galera option files, clustercheck endpoints). */
export function checkFw(
  syntax: FwSyntax,
  source: string,
  opts: { rules?: string[]; topology?: Topology; peers?: PeerConf[] } = {},
): LintResult {
  const text = dedent(source);
  return compare(text, lintFirewall(text, syntax, undefined, { topology: opts.topology, peers: opts.peers }), opts.rules);
}

/** Applies the fix titled `title` (or the first) of the one finding of `rule` in a firewall file. */
export function fixedFw(
  syntax: FwSyntax,
  source: string,
  rule: string,
  opts: { title?: string; topology?: Topology; peers?: PeerConf[] } = {},
): string {
  const text = dedent(source);
  const fs = lintFirewall(text, syntax, undefined, { topology: opts.topology, peers: opts.peers }).findings.filter((f) => f.rule === rule);
  assert.equal(fs.length, 1, `expected one ${rule} finding, got ${fs.length}`);
  const fix = opts.title ? fs[0].fixes.find((x) => x.title === opts.title) : fs[0].fixes[0];
  assert.ok(fix, `no fix '${opts.title}' among: ${fs[0].fixes.map((x) => x.title).join(', ')}`);
  return applyEdits(text, fix!.edits);
}

/** The same for corosync.conf. */
export function checkCoro(source: string, opts: { rules?: string[]; config?: LintConfig } = {}): void {
  const text = dedent(source);
  compare(text, lintCorosync(text, opts.config), opts.rules);
}

export function fixedCoro(source: string, rule: string): string {
  const text = dedent(source);
  const fs = lintCorosync(text).findings.filter((f) => f.rule === rule);
  assert.equal(fs.length, 1, `expected one ${rule} finding, got ${fs.length}`);
  return applyEdits(text, fs[0].fixes[0].edits);
}

/** Applies the first fix of the one finding of `rule` in a haproxy.cfg. */
export function fixedHa(source: string, rule: string): string {
  const text = dedent(source);
  const fs = lintHaproxy(text).findings.filter((f) => f.rule === rule);
  assert.equal(fs.length, 1, `expected one ${rule} finding, got ${fs.length}`);
  return applyEdits(text, fs[0].fixes[0].edits);
}

/** Asserts that the findings of the given rules (all when omitted) are exactly the annotated ones. */
function compare(text: string, r: LintResult, rules?: string[]): LintResult {
  const expected = parseAnnotations(text).filter((x) => !rules || rules.includes(x.rule));
  const actual = r.findings.filter((f) => !rules || rules.includes(f.rule));
  const unmatched = [...actual];
  const missing: string[] = [];
  for (const x of expected) {
    const i = unmatched.findIndex((f) => {
      const a = r.lines.position(f.span.start),
        b = r.lines.position(f.span.end);
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
    if (i < 0) missing.push(describeExpected(x));
    else unmatched.splice(i, 1);
  }
  if (missing.length || unmatched.length) {
    assert.fail(
      `findings differ.\nexpected but not found:\n  ${missing.join('\n  ') || '-'}\nfound but not expected:\n  ${unmatched.map((f) => describe(r, f)).join('\n  ') || '-'}\n--- text ---\n${text}`,
    );
  }
  return r;
}

/** checked() for tests that need nothing back. */
export function check(source: string, opts: { rules?: string[]; config?: LintConfig } = {}): void {
  checked(source, opts);
}

/** Applies the fix titled `title` (or the first) of the one finding of `rule`, and returns the text after it. */
export function fixed(source: string, rule: string, title?: string, config?: LintConfig, confFile?: string, topology?: Topology): string {
  const text = confFile ? dedent(source) : withHeader(source);
  const r = confFile ? lintConf(confFile, text, config, { topology }) : lintManifest(text, config);
  const fs = r.findings.filter((f) => f.rule === rule);
  assert.equal(
    fs.length,
    1,
    `expected one ${rule} finding, got ${fs.length}: ${r.findings.map((f) => f.rule + ' ' + f.message).join('; ')}`,
  );
  const fix = title ? fs[0].fixes.find((x) => x.title === title) : fs[0].fixes[0];
  assert.ok(fix, `no fix '${title}' among: ${fs[0].fixes.map((x) => x.title).join(', ')}`);
  return applyEdits(text, fix!.edits);
}

/** The dedented source, with HEADER in front unless it has an apiVersion or starts with `# no-header`. */
export function withHeader(body: string): string {
  const d = dedent(body);
  return /^apiVersion:/m.test(d) || d.startsWith('# no-header') ? d : HEADER + d;
}
