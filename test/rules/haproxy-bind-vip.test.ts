import { test } from 'node:test';
import { checkHa } from '../support/fixture';
import { deployment } from '../support/topologies';
import { HAPROXY_DEFAULTS as DEFAULTS } from '../support/stack-files';

const topology = deployment({ services: 'keystone: { on: ctl, mode: active-active, vip: internal }' });

test('haproxy-bind-vip and haproxy-backend-all-controllers', () => {
  checkHa(
    DEFAULTS +
      `
  listen keystone
  #^^^^^^^^^^^^^^ warning haproxy-backend-all-controllers: listen keystone leaves out c3 (10.0.0.14), which site.ha.yaml says runs keystone
      bind *:5000
  #        ^^^^^^ warning haproxy-bind-vip: listen keystone binds every address (*:5000) rather than the VIP 10.0.0.11
      bind 10.0.0.12:5000
  #        ^^^^^^^^^^^^^^ warning haproxy-bind-vip: listen keystone binds node c1 (10.0.0.12) (10.0.0.12:5000) rather than the VIP 10.0.0.11
      option httpchk
      server c1 10.0.0.12:5000 check
      server c2 10.0.0.13:5000 check
  listen single
  #^^^^^^^^^^^^ warning haproxy-backend-all-controllers: listen single has one server (c1): nova-api behind it is down whenever that server is
      bind 10.0.0.11:8774
      option httpchk
      server c1 10.0.0.12:8774 check
  `,
    { rules: ['haproxy-bind-vip', 'haproxy-backend-all-controllers'], topology },
  );
});
