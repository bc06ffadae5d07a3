import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCoro, fixedCoro } from '../support/fixture';

test('corosync-unknown-key: a misspelt key or block is ignored by corosync (a warning, with a fix); a transport or crypto value it refuses is an error', () => {
  checkCoro(
    `
  totem {
      version: 2
      tokn: 10000
  #   ^^^^ warning corosync-unknown-key: corosync does not know 'tokn' (did you mean token?): corosync 3.1.7-1+deb12u2 ignores it and keeps the default
      transport: knot
  #              ^^^^ error corosync-unknown-key: transport: knot is not one of knet, udp, udpu: corosync refuses to start
      crypto_cipher: aes257
  #                  ^^^^^^ error corosync-unknown-key: crypto_cipher: aes257 is not one of none, aes256, aes192, aes128: corosync refuses to start
      rrp_mode: passive
      interface {
          ringnumber: 0
      }
  }
  quorom {
  #^^^^^ warning corosync-unknown-key: corosync does not know the block 'quorom' (did you mean quorum?): corosync 3.1.7-1+deb12u2 ignores it and everything in it
      provider: corosync_votequorum
  }
  `,
    { rules: ['corosync-unknown-key'] },
  );
  assert.equal(fixedCoro('totem {\n    tokn: 10000\n}\n', 'corosync-unknown-key'), 'totem {\n    token: 10000\n}\n');
});
