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
}
/** `convert PATH... [--output FILE] [--force] [--name NAME]`: a deployment tool's files written as a manifest. */
export interface ConvertArgs {
  command: 'convert';
  paths: string[];
  output?: string;
  force: boolean;
  name?: string;
}
export type Args = LintArgs | ConvertArgs | { command: 'help' } | { command: 'version' } | { command: 'rules'; format: Format };

export class UsageError extends Error {}

export const USAGE = `Usage: openstack-ha lint [--format text|json|sarif] [--config FILE] [--max-warnings N] [--fix] PATH...
       openstack-ha convert [--output FILE [--force]] [--name NAME] PATH...
       openstack-ha rules [--format text|json]
       openstack-ha --version | --help

Checks OpenStack HA manifests (*.ha.yaml, openstack-ha.yaml, or YAML with apiVersion: openstack-ha/v1).
Folders are walked. Exit status: 0 no errors and warnings within --max-warnings, 1 findings over that bar,
2 bad usage, a PATH that cannot be read, a file --fix cannot write, or an invalid configuration file.
A file found in a folder that cannot be read is a file-unreadable finding; the other files are checked.

convert writes the manifest equivalent to one kolla-ansible or OpenStack-Ansible deployment (its nodes,
failure domains when the inventory gives them, clusters, VIPs and clustered services) to stdout, or to
--output FILE (an existing FILE only with --force). --name sets metadata.name (default: the deployment's
folder). Exit status: 0 written, 1 no deployment tool's files under the PATHs, 2 bad usage, a PATH or
FILE that cannot be read or written, or several deployments under the PATHs (name one's folder).`;

export function parseArgs(argv: string[]): Args {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  const [cmd, ...rest] = argv;
  if (cmd === 'convert') return parseConvert(rest);
  if (cmd !== 'lint' && cmd !== 'rules') throw new UsageError(`unknown command '${cmd}'`);
  let format: Format = 'text';
  let config: string | undefined;
  let maxWarnings = -1;
  let fix = false;
  let quiet = false;
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
    // an empty argument is an unset variable far more often than a wish to lint the current folder
    else if (a === '') throw new UsageError("an empty PATH is not a path (name the current folder '.')");
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else paths.push(a);
  }
  if (cmd === 'rules') return { command: 'rules', format };
  if (paths.length === 0) throw new UsageError('lint needs at least one PATH');
  return { command: 'lint', format, config, maxWarnings, fix, paths, quiet };
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
