/**
 * What every kind's check shares (languages/<kind>.ts): the result it returns, the rules run with
 * their findings collected, the size guard and parse problems of a line-based file, then severity
 * overrides, suppression comments and the file's order. Below languages/: it names no kind's language.
 */
import { Finding, Severity, Span } from './types';
import type { DocumentKind } from './types';
import { LineIndex } from './text/line-index';
import { fitToText } from './fixes';
import { MAX_MANIFEST_BYTES, Parsed } from './documents/manifest/parse';
import type { Manifest } from './documents/manifest/model';
import type { ConfView } from './documents/oslo-conf/context';
import type { CoroFile } from './documents/corosync/parse';
import type { CnfFile } from './documents/galera/parse';
import type { KaFile } from './documents/keepalived/parse';
import type { PmModel } from './documents/pacemaker/model';
import type { HaView } from './documents/haproxy/view';
import type { FwModel } from './documents/firewall/model';
import type { DeployModel } from './documents/deploy/model';
import type { KollaPart, OsaPart } from './documents/deploy/parts';
import type { KollaDeployment } from './documents/kolla/deployment';
import type { OsaDeployment } from './documents/osa/deployment';
import { effectiveSeverity, isSuppressed, LintConfig, parseSuppressions } from './config';
import { visibleFinding } from './text/invisible';
import type { Report, RuleMeta } from './rules/report';
import type { PeerConf, Topology } from './model/topology';
import { capPerRule, checkIncomplete, RULE_BUDGET_MS } from './bounds';

export interface LintResult {
  kind: DocumentKind;
  findings: Finding[];
  manifest?: Manifest;
  parsed?: Parsed;
  /** For OpenStack service configs: the file, its catalogue, and the option look-ups. */
  conf?: ConfView;
  /** For haproxy.cfg: its sections and proxies. */
  haproxy?: HaView;
  /** For corosync.conf: its blocks. */
  corosync?: CoroFile;
  /** For keepalived.conf: its blocks. */
  keepalived?: KaFile;
  /** For a MariaDB/Galera option file: its groups. */
  cnf?: CnfFile;
  /** For a Pacemaker configuration: its properties, resources and constraints. */
  pacemaker?: PmModel;
  /** For a host firewall: whether it is closed, and what it opens. */
  firewall?: FwModel;
  /** For a kolla-ansible file: what it holds, and the deployment it was checked in. */
  kolla?: { part: KollaPart; deployment: KollaDeployment };
  /** For an OpenStack-Ansible file: what it holds, and the deployment it was checked in. */
  osa?: { part: OsaPart; deployment: OsaDeployment };
  /** For a deployment tool's file (kolla, OpenStack-Ansible): its whole deployment in the manifest's terms (what `convert` writes). */
  deployModel?: DeployModel;
  lines: LineIndex;
}

/** Where the YAML comes from: the full parser by default, the editor's incremental one per document. */
export interface ManifestParser {
  parse(text: string): Parsed;
}

/** What a file is checked against besides itself: the deployment's topology and its other files (the workspace says). */
export interface ConfContext {
  topology?: Topology;
  peers?: PeerConf[];
  /**
   * The deployment's files as the workspace holds them, this one among them: the same array for
   * every file of the deployment until the workspace changes. A deployment tool's file reads its
   * deployment from it (instead of peers), so the deployment is gathered and checked once.
   */
  deployment?: readonly PeerConf[];
}

/**
 * Runs each rule that is not switched off; a rule that throws becomes a finding, not a crash of the
 * others. Once the rules have run `budgetMs`, no further rule starts: one finding names those left.
 */
export function runRules<C>(
  rules: readonly { meta: RuleMeta; check(ctx: C): void }[],
  config: LintConfig,
  out: Finding[],
  makeCtx: (report: (r: Report) => void) => C,
  budgetMs = RULE_BUDGET_MS,
  now: () => number = Date.now,
): void {
  const started = now();
  for (const [i, rule] of rules.entries()) {
    if (config.rules[rule.meta.id] === 'off') continue;
    const spent = now() - started;
    if (spent > budgetMs) {
      const left = rules.slice(i).filter((r) => config.rules[r.meta.id] !== 'off');
      out.push(
        checkIncomplete(
          left.map((r) => r.meta.id),
          spent,
          budgetMs,
        ),
      );
      return;
    }
    try {
      rule.check(
        makeCtx((r) =>
          out.push({
            rule: rule.meta.id,
            severity: r.severity ?? rule.meta.severity,
            message: r.message,
            span: r.span,
            fixes: r.fixes ?? [],
            ...(r.tools ? { tools: r.tools } : {}),
            ...(r.related?.length ? { related: r.related } : {}),
          }),
        ),
      );
    } catch (e) {
      out.push({
        rule: 'internal-error',
        severity: 'error',
        message: `rule ${rule.meta.id} failed: ${(e as Error).message}`,
        span: { start: 0, end: 0 },
        fixes: [],
      });
    }
  }
}

/** Applies severity overrides and suppression comments, sorts by position, and keeps the first findings of each rule (bounds.ts). */
export function finish(raw: Finding[], text: string, lines: LineIndex, config: LintConfig): Finding[] {
  const sup = parseSuppressions(text);
  const out: Finding[] = [];
  for (const f of raw.map(visibleFinding)) {
    const sev = effectiveSeverity(config, f.rule, f.severity);
    if (sev === 'off') continue;
    if (isSuppressed(sup, f.rule, lines.position(f.span.start).line)) continue;
    const g = fitToText(text, f); // rules write \n: the fix gets the file's own line break
    out.push(sev === g.severity ? g : { ...g, severity: sev as Severity });
  }
  return capPerRule(out.sort(byPosition));
}

/** Findings in the order of the file: by start, then end, then rule id. */
export const byPosition = (a: Finding, b: Finding) =>
  a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);

/**
 * The steps every line-based config file shares: the size guard, the parser's problems as
 * parse-error findings, the rules, then severity overrides and suppression.
 */
export function lintParsed<F extends { problems: { message: string; span: Span }[] }>(
  kind: DocumentKind,
  text: string,
  config: LintConfig,
  parse: (text: string) => F,
  check: (file: F, raw: Finding[]) => Partial<LintResult>,
): LintResult {
  const lines = new LineIndex(text);
  const raw: Finding[] = [];
  if (text.length > MAX_MANIFEST_BYTES) {
    raw.push({
      rule: 'file-too-large',
      severity: 'warning',
      message: `the file has ${text.length} characters; files over ${MAX_MANIFEST_BYTES} are not analysed`,
      span: { start: 0, end: 0 },
      fixes: [],
    });
    return { kind, findings: finish(raw, text, lines, config), lines };
  }
  const file = parse(text);
  for (const p of file.problems) raw.push({ rule: 'parse-error', severity: 'error', message: p.message, span: p.span, fixes: [] });
  const extra = check(file, raw);
  return { kind, ...extra, findings: finish(raw, text, lines, config), lines };
}
