/**
 * `openstack-ha mcp`: a Model Context Protocol server on stdin and stdout, so that a coding agent that
 * edits deployment files can check them. Each tool runs the CLI's own command (`run` of main.ts, its
 * output captured) and hands back what that command prints, as structured content and as text: the
 * findings, pages and verdicts are the CLI's, to the character. Files are only read, never written.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Io, LintOverlay } from './io';
import { relative } from './read-workspace';
import { USAGE } from './args';
import { VERSION } from '../version';
import { MAX_READ_BYTES } from '../node/files';
import { ENVIRONMENTS, type Environment } from '../engine/types';
import { KNOWN_RELEASES, type Release } from '../engine/knowledge/options/catalog';
import type * as Sdk from './mcp/sdk';

type Run = (argv: string[], io: Io) => number | Promise<number>;
type Result = { content: { type: 'text'; text: string }[]; structuredContent?: Record<string, unknown>; isError?: boolean };

/** Places no deployment file lives and whose "files" are the machine itself: never read. */
const REFUSED_ROOTS = ['/proc', '/sys', '/dev'];

/** Serves until the client closes stdin; 0 then. */
export async function mcp(io: Io, run: Run): Promise<number> {
  // loaded here, not imported: dist/mcp.js is read only when an agent starts the server (scripts/build.mjs)
  const sdk = require('./mcp/sdk') as typeof Sdk;
  const server = new sdk.McpServer(
    { name: 'openstack-ha', version: VERSION },
    {
      instructions:
        'Checks OpenStack high-availability deployment files (HA manifests *.ha.yaml, kolla-ansible and OpenStack-Ansible ' +
        'inventories, service .conf files, haproxy.cfg, keepalived, corosync, Galera, Pacemaker, host firewalls). ' +
        'Use lint_text before writing a file, lint after; explain gives the page of a rule id a finding names.',
    },
  );
  registerTools(server, sdk.z, io, run);
  const closed = new Promise<number>((resolve) => process.stdin.once('end', () => void server.close().finally(() => resolve(0))));
  await server.connect(new sdk.StdioServerTransport());
  return closed;
}

function registerTools(server: Sdk.McpServer, z: typeof Sdk.z, io: Io, run: Run): void {
  const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
  const paths = z
    .array(z.string().min(1))
    .min(1)
    .describe('Files or folders (folders are walked), relative to the server’s working folder or absolute');
  const nodeName = z.string().regex(/^[^,|]+$/, 'a name, without commas or |');

  server.registerTool(
    'lint',
    {
      title: 'Check deployment files',
      description:
        'Checks the HA deployment files under the paths, each against the others as one workspace (the result of ' +
        '`openstack-ha lint --format json`). structuredContent.diagnostics: one per finding, with its rule id, severity ' +
        '(error, warning, info, hint), file, 0-based range, message, related locations in other files, and fixable ' +
        '(true when `openstack-ha lint --fix` would fix it; fixes gives the edits).',
      inputSchema: {
        paths,
        environment: z
          .enum(ENVIRONMENTS as [Environment, ...Environment[]])
          .optional()
          .describe('The environment assumed for manifests that set no metadata.environment (instead of .openstack-ha.yaml’s)'),
        release: z
          .enum(KNOWN_RELEASES as [Release, ...Release[]])
          .optional()
          .describe('The OpenStack release whose options check .conf files (default: the newest known)'),
      },
      annotations: readOnly,
    },
    async (a) => {
      const config: LintOverlay['config'] = {};
      if (a.environment) config.environment = a.environment;
      if (a.release) config.release = a.release;
      const r = await lintJson(run, io, hostPaths(io, a.paths), { config });
      if (r.code === 2) return failure(r.err);
      return findings(r.json, r.err);
    },
  );

  server.registerTool(
    'lint_text',
    {
      title: 'Check a file’s proposed content',
      description:
        'Checks text not yet written as the file at path, against the files around it as read from disk (by default ' +
        'every file under the server’s working folder when path is inside it, else the folder that holds path; context ' +
        'names others), so that cross-file checks apply: a haproxy.cfg against its manifest, for example. Only the findings on that file are ' +
        'returned, in the shape lint gives. The file need not exist; nothing is written. Its name decides its kind ' +
        '(e.g. *.ha.yaml is a manifest, nova.conf an OpenStack option file).',
      inputSchema: {
        path: z.string().min(1).describe('Where the text would be written, relative to the server’s working folder or absolute'),
        text: z.string().describe('The proposed content of the file'),
        context: paths
          .optional()
          .describe('Files or folders to check it against (default: the working folder, or the folder holding path if outside it)'),
      },
      annotations: readOnly,
    },
    async (a) => {
      const [file] = hostPaths(io, [a.path]);
      if (isFolder(file)) return failure(`${a.path} is a folder; name the file the text is for`);
      if (Buffer.byteLength(a.text) > MAX_READ_BYTES)
        return failure(`the text has ${Buffer.byteLength(a.text)} bytes; openstack-ha analyses files of up to ${MAX_READ_BYTES}`);
      // by default the workspace is the agent's project, as an editor's is its folder: the server's, or the file's own
      const inCwd = !path.relative(io.cwd, file).startsWith('..') && !path.isAbsolute(path.relative(io.cwd, file));
      // a client started in / or the home folder (some are) has no project: walking it would take the whole machine
      const project = inCwd && !isBroad(io.cwd);
      const around = a.context
        ? hostPaths(io, a.context)
        : project
          ? [io.cwd]
          : isFolder(path.dirname(file)) && !isBroad(path.dirname(file))
            ? [path.dirname(file)]
            : [];
      const r = await lintJson(run, io, [...around, file], { file, text: a.text });
      if (r.code === 2) return failure(r.err);
      const shown = relative(io, file);
      if (!r.json.files.some((f) => f.file === shown))
        return failure(
          `${a.path} is not a file openstack-ha checks (its name says which kind it is: *.ha.yaml, nova.conf, haproxy.cfg, ...)`,
        );
      return findings({ ...r.json, files: r.json.files.filter((f) => f.file === shown) }, '', shown);
    },
  );

  server.registerTool(
    'explain',
    {
      title: 'Explain a rule',
      description:
        'The documentation page of a rule id (as findings name it): why it matters, a bad and a good example, what the ' +
        'real tool says, and how to silence it.',
      inputSchema: { rule: z.string().min(1).describe('A rule id, e.g. stonith-disabled') },
      annotations: readOnly,
    },
    async (a) => {
      const r = await capture(run, ['explain', a.rule], io);
      return r.code === 0 ? { content: [{ type: 'text', text: r.out }] } : failure(r.err);
    },
  );

  server.registerTool(
    'simulate',
    {
      title: 'Simulate failures',
      description:
        'What happens to each cluster (quorum), VIP and service of one deployment (a manifest, kolla-ansible or ' +
        'OpenStack-Ansible files, or the cluster files themselves) when the named nodes or failure domains fail or the ' +
        'network splits; with all, every single node, pair or failure domain is tried, worst first. No failure named: ' +
        'the deployment as it is. structuredContent is `openstack-ha simulate --format json`; the text is its report. ' +
        'A service verdict is available, degraded, down, split-brain or blocked.',
      inputSchema: {
        paths: paths.describe('The files or folder of one deployment'),
        fail: z.array(nodeName).optional().describe('Nodes that fail'),
        failDomains: z.array(nodeName).optional().describe('Failure domains (racks, rooms) that fail'),
        partition: z
          .array(z.array(nodeName).min(1))
          .min(2)
          .optional()
          .describe('The network splits into these groups of nodes, e.g. [["ctl1","ctl2"],["ctl3"]]'),
        all: z.enum(['single', 'pairs', 'domains']).optional().describe('Try every single node, every pair, or every failure domain'),
      },
      annotations: readOnly,
    },
    async (a) => {
      const scenario: string[] = [];
      if (a.fail?.length) scenario.push('--fail', a.fail.join(','));
      if (a.failDomains?.length) scenario.push('--fail-domain', a.failDomains.join(','));
      if (a.partition) scenario.push('--partition', a.partition.map((g) => g.join(',')).join('|'));
      if (a.all) scenario.push('--all', a.all);
      const files = hostPaths(io, a.paths);
      const json = await capture(run, ['simulate', '--format', 'json', ...scenario, ...files], io);
      if (json.code === 2) return failure(json.err);
      const text = await capture(run, ['simulate', '--format', 'text', ...scenario, ...files], io);
      // what the command says beside its report (e.g. that no node has a failure domain to try) comes after it
      const notes = json.err ? [{ type: 'text' as const, text: json.err }] : [];
      return { content: [{ type: 'text', text: text.out }, ...notes], structuredContent: JSON.parse(json.out) as Record<string, unknown> };
    },
  );

  server.registerTool(
    'convert',
    {
      title: 'Convert to a manifest',
      description:
        'The HA manifest (YAML) equivalent to one kolla-ansible or OpenStack-Ansible deployment under the paths: nodes, ' +
        'failure domains, clusters, VIPs, clustered services, with a header saying what to fill in. It is returned, ' +
        'not written.',
      inputSchema: { paths: paths.describe('The deployment tool’s files or their folder (globals.yml and the inventory)') },
      annotations: readOnly,
    },
    async (a) => {
      const r = await capture(run, ['convert', ...hostPaths(io, a.paths)], io);
      if (r.code !== 0) return failure(r.err);
      const notes = r.err ? r.err.split('\n') : [];
      return {
        content: [{ type: 'text', text: r.out }, ...(r.err ? [{ type: 'text' as const, text: r.err }] : [])],
        structuredContent: { manifest: r.out, notes },
      };
    },
  );
}

interface Diagnostic {
  file: string;
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: { safe: boolean }[];
  related?: { file: string; range: Diagnostic['range']; message: string }[];
}
interface LintJson {
  version: number;
  files: { file: string; kind: string }[];
  diagnostics: Diagnostic[];
}

async function lintJson(run: Run, io: Io, files: string[], overlay: LintOverlay) {
  const r = await capture(run, ['lint', '--format', 'json', ...files], io, overlay);
  return { ...r, json: (r.out ? JSON.parse(r.out) : { version: 1, files: [], diagnostics: [] }) as LintJson };
}

/** The findings as structured content (lint's JSON, each with `fixable`), and as lines of text with a summary. */
function findings(json: LintJson, notes: string, only?: string): Result {
  const diagnostics = json.diagnostics
    .filter((d) => only === undefined || d.file === only)
    .map((d) => ({ ...d, fixable: d.fixes.some((f) => f.safe) }));
  const at = (r: Diagnostic['range']) => `${r.start.line + 1}:${r.start.character + 1}`;
  const lines = diagnostics.flatMap((d) => [
    `${d.file}:${at(d.range)}  ${d.severity}  ${d.message}  ${d.rule}${d.fixable ? '  (fixable)' : ''}`,
    ...(d.related ?? []).map((x) => `    see ${x.file}:${at(x.range)}  ${x.message}`),
  ]);
  const n = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const summary = {
    errors: n('error'),
    warnings: n('warning'),
    info: n('info') + n('hint'),
    filesChecked: json.files.length,
  };
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  lines.push(
    `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.info} info in ${plural(summary.filesChecked, 'file')} checked`,
  );
  if (!json.files.length) lines.push('no file under the paths is one openstack-ha checks');
  if (notes) lines.push(notes);
  return { content: [{ type: 'text', text: lines.join('\n') }], structuredContent: { ...json, diagnostics, summary } };
}

/** Runs one CLI command with its output kept; stderr without the usage text and the `openstack-ha: ` prefixes. */
async function capture(run: Run, argv: string[], io: Io, overlay?: LintOverlay) {
  let out = '';
  let err = '';
  const code = await run(argv, { cwd: io.cwd, stdout: (s) => (out += s), stderr: (s) => (err += s), overlay });
  err = err
    .replace(`${USAGE}\n`, '')
    .split('\n')
    .map((l) => l.replace(/^openstack-ha: /, ''))
    .join('\n')
    .trim();
  return { code, out, err };
}

function failure(message: string): Result {
  return { content: [{ type: 'text', text: message || 'failed' }], isError: true };
}

/** Absolute host paths; a path into the kernel's or the devices' file systems is refused. */
function hostPaths(io: Io, given: string[]): string[] {
  return given.map((p) => {
    if (p.includes('\0')) throw new Error(`'${p.replace(/\0/g, '\\0')}' is not a path`);
    const abs = path.resolve(io.cwd, p);
    if (REFUSED_ROOTS.some((r) => abs === r || abs.startsWith(`${r}/`))) throw new Error(`${p}: openstack-ha does not read ${abs}`);
    if (abs === path.parse(abs).root) throw new Error(`${p}: openstack-ha does not walk the whole file system; name the project's folder`);
    return abs;
  });
}

/** The file system's root or the home folder: too broad to walk unasked. */
function isBroad(dir: string): boolean {
  return dir === path.parse(dir).root || dir === os.homedir();
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
