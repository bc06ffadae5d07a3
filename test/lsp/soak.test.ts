/**
 * The language server under a long session: thousands of edits to documents of every kind, broken
 * and mended, with hovers, completions, outlines and code actions between them, a third of them
 * cancelled. Every request is answered (a result, or "cancelled" for the ones cancelled), every
 * document ends with diagnostics for its last version, nothing is logged as failed, and the heap
 * returns near its baseline once the documents close. Seeded: a failure replays exactly.
 */
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient, fileUri } from '../support/lsp-client';
import { generateWorkspace, rng } from '../../server/src/tools/gen-workspace';

const EDITS = Number(process.env.OSHA_SOAK_EDITS ?? 3000);
const OPEN = [
  'site-1/site.ha.yaml',
  'site-1/nodes/ctl1/etc/nova/nova.conf',
  'site-1/nodes/ctl1/etc/neutron/neutron.conf',
  'site-1/nodes/ctl1/etc/haproxy/haproxy.cfg',
  'site-1/nodes/ctl1/etc/keepalived/keepalived.conf',
  'site-1/nodes/ctl1/etc/corosync/corosync.conf',
  'site-1/nodes/ctl1/etc/mysql/conf.d/galera.cnf',
  'site-1/nodes/ctl1/etc/sysconfig/iptables',
  'site-1/nodes/ctl1/etc/xinetd.d/galera-monitor',
  'site-1/pacemaker/setup.pcs',
  'site-1/pacemaker/cluster.crm',
];
/** What a user types, pastes and deletes: valid pieces and breaking ones. */
const TYPED = [
  'x',
  ' ',
  '\n',
  '  ',
  '[',
  ']',
  '{',
  '}',
  ':',
  '=',
  '#',
  '"',
  'password = hunter2\n',
  '\r\n',
  '\t',
  'controller',
  '10.0.0.',
  '\u202e',
  '- ',
  ';\n',
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-soak-'));
const files = generateWorkspace(60);
let c: TestClient;

before(async () => {
  for (const [p, t] of files) {
    fs.mkdirSync(path.join(dir, path.dirname(p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), t);
  }
  c = new TestClient(['--expose-gc']);
  await c.initialize(dir);
});
after(async () => {
  await c.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Stats {
  documents: number;
  workspaceFiles: number;
  heapUsed: number;
  pendingChecks: number;
}
const stats = () => c.conn.sendRequest<Stats>('openstackHa/stats');

test(`${EDITS} edits over every kind, requests between them, a third of them cancelled by the client: all answered, memory back near the baseline`, async () => {
  // the workspace is read and checked before the session starts
  await c.diagnostics(fileUri(path.join(dir, 'site-1/nodes/ctl2/etc/nova/nova.conf')), undefined, 30_000);
  const baseline = await stats();
  const random = rng(20261201);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const docs = OPEN.map((p) => TextDocument.create(fileUri(path.join(dir, p)), 'plaintext', 1, files.get(p)!));
  for (const d of docs) await c.open(d.uri, d.getText(), d.version);

  let answered = 0,
    cancelled = 0,
    sent = 0;
  const unexpected: string[] = [];
  const pending: Promise<void>[] = [];
  const ask = (d: TextDocument) => {
    const position = d.positionAt(Math.floor(random() * (d.getText().length + 1)));
    const textDocument = { uri: d.uri };
    const source = new CancellationTokenSource();
    const kind = Math.floor(random() * 4);
    const req =
      kind === 0
        ? c.conn.sendRequest(HoverRequest.type, { textDocument, position }, source.token)
        : kind === 1
          ? c.conn.sendRequest(CompletionRequest.type, { textDocument, position }, source.token)
          : kind === 2
            ? c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument }, source.token)
            : c.conn.sendRequest(
                CodeActionRequest.type,
                { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } },
                source.token,
              );
    sent++;
    if (random() < 1 / 3) source.cancel();
    pending.push(
      req.then(
        () => void answered++,
        (e: unknown) => {
          const code = e instanceof ResponseError ? e.code : undefined;
          if (
            code === LSPErrorCodes.RequestCancelled ||
            code === LSPErrorCodes.ContentModified ||
            code === ErrorCodes.PendingResponseRejected
          )
            cancelled++;
          else unexpected.push(String((e as Error).message ?? e));
        },
      ),
    );
  };

  for (let i = 0; i < EDITS; i++) {
    const d = pick(docs);
    const text = d.getText();
    const start = Math.floor(random() * (text.length + 1));
    const end = random() < 0.3 ? Math.min(text.length, start + Math.floor(random() * 40)) : start;
    const change = { range: { start: d.positionAt(start), end: d.positionAt(end) }, text: random() < 0.25 ? '' : pick(TYPED) };
    TextDocument.update(d, [change], d.version + 1);
    await c.change(d.uri, d.version, [change]);
    if (i % 4 === 0) ask(pick(docs));
    // let the server breathe as an editor would between keystrokes, a batch at a time
    if (i % 100 === 99) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending.splice(0));
  assert.deepEqual(unexpected, []);
  assert.equal(answered + cancelled, sent);
  assert.ok(answered > sent / 2, `${answered} of ${sent} answered`);

  // every document gets diagnostics for its last version, inside the document
  for (const d of docs) {
    const p = await c.diagnostics(d.uri, (x) => x.version === d.version, 30_000);
    for (const x of p.diagnostics) {
      const { start, end } = x.range;
      assert.ok(start.line < d.lineCount && end.line < d.lineCount + 1, `${d.uri}: ${JSON.stringify(x.range)}`);
    }
  }
  assert.deepEqual(
    c.logs.filter((m) => /failed|error/i.test(m)),
    [],
  );

  for (const d of docs) await c.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: d.uri } });
  // closing re-checks the file from disk: wait until nothing is scheduled
  let after = await stats();
  for (let i = 0; i < 50 && (after.documents > 0 || after.pendingChecks > 0); i++) {
    await c.diagnostics(docs[0].uri, (x) => x.version === undefined, 10_000);
    after = await stats();
  }
  assert.equal(after.documents, 0);
  assert.equal(after.workspaceFiles, baseline.workspaceFiles);
  const grown = (after.heapUsed - baseline.heapUsed) / 1e6;
  console.log(
    `soak: ${EDITS} edits, ${sent} requests (${answered} answered, ${cancelled} cancelled), heap ${(baseline.heapUsed / 1e6).toFixed(1)} MB before, ${(after.heapUsed / 1e6).toFixed(1)} MB after`,
  );
  assert.ok(grown < 15, `the heap grew by ${grown.toFixed(1)} MB`);
});
