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

test('keepalived-tracks-haproxy: the fix joins an existing track_script block instead of adding a second one', () => {
  const topology = deployment({ cluster: 'lb', manager: 'keepalived', services: 'haproxy: { on: lb }' });
  const text =
    'vrrp_script chk_dns {\n    script "/usr/bin/killall -0 named"\n}\n\nvrrp_instance internal {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.11\n    }\n    track_script {\n        chk_dns\n    }\n}\n';
  const f = lintKeepalived(text, undefined, { topology }).findings.filter((x) => x.rule === 'keepalived-tracks-haproxy');
  assert.equal(f.length, 1);
  assert.equal(f[0].fixes[0].title, 'Track HAProxy with a chk_haproxy script');
  const fixed = applyEdits(text, f[0].fixes[0].edits);
  assert.equal(
    fixed,
    'vrrp_script chk_dns {\n    script "/usr/bin/killall -0 named"\n}\n\nvrrp_script chk_haproxy {\n    script "/usr/bin/killall -0 haproxy"\n    interval 2\n}\n\nvrrp_instance internal {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        10.0.0.11\n    }\n    track_script {\n        chk_dns\n        chk_haproxy\n    }\n}\n',
  );
  assert.equal(fixed.match(/track_script/g)!.length, 1);
  assert.deepEqual(
    lintKeepalived(fixed, undefined, { topology }).findings.filter((x) => x.rule === 'keepalived-tracks-haproxy'),
    [],
  );
  // on one line: the name goes before its brace
  const inline = text.replace('track_script {\n        chk_dns\n    }', 'track_script { chk_dns }');
  const g = lintKeepalived(inline, undefined, { topology }).findings.filter((x) => x.rule === 'keepalived-tracks-haproxy');
  assert.match(applyEdits(inline, g[0].fixes[0].edits), /track_script \{ chk_dns chk_haproxy \}/);
});
