/**
 * The web build (dist/browser-server.js, dist/browser-extension.js, after `npm run build`): nothing of
 * node went in, and the worker's bundle, run in a bare context with only what a web worker has (no
 * require, no process), serves a client that hands it the workspace's files as the browser client does.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { builtinModules } from 'node:module';
import { ROOT } from '../support/paths';
import { DEPLOY } from '../support/ha-deployment';
import { lintManifest } from '../../server/src/engine/lint';
import { SKIP_DIRS } from '../../server/src/node/files';
import { READ_FILES_REQUEST, ReadFilesParams, SKIPPED_FOLDERS } from '../../server/src/browser/protocol';
import { fileURLToPath, pathToFileURL } from '../../server/src/browser/host/url';

const dist = (f: string) => path.join(ROOT, 'dist', f);
const requires = (code: string) => [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))].sort();

test('the web bundles require nothing but vscode, and no node module or node host module went in', () => {
  assert.deepEqual(requires(fs.readFileSync(dist('browser-server.js'), 'utf8')), []);
  assert.deepEqual(requires(fs.readFileSync(dist('browser-extension.js'), 'utf8')), ['vscode']);
  const meta = JSON.parse(fs.readFileSync(dist('browser-meta.json'), 'utf8'));
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  for (const [bundle, inputs] of [
    ['server', Object.keys(meta.server.inputs)],
    ['client', Object.keys(meta.client.inputs)],
  ] as const) {
    const nodeOnly = inputs.filter(
      (p) =>
        builtins.has(p) ||
        /^server\/src\/(node|cli\/(?!format\.ts$))\//.test(p) ||
        /server\/src\/lsp\/workspace-files\.ts$|elkjs|vscode-language(server|client)\/lib\/node\//.test(p),
    );
    assert.deepEqual(nodeOnly, [], `${bundle}: node modules in the web bundle`);
  }
  const server = Object.keys(meta.server.inputs);
  // the host modules the shared code imports came from browser/host/, and the session is the shared one
  for (const m of ['files', 'config-files', 'docs', 'url']) assert.ok(server.includes(`server/src/browser/host/${m}.ts`), m);
  assert.ok(server.includes('server/src/lsp/session.ts'));
  assert.ok(server.includes('server/src/engine/analyse.ts'));
});

test("the client skips the folders the node build's walker skips", () => {
  assert.deepEqual([...SKIPPED_FOLDERS].sort(), [...SKIP_DIRS].sort());
});

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown };
interface Diagnostic {
  code: string;
  message: string;
  relatedInformation?: { location: { uri: string } }[];
}

/** dist/browser-server.js in a vm context holding only what a dedicated worker offers it. */
function startWorker(files: Record<string, string>) {
  const sent: Message[] = [];
  const diagnostics = new Map<string, Diagnostic[]>();
  const readRequests: ReadFilesParams[] = [];
  const waiters: (() => void)[] = [];
  const scope: Record<string, unknown> = {
    console: { log() {}, info() {}, warn() {}, error() {} },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    URL,
    addEventListener() {},
    postMessage(m: Message) {
      sent.push(m);
      if (m.method === 'textDocument/publishDiagnostics') {
        const p = m.params as { uri: string; diagnostics: Diagnostic[] };
        diagnostics.set(p.uri, JSON.parse(JSON.stringify(p.diagnostics)));
      }
      // the client's side of the server's requests
      if (m.id !== undefined && m.method) {
        let result: unknown = null;
        if (m.method === 'workspace/configuration') result = [{}, {}];
        if (m.method === READ_FILES_REQUEST) {
          const p = m.params as ReadFilesParams;
          readRequests.push(JSON.parse(JSON.stringify(p)));
          const uris = p.uris ?? Object.keys(files).map((f) => `file:///ws/${f}`);
          result = { files: uris.map((uri) => ({ uri, text: files[uri.slice('file:///ws/'.length)] })) };
        }
        queueMicrotask(() => deliver({ id: m.id, result }));
      }
      for (const w of waiters.splice(0)) w();
    },
  };
  const context = vm.createContext(scope);
  vm.runInContext('globalThis.self = globalThis;', context);
  vm.runInContext(fs.readFileSync(dist('browser-server.js'), 'utf8'), context, { filename: 'browser-server.js' });
  const deliver = (m: Message) => (scope.onmessage as (e: { data: unknown }) => void)({ data: { jsonrpc: '2.0', ...m } });
  let nextId = 1;
  const request = (method: string, params: unknown) => {
    const id = nextId++;
    deliver({ id, method, params });
    return until(`the answer to ${method}`, () => sent.find((m) => m.id === id && !m.method));
  };
  const until = <T>(what: string, get: () => T | undefined, ms = 20_000): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      const check = () => {
        const v = get();
        if (v !== undefined) {
          clearTimeout(timer);
          resolve(v);
        } else waiters.push(check);
      };
      check();
    });
  return { request, notify: (method: string, params: unknown) => deliver({ method, params }), diagnostics, readRequests, until };
}

const codes = (ds: Diagnostic[] | undefined) => [...new Set((ds ?? []).map((d) => d.code))].sort();

test('the worker bundle checks the files the client hands it: cross-file findings, .openstack-ha.yaml, an open manifest', async () => {
  const bad = fs.readFileSync(path.join(ROOT, 'examples', 'bad.ha.yaml'), 'utf8');
  const files: Record<string, string> = {
    ...DEPLOY.files,
    'deploy/.openstack-ha.yaml': 'rules:\n  haproxy-backend-all-controllers: off\n',
    'bad.ha.yaml': bad,
  };
  const w = startWorker(files);
  const init = (await w.request('initialize', {
    processId: null,
    rootUri: 'file:///ws',
    workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
    initializationOptions: { ruleDocsBase: 'https://example.test/ext/docs/rules' },
  })) as { result: { serverInfo: { name: string } } };
  assert.equal(init.result.serverInfo.name, 'openstack-ha-language-server');
  w.notify('initialized', {});

  // the files no editor opened, read through the client and checked against each other
  const uri = (rel: string) => `file:///ws/${rel}`;
  for (const [rel, ids] of Object.entries(DEPLOY.expected)) {
    const want = ids.filter((id) => id !== 'haproxy-backend-all-controllers');
    await w.until(`${want.join(', ')} on ${rel}`, () =>
      want.every((id) => codes(w.diagnostics.get(uri(rel))).includes(id)) ? true : undefined,
    );
  }
  assert.deepEqual(w.readRequests, [{}], 'one request for the whole workspace');
  // .openstack-ha.yaml in deploy/ (handed over by the client) turns this rule off there
  assert.ok(!codes(w.diagnostics.get(uri('deploy/node2/etc/haproxy/haproxy.cfg'))).includes('haproxy-backend-all-controllers'));
  // a cross-file finding points into the other node's file
  const differ = w.diagnostics.get(uri('deploy/node1/etc/haproxy/haproxy.cfg'))!.find((d) => d.code === 'haproxy-backends-differ')!;
  assert.deepEqual(
    differ.relatedInformation?.map((r) => r.location.uri),
    [uri('deploy/node2/etc/haproxy/haproxy.cfg')],
  );

  // an open buffer: its findings are the engine's, with links to the rule pages the client named
  w.notify('textDocument/didOpen', { textDocument: { uri: uri('bad.ha.yaml'), languageId: 'yaml', version: 1, text: bad } });
  const expected = [...new Set(lintManifest(bad).findings.map((f) => f.rule))].sort();
  const got = await w.until('the open manifest', () => {
    const d = w.diagnostics.get(uri('bad.ha.yaml'));
    return d && codes(d).length === expected.length ? d : undefined;
  });
  assert.deepEqual(codes(got), expected);
  const link = (got[0] as unknown as { codeDescription: { href: string } }).codeDescription.href;
  assert.equal(link, `https://example.test/ext/docs/rules/${got[0].code}.md`);

  // a file changed "on disk": the server asks the client for it alone
  files['deploy/node2/etc/haproxy/haproxy.cfg'] = files['deploy/node1/etc/haproxy/haproxy.cfg'];
  w.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('deploy/node2/etc/haproxy/haproxy.cfg'), type: 2 }] });
  await w.until('haproxy-backends-differ to go from node1', () =>
    codes(w.diagnostics.get(uri('deploy/node1/etc/haproxy/haproxy.cfg'))).includes('haproxy-backends-differ') ? undefined : true,
  );
  assert.deepEqual(w.readRequests.at(-1), { uris: [uri('deploy/node2/etc/haproxy/haproxy.cfg')] });
  await w.request('shutdown', null);
});

test("the web build's file URLs name any path and give it back", () => {
  for (const p of ['/ws/deploy/site.ha.yaml', '/ws/a b/c%d#e?.yaml', '/ws/ünï/x.conf', '/'])
    assert.equal(fileURLToPath(pathToFileURL(p)), p);
  assert.equal(pathToFileURL('/ws/a b/c#1.yaml').toString(), 'file:///ws/a%20b/c%231.yaml');
  assert.equal(fileURLToPath('file:///ws/a%20b/x.cfg'), '/ws/a b/x.cfg');
  assert.throws(() => fileURLToPath('vscode-vfs://github/o/r/x.yaml'), /not a file URL: vscode-vfs:/);
});
