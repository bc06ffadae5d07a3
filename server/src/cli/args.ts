/** Command-line arguments of `openstack-ha` (../shared/spec/cli.md). */
export type Format = 'text' | 'json' | 'sarif';
export interface LintArgs {
  command: 'lint';
  format: Format;
  config?: string;
  maxWarnings: number;
  fix: boolean;
  paths: string[];
  quiet: boolean;
  /** Write the report to this file instead of stdout. */
  output?: string;
  /** Report and fail only on findings this baseline file does not hold. */
  baseline?: string;
  /** Record the findings in this baseline file. */
  writeBaseline?: string;
}
/** `convert PATH... [--output FILE] [--force] [--name NAME]`: a deployment tool's files written as a manifest. */
export interface ConvertArgs {
  command: 'convert';
  paths: string[];
  output?: string;
  force: boolean;
  name?: string;
}
/** `simulate [--fail N,..] [--fail-domain D] [--partition A,B|C] [--then ...] [--all ...] [--format ...] PATH...` (spec/simulate.md). */
export interface SimulateArgs {
  command: 'simulate';
  paths: string[];
  format: 'text' | 'json' | 'markdown';
  /** The scenario's steps, in order (`--then` starts the next); one empty step when no failure is named. */
  steps: { fail: string[]; failDomains: string[]; partition?: string[][]; stop: string[]; recover: string[] }[];
  all?: 'single' | 'pairs' | 'domains';
}
/** `graph [--format svg|html|mermaid] [--output FILE] PATH...`: the topology picture. */
export interface GraphArgs {
  command: 'graph';
  paths: string[];
  format: 'svg' | 'html' | 'mermaid';
  output?: string;
}
export type Args =
  | LintArgs
  | ConvertArgs
  | SimulateArgs
  | GraphArgs
  | { command: 'explain'; rule: string }
  | { command: 'mcp' }
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'rules'; format: Format };

export class UsageError extends Error {}

export const USAGE = `Usage: openstack-ha lint [--format text|json|sarif] [--config FILE] [--max-warnings N] [--fix]
                         [--output FILE] [--baseline FILE | --write-baseline FILE] PATH...
       openstack-ha convert [--output FILE [--force]] [--name NAME] PATH...
       openstack-ha simulate [--fail NODE[,NODE...]] [--fail-domain NAME] [--partition A,B|C,D]
                             [--stop NODE[,NODE...]] [--recover NODE[,NODE...]] [--then ...]
                             [--all single|pairs|domains]
                             [--format text|json|markdown] PATH...
       openstack-ha graph [--format svg|html|mermaid] [--output FILE] PATH...
       openstack-ha rules [--format text|json]
       openstack-ha explain RULE-ID
       openstack-ha mcp
       openstack-ha --version | --help

Checks OpenStack HA manifests (*.ha.yaml, openstack-ha.yaml, or YAML with apiVersion: openstack-ha/v1).
Folders are walked. Exit status: 0 no errors and warnings within --max-warnings, 1 findings over that bar,
2 bad usage, a PATH that cannot be read, a file --fix cannot write, or an invalid configuration file.
A file found in a folder that cannot be read is a file-unreadable finding; the other files are checked.
--output FILE writes the report there instead of stdout. --write-baseline FILE records the findings
(exit 0 once written); --baseline FILE reports and counts only the findings it does not hold (a missing,
unreadable or foreign baseline is exit 2).

convert writes the manifest equivalent to one kolla-ansible or OpenStack-Ansible deployment (its nodes,
failure domains when the inventory gives them, clusters, VIPs and clustered services) to stdout, or to
--output FILE (an existing FILE only with --force). --name sets metadata.name (default: the deployment's
folder). Exit status: 0 written, 1 no deployment tool's files under the PATHs, 2 bad usage, a PATH or
FILE that cannot be read or written, or several deployments under the PATHs (name one's folder).

simulate says what happens to each cluster, VIP and service of one deployment (a manifest, kolla-ansible or
OpenStack-Ansible files, or the stack's own files) when nodes fail, a failure domain fails or the network
splits (--stop: a clean shutdown); --then starts the next step of an ordered sequence; --all tries every single node, every pair or
every failure domain, worst first. Exit status: 0 every service ends available or degraded, 1 one ends
down, split-brain or blocked, 2 bad usage or unreadable input.

explain prints a rule's page (why it matters, bad and good examples, what the real tool says, how to
silence it); rules --format json lists every rule's id, severity, kinds of file and fixability.

graph draws the deployment's failure domains, nodes, clusters, VIPs and services (default svg, to stdout
or --output FILE).

mcp serves lint, lint_text, explain, simulate and convert as the tools of a Model Context Protocol server on
stdin and stdout, for coding agents; it only reads files (PATHs relative to the current folder, or absolute).`;

export function parseArgs(argv: string[]): Args {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  const [cmd, ...rest] = argv;
  if (cmd === 'convert') return parseConvert(rest);
  if (cmd === 'simulate') return parseSimulate(rest);
  if (cmd === 'graph') return parseGraph(rest);
  if (cmd === 'mcp') {
    if (rest.length)
      throw new UsageError(`mcp takes no arguments, not '${rest[0]}' (an MCP client starts it and talks on stdin and stdout)`);
    return { command: 'mcp' };
  }
  if (cmd === 'explain') {
    if (rest.length !== 1 || rest[0].startsWith('-')) throw new UsageError('explain takes one rule id (openstack-ha rules lists them)');
    return { command: 'explain', rule: rest[0] };
  }
  if (cmd !== 'lint' && cmd !== 'rules') throw new UsageError(`unknown command '${cmd}'`);
  let format: Format = 'text';
  let config: string | undefined;
  let maxWarnings = -1;
  let fix = false;
  let quiet = false;
  let output: string | undefined, baseline: string | undefined, writeBaseline: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=') || a === '-f') {
      const v = value('--format');
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${v}'`);
      format = v;
    } else if (a === '--config' || a.startsWith('--config=') || a === '-c') config = value('--config');
    else if (a === '--max-warnings' || a.startsWith('--max-warnings=')) {
      const v = value('--max-warnings');
      if (!/^-?\d+$/.test(v)) throw new UsageError(`--max-warnings takes a whole number, not '${v}'`);
      maxWarnings = Number(v);
    } else if (a === '--fix') fix = true;
    else if (a === '--quiet' || a === '-q') quiet = true;
    else if (isOption(a, '--output') || a === '-o') [output, i] = optionValue(rest, i, '--output');
    else if (isOption(a, '--baseline')) [baseline, i] = optionValue(rest, i, '--baseline');
    else if (isOption(a, '--write-baseline')) [writeBaseline, i] = optionValue(rest, i, '--write-baseline');
    // an empty argument is an unset variable far more often than a wish to lint the current folder
    else if (a === '') throw new UsageError("an empty PATH is not a path (name the current folder '.')");
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else paths.push(a);
  }
  if (cmd === 'rules') {
    if (output || baseline || writeBaseline) throw new UsageError('--output, --baseline and --write-baseline are options of lint');
    return { command: 'rules', format };
  }
  if (paths.length === 0) throw new UsageError('lint needs at least one PATH');
  if (baseline && writeBaseline) throw new UsageError('--baseline and --write-baseline go in separate runs');
  return { command: 'lint', format, config, maxWarnings, fix, paths, quiet, output, baseline, writeBaseline };
}

function parseConvert(rest: string[]): ConvertArgs {
  const out: ConvertArgs = { command: 'convert', paths: [], force: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : rest[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--output' || a.startsWith('--output=') || a === '-o') out.output = value('--output');
    else if (a === '--name' || a.startsWith('--name=')) out.name = value('--name');
    else if (a === '--force') out.force = true;
    else if (a === '') throw new UsageError("an empty PATH is not a path (name the current folder '.')");
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}' for convert`);
    else out.paths.push(a);
  }
  if (out.paths.length === 0) throw new UsageError('convert needs at least one PATH');
  return out;
}

/** Reads `--name value` or `--name=value` at rest[i]; returns the value and the next index. */
function optionValue(rest: string[], i: number, name: string): [string, number] {
  const a = rest[i];
  const eq = a.indexOf('=');
  const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : rest[i + 1];
  if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
  return [v, eq > 0 && a.startsWith('--') ? i : i + 1];
}
const isOption = (a: string, name: string) => a === name || a.startsWith(`${name}=`);
const names = (v: string, option: string): string[] => {
  const list = v.split(',').map((x) => x.trim());
  if (list.some((x) => !x)) throw new UsageError(`${option} takes names separated by commas, not '${v}'`);
  return list;
};

function parseSimulate(rest: string[]): SimulateArgs {
  const out: SimulateArgs = { command: 'simulate', paths: [], format: 'text', steps: [] };
  let step: SimulateArgs['steps'][number] = { fail: [], failDomains: [], stop: [], recover: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    let v: string;
    if (isOption(a, '--format') || a === '-f') {
      [v, i] = optionValue(rest, i, '--format');
      if (v !== 'text' && v !== 'json' && v !== 'markdown') throw new UsageError(`--format must be text, json or markdown, not '${v}'`);
      out.format = v;
    } else if (isOption(a, '--fail')) {
      [v, i] = optionValue(rest, i, '--fail');
      step.fail.push(...names(v, '--fail'));
    } else if (isOption(a, '--fail-domain')) {
      [v, i] = optionValue(rest, i, '--fail-domain');
      step.failDomains.push(...names(v, '--fail-domain'));
    } else if (isOption(a, '--stop')) {
      [v, i] = optionValue(rest, i, '--stop');
      step.stop.push(...names(v, '--stop'));
    } else if (isOption(a, '--recover')) {
      [v, i] = optionValue(rest, i, '--recover');
      step.recover.push(...names(v, '--recover'));
    } else if (isOption(a, '--partition')) {
      [v, i] = optionValue(rest, i, '--partition');
      if (step.partition) throw new UsageError('one --partition per step (use --then for the next)');
      step.partition = v.split('|').map((g) => names(g, '--partition'));
      if (step.partition.length < 2) throw new UsageError(`--partition needs at least two groups separated by '|', not '${v}'`);
    } else if (a === '--then') {
      out.steps.push(step);
      step = { fail: [], failDomains: [], stop: [], recover: [] };
    } else if (isOption(a, '--all')) {
      [v, i] = optionValue(rest, i, '--all');
      if (v !== 'single' && v !== 'pairs' && v !== 'domains') throw new UsageError(`--all must be single, pairs or domains, not '${v}'`);
      out.all = v;
    } else if (a === '') throw new UsageError("an empty PATH is not a path (name the current folder '.')");
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}' for simulate`);
    else out.paths.push(a);
  }
  out.steps.push(step);
  const empty = (s: SimulateArgs['steps'][number]) =>
    !s.fail.length && !s.failDomains.length && !s.partition && !s.stop.length && !s.recover.length;
  if (out.steps.length > 1 && out.steps.some(empty)) throw new UsageError('--then needs a failure, a partition or a recovery on each side');
  if (out.all && !(out.steps.length === 1 && empty(out.steps[0])))
    throw new UsageError('--all enumerates its own scenarios: it takes no --fail, --fail-domain, --partition, --stop, --recover or --then');
  if (out.paths.length === 0) throw new UsageError('simulate needs at least one PATH');
  return out;
}

function parseGraph(rest: string[]): GraphArgs {
  const out: GraphArgs = { command: 'graph', paths: [], format: 'svg' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    let v: string;
    if (isOption(a, '--format') || a === '-f') {
      [v, i] = optionValue(rest, i, '--format');
      if (v !== 'svg' && v !== 'html' && v !== 'mermaid') throw new UsageError(`--format must be svg, html or mermaid, not '${v}'`);
      out.format = v;
    } else if (isOption(a, '--output') || a === '-o') [out.output, i] = optionValue(rest, i, '--output');
    else if (a === '') throw new UsageError("an empty PATH is not a path (name the current folder '.')");
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}' for graph`);
    else out.paths.push(a);
  }
  if (out.paths.length === 0) throw new UsageError('graph needs at least one PATH');
  return out;
}
