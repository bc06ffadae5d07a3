/** `openstack-ha`: the engine from the command line, for CI. Exit codes per ../shared/spec/cli.md. */
import * as path from 'path';
import { Args, parseArgs, USAGE, UsageError, LintArgs } from './args';
import {
  collectFiles,
  enginePath,
  errorReason,
  notReadFinding,
  PathError,
  readForCheck,
  TextEncoding,
  tooLargeFinding,
  writeChecked,
} from '../node/files';
import { BaselineSummary, FileReport, formatJson, formatSarif, formatText, ResolvedRelated } from './format';
import { BaselineEntry, compare, makeBaseline, onlyNew, readBaseline, withFingerprints } from './baseline';
import { detectKind } from '../engine/lint';
import { analyse } from '../engine/analyse';
import { Workspace } from '../engine/workspace/workspace';
import { Finding, Related } from '../engine/types';
import { finish } from '../engine/check';
import { closestRuleId, ConfigError, EMPTY_CONFIG, LintConfig } from '../engine/config';
import { applyEdits, safeFixEdits } from '../engine/fixes';
import { ALL_RULES, isRuleId, ruleKinds } from '../engine/rules';
import { ruleDocPath } from '../node/docs';
import * as fs from 'fs';
import { ConfigCache, ConfigFile, readConfigFile } from '../node/config-files';
import { LineIndex } from '../engine/text/line-index';
import { convert } from './convert';
import { graph } from './graph';
import { simulateCommand } from './simulate';
import { mcp } from './mcp';
import type { Io, LintOverlay } from './io';
export type { Io, LintOverlay };

export { VERSION } from '../version';
import { VERSION } from '../version';

const processIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() };

/** A number, or a promise of one for `graph` (elkjs lays the picture out asynchronously). */
export function run(argv: string[], io: Io = processIo): number | Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`openstack-ha: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (args.command === 'version') {
    io.stdout(VERSION + '\n');
    return 0;
  }
  if (args.command === 'explain') return explain(args.rule, io);
  if (args.command === 'mcp') return mcp(io, run);
  if (args.command === 'rules') {
    io.stdout(
      args.format === 'json'
        ? JSON.stringify(
            ALL_RULES.map((r) => ({ ...r, kinds: ruleKinds(r.id) })),
            null,
            2,
          ) + '\n'
        : ALL_RULES.map((r) => `${r.id.padEnd(32)} ${r.severity.padEnd(8)} ${r.fixable ? 'fix ' : '    '} ${r.title}`).join('\n') + '\n',
    );
    return 0;
  }
  try {
    if (args.command === 'convert') return convert(args, io);
    if (args.command === 'simulate') return simulateCommand(args, io);
    if (args.command === 'graph') return graph(args, io).catch((e: unknown) => usageFailure(e, io));
    return lint(args, io);
  } catch (e) {
    return usageFailure(e, io);
  }
}

/** A PATH or a configuration that cannot be used: exit 2 with the reason; anything else is a bug. */
function usageFailure(e: unknown, io: Io): number {
  if (e instanceof PathError || e instanceof ConfigError) {
    io.stderr(`openstack-ha: ${e.message}\n`);
    return 2;
  }
  throw e;
}

/** `explain RULE-ID`: the rule's page as shipped (docs/rules/<id>.md); an unknown id names the closest. */
function explain(id: string, io: Io): number {
  if (!isRuleId(id)) {
    const near = closestRuleId(id);
    io.stderr(`openstack-ha: unknown rule '${id}'${near ? `; did you mean '${near}'?` : ''} (openstack-ha rules lists them)\n`);
    return 2;
  }
  try {
    io.stdout(fs.readFileSync(ruleDocPath(id), 'utf8'));
    return 0;
  } catch (e) {
    io.stderr(`openstack-ha: cannot read the page of ${id}: ${errorReason(e)}\n`);
    return 2;
  }
}

function lint(args: LintArgs, io: Io): number {
  /** The config files the checked files were checked with, each reported like a checked file (its unknown rule ids). */
  const usedConfigs = new Map<string, ConfigFile>();
  const explicitRead = args.config ? loadExplicit(args.config) : undefined;
  if (explicitRead) usedConfigs.set(path.resolve(io.cwd, args.config!), explicitRead);
  const explicitConfig: LintConfig | undefined = explicitRead?.config;
  const baseline = args.baseline ? readBaseline(path.resolve(io.cwd, args.baseline), args.baseline) : undefined;
  const configs = new ConfigCache();
  const configFor = (file: string) => configOf(configs, file, usedConfigs);
  const overlay = io.overlay;
  const named = args.paths.map((p) => path.resolve(io.cwd, p));
  // the unsaved buffer is checked whether or not its file exists, with the files around it
  const { files, explicit, problems } = collectFiles(named.filter((p) => p !== overlay?.file));
  if (overlay?.file !== undefined) {
    if (!files.includes(overlay.file)) files.push(overlay.file);
    explicit.add(overlay.file);
  }
  const settingsFor = (file: string): LintConfig | undefined => {
    const c = explicitConfig ?? configFor(file);
    return overlay?.config ? { ...(c ?? EMPTY_CONFIG), ...overlay.config } : c;
  };
  // a PATH named that cannot be read fails the run (exit 2), after everything else is checked
  let failed = false;
  const cannot = (verb: string, file: string, reason: string) => {
    io.stderr(`openstack-ha: cannot ${verb} ${rel(io, file)}: ${reason}\n`);
    failed = true;
  };
  // every file goes into one workspace, as in the editor: the files it checks, and those they are checked against
  const ws = new Workspace();
  const hostOf = new Map<string, string>();
  const encodingOf = new Map<string, TextEncoding>();
  /** Files and folders reported without being checked: too large, or not read. */
  const notChecked = new Map<string, { finding: Finding; head: string }>();
  const kinds: { file: string; kind: string }[] = [];
  let unread = 0;
  const notRead = (file: string, reason: string, folder = false) => {
    const p = enginePath(file);
    hostOf.set(p, file);
    notChecked.set(p, { finding: notReadFinding(reason, folder), head: '' });
    unread++;
  };
  for (const pr of problems) {
    if (pr.explicit) cannot('read', pr.path, pr.reason);
    if (!pr.missing) notRead(pr.path, pr.reason, pr.folder);
  }
  for (const file of files) {
    const read =
      overlay?.file === file ? { status: 'ok' as const, text: overlay.text ?? '', encoding: 'utf8' as const } : readForCheck(file);
    const p = enginePath(file);
    hostOf.set(p, file);
    if (read.status === 'refused') {
      if (explicit.has(file)) cannot('read', file, read.reason);
      notRead(file, read.reason);
      continue;
    }
    if (read.status === 'too-large') {
      // never in the workspace: no peer facts are read from it, nothing is parsed
      const kind = detectKind(p, read.head);
      if (kind) {
        notChecked.set(p, { finding: tooLargeFinding(read.size), head: read.head });
        kinds.push({ file: rel(io, file), kind });
      } else if (explicit.has(file)) io.stderr(`openstack-ha: skipped ${rel(io, file)}: not a file openstack-ha checks\n`);
      continue;
    }
    const kind = detectKind(p, read.text);
    encodingOf.set(p, read.encoding);
    ws.setFile(p, read.text, kind);
    if (!kind && explicit.has(file)) io.stderr(`openstack-ha: skipped ${rel(io, file)}: not a file openstack-ha checks\n`);
  }
  // manifests first: the files of a deployment are checked against its manifest's model
  const checked = ws
    .checkedFiles()
    .sort((a, b) => Number(a.kind !== 'manifest') - Number(b.kind !== 'manifest') || (a.path < b.path ? -1 : 1));
  const byFile = new Map<string, FileReport>();
  for (const [p, { finding, head }] of notChecked) {
    const file = hostOf.get(p)!;
    const lines = new LineIndex(head);
    // its severity and suppression as configured (a too-large file's first lines may say so)
    const findings = finish([finding], head, lines, settingsFor(file) ?? EMPTY_CONFIG);
    byFile.set(p, { file: rel(io, file), lines, findings, unread: finding.rule === 'file-unreadable' });
  }
  for (const { path: p, kind } of checked) {
    const file = hostOf.get(p)!;
    const config = settingsFor(file);
    let result = analyse(ws, p, config);
    if (!result) continue;
    if (args.fix) {
      const original = ws.textOf(p)!;
      let text = original;
      for (let pass = 0; pass < 10; pass++) {
        const edits = safeFixEdits(result!.findings);
        if (!edits.length) break;
        text = applyEdits(text, edits);
        ws.setFile(p, text, kind);
        result = analyse(ws, p, config);
      }
      if (text !== original) {
        try {
          writeChecked(file, text, encodingOf.get(p) ?? 'utf8');
        } catch (e) {
          // the file keeps its text: report it as it stands, and the files after it against it
          cannot('write', file, `${errorReason(e)}; its fixes are not applied`);
          ws.setFile(p, original, kind);
          result = analyse(ws, p, config);
        }
      }
    }
    kinds.push({ file: rel(io, file), kind });
    byFile.set(p, { file: rel(io, file), lines: result!.lines, findings: result!.findings });
  }
  for (const [file, c] of usedConfigs) {
    const lines = new LineIndex(c.text);
    // as configured by the file itself: `rules: { unknown-rule-id: off }` and suppression comments apply
    const findings = finish(c.findings, c.text, lines, c.config);
    if (findings.length) byFile.set(enginePath(file), { file: rel(io, file), lines, findings, settings: true });
  }
  // a related location names a line of another file of the workspace
  const indexes = new Map<string, LineIndex>();
  const related = (r: Related): ResolvedRelated => {
    const host = hostOf.get(r.file);
    let lines = indexes.get(r.file);
    if (!lines) indexes.set(r.file, (lines = new LineIndex(ws.textOf(r.file) ?? '')));
    return { file: host ? rel(io, host) : r.file, range: lines.range(r.span.start, r.span.end), message: r.message };
  };
  // in the order of their paths, the folders reported among the files
  let reports = withFingerprints([...byFile.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r));
  const n = kinds.length;
  // against a baseline, SARIF marks every finding; text, JSON and the exit status leave out the baselined
  let summary: BaselineSummary | undefined;
  let absent: BaselineEntry[] = [];
  let all = reports;
  if (baseline) {
    const c = compare(reports, baseline);
    [all, absent, summary] = [c.reports, c.absent, { baselined: c.baselined, absent: c.absent.length }];
    reports = onlyNew(c.reports);
  }
  const out =
    args.format === 'json'
      ? formatJson(reports, related, kinds, summary)
      : args.format === 'sarif'
        ? formatSarif(all, VERSION, related, absent)
        : formatText(reports, n, related, kinds, unread, summary);
  if (args.output === undefined) io.stdout(out);
  else writeOut(path.resolve(io.cwd, args.output), out, (reason) => cannot('write', path.resolve(io.cwd, args.output!), reason));
  if (args.writeBaseline !== undefined) {
    const file = path.resolve(io.cwd, args.writeBaseline);
    const b = makeBaseline(reports, VERSION);
    if (writeOut(file, JSON.stringify(b, null, 2) + '\n', (reason) => cannot('write', file, reason))) {
      const total = b.entries.reduce((t, e) => t + e.count, 0);
      io.stderr(`openstack-ha: wrote ${total} finding${total === 1 ? '' : 's'} to the baseline ${rel(io, file)}\n`);
    }
  }
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (n === 0 && unread === 0 && args.format === 'text')
    io.stderr(
      'openstack-ha: no file under the given paths is one openstack-ha checks (HA manifests, OpenStack service configs, haproxy.cfg, corosync.conf, keepalived.conf, MariaDB option files, Pacemaker configurations, host firewalls)\n',
    );
  if (failed) return 2;
  if (args.writeBaseline !== undefined) return 0;
  return errors > 0 || (args.maxWarnings >= 0 && warnings > args.maxWarnings) ? 1 : 0;
}

/** Writes a report or a baseline; a failure is said through `fail`. */
function writeOut(file: string, text: string, fail: (reason: string) => void): boolean {
  try {
    fs.writeFileSync(file, text);
    return true;
  } catch (e) {
    fail(errorReason(e));
    return false;
  }
}

function loadExplicit(file: string): ConfigFile {
  try {
    return readConfigFile(file);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new PathError(`cannot read configuration ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function configOf(cache: ConfigCache, file: string, used: Map<string, ConfigFile>): LintConfig | undefined {
  const c = cache.forDocument(file);
  if (c.error) throw c.error instanceof ConfigError ? c.error : new ConfigError(`${c.file}: ${c.error.message}`);
  if (c.file && c.checked) used.set(c.file, c.checked);
  return c.config;
}

function rel(io: Io, file: string): string {
  const r = path.relative(io.cwd, file);
  return r.startsWith('..') || path.isAbsolute(r) ? file : r;
}
