import { test } from 'node:test';
import { checkCoro } from '../support/fixture';

test('a multicast address outside 239.0.0.0/8; one inside it, and an IPv6 group, are quiet', () =>
  checkCoro(
    `
  totem {
      rrp_mode: passive
      interface {
          ringnumber: 0
          mcastaddr: 226.94.1.1
  #                  ^^^^^^^^^^ warning corosync-mcastaddr-scope: mcastaddr 226.94.1.1 is outside 239.0.0.0/8, the administratively scoped multicast range (RFC 2365)
      }
      interface {
          ringnumber: 1
          mcastaddr: 239.255.42.2
      }
      interface {
          ringnumber: 2
          mcastaddr: ff15::1
      }
  }
  `,
    { rules: ['corosync-mcastaddr-scope'] },
  ));
