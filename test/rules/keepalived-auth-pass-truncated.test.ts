import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintKeepalived } from '../../server/src/engine/lint';
import { KEEPALIVED_SOUND as SOUND } from '../support/stack-files';

const at = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

test('keepalived-auth-pass-truncated: a password over 8 characters, never shown', () => {
  const text = SOUND.replace(
    /vrrp_instance internal \{/,
    'vrrp_instance internal {\n    authentication {\n        auth_type PASS\n        auth_pass averylongsecret\n    }',
  );
  const f = lintKeepalived(text).findings;
  assert.deepEqual(
    f.map((x) => [x.rule, x.severity, x.message, at(text, x)]),
    [
      [
        'keepalived-auth-pass-truncated',
        'warning',
        'auth_pass of vrrp_instance internal has 15 characters: keepalived uses only the first 8',
        'averylongsecret',
      ],
    ],
  );
  assert.deepEqual(lintKeepalived(text.replace('averylongsecret', 's3cr3tpw')).findings, []);
});
