import { test } from 'node:test';
import { checkHa } from '../support/fixture';
import { deployment } from '../support/topologies';
import { HAPROXY_DEFAULTS as DEFAULTS } from '../support/stack-files';

const topology = deployment({ services: 'keystone: { on: ctl, mode: active-active, vip: internal }' });

test('a back end without a controller that runs the service, by the manifest; one of one server whatever the manifest says', () =>
  checkHa(
    DEFAULTS +
      `
  listen keystone
  #^^^^^^^^^^^^^^ warning haproxy-backend-all-controllers: listen keystone leaves out c3 (10.0.0.14), which site.ha.yaml says runs keystone
      bind 10.0.0.11:5000
      option httpchk
      server c1 10.0.0.12:5000 check
      server c2 10.0.0.13:5000 check
  listen nova_api
  #^^^^^^^^^^^^^^ warning haproxy-backend-all-controllers: listen nova_api has one server (c1): nova-api behind it is down whenever that server is
      bind 10.0.0.11:8774
      option httpchk
      server c1 10.0.0.12:8774 check
  `,
    { rules: ['haproxy-backend-all-controllers'], topology },
  ));

test('a file whose every proxy has the same single server (an all-in-one node) is said once', () =>
  checkHa(
    DEFAULTS +
      `
  listen keystone
  #^^^^^^^^^^^^^^ warning haproxy-backend-all-controllers: every proxy of this file (2) has one server, aio (10.0.0.12): the balancer fronts a single node, and every service behind it is down whenever that node is
      bind 10.0.0.11:5000
      server aio 10.0.0.12:5000 check
  listen nova_api
      bind 10.0.0.11:8774
      server aio 10.0.0.12:8774 check
  `,
    { rules: ['haproxy-backend-all-controllers'] },
  ));

test('every controller listed, or no manifest to compare with, is quiet', () => {
  checkHa(
    DEFAULTS +
      `
  listen keystone
      bind 10.0.0.11:5000
      server c1 10.0.0.12:5000 check
      server c2 10.0.0.13:5000 check
      server c3 10.0.0.14:5000 check
  `,
    { rules: ['haproxy-backend-all-controllers'], topology },
  );
  checkHa(
    DEFAULTS +
      `
  listen keystone
      bind 10.0.0.11:5000
      server c1 10.0.0.12:5000 check
      server c2 10.0.0.13:5000 check
  `,
    { rules: ['haproxy-backend-all-controllers'] },
  );
});
