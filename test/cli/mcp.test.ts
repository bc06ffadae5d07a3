/**
 * `openstack-ha mcp` (issue 14): the built CLI started as an MCP server and driven by the MCP SDK's
 * own client over stdio, as a coding agent would. Every tool's answer is checked against the CLI
 * command it stands for, run on the same files.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CLI, ROOT } from '../support/paths';
import { PLANTED_FILES, leaked } from '../support/planted-secrets';

interface ToolResult {
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}
interface Diagnostic {
  file: string;
  rule: string;
  severity: string;
  message: string;
  fixable: boolean;
  fixes: { safe: boolean }[];
}

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A client connected to `openstack-ha mcp` started in `cwd`, and what the server wrote on stderr. */
async function connect(cwd: string) {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp'], cwd, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name: 'openstack-ha-test', version: '1.0.0' });
  await client.connect(transport);
  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;
  return { client, call, stderr: () => stderr };
}

let root: Awaited<ReturnType<typeof connect>>;
before(async () => {
  root = await connect(ROOT);
});
after(async () => {
  await root.client.close();
});

const text = (r: ToolResult) => r.content.map((c) => c.text).join('\n');
const diagnosticsOf = (r: ToolResult) => (r.structuredContent as { diagnostics: Diagnostic[] }).diagnostics;
const withoutFixable = (ds: Diagnostic[]) => ds.map(({ fixable: _fixable, ...d }) => d);
const BAD = 'examples/bad.ha.yaml';
const REGION_ONE = 'examples/region-one/good.ha.yaml';

/** A temporary folder holding `files` (name → text). */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-mcp-'));
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

test('the server lists its five tools, each with its required arguments, and says who it is', async () => {
  const { tools } = await root.client.listTools();
  const shape = Object.fromEntries(
    tools.map((t) => [t.name, { required: t.inputSchema.required ?? [], properties: Object.keys(t.inputSchema.properties ?? {}) }]),
  );
  assert.deepEqual(shape, {
    lint: { required: ['paths'], properties: ['paths', 'environment', 'release'] },
    lint_text: { required: ['path', 'text'], properties: ['path', 'text', 'context'] },
    explain: { required: ['rule'], properties: ['rule'] },
    simulate: { required: ['paths'], properties: ['paths', 'fail', 'failDomains', 'partition', 'all'] },
    convert: { required: ['paths'], properties: ['paths'] },
  });
  assert.ok(tools.every((t) => t.annotations?.readOnlyHint === true && (t.description ?? '').length > 80));
  const lintEnv = tools.find((t) => t.name === 'lint')!.inputSchema.properties!.environment as { enum: string[] };
  assert.deepEqual(lintEnv.enum, ['production', 'staging', 'test', 'demo']);
  assert.deepEqual(root.client.getServerVersion(), { name: 'openstack-ha', version: cli(['--version']).out.trim() });
});

test('lint: the findings of `lint --format json` on the same file, each with fixable, and the same lines of text', async () => {
  const r = await root.call('lint', { paths: [BAD] });
  assert.equal(r.isError, undefined);
  const expected = JSON.parse(cli(['lint', '--format', 'json', BAD]).out) as { files: unknown; diagnostics: Diagnostic[] };
  const got = r.structuredContent as { version: number; files: unknown; diagnostics: Diagnostic[]; summary: unknown };
  assert.equal(got.version, 1);
  assert.deepEqual(got.files, [{ file: BAD, kind: 'manifest' }]);
  assert.deepEqual(got.files, expected.files);
  assert.deepEqual(withoutFixable(got.diagnostics), expected.diagnostics);
  const counts: Record<string, number> = {};
  for (const d of got.diagnostics) counts[`${d.rule} ${d.severity}`] = (counts[`${d.rule} ${d.severity}`] ?? 0) + 1;
  assert.deepEqual(counts, {
    'address-conflict error': 1,
    'cinder-volume-active-active warning': 1,
    'cluster-even-node-count warning': 1,
    'cluster-min-three-nodes error': 1,
    'failure-domain-concentration warning': 1,
    'failure-domain-loss warning': 2,
    'galera-multi-writer error': 1,
    'lb-single-point-of-failure error': 2,
    'network-path-redundancy warning': 1,
    'quorum-ignored-multi-node error': 1,
    'schema-invalid-value error': 1,
    'service-not-behind-balancer error': 1,
    'shared-storage-backend warning': 1,
    'stonith-disabled error': 1,
    'two-node-without-two-node-mode error': 1,
    'unknown-reference error': 1,
    'vip-missing warning': 1,
  });
  // fixable: a safe fix, which `lint --fix` applies
  assert.deepEqual(
    got.diagnostics.map((d) => d.fixable),
    got.diagnostics.map((d) => d.fixes.some((f) => f.safe)),
  );
  assert.ok(got.diagnostics.some((d) => d.fixable));
  assert.deepEqual(got.summary, { errors: 11, warnings: 8, info: 0, filesChecked: 1 });
  // every finding line of the text output, in the same order
  const cliLines = cli(['lint', BAD])
    .out.split('\n')
    .filter((l) => l.startsWith(`${BAD}:`));
  const mcpLines = text(r)
    .split('\n')
    .filter((l) => l.startsWith(`${BAD}:`))
    .map((l) => l.replace(/ {2}\(fixable\)$/, ''));
  assert.equal(mcpLines.length, 19);
  assert.deepEqual(mcpLines, cliLines);
  assert.equal(text(r).split('\n').at(-1), '11 errors, 8 warnings, 0 info in 1 file checked');
});

test('lint: environment stands for the one a manifest does not set', async () => {
  const dir = folder({ 'x.ha.yaml': fs.readFileSync(path.join(ROOT, BAD), 'utf8').replace(/^ {2}environment: production\n/m, '') });
  const rules = async (environment?: string) => {
    const r = await root.call('lint', { paths: [path.join(dir, 'x.ha.yaml')], ...(environment ? { environment } : {}) });
    return diagnosticsOf(r)
      .filter((d) => d.rule === 'stonith-disabled' || d.rule === 'cluster-min-three-nodes')
      .map((d) => `${d.rule} ${d.severity}`);
  };
  assert.deepEqual(await rules('production'), ['stonith-disabled error', 'cluster-min-three-nodes error']);
  assert.deepEqual(await rules('demo'), ['cluster-min-three-nodes warning']);
  assert.deepEqual(await rules(), await rules('production'));
});

test('lint: release names the catalogue .conf files are checked with', async () => {
  const conf = path.join(folder({ 'etc/nova/nova.conf': '[DEFAULT]\nrabbit_ha_queues = true\n' }), 'etc', 'nova', 'nova.conf');
  const found = async (release?: string) =>
    diagnosticsOf(await root.call('lint', { paths: [conf], ...(release ? { release } : {}) })).map((d) => `${d.rule}: ${d.message}`);
  assert.deepEqual(await found('zed'), [
    'deprecated-option: [DEFAULT] rabbit_ha_queues is a deprecated name of [oslo_messaging_rabbit] rabbit_ha_queues',
  ]);
  assert.deepEqual(await found('2025.1'), [
    "option-in-wrong-section: 'rabbit_ha_queues' is not read in [DEFAULT]; it belongs in [oslo_messaging_rabbit]",
  ]);
  assert.deepEqual(await found(), await found('2025.1'));
});

test('lint_text: an unsaved buffer is checked in its folder, and nothing is written', async () => {
  const before = fs.readFileSync(path.join(ROOT, REGION_ONE), 'utf8');
  // the proposed edit: controller3 leaves the cluster
  const proposed = before.replace(/members: \[controller1, controller2, controller3\]/, 'members: [controller1, controller2]');
  assert.notEqual(proposed, before);
  const r = await root.call('lint_text', { path: REGION_ONE, text: proposed, context: [path.dirname(REGION_ONE)] });
  assert.equal(r.isError, undefined, text(r));
  const ds = diagnosticsOf(r);
  assert.ok(ds.every((d) => d.file === REGION_ONE));
  assert.ok(
    ds.some((d) => d.rule === 'cluster-min-three-nodes'),
    JSON.stringify(ds.map((d) => d.rule)),
  );
  assert.equal(fs.readFileSync(path.join(ROOT, REGION_ONE), 'utf8'), before);
  // the text as it stands on disk gives what lint gives on the folder for that file
  const same = await root.call('lint_text', { path: REGION_ONE, text: before, context: [path.dirname(REGION_ONE)] });
  const onDisk = (JSON.parse(cli(['lint', '--format', 'json', path.dirname(REGION_ONE)]).out) as { diagnostics: Diagnostic[] }).diagnostics;
  assert.deepEqual(
    withoutFixable(diagnosticsOf(same)),
    onDisk.filter((d) => d.file === REGION_ONE),
  );
});

test("lint_text: by default the file is checked against the server's working folder: a haproxy.cfg against its manifest", async () => {
  const cfg = 'examples/region-one/etc/haproxy/haproxy.cfg';
  const lacking = fs.readFileSync(path.join(ROOT, cfg), 'utf8').replace(/^ {4}server controller3 .*\n/m, '');
  const r = await root.call('lint_text', { path: cfg, text: lacking });
  assert.equal(r.isError, undefined, text(r));
  assert.deepEqual(text(r).split('\n'), [
    `${cfg}:22:1  warning  listen galera_cluster leaves out controller3 (10.0.0.14), which good.ha.yaml says runs galera  haproxy-backend-all-controllers`,
    `    see ${REGION_ONE}:40:3  good.ha.yaml places galera here`,
    `    see ${REGION_ONE}:11:3  controller3 runs galera`,
    // as `openstack-ha lint .` says of the file on disk (no xinetd file in this repository answers on 9200)
    `${cfg}:26:50  warning  listen galera_cluster checks controller1, controller2 on port 9200, but no xinetd service or systemd socket of the workspace answers on 9200: HAProxy will mark every Galera server down  galera-clustercheck-endpoint`,
    '0 errors, 2 warnings, 0 info in 1 file checked',
  ]);
  // the same text as a file outside the working folder: checked alone, unless the manifest is named as its context
  const elsewhere = path.join(folder({}), 'haproxy.cfg');
  assert.deepEqual(diagnosticsOf(await root.call('lint_text', { path: elsewhere, text: lacking })), []);
  const against = await root.call('lint_text', { path: elsewhere, text: lacking, context: [REGION_ONE] });
  assert.deepEqual(
    diagnosticsOf(against).map((d) => d.rule),
    ['haproxy-backend-all-controllers'],
  );
});

test('lint_text: a file that does not exist yet', async () => {
  const dir = folder({});
  const r = await root.call('lint_text', { path: path.join(dir, 'new.ha.yaml'), text: fs.readFileSync(path.join(ROOT, BAD), 'utf8') });
  assert.equal(r.isError, undefined, text(r));
  const expected = (JSON.parse(cli(['lint', '--format', 'json', BAD]).out) as { diagnostics: Diagnostic[] }).diagnostics;
  assert.deepEqual(
    diagnosticsOf(r).map((d) => `${d.rule} ${d.message}`),
    expected.map((d) => `${d.rule} ${d.message}`),
  );
  assert.ok(!fs.existsSync(path.join(dir, 'new.ha.yaml')));
  const notChecked = await root.call('lint_text', { path: 'examples/notes.txt', text: 'hello\n' });
  assert.equal(notChecked.isError, true);
  assert.equal(
    text(notChecked),
    'examples/notes.txt is not a file openstack-ha checks (its name says which kind it is: *.ha.yaml, nova.conf, haproxy.cfg, ...)',
  );
});

test("explain: a rule's page as shipped; an unknown id is an error naming the closest", async () => {
  const r = await root.call('explain', { rule: 'stonith-disabled' });
  assert.equal(r.isError, undefined);
  assert.equal(text(r), fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'stonith-disabled.md'), 'utf8'));
  const u = await root.call('explain', { rule: 'stonith-disable' });
  assert.equal(u.isError, true);
  assert.equal(text(u), "unknown rule 'stonith-disable'; did you mean 'stonith-disabled'? (openstack-ha rules lists them)");
});

test('simulate: a node fails; the JSON and the text report of `openstack-ha simulate`', async () => {
  const r = await root.call('simulate', { paths: [REGION_ONE], fail: ['controller2'] });
  assert.equal(r.isError, undefined, text(r));
  const expected = cli(['simulate', '--format', 'json', '--fail', 'controller2', REGION_ONE]);
  assert.deepEqual(r.structuredContent, JSON.parse(expected.out));
  assert.equal(text(r), cli(['simulate', '--fail', 'controller2', REGION_ONE]).out);
  const s = (
    r.structuredContent as {
      scenarios: {
        name: string;
        services: { name: string; verdict: string }[];
        clusters: { name: string; votes: number; quorate: boolean }[];
      }[];
    }
  ).scenarios[0];
  assert.equal(s.name, 'controller2 fails');
  const degraded = ['haproxy', 'keystone', 'glance-api', 'nova-api', 'nova-scheduler', 'nova-conductor', 'placement-api'];
  degraded.push('neutron-server', 'cinder-api', 'cinder-scheduler', 'cinder-volume', 'horizon', 'galera', 'rabbitmq', 'memcached');
  assert.deepEqual(
    Object.fromEntries(s.services.map((x) => [x.name, x.verdict])),
    Object.fromEntries([...degraded.map((n) => [n, 'degraded']), ['nova-compute', 'available']]),
  );
  assert.deepEqual(
    s.clusters.map((c) => [c.name, c.votes, c.quorate]),
    [
      ['controllers', 2, true],
      ['galera', 2, true],
      ['rabbitmq', 2, true],
    ],
  );
  // what the command says beside its report follows it
  const kolla = 'test/fixtures/kolla/multinode';
  const domains = await root.call('simulate', { paths: [kolla], all: 'domains' });
  assert.equal(domains.isError, undefined);
  assert.deepEqual(
    domains.content.map((c) => c.text),
    [
      cli(['simulate', '--all', 'domains', kolla]).out,
      'no node of kolla has a failure domain (failure_domain), so --all domains has nothing to try',
    ],
  );
  // a split that leaves one controller alone: the simulator's partition, as --partition gives it
  const split = await root.call('simulate', { paths: [REGION_ONE], partition: [['controller1', 'controller2'], ['controller3']] });
  assert.deepEqual(
    split.structuredContent,
    JSON.parse(cli(['simulate', '--format', 'json', '--partition', 'controller1,controller2|controller3', REGION_ONE]).out),
  );
});

test('convert: the manifest `openstack-ha convert` writes, returned and not written', async () => {
  const fixture = 'test/fixtures/kolla/convert';
  const before = fs.readdirSync(path.join(ROOT, fixture)).sort();
  const r = await root.call('convert', { paths: [fixture] });
  assert.equal(r.isError, undefined, text(r));
  const expected = cli(['convert', fixture]);
  assert.equal(expected.code, 0);
  assert.equal(r.content[0].text, expected.out);
  assert.match(
    r.content[0].text,
    /^# Converted by `openstack-ha convert` from the kolla-ansible files:\n# {3}test\/fixtures\/kolla\/convert\/globals\.yml\n/,
  );
  assert.deepEqual(r.structuredContent, { manifest: expected.out, notes: [] });
  assert.deepEqual(fs.readdirSync(path.join(ROOT, fixture)).sort(), before);
});

test('errors are results the agent reads, and the server goes on', async () => {
  const cases: [string, Record<string, unknown>, string | RegExp][] = [
    ['lint', { paths: ['no/such.ha.yaml'] }, 'cannot read no/such.ha.yaml: no such file or directory'],
    ['lint', { paths: [] }, /^MCP error -32602: Input validation error: Invalid arguments for tool lint/],
    ['lint', { paths: ['/proc/self'] }, '/proc/self: openstack-ha does not read /proc/self'],
    ['lint', { paths: ['/'] }, "/: openstack-ha does not walk the whole file system; name the project's folder"],
    ['lint', { paths: [BAD], environment: 'prod' }, /^MCP error -32602: Input validation error: Invalid arguments for tool lint/],
    [
      'simulate',
      { paths: [REGION_ONE], fail: ['controller2'], all: 'pairs' },
      '--all enumerates its own scenarios: it takes no --fail, --fail-domain, --partition, --stop, --recover or --then',
    ],
    ['simulate', { paths: [REGION_ONE], fail: ['controller9'] }, /controller9/],
    ['simulate', { paths: [REGION_ONE], fail: ['a,b'] }, /^MCP error -32602: Input validation error/],
    ['simulate', { paths: ['README.md'] }, /^nothing to simulate: no manifest/],
    [
      'convert',
      { paths: [REGION_ONE] },
      `nothing to convert: no kolla-ansible or OpenStack-Ansible file under ${path.join(ROOT, REGION_ONE)}`,
    ],
    ['lint_text', { path: 'examples', text: '' }, 'examples is a folder; name the file the text is for'],
    ['explain', {}, /^MCP error -32602: Input validation error: Invalid arguments for tool explain/],
    ['no_such_tool', {}, /no_such_tool not found/],
  ];
  for (const [name, args, message] of cases) {
    const r = await root.call(name, args);
    assert.equal(r.isError, true, `${name} ${JSON.stringify(args)}`);
    if (typeof message === 'string') assert.equal(text(r), message, name);
    else assert.match(text(r), message, name);
  }
  assert.equal((await root.client.listTools()).tools.length, 5);
  assert.equal(root.stderr(), '');
});

test('secrets planted in the workspace appear in no tool output', async () => {
  const dir = folder(PLANTED_FILES);
  const planted = await connect(dir);
  try {
    const results = [
      await planted.call('lint', { paths: ['.'] }),
      await planted.call('lint_text', { path: 'site.ha.yaml', text: PLANTED_FILES['site.ha.yaml'] }),
      await planted.call('lint_text', { path: 'ctl1/etc/nova/nova.conf', text: PLANTED_FILES['ctl1/etc/nova/nova.conf'] }),
      await planted.call('simulate', { paths: ['site.ha.yaml'], fail: ['ctl1'] }),
      await planted.call('simulate', { paths: ['site.ha.yaml'], all: 'pairs' }),
      await planted.call('convert', { paths: ['kolla'] }),
      await planted.call('convert', { paths: ['osa'] }),
    ];
    // each did its work: findings, verdicts, a manifest
    assert.ok(diagnosticsOf(results[0]).length > 20);
    assert.ok(diagnosticsOf(results[2]).length > 3);
    assert.ok(
      results.slice(3).every((r) => !r.isError && text(r).length > 200),
      results.map(text).join('\n---\n'),
    );
    for (const r of results) assert.deepEqual(leaked(JSON.stringify(r)), []);
    assert.deepEqual(leaked(planted.stderr()), []);
  } finally {
    await planted.client.close();
  }
});

test('the SDK ships apart as dist/mcp.js, loaded only by mcp: a lint run does not pay for it', () => {
  const dir = folder({
    // a preload that reports every load of dist/mcp.js, the SDK or zod
    'hook.js':
      "const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (/(^|\\/)mcp\\.js$|modelcontextprotocol|zod/.test(r)) process.stderr.write('loaded ' + r + '\\n'); return load.call(this, r, ...a); };",
  });
  const node = (args: string[]) =>
    spawnSync(process.execPath, ['-r', path.join(dir, 'hook.js'), CLI, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      input: '',
    });
  const lint = node(['lint', BAD]);
  assert.equal(lint.status, 1);
  assert.equal(lint.stderr, '');
  // stdin closed at once: the server starts, loads the SDK, and ends cleanly
  const served = node(['mcp']);
  assert.equal(served.status, 0, served.stderr);
  assert.equal(served.stderr, 'loaded ./mcp.js\n');
  assert.equal(served.stdout, '');
  const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'cli.js'), 'utf8');
  assert.ok(bundle.includes('require("./mcp.js")'));
  assert.ok(!bundle.includes('class McpServer') && !bundle.includes('ZodError'), 'the SDK and zod are not in dist/cli.js');
});

test('mcp takes no arguments, and --help shows it', () => {
  const r = cli(['mcp', 'x']);
  assert.equal(r.code, 2);
  assert.match(r.err, /^openstack-ha: mcp takes no arguments, not 'x' \(an MCP client starts it and talks on stdin and stdout\)\n/);
  const help = cli(['mcp', '--help']);
  assert.equal(help.code, 0);
  assert.ok(help.out.includes('       openstack-ha mcp\n'));
  assert.ok(help.out.includes('mcp serves lint, lint_text, explain, simulate and convert as the tools of a Model Context Protocol server'));
});
