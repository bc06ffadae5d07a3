/** Over LSP, what quotes the file shows its bidi and invisible characters escaped: diagnostics, hovers and the outline. */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentSymbol, DocumentSymbolRequest, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri } from '../support/lsp-client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-invisible-'));
let c: TestClient;
after(async () => {
  await c.close();
});

test('a node name holding U+202E: escaped in the hover and the outline, the diagnostic message too', async () => {
  c = new TestClient();
  await c.initialize(dir);
  const text =
    'apiVersion: openstack-ha/v1\nkind: Deployment\nnodes:\n  c\u202E1: { address: 10.0.0.1 }\nclusters:\n  ctl: { members: [c\u202E1, c\u200B2] }\n';
  const uri = fileUri(path.join(dir, 'site.ha.yaml'));
  await c.open(uri, text);
  const p = await c.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'unknown-reference'));
  const ref = p.diagnostics.find((d) => d.code === 'unknown-reference')!;
  assert.match(String(ref.message), /'c\\u200B2'/);
  assert.doesNotMatch(JSON.stringify(p.diagnostics), /\u202E|\u200B/);
  const h = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 3 } });
  const md = (h!.contents as MarkupContent).value;
  assert.match(md, /^\*\*node c\\u202E1\*\*/);
  assert.doesNotMatch(md, /\u202E/);
  const syms = (await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  const names = JSON.stringify(syms.map((s) => [s.name, (s.children ?? []).map((x) => x.name)]));
  assert.match(names, /c\\\\u202E1/);
  assert.doesNotMatch(names, /\u202E/);
});
