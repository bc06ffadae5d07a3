import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintHaproxy } from '../../server/src/engine/lint';
import { keepalivedPeer, sysctlPeer } from '../../server/src/engine/languages/peers';
import { PeerConf } from '../../server/src/engine/model/topology';

test("sysctl-nonlocal-bind: the VIP bound while the workspace's sysctl files leave ip_nonlocal_bind at 0", () => {
  const cfg =
    'listen keystone_public\n    bind 10.0.0.11:5000\n    server c1 10.0.0.12:5000 check inter 2000 rise 2 fall 5\n    server c2 10.0.0.13:5000 check inter 2000 rise 2 fall 5\n    server c3 10.0.0.14:5000 check inter 2000 rise 2 fall 5\n';
  const ka = keepalivedPeer(
    '../keepalived/keepalived.conf',
    'vrrp_instance internal {\n    virtual_router_id 51\n    virtual_ipaddress {\n        10.0.0.11/24\n    }\n}\n',
  );
  const rule = (peers: PeerConf[]) =>
    lintHaproxy(cfg, undefined, { peers })
      .findings.filter((f) => f.rule === 'sysctl-nonlocal-bind')
      .map((f) => [f.severity, f.message, cfg.slice(f.span.start, f.span.end)]);
  assert.deepEqual(rule([ka, sysctlPeer('../sysctl.d/99-net.conf', 'net.ipv4.ip_forward = 1\n')]), [
    [
      'error',
      'listen keystone_public binds the VIP 10.0.0.11, but no sysctl file of the workspace sets net.ipv4.ip_nonlocal_bind = 1 (../sysctl.d/99-net.conf leave it at 0): HAProxy will not start on the nodes that do not hold the VIP',
      '10.0.0.11:5000',
    ],
  ]);
  assert.deepEqual(
    rule([ka, sysctlPeer('../sysctl.conf', 'net/ipv4/ip_nonlocal_bind=0\n')]).map((x) => x[1]),
    [
      'listen keystone_public binds the VIP 10.0.0.11, but no sysctl file of the workspace sets net.ipv4.ip_nonlocal_bind = 1 (../sysctl.conf sets 0): HAProxy will not start on the nodes that do not hold the VIP',
    ],
  );
  assert.deepEqual(rule([ka, sysctlPeer('../sysctl.d/60-haproxy.conf', '# for the VIP\nnet.ipv4.ip_nonlocal_bind = 1\n')]), []);
  // no sysctl file in the workspace: nothing to say; an address that is no VIP needs no setting
  assert.deepEqual(rule([ka]), []);
  assert.deepEqual(rule([sysctlPeer('../sysctl.conf', '')]), []);
  // an IPv6 VIP needs the IPv6 setting, even when the IPv4 one is there for another bind
  const dual = `${cfg}listen keystone_public_v6\n    bind [fd00::11]:5000\n    server c1 10.0.0.12:5000 check inter 2000 rise 2 fall 5\n`;
  const ka6 = keepalivedPeer(
    '../keepalived/keepalived.conf',
    'vrrp_instance internal {\n    virtual_router_id 51\n    virtual_ipaddress {\n        10.0.0.11/24\n        fd00::11/64\n    }\n}\n',
  );
  assert.deepEqual(
    lintHaproxy(dual, undefined, { peers: [ka6, sysctlPeer('../sysctl.d/60-haproxy.conf', 'net.ipv4.ip_nonlocal_bind = 1\n')] })
      .findings.filter((f) => f.rule === 'sysctl-nonlocal-bind')
      .map((f) => dual.slice(f.span.start, f.span.end)),
    ['[fd00::11]:5000'],
  );
});
