import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintKeepalived } from '../../server/src/engine/lint';
import { deployment } from '../support/topologies';
import { KEEPALIVED_SOUND as SOUND } from '../support/stack-files';

const at = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

test('keepalived-partition-duplicate-vip: with a manifest whose VIP keepalived moves', () => {
  const topology = deployment({ cluster: 'lb', manager: 'keepalived' });
  const f = lintKeepalived(SOUND, undefined, { topology }).findings;
  assert.deepEqual(
    f.map((x) => [x.rule, x.severity, at(SOUND, x)]),
    [['keepalived-partition-duplicate-vip', 'info', '10.0.0.11/24']],
  );
  assert.match(f[0].message, /^VIP 'internal' \(10\.0\.0\.11\) is moved by keepalived \(cluster 'lb', 3 nodes, vrrp_instance internal\)/);
});
