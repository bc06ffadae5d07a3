/** `openstack-ha`: the engine from the command line, for CI. Exit codes per ../shared/spec/cli.md. */
import { isSysctlFile } from '../engine/documents/sysctl/sysctl';
import { isCheckEndpointFile, isCheckEndpointPath } from '../engine/documents/clustercheck/endpoints';
import * as fs from 'fs';
import * as path from 'path';
import { Args, parseArgs, USAGE, UsageError, LintArgs } from './args';
import { collectFiles, PathError, readHead } from './files';
import { FileReport, formatJson, formatSarif, formatText } from './format';
import { detectKind, lintFile } from '../engine/lint';
import { ConfigError, LintConfig } from '../engine/config';
import { applyEdits, safeFixEdits } from '../engine/fixes';
import { ALL_RULES } from '../engine/rules';
import { ConfigCache, loadConfigFile } from '../node/config-files';
import { LineIndex } from '../engine/text/line-index';
import { TopologyIndex } from '../node/topology-index';

export const VERSION = process.env.OPENSTACK_HA_VERSION ?? '0.1.0';

export interface Io { stdout(s: string): void; stderr(s: string): void; cwd: string }
const processIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() };

export function run(argv: string[], io: Io = processIo): number {
  let args: Args;
  try { args = parseArgs(argv); } catch (e) {
    if (e instanceof UsageError) { io.stderr(`openstack-ha: ${e.message}\n${USAGE}\n`); return 2; }
    throw e;
  }
  if (args.command === 'help') { io.stdout(USAGE + '\n'); return 0; }
  if (args.command === 'version') { io.stdout(VERSION + '\n'); return 0; }
  if (args.command === 'rules') {
    io.stdout(args.format === 'json' ? JSON.stringify(ALL_RULES, null, 2) + '\n' : ALL_RULES.map((r) => `${r.id.padEnd(32)} ${r.severity.padEnd(8)} ${r.fixable ? 'fix ' : '    '} ${r.title}`).join('\n') + '\n');
    return 0;
  }
  try { return lint(args, io); } catch (e) {
    if (e instanceof PathError || e instanceof ConfigError) { io.stderr(`openstack-ha: ${e.message}\n`); return 2; }
    throw e;
  }
}

function lint(args: LintArgs, io: Io): number {
  const explicitConfig: LintConfig | undefined = args.config ? loadExplicit(args.config) : undefined;
  const configs = new ConfigCache();
  const { files, explicit } = collectFiles(args.paths.map((p) => path.resolve(io.cwd, p)));
  const reports: FileReport[] = [];
  let checked = 0;
  const kinds = new Map<string, string>();
  for (const file of files) {
    let head: string;
    try { head = readHead(file); } catch (e) { throw new PathError(`cannot read ${file}: ${(e as Error).message}`); }
    const kind = detectKind(file, head);
    if (kind) kinds.set(file, kind);
    else if (explicit.has(file)) io.stderr(`openstack-ha: skipped ${rel(io, file)}: not a file openstack-ha checks\n`);
  }
  // manifests first: a .conf file is checked against the deployment its nearest manifest describes
  const topologies = new TopologyIndex();
  const ordered = [...kinds.keys()].sort((a, b) => Number(kinds.get(a) !== 'manifest') - Number(kinds.get(b) !== 'manifest') || a.localeCompare(b));
  const byFile = new Map<string, FileReport>();
  // config files are read once: first to know the peers (cinder.conf of each node), then to lint
  const confTexts = new Map<string, string>();
  for (const file of ordered) if (['oslo-conf', 'galera', 'keepalived', 'clustercheck'].includes(kinds.get(file)!)) { const t = fs.readFileSync(file, 'utf8'); confTexts.set(file, t); topologies.setPeer(file, t); }
  // sysctl files and clustercheck's xinetd/socket files are not checked themselves; haproxy.cfg and firewalls are checked against them
  for (const file of files) {
    if (kinds.has(file)) continue;
    try {
      if (isSysctlFile(file)) topologies.setPeer(file, fs.readFileSync(file, 'utf8'));
      else if (isCheckEndpointPath(file) && fs.statSync(file).size < 65536) { const t = fs.readFileSync(file, 'utf8'); if (isCheckEndpointFile(file, t)) topologies.setPeer(file, t); }
    } catch { /* unreadable: as if absent */ }
  }
  for (const file of ordered) {
    const config = explicitConfig ?? configFor(configs, file);
    let text = confTexts.get(file) ?? fs.readFileSync(file, 'utf8');
    // as in the editor: every config file is checked against its folder's deployment and the workspace's peer files
    const isConfig = kinds.get(file) !== 'manifest';
    const context = { topology: isConfig ? topologies.forFile(file) : undefined, peers: isConfig ? topologies.peersOf(file) : [] };
    let result = lintFile(file, text, config, context);
    if (!result) continue;
    checked++;
    if (args.fix) {
      const original = text;
      for (let pass = 0; pass < 10; pass++) {
        const edits = safeFixEdits(result!.findings);
        if (!edits.length) break;
        text = applyEdits(text, edits);
        result = lintFile(file, text, config, context);
      }
      if (text !== original) fs.writeFileSync(file, text);
    }
    if (result!.manifest) topologies.set(file, result!.manifest);
    byFile.set(file, { file: rel(io, file), lines: result!.lines ?? new LineIndex(text), findings: result!.findings });
  }
  for (const file of files) { const r = byFile.get(file); if (r) reports.push(r); }
  const out = args.format === 'json' ? formatJson(reports) : args.format === 'sarif' ? formatSarif(reports, VERSION) : formatText(reports, checked);
  io.stdout(out);
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (checked === 0 && args.format === 'text') io.stderr('openstack-ha: no file under the given paths is one openstack-ha checks (HA manifests, OpenStack service configs, haproxy.cfg, corosync.conf, keepalived.conf, MariaDB option files, Pacemaker configurations, host firewalls)\n');
  return errors > 0 || (args.maxWarnings >= 0 && warnings > args.maxWarnings) ? 1 : 0;
}

function loadExplicit(file: string): LintConfig {
  try { return loadConfigFile(file); } catch (e) {
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
