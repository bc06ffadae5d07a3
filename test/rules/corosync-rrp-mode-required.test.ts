import { test } from 'node:test';
import { checkCoro } from '../support/fixture';

test('rings: rrp_mode, ring numbers, multicast scope, broadcast with mcastaddr', () =>
  checkCoro(
    `
  totem {
  #^^^^ error corosync-rrp-mode-required: totem has 2 interfaces but rrp_mode is not set (none): only one ring is used, and losing its network loses the cluster
      secauth: on
      token: 10000
      token_retransmits_before_loss_const: 10
      interface {
          ringnumber: 0
          mcastaddr: 226.94.1.1
  #                  ^^^^^^^^^^ warning corosync-mcastaddr-scope: mcastaddr 226.94.1.1 is outside 239.0.0.0/8, the administratively scoped multicast range (RFC 2365)
      }
      interface {
          ringnumber: 0
  #                   ^ error corosync-ringnumber-unique: ringnumber 0 is already used by interface 1
          broadcast: yes
          mcastaddr: 239.255.42.2
  #       ^^^^^^^^^^^^^^^^^^^^^^^ error corosync-broadcast-excludes-mcastaddr: this interface sets broadcast: yes and mcastaddr 239.255.42.2; with broadcast, mcastaddr must go
      }
  }
  `,
    {
      rules: [
        'corosync-rrp-mode-required',
        'corosync-ringnumber-unique',
        'corosync-mcastaddr-scope',
        'corosync-broadcast-excludes-mcastaddr',
      ],
    },
  ));
