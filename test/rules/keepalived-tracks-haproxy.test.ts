import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/fixes';
import { lintKeepalived } from '../../server/src/engine/lint';
import { deployment } from '../support/topologies';
import { KEEPALIVED_SOUND as SOUND } from '../support/stack-files';

const at = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

test('keepalived-tracks-haproxy: an instance without track_script; the fix adds the script and the tracking', () => {
  const text = SOUND.replace(/ {4}track_script \{\n {8}chk_haproxy\n {4}\}\n/, '').replace(/vrrp_script chk_haproxy \{[^}]*\}\n\n/, '');
  // HAProxy is in play: the manifest runs it on the keepalived nodes
  const topology = deployment({ cluster: 'lb', manager: 'keepalived', services: 'haproxy: { on: lb }' });
  const f = lintKeepalived(text, undefined, { topology }).findings.filter((x) => x.rule === 'keepalived-tracks-haproxy');
  assert.deepEqual(
    f.map((x) => [x.rule, x.message, at(text, x)]),
    [
      [
        'keepalived-tracks-haproxy',
        'vrrp_instance internal holds 10.0.0.11 without tracking HAProxy: the VIP stays on a node whose HAProxy is down',
        'vrrp_instance',
      ],
    ],
  );
  const fixed = applyEdits(text, f[0].fixes[0].edits);
  assert.match(
    fixed,
    /vrrp_script chk_haproxy \{\n {4}script "\/usr\/bin\/killall -0 haproxy"\n {4}interval 2\n\}\n\nvrrp_instance internal \{/,
  );
  assert.match(fixed, / {4}track_script \{\n {8}chk_haproxy\n {4}\}\n\}\n$/);
  assert.deepEqual(
    lintKeepalived(fixed, undefined, { topology }).findings.filter((x) => x.rule === 'keepalived-tracks-haproxy'),
    [],
  );
  // a VIP for another service, with nothing that says HAProxy runs here, is not judged
  assert.deepEqual(
    lintKeepalived(text).findings.filter((x) => x.rule === 'keepalived-tracks-haproxy'),
    [],
  );
});
