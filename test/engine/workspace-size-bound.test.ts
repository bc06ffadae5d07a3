/**
 * A file over the engine's size bound is not analysed, and its facts are not read either (issue 11):
 * an open 2 MB keepalived.conf gave its neighbour one finding per VRRP instance it held.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyseAll } from '../support/workspace';
import { MAX_MANIFEST_BYTES } from '../../server/src/engine/documents/manifest/parse';

const KA = (vrid: number) =>
  `vrrp_instance internal {\n    virtual_router_id ${vrid}\n    virtual_ipaddress {\n        10.0.0.11/24\n    }\n}\n`;

test('a keepalived.conf over the size bound tells the other nodes nothing', () => {
  const files = (big: string) =>
    new Map([
      ['/w/node1/etc/keepalived/keepalived.conf', big],
      ['/w/node2/etc/keepalived/keepalived.conf', KA(52)],
    ]);
  const findings = (big: string) => {
    const { results } = analyseAll(files(big));
    return [...results].flatMap(([p, r]) => r.findings.map((f) => `${p.split('/')[2]} ${f.rule}`));
  };
  // under the bound: compared, one finding each way
  assert.deepEqual(findings(KA(51)), ['node1 keepalived-vrid-priority-sane', 'node2 keepalived-vrid-priority-sane']);
  const big = KA(51).repeat(Math.ceil((MAX_MANIFEST_BYTES + 1) / KA(51).length));
  assert.ok(big.length > MAX_MANIFEST_BYTES);
  assert.deepEqual(findings(big), ['node1 file-too-large']);
});
