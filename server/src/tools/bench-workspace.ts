/**
 * Workspace-scale benchmark: a generated repository of 300, 1200 and 2000 files (gen-workspace.ts)
 * checked by the built CLI (`bin/openstack-ha.js lint --format json <dir>`) and opened as a workspace
 * by the built language server (`dist/server.js --stdio`), beside the I/O floor (a bare `node -e` that
 * reads every file). The workspace mixes HA-manifest sites with kolla-ansible and OpenStack-Ansible
 * deployments of 100-300 hosts. Part of `npm run bench`; alone: `node scripts/bench.mjs --workspace [--sizes 300,1200]`.
 * benchKollaScaling: one kolla deployment of N host_vars files, N = 100..800 (`--kolla`).
 * Environment: OSHA_BENCH_LSP_TIMEOUT_MS (default 60000) bounds the wait for the server's diagnostics.
 * Not a test: it asserts nothing; numbers go to stdout and to the `workspace` key of .bench/results.json.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn, spawnSync } from 'child_process';
import { pathToFileURL, fileURLToPath } from 'url';
import { generateWorkspace, kollaDeploymentFiles } from './gen-workspace';
import { detectKind } from '../engine/lint';

const SIZES = [300, 1200, 2000];
const RUNS = 3;
/** Budgets: time grows at most linearly (2000/300 = 6.7, so a ratio of 7), 2000 files in 3 s, the server under 200 MB. */
const BUDGET = { ratio: 7, ms2000: 3000, serverMb: 200 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const mb = (kb: number) => kb / 1024;

interface CliResult {
  runs_ms: number[];
  median_ms: number;
  peak_rss_mb: number | null;
  rss_source: string;
  /** files the JSON names: its `files` array when it has one, else the distinct files of its diagnostics */
  files: string[];
  files_source: 'files array' | 'distinct files with diagnostics';
  diagnostics: number;
  files_with_diagnostics: number;
  files_checked_text: number | null;
  exit_code: number | null;
  /** files per kind, when the JSON's files say their kind */
  kinds?: Record<string, number>;
}
interface LspResult {
  initialize_ms: number;
  expected: number;
  received: number;
  received_expected: number;
  with_findings: number;
  /** ms from initialize until diagnostics had arrived for every expected file; null when the wait timed out */
  all_ms: number | null;
  first_ms: number | null;
  last_ms: number | null;
  timeout_ms: number;
  peak_rss_mb: number | null;
  rss_mb: number | null;
  progress: string[];
  error?: string;
}

/** Writes the generated workspace; returns the real path of its folder. */
function writeWorkspace(files: Map<string, string>, n: number): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `openstack-ha-ws-${n}-`)));
  for (const [rel, text] of files) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return dir;
}

/** Peak RSS of a child: GNU time if it is here, else a preload that prints process.resourceUsage().maxRSS at exit. */
function rssProbe(tmp: string): { wrap: (args: string[]) => [string, string[]]; read: (stderr: string) => number | null; source: string } {
  const time = '/usr/bin/time';
  if (
    fs.existsSync(time) &&
    spawnSync(time, ['-f', '%M', process.execPath, '-e', '0'], { encoding: 'utf8' }).stderr.trim().match(/^\d+$/m)
  ) {
    return {
      wrap: (args) => [time, ['-f', 'OSHA_MAXRSS_KB=%M', process.execPath, ...args]],
      read: (stderr) => {
        const m = /OSHA_MAXRSS_KB=(\d+)/.exec(stderr);
        return m ? mb(Number(m[1])) : null;
      },
      source: '/usr/bin/time -f %M',
    };
  }
  const preload = path.join(tmp, 'maxrss-preload.js');
  fs.writeFileSync(
    preload,
    "process.on('exit', () => process.stderr.write('\\nOSHA_MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n",
  );
  return {
    wrap: (args) => [process.execPath, ['--require', preload, ...args]],
    read: (stderr) => {
      const m = /OSHA_MAXRSS_KB=(\d+)/.exec(stderr);
      return m ? mb(Number(m[1])) : null;
    },
    source: 'process.resourceUsage().maxRSS (preload)',
  };
}

function benchCli(cli: string, dir: string, cwd: string, probe: ReturnType<typeof rssProbe>): CliResult {
  const runs: number[] = [];
  let rss: number[] = [];
  let out = '';
  let code: number | null = null;
  for (let i = 0; i < RUNS; i++) {
    const [cmd, args] = probe.wrap([cli, 'lint', '--format', 'json', dir]);
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    runs.push(performance.now() - t);
    if (r.error) throw r.error;
    code = r.status;
    if (code !== 0 && code !== 1) throw new Error(`openstack-ha lint exited with ${code}: ${r.stderr.slice(-2000)}`);
    const m = probe.read(r.stderr);
    if (m !== null) rss.push(m);
    out = r.stdout;
  }
  const json = JSON.parse(out) as { files?: (string | { file?: string; path?: string; kind?: string })[]; diagnostics: { file: string }[] };
  const hasFiles = Array.isArray(json.files);
  const names = hasFiles
    ? json.files!.map((f) => (typeof f === 'string' ? f : (f.file ?? f.path ?? '')))
    : [...new Set(json.diagnostics.map((d) => d.file))];
  // the text format says how many files were checked in all ("... in X of Y files checked")
  const text = spawnSync(process.execPath, [cli, 'lint', dir], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const checked = /in \d+ of (\d+) files? checked/.exec(text.stdout);
  if (!rss.length) rss = [NaN];
  let kinds: Record<string, number> | undefined;
  for (const f of hasFiles ? json.files! : [])
    if (typeof f !== 'string' && f.kind) {
      kinds ??= {};
      kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
    }
  return {
    runs_ms: runs.map((x) => +x.toFixed(1)),
    median_ms: +median(runs).toFixed(1),
    peak_rss_mb: Number.isFinite(Math.max(...rss)) ? +Math.max(...rss).toFixed(1) : null,
    rss_source: probe.source,
    files: names.map((f) => path.resolve(cwd, f)),
    files_source: hasFiles ? 'files array' : 'distinct files with diagnostics',
    diagnostics: json.diagnostics.length,
    files_with_diagnostics: new Set(json.diagnostics.map((d) => d.file)).size,
    files_checked_text: checked ? Number(checked[1]) : null,
    exit_code: code,
    ...(kinds ? { kinds } : {}),
  };
}

/** A bare node that reads every file of the folder: what any checker pays to see the workspace at all. */
function ioFloor(dir: string): { floor_ms: number; node_startup_ms: number } {
  const read =
    "const fs=require('fs'),p=require('path');let n=0;(function w(d){for(const e of fs.readdirSync(d,{withFileTypes:true})){const f=p.join(d,e.name);if(e.isDirectory())w(f);else{fs.readFileSync(f,'utf8');n++}}})(process.argv[1]);";
  const t = (args: string[]) => {
    const ts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      spawnSync(process.execPath, args);
      ts.push(performance.now() - s);
    }
    return median(ts);
  };
  return { floor_ms: +t(['-e', read, dir]).toFixed(1), node_startup_ms: +t(['-e', '0']).toFixed(1) };
}

interface Msg {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: any;
  result?: unknown;
  error?: unknown;
}

async function benchServer(server: string, dir: string, expected: Set<string>, timeoutMs: number): Promise<LspResult> {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  let buf = Buffer.alloc(0);
  const listeners: ((m: Msg) => void)[] = [];
  const send = (m: object) => {
    if (!child.stdin.writable) return;
    const b = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }));
    child.stdin.write(`Content-Length: ${b.length}\r\n\r\n`);
    child.stdin.write(b);
  };
  const t0 = performance.now();
  const received = new Set<string>();
  let receivedExpected = 0,
    withFindings = 0;
  let first: number | null = null,
    last: number | null = null;
  const progress: string[] = [];
  let resolveAll: () => void = () => undefined;
  const allArrived = new Promise<void>((res) => {
    resolveAll = res;
  });
  const onMessage = (m: Msg) => {
    if (m.method !== undefined && m.id !== undefined) {
      // a request of the server's: answer it as an editor would
      const result = m.method === 'workspace/configuration' ? (m.params?.items ?? []).map(() => ({})) : null;
      send({ id: m.id, result });
      return;
    }
    if (m.method === '$/progress') {
      const v = m.params?.value;
      if (v?.kind === 'begin' || v?.kind === 'end')
        progress.push(`${v.kind}${v.title ? ` "${v.title}"` : ''} at ${(performance.now() - t0).toFixed(0)} ms`);
    }
    if (m.method === 'textDocument/publishDiagnostics') {
      let file: string;
      try {
        file = fileURLToPath(m.params.uri);
      } catch {
        return;
      }
      const now = performance.now() - t0;
      first ??= now;
      if (!received.has(file)) {
        received.add(file);
        if (m.params.diagnostics?.length) withFindings++;
        if (expected.has(file)) {
          receivedExpected++;
          last = now;
          if (receivedExpected === expected.size) resolveAll();
        }
      }
    }
    for (const l of [...listeners]) l(m);
  };
  child.stdout.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const h = buf.indexOf('\r\n\r\n');
      if (h < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, h).toString())?.[1]);
      if (buf.length < h + 4 + len) return;
      const msg = JSON.parse(buf.subarray(h + 4, h + 4 + len).toString()) as Msg;
      buf = buf.subarray(h + 4 + len);
      onMessage(msg);
    }
  });
  const response = (id: number, ms: number) =>
    new Promise<Msg | undefined>((res) => {
      const timer = setTimeout(() => {
        listeners.splice(listeners.indexOf(l), 1);
        res(undefined);
      }, ms);
      const l = (m: Msg) => {
        if (m.id === id && m.method === undefined) {
          clearTimeout(timer);
          listeners.splice(listeners.indexOf(l), 1);
          res(m);
        }
      };
      listeners.push(l);
    });
  const rootUri = pathToFileURL(dir).href;
  const result: LspResult = {
    initialize_ms: NaN,
    expected: expected.size,
    received: 0,
    received_expected: 0,
    with_findings: 0,
    all_ms: null,
    first_ms: null,
    last_ms: null,
    timeout_ms: timeoutMs,
    peak_rss_mb: null,
    rss_mb: null,
    progress,
  };
  try {
    const init = response(1, 30_000);
    send({
      id: 1,
      method: 'initialize',
      params: {
        processId: process.pid,
        clientInfo: { name: 'openstack-ha-bench' },
        rootUri,
        rootPath: dir,
        workspaceFolders: [{ uri: rootUri, name: path.basename(dir) }],
        capabilities: {
          workspace: {
            configuration: true,
            workspaceFolders: true,
            didChangeConfiguration: { dynamicRegistration: true },
            didChangeWatchedFiles: { dynamicRegistration: true },
          },
          window: { workDoneProgress: true },
          textDocument: {
            publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
            synchronization: { didSave: true },
          },
        },
      },
    });
    if (!(await init)) throw new Error('no answer to initialize within 30 s');
    result.initialize_ms = +(performance.now() - t0).toFixed(1);
    send({ method: 'initialized', params: {} });
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      allArrived.then(() => true),
      new Promise<boolean>((res) => {
        timer = setTimeout(() => res(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (done) result.all_ms = +(last ?? 0).toFixed(1);
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (k: string) => {
      const m = new RegExp(`${k}:\\s+(\\d+)`).exec(status);
      return m ? +mb(Number(m[1])).toFixed(1) : null;
    };
    result.peak_rss_mb = kb('VmHWM');
    result.rss_mb = kb('VmRSS');
  } catch (e) {
    result.error = `${(e as Error).message}${stderr ? `; server stderr: ${stderr.trim().slice(-500)}` : ''}`;
  }
  result.received = received.size;
  result.received_expected = receivedExpected;
  result.with_findings = withFindings;
  result.first_ms = first === null ? null : +(first as number).toFixed(1);
  result.last_ms = last === null ? null : +(last as number).toFixed(1);
  // shut down as an editor does; stop the process only if it does not go
  const bye = response(2, 5000);
  send({ id: 2, method: 'shutdown' });
  await bye;
  send({ method: 'exit' });
  const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((res) => setTimeout(() => res(false), 5000))]);
  if (!gone) child.kill();
  return result;
}

function parseSizes(argv: string[]): number[] {
  const i = argv.findIndex((a) => a === '--sizes' || a.startsWith('--sizes='));
  if (i < 0) return SIZES;
  const v = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const sizes = (v ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return sizes.length ? sizes : SIZES;
}

const fmt = (x: number | null | undefined, unit = '') =>
  x === null || x === undefined || !Number.isFinite(x) ? '-' : `${Math.round(x)}${unit}`;
const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'ok' : 'OVER');

/** Runs the workspace benchmark; prints a table and stores the numbers under `workspace` in .bench/results.json. */
export async function benchWorkspaces(
  root: string = process.cwd(),
  argv: string[] = process.argv.slice(2),
): Promise<Record<string, unknown>> {
  const cli = path.join(root, 'bin', 'openstack-ha.js');
  const server = path.join(root, 'dist', 'server.js');
  for (const f of [path.join(root, 'dist', 'cli.js'), server])
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run npm run build first`);
  const timeoutMs = Number(process.env.OSHA_BENCH_LSP_TIMEOUT_MS) || 60_000;
  const sizes = parseSizes(argv);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'openstack-ha-bench-'));
  const probe = rssProbe(tmp);
  const perSize: Record<string, unknown>[] = [];
  try {
    for (const n of sizes) {
      const files = generateWorkspace(n, { tools: true });
      const dir = writeWorkspace(files, n);
      try {
        // what the engine recognises, decided as the CLI does (on the first 4 KiB)
        const recognised = [...files].filter(([p, t]) => detectKind(p, t.slice(0, 4096))).map(([p]) => path.join(dir, p));
        const bytes = [...files.values()].reduce((s, t) => s + Buffer.byteLength(t), 0);
        process.stdout.write(`workspace ${n} files: CLI...`);
        const floor = ioFloor(dir);
        const c = benchCli(cli, dir, root, probe);
        // the files the server should publish for: the CLI's list when its JSON has one, else every file the engine recognises
        const expected = new Set(c.files_source === 'files array' ? c.files : recognised);
        process.stdout.write(` server (waits up to ${timeoutMs / 1000} s)...`);
        const l = await benchServer(server, dir, expected, timeoutMs);
        process.stdout.write(' done\n');
        const { files: cliFiles, ...cliRest } = c;
        perSize.push({
          files: n,
          deployments: [...files.keys()].filter((p) => /\/(site\.ha\.yaml|globals\.yml|openstack_user_config\.yml)$/.test(p)).length,
          kib: Math.round(bytes / 1024),
          recognised: recognised.length,
          ...floor,
          cli: { ...cliRest, files_listed: cliFiles.length },
          server: {
            ...l,
            expected_source:
              c.files_source === 'files array'
                ? 'CLI JSON files array'
                : 'files the engine recognises (detectKind), as the CLI JSON has no files array',
          },
        });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  type Row = {
    files: number;
    deployments: number;
    kib: number;
    recognised: number;
    floor_ms: number;
    node_startup_ms: number;
    cli: Omit<CliResult, 'files'> & { files_listed: number };
    server: LspResult;
  };
  const rows = perSize as unknown as Row[];
  const at = (n: number) => rows.find((r) => r.files === n);
  const small = at(300) ?? rows[0],
    big = at(2000) ?? rows[rows.length - 1];
  const ratio = (a?: number | null, b?: number | null) => (a && b ? b / a : null);
  const cliRatio = small !== big ? ratio(small.cli.median_ms, big.cli.median_ms) : null;
  const lspRatio = small !== big ? ratio(small.server.all_ms, big.server.all_ms) : null;
  const summary = {
    budgets: { time_ratio_2000_over_300_max: BUDGET.ratio, ms_2000_max: BUDGET.ms2000, server_mb_max: BUDGET.serverMb },
    cli_ratio: cliRatio === null ? null : +cliRatio.toFixed(2),
    server_ratio: lspRatio === null ? null : +lspRatio.toFixed(2),
    cli_2000_within_budget: at(2000) ? at(2000)!.cli.median_ms < BUDGET.ms2000 : null,
    server_2000_within_budget: at(2000) ? at(2000)!.server.all_ms !== null && at(2000)!.server.all_ms! < BUDGET.ms2000 : null,
    server_memory_within_budget: rows.every((r) => r.server.peak_rss_mb !== null)
      ? rows.every((r) => r.server.peak_rss_mb! < BUDGET.serverMb)
      : null,
  };

  console.log(
    `\nWorkspace benchmark (CLI: median of ${RUNS} runs of \`openstack-ha lint --format json\`; server: initialize -> publishDiagnostics for every checked file, timeout ${timeoutMs / 1000} s)`,
  );
  console.log(
    'files  sites  KiB  recog | I/O floor  node -e 0 | CLI median  CLI peak RSS  JSON/checked | server init  all diagnostics         first/last       server VmHWM',
  );
  for (const r of rows) {
    const s = r.server;
    const all = s.error
      ? `error: ${s.error.slice(0, 40)}`
      : s.all_ms !== null
        ? `${fmt(s.all_ms, ' ms')} (${s.received_expected}/${s.expected})`
        : `none in ${timeoutMs / 1000} s: ${s.received_expected} of ${s.expected} files`;
    console.log(
      `${String(r.files).padStart(5)}  ${String(r.deployments).padStart(5)}  ${String(r.kib).padStart(3)}  ${String(r.recognised).padStart(5)} | ${fmt(r.floor_ms, ' ms').padStart(9)}  ${fmt(r.node_startup_ms, ' ms').padStart(9)} | ${fmt(r.cli.median_ms, ' ms').padStart(10)}  ${fmt(r.cli.peak_rss_mb, ' MB').padStart(12)}  ${`${r.cli.files_listed}/${r.cli.files_checked_text ?? '?'}`.padStart(12)} | ${fmt(s.initialize_ms, ' ms').padStart(11)}  ${all.padEnd(22)}  ${`${fmt(s.first_ms)}/${fmt(s.last_ms)} ms`.padEnd(15)}  ${fmt(s.peak_rss_mb, ' MB').padStart(12)}`,
    );
  }
  console.log(
    `(JSON/checked: files the CLI's JSON names (${rows[0]?.cli.files_source === 'files array' ? 'its files array' : 'no files array: the distinct files of its diagnostics; the server is waited on for every file the engine recognises instead'}) / files checked per its text summary; recog: files detectKind recognises; CLI RSS by ${probe.source})`,
  );
  console.log(
    `files with findings, CLI / server: ${rows.map((r) => `${r.files}: ${r.cli.files_with_diagnostics} / ${r.server.with_findings}`).join(', ')}`,
  );
  console.log('budget                                   CLI                     server');
  console.log(
    `t(2000)/t(300) <= ${BUDGET.ratio}                      ${`${cliRatio === null ? '-' : cliRatio.toFixed(2)} ${verdict(cliRatio === null ? null : cliRatio <= BUDGET.ratio)}`.padEnd(22)}  ${lspRatio === null ? '- (not every file got diagnostics)' : `${lspRatio.toFixed(2)} ${verdict(lspRatio <= BUDGET.ratio)}`}`,
  );
  console.log(
    `2000 files < ${BUDGET.ms2000} ms                       ${`${fmt(at(2000)?.cli.median_ms, ' ms')} ${verdict(summary.cli_2000_within_budget)}`.padEnd(22)}  ${at(2000) ? (at(2000)!.server.all_ms === null ? `- (${at(2000)!.server.received_expected} of ${at(2000)!.server.expected} files in ${timeoutMs / 1000} s) OVER` : `${fmt(at(2000)!.server.all_ms, ' ms')} ${verdict(summary.server_2000_within_budget)}`) : 'n/a'}`,
  );
  console.log(
    `server memory < ${BUDGET.serverMb} MB                                           ${rows.map((r) => `${r.files}: ${fmt(r.server.peak_rss_mb, ' MB')}`).join(', ')} ${verdict(summary.server_memory_within_budget)}`,
  );
  console.log(`floor (bare node reading every file)     ${rows.map((r) => `${r.files}: ${fmt(r.floor_ms, ' ms')}`).join(', ')}`);

  const workspace = {
    node: process.version,
    date: new Date().toISOString(),
    runs: RUNS,
    lsp_timeout_ms: timeoutMs,
    sizes: perSize,
    ...summary,
  };
  const out = path.join(root, '.bench', 'results.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  let results: Record<string, unknown> = {};
  try {
    results = JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {
    /* first run */
  }
  results.workspace = workspace;
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  return workspace;
}

const KOLLA_SIZES = [100, 200, 400, 800];

/**
 * One kolla-ansible deployment of N hosts, each with its host_vars file (N + 4 files): CLI and server
 * time per N, against the I/O floor. A deployment is checked once for all its files, so both must
 * grow linearly: t(800)/t(100) near 8 at most (less, as node's start-up is paid once).
 */
export async function benchKollaScaling(root: string = process.cwd()): Promise<Record<string, unknown>> {
  const cli = path.join(root, 'bin', 'openstack-ha.js');
  const server = path.join(root, 'dist', 'server.js');
  const timeoutMs = Number(process.env.OSHA_BENCH_LSP_TIMEOUT_MS) || 60_000;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'openstack-ha-bench-'));
  const probe = rssProbe(tmp);
  const rows: { hosts: number; files: number; floor_ms: number; cli_ms: number; server_ms: number | null; server_mb: number | null }[] = [];
  try {
    for (const n of KOLLA_SIZES) {
      const files = new Map(kollaDeploymentFiles(1, n));
      const dir = writeWorkspace(files, n);
      try {
        process.stdout.write(`kolla deployment of ${n} hosts: CLI...`);
        const floor = ioFloor(dir);
        const c = benchCli(cli, dir, root, probe);
        process.stdout.write(' server...');
        const l = await benchServer(server, dir, new Set(c.files), timeoutMs);
        process.stdout.write(' done\n');
        rows.push({
          hosts: n,
          files: files.size,
          floor_ms: floor.floor_ms,
          cli_ms: c.median_ms,
          server_ms: l.all_ms,
          server_mb: l.peak_rss_mb,
        });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const first = rows[0];
  const r = (a: number | null, b: number | null) => (a && b ? (b / a).toFixed(2) : '-');
  console.log('\nOne kolla deployment of N hosts (host_vars file each): time per N, ratio to N = 100 (linear: N/100)');
  console.log('hosts  files | I/O floor | CLI median  ratio | server all  ratio  VmHWM');
  for (const x of rows)
    console.log(
      `${String(x.hosts).padStart(5)}  ${String(x.files).padStart(5)} | ${fmt(x.floor_ms, ' ms').padStart(9)} | ${fmt(x.cli_ms, ' ms').padStart(10)}  ${r(first.cli_ms, x.cli_ms).padStart(5)} | ${fmt(x.server_ms, ' ms').padStart(10)}  ${r(first.server_ms, x.server_ms).padStart(5)}  ${fmt(x.server_mb, ' MB')}`,
    );
  const out = path.join(root, '.bench', 'results.json');
  let results: Record<string, unknown> = {};
  try {
    results = JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {
    /* first run */
  }
  const kolla = { date: new Date().toISOString(), sizes: rows };
  results.kolla_scaling = kolla;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  return kolla;
}
