import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintCorosync } from '../../server/src/engine/lint';
import { COROSYNC_SOUND as SOUND } from '../support/stack-files';

test('crypto with a transport other than knet, a duplicate nodeid, a non-numeric value', () => {
  const text = SOUND.replace('transport: knet', 'transport: udpu').replace('nodeid: 2', 'nodeid: 1').replace('token: 10000', 'token: ten');
  assert.deepEqual(
    lintCorosync(text).findings.map((f) => `${f.rule} ${f.severity}: ${f.message}`),
    [
      'corosync-secauth-off error: crypto_cipher and crypto_hash work only with the knet transport; with udpu corosync refuses to start',
      "parse-error error: totem.token must be a whole number, not 'ten'",
      'corosync-udpu-nodelist error: nodeid 1 is already used by node 1 of the nodelist; corosync refuses to start',
    ],
  );
});
