import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWorkspace, relatedOf } from '../support/workspace';

const proxy = (name: string, servers: string[]) => `listen ${name}
    bind 10.0.0.10:5000
    option httpchk
${servers.map((s, i) => `    server c${i} ${s}:5000 check`).join('\n')}`;

test('a proxy with other servers, and a proxy the other load balancer lacks', () => {
  const out = checkWorkspace(
    `
  #- lb1/etc/haproxy/haproxy.cfg
  listen keystone
  #^^^^^^^^^^^^^^ warning haproxy-backends-differ: listen keystone has other servers than in ../../../lb2/etc/haproxy/haproxy.cfg (10.0.0.13:5000 only here): a failover of the VIP changes where its traffic goes
      bind 10.0.0.10:5000
      server c1 10.0.0.11:5000 check
      server c2 10.0.0.12:5000 check
      server c3 10.0.0.13:5000 check
  ${proxy('glance', ['10.0.0.11', '10.0.0.12'])}
  listen nova
  #^^^^^^^^^^ warning haproxy-backends-differ: listen nova is not in ../../../lb2/etc/haproxy/haproxy.cfg: when the VIP moves to that node, nova has no proxy
      bind 10.0.0.10:8774
      server c1 10.0.0.11:8774 check
  #- lb2/etc/haproxy/haproxy.cfg
  listen keystone
  #^^^^^^^^^^^^^^ warning haproxy-backends-differ: listen keystone has other servers than in ../../../lb1/etc/haproxy/haproxy.cfg (10.0.0.13:5000 only there): a failover of the VIP changes where its traffic goes
      bind 10.0.0.10:5000
      server c1 10.0.0.11:5000 check
      server c2 10.0.0.12:5000 check
  ${proxy('glance', ['10.0.0.12', '10.0.0.11'])}
  `,
    { rules: ['haproxy-backends-differ'] },
  );
  assert.deepEqual(relatedOf(out, 'lb2/etc/haproxy/haproxy.cfg', 'haproxy-backends-differ'), [
    'lb1/etc/haproxy/haproxy.cfg:1:1 listen keystone of ../../../lb1/etc/haproxy/haproxy.cfg',
  ]);
});

test('equal files, one load balancer, and a pair of another role are quiet', () => {
  const cfg = `${proxy('keystone', ['10.0.0.11', '10.0.0.12'])}\n${proxy('glance', ['10.0.0.11', '10.0.0.12'])}`;
  checkWorkspace(
    `
  #- lb1/etc/haproxy/haproxy.cfg
  ${cfg}
  #- lb2/etc/haproxy/haproxy.cfg
  ${cfg}
  #- ext1/etc/haproxy/haproxy.cfg
  ${proxy('horizon', ['10.0.0.31', '10.0.0.32'])}
  `,
    { rules: ['haproxy-backends-differ'] },
  );
});
