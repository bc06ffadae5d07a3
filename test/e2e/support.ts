/**
 * Shared pieces of the end-to-end suites: the tools scripts/e2e/setup.sh installed under .e2e/,
 * an isolated HOME per run (editors and browsers write nothing into the real one), code-server
 * started on a free port, and Chromium through playwright-core. Everything waits on conditions.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { KOLLA_FIXTURE, ROOT } from '../support/paths';
import { writeDeploy } from '../support/ha-deployment';

export const E2E = process.env.OSHA_E2E_DIR ?? path.join(ROOT, '.e2e');
export const CODE_SERVER = path.join(E2E, 'cs', 'node_modules', '.bin', 'code-server');
export const VSIX = process.env.OSHA_VSIX ?? path.join(E2E, 'openstack-ha.vsix');
export const ARTIFACTS = path.join(ROOT, 'test-results');
export const SERVER_BIN = path.join(ROOT, 'bin', 'openstack-ha-language-server.js');

/**
 * A workspace folder under `rt` holding copies of the shipped examples; with `deploy`, also a
 * multi-node deployment in deploy/ (test/support/ha-deployment.ts) for workspace diagnostics.
 */
export function exampleWorkspace(rt: string, opts: { deploy?: boolean; kolla?: boolean } = {}): string {
  const ws = path.join(rt, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  for (const [f, from] of [
    ['bad.ha.yaml', 'bad.ha.yaml'],
    ['good.ha.yaml', 'region-one/good.ha.yaml'],
  ])
    fs.copyFileSync(path.join(ROOT, 'examples', from), path.join(ws, f));
  if (opts.deploy) writeDeploy(ws);
  if (opts.kolla) fs.cpSync(KOLLA_FIXTURE, path.join(ws, 'kolla'), { recursive: true });
  return ws;
}

export function freshDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `osha-${name}-`));
}

/** HOME, XDG and TMPDIR under `dir`, for the editors' and the browser's runtime files. */
export function isolatedEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  for (const d of ['.config', '.local/share', '.cache', 'tmp']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  return {
    ...process.env,
    HOME: dir,
    XDG_CONFIG_HOME: path.join(dir, '.config'),
    XDG_DATA_HOME: path.join(dir, '.local/share'),
    XDG_CACHE_HOME: path.join(dir, '.cache'),
    TMPDIR: path.join(dir, 'tmp'),
    ...extra,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

export async function until<T>(
  what: string,
  get: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 60_000,
  everyMs = 200,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { cwd?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const t = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('close', (code) => {
      clearTimeout(t);
      resolve({ code, out });
    });
  });
}

export interface CodeServer {
  url: string;
  port: number;
  workspace: string;
  log: () => string;
  stop(): Promise<void>;
}

/** A code-server with its own user-data and extensions folders, serving `workspace`. */
export async function startCodeServer(rt: string, workspace: string, extraEnv: Record<string, string> = {}): Promise<CodeServer> {
  const env = isolatedEnv(rt, extraEnv);
  const userDir = path.join(rt, 'user-data');
  fs.mkdirSync(path.join(userDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'telemetry.telemetryLevel': 'off',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'chat.commandCenter.enabled': false,
        'editor.hover.delay': 100,
      },
      null,
      2,
    ),
  );
  const port = await freePort();
  const common = [
    '--config',
    path.join(rt, 'code-server.yaml'),
    '--user-data-dir',
    userDir,
    '--extensions-dir',
    path.join(rt, 'extensions'),
  ];
  const child: ChildProcess = spawn(
    CODE_SERVER,
    [
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      workspace,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout!.on('data', (d) => {
    log += d;
  });
  child.stderr!.on('data', (d) => {
    log += d;
  });
  await until(
    'code-server /healthz',
    async () => {
      if (child.exitCode !== null) throw new Error(`code-server exited: ${log}`);
      try {
        return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok || undefined;
      } catch {
        return undefined;
      }
    },
    60_000,
    250,
  );
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    workspace,
    log: () => log,
    stop: () =>
      new Promise((r) => {
        if (child.exitCode !== null) return r();
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

export async function installExtension(rt: string, vsix: string): Promise<string> {
  const r = await run(
    CODE_SERVER,
    [
      '--config',
      path.join(rt, 'code-server.yaml'),
      '--user-data-dir',
      path.join(rt, 'user-data'),
      '--extensions-dir',
      path.join(rt, 'extensions'),
      '--install-extension',
      vsix,
    ],
    isolatedEnv(rt),
  );
  if (r.code !== 0 || !/successfully installed/.test(r.out)) throw new Error(`installing ${vsix} failed:\n${r.out}`);
  return r.out;
}

// playwright-core lives under .e2e/cs (installed by setup.sh), not in the project's dependencies
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Page = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type BrowserContext = any;

export async function launchChromium(rt: string): Promise<{ context: BrowserContext; page: Page }> {
  const { chromium } = createRequire(path.join(E2E, 'cs', 'package.json'))('playwright-core');
  const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(rt, 'chrome-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1500, height: 950 },
    // without the background-networking flags Chromium's calls home are refused, many at a time
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

export function artifact(name: string): string {
  fs.mkdirSync(path.join(ARTIFACTS, 'screenshots'), { recursive: true });
  return path.join(ARTIFACTS, 'screenshots', name);
}
