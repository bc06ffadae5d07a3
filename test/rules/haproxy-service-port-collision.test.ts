import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintHaproxy } from '../../server/src/engine/lint';
import { galeraPeer, peerConf } from '../../server/src/engine/languages/peers';
import { PeerConf } from '../../server/src/engine/model/topology';

test('haproxy-service-port-collision: a service of the workspace on 0.0.0.0 or the VIP, on a port HAProxy binds', () => {
  const cfg =
    'listen nova_compute_api\n    bind 10.0.0.11:8774\n    server c1 10.0.0.12:8774 check inter 2000 rise 2 fall 5\nlisten galera\n    bind 10.0.0.11:3306\n    server c1 10.0.0.12:3306 check backup\n';
  const rule = (peers: PeerConf[]) =>
    lintHaproxy(cfg, undefined, { peers })
      .findings.filter((f) => f.rule === 'haproxy-service-port-collision')
      .map((f) => [f.message, cfg.slice(f.span.start, f.span.end)]);
  assert.deepEqual(rule([peerConf('../nova/nova.conf', 'nova.conf', '[DEFAULT]\nosapi_compute_listen = 0.0.0.0\n')]), [
    [
      "listen nova_compute_api binds port 8774, and ../nova/nova.conf has [DEFAULT] osapi_compute_listen=0.0.0.0 (every address) on the same port: on the node that holds the VIP, HAProxy and the service collide; bind the service to the node's management address",
      '10.0.0.11:8774',
    ],
  ]);
  assert.deepEqual(
    rule([galeraPeer('../mysql/my.cnf', '[mysqld]\nbind-address = 10.0.0.11\n')]).map((x) => x[1]),
    ['10.0.0.11:3306'],
  );
  // the node's own address, another port, or no explicit setting: no collision reported
  assert.deepEqual(
    rule([
      peerConf('../nova/nova.conf', 'nova.conf', '[DEFAULT]\nosapi_compute_listen = 10.0.0.12\nmetadata_listen = 0.0.0.0\n'),
      peerConf('../cinder/cinder.conf', 'cinder.conf', '[DEFAULT]\nhost = cinder-cluster-1\n'),
      galeraPeer('../mysql/my.cnf', '[mysqld]\nbind-address = 0.0.0.0\nport = 3307\n'),
    ]),
    [],
  );
});
