import { test } from 'node:test';
import { checkCoro } from '../support/fixture';

test('a ring number used twice, one that leaves a gap, an interface without one', () => {
  checkCoro(
    `
  totem {
      rrp_mode: passive
      interface {
          ringnumber: 0
      }
      interface {
          ringnumber: 0
  #                   ^ error corosync-ringnumber-unique: ringnumber 0 is already used by interface 1
      }
  }
  `,
    { rules: ['corosync-ringnumber-unique'] },
  );
  checkCoro(
    `
  totem {
      rrp_mode: passive
      interface {
          ringnumber: 0
      }
      interface {
          ringnumber: 2
  #                   ^ error corosync-ringnumber-unique: ringnumber 2 leaves a gap: rings are numbered 0 to 2
      }
      interface {
  #   ^^^^^^^^^ error corosync-ringnumber-unique: interface 3 has no ringnumber
      }
  }
  `,
    { rules: ['corosync-ringnumber-unique'] },
  );
});

test('rings 0 and 1, and a single interface, are fine', () => {
  checkCoro(
    'totem {\n    rrp_mode: passive\n    interface {\n        ringnumber: 0\n    }\n    interface {\n        ringnumber: 1\n    }\n}\n',
    { rules: ['corosync-ringnumber-unique'] },
  );
  checkCoro('totem {\n    interface {\n        bindnetaddr: 10.0.0.0\n    }\n}\n', { rules: ['corosync-ringnumber-unique'] });
});
