/** `openstack-ha`: the engine from the command line, for CI. Exit codes per ../shared/spec/cli.md. */
import * as fs from 'fs';
import * as path from 'path';
import { Args, parseArgs, USAGE, UsageError, LintArgs } from './args';
import { collectFiles, enginePath, MAX_READ_BYTES, PathError, readForCheck } from '../node/files';
import { FileReport, formatJson, formatSarif, formatText, ResolvedRelated } from './format';
import { detectKind } from '../engine/lint';
import { analyse } from '../engine/analyse';
import { Workspace } from '../engine/workspace/workspace';
import { Related } from '../engine/types';
import { ConfigError, LintConfig } from '../engine/config';
import { applyEdits, safeFixEdits } from '../engine/fixes';
import { ALL_RULES } from '../engine/rules';
import { ConfigCache, loadConfigFile } from '../node/config-files';
import { LineIndex } from '../engine/text/line-index';

export const VERSION = process.env.OPENSTACK_HA_VERSION ?? '0.1.0';

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}
const processIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() };

export function run(argv: string[], io: Io = processIo): number {
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
  if (args.command === 'rules') {
    io.stdout(
      args.format === 'json'
        ? JSON.stringify(ALL_RULES, null, 2) + '\n'
        : ALL_RULES.map((r) => `${r.id.padEnd(32)} ${r.severity.padEnd(8)} ${r.fixable ? 'fix ' : '    '} ${r.title}`).join('\n') + '\n',
    );
    return 0;
  }
  try {
    return lint(args, io);
  } catch (e) {
    if (e instanceof PathError || e instanceof ConfigError) {
      io.stderr(`openstack-ha: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function lint(args: LintArgs, io: Io): number {
  const explicitConfig: LintConfig | undefined = args.config ? loadExplicit(args.config) : undefined;
  const configs = new ConfigCache();
  const { files, explicit } = collectFiles(args.paths.map((p) => path.resolve(io.cwd, p)));
  // every file goes into one workspace, as in the editor: the files it checks, and those they are checked against
  const ws = new Workspace();
  const hostOf = new Map<string, string>();
  const tooLarge = new Map<string, string>();
  for (const file of files) {
    let read: { text: string; truncated: boolean };
    try {
      read = readForCheck(file);
    } catch (e) {
      throw new PathError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const p = enginePath(file);
    hostOf.set(p, file);
    const kind = detectKind(p, read.text);
    if (read.truncated) {
      if (kind) tooLarge.set(p, kind);
      continue;
    }
    ws.setFile(p, read.text, kind);
    if (!kind && explicit.has(file)) io.stderr(`openstack-ha: skipped ${rel(io, file)}: not a file openstack-ha checks\n`);
  }
  // manifests first: the files of a deployment are checked against its manifest's model
  const checked = ws
    .checkedFiles()
    .sort((a, b) => Number(a.kind !== 'manifest') - Number(b.kind !== 'manifest') || (a.path < b.path ? -1 : 1));
  const byFile = new Map<string, FileReport>();
  const kinds: { file: string; kind: string }[] = [];
  for (const [p, kind] of tooLarge) {
    const file = hostOf.get(p)!;
    const lines = new LineIndex('');
    byFile.set(p, {
      file: rel(io, file),
      lines,
      findings: [
        {
          rule: 'file-too-large',
          severity: 'warning',
          message: `the file has more than ${MAX_READ_BYTES} bytes; it is not analysed`,
          span: { start: 0, end: 0 },
          fixes: [],
        },
      ],
    });
    kinds.push({ file: rel(io, file), kind });
  }
  for (const { path: p, kind } of checked) {
    const file = hostOf.get(p)!;
    const config = explicitConfig ?? configFor(configs, file);
    let result = analyse(ws, p, config);
    if (!result) continue;
    if (args.fix) {
      let text = ws.textOf(p)!;
      const original = text;
      for (let pass = 0; pass < 10; pass++) {
        const edits = safeFixEdits(result!.findings);
        if (!edits.length) break;
        text = applyEdits(text, edits);
        ws.setFile(p, text, kind);
        result = analyse(ws, p, config);
      }
      if (text !== original) fs.writeFileSync(file, text);
    }
    kinds.push({ file: rel(io, file), kind });
    byFile.set(p, { file: rel(io, file), lines: result!.lines, findings: result!.findings });
  }
  // a related location names a line of another file of the workspace
  const indexes = new Map<string, LineIndex>();
  const related = (r: Related): ResolvedRelated => {
    const host = hostOf.get(r.file);
    let lines = indexes.get(r.file);
    if (!lines) indexes.set(r.file, (lines = new LineIndex(ws.textOf(r.file) ?? '')));
    return { file: host ? rel(io, host) : r.file, range: lines.range(r.span.start, r.span.end), message: r.message };
  };
  const reports: FileReport[] = [];
  for (const file of files) {
    const r = byFile.get(enginePath(file));
    if (r) reports.push(r);
  }
  const n = kinds.length;
  const out =
    args.format === 'json'
      ? formatJson(reports, related, kinds)
      : args.format === 'sarif'
        ? formatSarif(reports, VERSION, related)
        : formatText(reports, n, related, kinds);
  io.stdout(out);
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (n === 0 && args.format === 'text')
    io.stderr(
      'openstack-ha: no file under the given paths is one openstack-ha checks (HA manifests, OpenStack service configs, haproxy.cfg, corosync.conf, keepalived.conf, MariaDB option files, Pacemaker configurations, host firewalls)\n',
    );
  return errors > 0 || (args.maxWarnings >= 0 && warnings > args.maxWarnings) ? 1 : 0;
}

function loadExplicit(file: string): LintConfig {
  try {
    return loadConfigFile(file);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new PathError(`cannot read configuration ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function configFor(cache: ConfigCache, file: string): LintConfig | undefined {
  const c = cache.forDocument(file);
  if (c.error) throw c.error instanceof ConfigError ? c.error : new ConfigError(`${c.file}: ${c.error.message}`);
  return c.config;
}

function rel(io: Io, file: string): string {
  const r = path.relative(io.cwd, file);
  return r.startsWith('..') || path.isAbsolute(r) ? file : r;
}
