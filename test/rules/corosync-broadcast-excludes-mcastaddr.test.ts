import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCoro, fixedCoro } from '../support/fixture';

test('broadcast: yes with an mcastaddr; the fix removes the mcastaddr line', () => {
  checkCoro(
    `
  totem {
      interface {
          ringnumber: 0
          broadcast: yes
          mcastaddr: 239.255.42.2
  #       ^^^^^^^^^^^^^^^^^^^^^^^ error corosync-broadcast-excludes-mcastaddr: this interface sets broadcast: yes and mcastaddr 239.255.42.2; with broadcast, mcastaddr must go
      }
  }
  `,
    { rules: ['corosync-broadcast-excludes-mcastaddr'] },
  );
  assert.equal(
    fixedCoro(
      'totem {\n    interface {\n        ringnumber: 0\n        broadcast: yes\n        mcastaddr: 239.255.42.2\n    }\n}\n',
      'corosync-broadcast-excludes-mcastaddr',
    ),
    'totem {\n    interface {\n        ringnumber: 0\n        broadcast: yes\n    }\n}\n',
  );
});

test('multicast alone, or broadcast: no beside an mcastaddr, is fine', () =>
  checkCoro(
    `
  totem {
      interface {
          ringnumber: 0
          broadcast: no
          mcastaddr: 239.255.42.2
      }
  }
  `,
    { rules: ['corosync-broadcast-excludes-mcastaddr'] },
  ));
