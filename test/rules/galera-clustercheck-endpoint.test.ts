import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintHaproxy } from '../../server/src/engine/lint';
import { clustercheckPeer, galeraPeer } from '../../server/src/engine/languages/peers';
import { PeerConf } from '../../server/src/engine/model/topology';
import { HAPROXY_DEFAULTS as DEFAULTS } from '../support/stack-files';

const GALERA_LISTEN =
  DEFAULTS +
  'listen galera_cluster\n    bind 10.0.0.11:3306\n    option httpchk\n    server c1 10.0.0.12:3306 check port 9200 inter 2000 rise 2 fall 5\n    server c2 10.0.0.13:3306 backup check port 9200 inter 2000 rise 2 fall 5\n';
const endpoint = (file: string, text: string) => clustercheckPeer(file, text);
const XINETD =
  'service galera-monitor\n{\n  port = 9200\n  disable = no\n  socket_type = stream\n  protocol = tcp\n  wait = no\n  user = root\n  group = root\n  groups = yes\n  server = /usr/bin/clustercheck\n  type = UNLISTED\n  per_source = UNLIMITED\n  log_on_success =\n  log_on_failure = HOST\n  flags = REUSE\n}\n';
const endpointMessages = (peers: PeerConf[]) =>
  lintHaproxy(GALERA_LISTEN, undefined, { peers })
    .findings.filter((f) => f.rule === 'galera-clustercheck-endpoint')
    .map((f) => `${f.message} [${GALERA_LISTEN.slice(f.span.start, f.span.end)}]`);

test('galera-clustercheck-endpoint: checks on 9200 need an xinetd service or socket there, judged when the workspace holds the DB nodes', () => {
  const galera = galeraPeer('../db1/etc/mysql/conf.d/galera.cnf', '[mysqld]\nwsrep_on=ON\n');
  // the guide's xinetd service, a systemd socket: satisfied
  assert.deepEqual(endpointMessages([galera, endpoint('../db1/etc/xinetd.d/galera-monitor', XINETD)]), []);
  assert.deepEqual(
    endpointMessages([galera, endpoint('../db1/etc/systemd/system/clustercheck.socket', '[Socket]\nListenStream=9200\nAccept=yes\n')]),
    [],
  );
  // nothing answers on 9200
  assert.deepEqual(endpointMessages([galera]), [
    'listen galera_cluster checks c1, c2 on port 9200, but no xinetd service or systemd socket of the workspace answers on 9200: HAProxy will mark every Galera server down [9200]',
  ]);
  // the service is there but disabled, or on another port
  assert.deepEqual(endpointMessages([endpoint('xinetd.d/galera-monitor', XINETD.replace('disable = no', 'disable = yes'))]), [
    'listen galera_cluster checks c1, c2 on port 9200, but service galera-monitor in xinetd.d/galera-monitor (line 1) is disabled (disable = yes): HAProxy will mark every Galera server down [9200]',
  ]);
  assert.deepEqual(
    endpointMessages([endpoint('xinetd.d/mysqlchk', XINETD.replace('galera-monitor', 'mysqlchk').replace('9200', '9201'))]),
    [
      'listen galera_cluster checks c1, c2 on port 9200, but the clustercheck endpoint listens on 9201 (service mysqlchk in xinetd.d/mysqlchk), not 9200: HAProxy will mark every Galera server down [9200]',
    ],
  );
  // haproxy.cfg alone: nothing known of the DB nodes, nothing said
  assert.deepEqual(endpointMessages([]), []);
  // another side port (kolla's clustercheck container on 4569) is deployed by means this product does not read
  assert.deepEqual(
    lintHaproxy(GALERA_LISTEN.replace(/port 9200/g, 'port 4569'), undefined, { peers: [galera] }).findings.filter(
      (f) => f.rule === 'galera-clustercheck-endpoint',
    ),
    [],
  );
  // xinetd services of other programs are not endpoints
  assert.deepEqual(
    endpointMessages([galera, endpoint('xinetd.d/rsync', 'service rsync\n{\n  port = 873\n  server = /usr/bin/rsync\n}\n')]),
    [
      'listen galera_cluster checks c1, c2 on port 9200, but no xinetd service or systemd socket of the workspace answers on 9200: HAProxy will mark every Galera server down [9200]',
    ],
  );
});
