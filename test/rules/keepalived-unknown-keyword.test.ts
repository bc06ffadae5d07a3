import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/fixes';
import { lintKeepalived } from '../../server/src/engine/lint';
import { KEEPALIVED_SOUND as SOUND } from '../support/stack-files';

const at = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

test('keepalived-unknown-keyword: misspelt keywords and blocks, a lower-case state, a word for a number; lists of addresses are not keywords', () => {
  const found = (text: string) =>
    lintKeepalived(text)
      .findings.filter((f) => f.rule === 'keepalived-unknown-keyword')
      .map((f) => `${f.message} [${at(text, f)}]`);
  const text = SOUND.replace('priority 101', 'prioriti 101')
    .replace('state BACKUP', 'state backup')
    .replace('interval 2', 'interval two')
    .replace('track_script {', 'track_scrpt {');
  assert.deepEqual(found(text), [
    'interval two: keepalived wants a number here and ignores the setting [two]',
    'state backup: keepalived takes MASTER or BACKUP, in capitals, and falls back to BACKUP [backup]',
    "keepalived does not know 'prioriti' (did you mean priority?): keepalived 2.2.7-1+b2 ignores it and keepalived -t rejects the file [prioriti]",
    "keepalived does not know 'track_scrpt' (did you mean track_script?): keepalived 2.2.7-1+b2 ignores it and keepalived -t rejects the file [track_scrpt]",
  ]);
  const fixed = lintKeepalived(text)
    .findings.filter((f) => f.rule === 'keepalived-unknown-keyword' && f.fixes.length)
    .reduce((t, f) => applyEdits(t, f.fixes[0].edits), text);
  assert.equal(fixed, SOUND.replace('interval 2', 'interval two'));
  // older names that no listed keyword resembles are left alone; addresses and names inside lists are not keywords
  assert.deepEqual(
    found(SOUND.replace('nopreempt', 'lvs_sync_daemon_interface br-mgmt').replace('chk_haproxy\n    }', 'chk_haprxy\n    }')),
    [],
  );
});

test('keepalived-unknown-keyword: an instance keyword in global_defs, a keyword left without its value', () => {
  const text = 'global_defs {\n    router_id lb1\n    garp_master_delay 3\n}\n' + SOUND.replace('state BACKUP', 'state #STATE#');
  assert.deepEqual(
    lintKeepalived(text).findings.map((x) => `${x.rule}: ${x.message} [${at(text, x)}]`),
    [
      "keepalived-unknown-keyword: 'garp_master_delay' is a keyword of another block, not of global_defs (which has vrrp_garp_master_delay): keepalived -t rejects it (Unknown keyword) [garp_master_delay]",
      'keepalived-unknown-keyword: state has no value: keepalived -t rejects the line (missing a parameter after keyword) [state]',
    ],
  );
});
