/** The haproxy.cfg rules: each fires, stays quiet on the guide's own example, and fixes as shown. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkHa, fixedHa } from '../../support/fixture';
import { lintHaproxy } from '../../../server/src/engine/lint';
import { haComplete, haHover } from '../../../server/src/engine/service/haproxy';
import { ROOT } from '../../support/paths';
import { deployment } from '../../support/topologies';
import { clustercheckPeer, galeraPeer, keepalivedPeer, peerConf, sysctlPeer } from '../../../server/src/engine/workspace/peers';
import { PeerConf } from '../../../server/src/engine/workspace/topology';

const GUIDE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'haproxy', 'guide-haproxy.cfg'), 'utf8');
const DEFAULTS = `
  defaults
      timeout connect 10s
      timeout client 1m
      timeout server 1m
      timeout check 10s
`;

test("the guide's haproxy.cfg raises only the mysql-check / port 9200 mismatch the guide-examples notes predict", () => {
  assert.deepEqual(lintHaproxy(GUIDE).findings.map((f) => f.rule), ['haproxy-galera-check-mismatch']);
});

test('haproxy-server-health-check: no check is an error with a fix; only checks slower than the guide\'s are info', () => {
  checkHa(DEFAULTS + `
  listen keystone
      bind 10.0.0.11:5000
      option httpchk
      server c1 10.0.0.12:5000
  #   ^^^^^^^^^^^^^^^^^^^^^^^^ error haproxy-server-health-check: server c1 in listen keystone has no health check: HAProxy keeps sending traffic to it when it is down
      server c2 10.0.0.13:5000 check inter 5000 rise 2 fall 3
  #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info haproxy-server-health-check: server c2 is taken out only 15 s after it dies (inter 5 s, fall 3): the guide's checks (inter 2000 fall 5) take 10 s
      server c3 10.0.0.14:5000 check inter 2000 rise 2 fall 5
      server c4 10.0.0.15:5000 check inter 1s
      server c5 10.0.0.16:5000 check rise 3 fall 4
      server c6 10.0.0.17:5000 check inter 3s fall 3 fastinter 1s
  `, { rules: ['haproxy-server-health-check'] });
  // default-server timings count, as HAProxy applies them
  checkHa(DEFAULTS + `
  backend b
      default-server inter 10s fall 3
      server c1 10.0.0.12:80 check
  #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info haproxy-server-health-check: server c1 is taken out only 30 s after it dies (inter 10 s, fall 3): the guide's checks (inter 2000 fall 5) take 10 s
  `, { rules: ['haproxy-server-health-check'] });
  assert.equal(fixedHa('listen k\n    bind 10.0.0.11:5000\n    server c1 10.0.0.12:5000\n', 'haproxy-server-health-check'), 'listen k\n    bind 10.0.0.11:5000\n    server c1 10.0.0.12:5000 check inter 2000 rise 2 fall 5\n');
  checkHa('defaults\n    default-server check\nbackend b\n    server c1 10.0.0.12:80\n', { rules: ['haproxy-server-health-check'] });
});

test('haproxy-http-api-httpchk: an API without option httpchk; the metadata API and Telemetry are exempt', () => {
  checkHa(DEFAULTS + `
  listen nova_api
  #^^^^^^^^^^^^^^ warning haproxy-http-api-httpchk: listen nova_api balances nova-api (an HTTP API) without option httpchk: a server whose API answers errors still counts as up
      bind 10.0.0.11:8774
      server c1 10.0.0.12:8774 check
      server c2 10.0.0.13:8774 check
  listen metadata
      bind 10.0.0.11:8775
      server c1 10.0.0.12:8775 check
      server c2 10.0.0.13:8775 check
  listen ceilometer
      bind 10.0.0.11:8777
      server c1 10.0.0.12:8777 check
  `, { rules: ['haproxy-http-api-httpchk'] });
  assert.equal(fixedHa('listen nova_api\n    bind 10.0.0.11:8774\n    server c1 10.0.0.12:8774 check\n', 'haproxy-http-api-httpchk'), 'listen nova_api\n    option httpchk\n    bind 10.0.0.11:8774\n    server c1 10.0.0.12:8774 check\n');
});

test('the Galera rules: several writers, round-robin, mysql-check on port 9200', () => {
  checkHa(DEFAULTS + `
  listen galera
  #^^^^^^^^^^^^ error haproxy-galera-single-writer: listen galera sends Galera traffic to 3 servers (c1, c2, c3): several writers deadlock; keep one and mark the others backup
      bind 10.0.0.11:3306
      balance roundrobin
  #   ^^^^^^^^^^^^^^^^^^ error haproxy-galera-no-roundrobin: listen galera balances Galera with roundrobin and no backup servers or stick table: every node takes writes
      option mysql-check
  #   ^^^^^^^^^^^^^^^^^^ warning haproxy-galera-check-mismatch: listen galera uses option mysql-check but checks c1, c2, c3 on port 9200, where clustercheck answers HTTP
      server c1 10.0.0.12:3306 check port 9200
      server c2 10.0.0.13:3306 check port 9200
      server c3 10.0.0.14:3306 check port 9200
  `, { rules: ['haproxy-galera-single-writer', 'haproxy-galera-no-roundrobin', 'haproxy-galera-check-mismatch'] });
  assert.equal(fixedHa('listen galera\n    bind 10.0.0.11:3306\n    balance source\n    server c1 10.0.0.12:3306 check\n    server c2 10.0.0.13:3306 check\n', 'haproxy-galera-single-writer'),
    'listen galera\n    bind 10.0.0.11:3306\n    balance source\n    server c1 10.0.0.12:3306 check\n    server c2 10.0.0.13:3306 check backup\n');
});

test('haproxy-defaults-timeouts: missing timeouts, with a fix in the section\'s own indentation', () => {
  checkHa(`
  defaults
  #^^^^^^^ warning haproxy-defaults-timeouts: defaults sets no timeout client, server, and some proxies after it set none of their own: their connections are never timed out (the guide uses timeout client 1m, timeout server 1m)
      timeout connect 10s
      timeout check 10s
  listen x
      bind 10.0.0.11:8774
  `, { rules: ['haproxy-defaults-timeouts'] });
  // timeout check is not asked for (inter bounds each check); proxies with their own timeouts need none from defaults
  checkHa(`
  defaults
      timeout connect 10s
      timeout client 1m
      timeout server 1m
  listen x
      bind 10.0.0.11:8774
  `, { rules: ['haproxy-defaults-timeouts'] });
  checkHa(`
  defaults
      mode tcp
  frontend f
      bind 10.0.0.11:80
      timeout client 1m
      default_backend b
  backend b
      timeout connect 5s
      timeout server 1m
      server c1 10.0.0.12:80 check
  `, { rules: ['haproxy-defaults-timeouts'] });
  // a proxy inherits from the last defaults above it, not from one further up
  checkHa(`
  defaults
      timeout connect 10s
      timeout client 1m
      timeout server 1m
  listen x
      bind 10.0.0.11:8774
  defaults
  #^^^^^^^ warning haproxy-defaults-timeouts: defaults sets no timeout connect, client, server, and some proxies after it set none of their own: their connections are never timed out (the guide uses timeout connect 10s, timeout client 1m, timeout server 1m)
      mode http
  listen y
      bind 10.0.0.11:8775
  `, { rules: ['haproxy-defaults-timeouts'] });
  assert.equal(fixedHa('defaults\n  timeout connect 10s\n  timeout check 10s\nlisten x\n  bind :1\n', 'haproxy-defaults-timeouts'), 'defaults\n  timeout connect 10s\n  timeout check 10s\n  timeout client 1m\n  timeout server 1m\nlisten x\n  bind :1\n');
});

test('haproxy-no-amqp-or-memcached', () => checkHa(DEFAULTS + `
  listen rabbitmq
  #^^^^^^^^^^^^^^ warning haproxy-no-amqp-or-memcached: listen rabbitmq proxies RabbitMQ (port 5672): clients must list every broker in transport_url instead
      bind 10.0.0.11:5672
      server c1 10.0.0.12:5672 check
  `, { rules: ['haproxy-no-amqp-or-memcached'] }));

test('one Galera server is one writer, however it is balanced (an all-in-one node)', () => checkHa(DEFAULTS + `
  listen mariadb
      bind 10.0.0.11:3306
      option mysql-check user haproxy post-41
      server localhost 10.0.0.12:3306 check inter 2000 rise 2 fall 5
  `, { rules: ['haproxy-galera-single-writer', 'haproxy-galera-no-roundrobin'] }));

test('haproxy-galera-single-writer and no-roundrobin accept a stick table on the destination, not one on the client', () => {
  checkHa(DEFAULTS + `
  listen galera
      bind 10.0.0.11:3306
      balance roundrobin
      stick-table type ip size 1
      stick on dst
      server c1 10.0.0.12:3306 check
      server c2 10.0.0.13:3306 check
      server c3 10.0.0.14:3306 check backup
  `, { rules: ['haproxy-galera-single-writer', 'haproxy-galera-no-roundrobin'] });
  checkHa(DEFAULTS + `
  listen galera
  #^^^^^^^^^^^^ error haproxy-galera-single-writer: listen galera sends Galera traffic to 2 servers (c1, c2): several writers deadlock; keep one and mark the others backup
      bind 10.0.0.11:3306
      balance roundrobin
  #   ^^^^^^^^^^^^^^^^^^ error haproxy-galera-no-roundrobin: listen galera balances Galera with roundrobin and no backup servers or stick table: every node takes writes
      stick-table type ip size 200k
      stick on src
      server c1 10.0.0.12:3306 check
      server c2 10.0.0.13:3306 check
  `, { rules: ['haproxy-galera-single-writer', 'haproxy-galera-no-roundrobin'] });
});

test('services are recognised by their servers\' ports, checks, names and backends, not by the bind port alone', () => {
  // RabbitMQ on a shifted VIP port (HAProxy shares the controllers), through a frontend, by name
  checkHa(DEFAULTS + `
  listen rabbit_vip
  #^^^^^^^^^^^^^^^^ warning haproxy-no-amqp-or-memcached: listen rabbit_vip proxies RabbitMQ (port 5673): clients must list every broker in transport_url instead
      bind 10.0.0.11:5673
      server c1 10.0.0.12:5672 check
  frontend amqp_in
  #^^^^^^^^^^^^^^^ warning haproxy-no-amqp-or-memcached: frontend amqp_in proxies RabbitMQ (port 15673): clients must list every broker in transport_url instead
      bind 10.0.0.11:15673
      default_backend brokers
  backend brokers
      server c1 10.0.0.12:5672 check
  `, { rules: ['haproxy-no-amqp-or-memcached'] });
  // a proxy named for RabbitMQ in HTTP mode fronts its management UI, not the brokers
  checkHa(`
  defaults
      mode http
  listen rabbitmq_management
      bind 10.0.0.11:15672
      server c1 10.0.0.12:15672 check
      server c2 10.0.0.13:15672 check
  `, { rules: ['haproxy-no-amqp-or-memcached'] });
  // Galera on 3307 with clustercheck: the Galera rules still judge it
  checkHa(DEFAULTS + `
  listen db
  #^^^^^^^^ error haproxy-galera-single-writer: listen db sends Galera traffic to 2 servers (c1, c2): several writers deadlock; keep one and mark the others backup
      bind 10.0.0.11:3307
      balance source
      option httpchk
      server c1 10.0.0.12:3307 check port 9200
      server c2 10.0.0.13:3307 check port 9200
  `, { rules: ['haproxy-galera-single-writer'] });
});

test('what HAProxy refuses before it reads on: one proxy name twice, an address on the listen line, a bind without a port, a placeholder, a bind option misspelt', () => {
  checkHa(DEFAULTS + `
  listen keystone
      bind 10.0.0.11:5000
      server c1 10.0.0.12:5000 check
  listen keystone
  #      ^^^^^^^^ error parse-error: listen 'keystone' has the same name as the listen on line 7: HAProxy refuses two proxies of one name
      bind 10.0.0.11:5001
      server c1 10.0.0.12:5001 check
  frontend api
      bind 10.0.0.11:80
      default_backend api
  backend api
      server c1 10.0.0.12:80 check
  listen dashboard 10.0.0.11:80
  #                ^^^^^^^^^^^^ error parse-error: 'listen dashboard 10.0.0.11:80' gives the address on the section line, which HAProxy no longer reads: it refuses the file; move it to a 'bind 10.0.0.11:80' line
      server c1 10.0.0.12:80 check
  listen glance
      bind 10.0.0.11
  #        ^^^^^^^^^ error parse-error: bind address '10.0.0.11' has no port: HAProxy refuses the file (missing port specification)
      bind <Virtual IP>:9292
  #        ^^^^^^^^^^^^^^^^^ error placeholder-value: the bind address '<Virtual IP>:9292' is a placeholder left from a sample (text in angle brackets), not a real value: HAProxy cannot bind it and refuses to start
      bind 10.0.0.11:9293 trasparent
  #                       ^^^^^^^^^^ error haproxy-unknown-keyword: 'trasparent' is not a bind option of HAProxy 2.6.12; did you mean 'transparent'?: HAProxy refuses to start
      bind 10.0.0.11:443 ssl crt /etc/haproxy/site.pem alpn h2,http/1.1 transparent
      bind /var/run/haproxy.sock
      server c1 CONTROLLER1_IP:9292 check
  #             ^^^^^^^^^^^^^^^^^^^ error placeholder-value: the server address 'CONTROLLER1_IP:9292' is a placeholder left from a sample (a name in capitals that stands for a value), not a real value: HAProxy cannot resolve it and refuses to start
      server c2 controller2:9292 check
  `, { rules: ['parse-error', 'placeholder-value', 'haproxy-unknown-keyword'] });
});

test('haproxy-cookie-duplicate: servers of an HTTP proxy sharing a cookie value; quiet in TCP mode and without cookie persistence', () => {
  checkHa(`
  defaults
      mode http
  listen horizon
      bind 10.0.0.11:80
      cookie SERVERID insert indirect nocache
      server c1 10.0.0.12:80 cookie c1 check
      server c2 10.0.0.13:80 cookie c1 check
  #                                 ^^ warning haproxy-cookie-duplicate: servers c1, c2 of listen horizon share the cookie value c1: every returning client goes to c1, and the others keep no session
      server c3 10.0.0.14:80 cookie c3 check
  listen tcp_one
      mode tcp
      bind 10.0.0.11:81
      cookie SERVERID insert
      server c1 10.0.0.12:81 cookie a check
      server c2 10.0.0.13:81 cookie a check
  `, { rules: ['haproxy-cookie-duplicate'] });
});

test('haproxy-unknown-keyword: typos, a keyword in the wrong section, did-you-mean', () => checkHa(`
  global
      deamon
  #   ^^^^^^ error haproxy-unknown-keyword: 'deamon' is not a global keyword of HAProxy 2.6.12; did you mean 'daemon'?
  defaults
      timeout conect 10s
  #   ^^^^^^^^^^^^^^ error haproxy-unknown-keyword: 'timeout conect' is not a keyword of HAProxy 2.6.12; did you mean 'timeout connect'?
      no option httplog
  backend b
      bind :80
  #   ^^^^ warning haproxy-unknown-keyword: 'bind' is not allowed in a backend section: HAProxy ignores it
      balanse source
  #   ^^^^^^^ error haproxy-unknown-keyword: 'balanse' is not a keyword of HAProxy 2.6.12; did you mean 'balance'?
      http-request set-header X-Forwarded-Proto https
  `, { rules: ['haproxy-unknown-keyword'] }));

const topology = deployment({ services: 'keystone: { on: ctl, mode: active-active, vip: internal }' });

test('haproxy-bind-vip and haproxy-backend-all-controllers', () => {
  checkHa(DEFAULTS + `
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
  `, { rules: ['haproxy-bind-vip', 'haproxy-backend-all-controllers'], topology });
});

test('completion offers the keywords of the section; hover says where a keyword is allowed', () => {
  const text = 'global\n    daemon\nbackend b\n    bal\n    option httpchk\n';
  const r = lintHaproxy(text);
  const c = haComplete(r.haproxy!, text, text.indexOf('    bal\n') + 7)!;
  assert.ok(c.items.some((i) => i.label === 'balance') && !c.items.some((i) => i.label === 'bind'), 'bind is not a backend keyword');
  const g = haComplete(r.haproxy!, 'global\n    dae', 'global\n    dae'.length)!;
  assert.ok(g.items.some((i) => i.label === 'daemon'));
  const h = haHover(r.haproxy!, r.findings, text.indexOf('option httpchk') + 9, (id) => id)!;
  assert.match(h.markdown, /^\*\*option httpchk\*\*: allowed in defaults, listen, backend\. \[HAProxy 2\.6\.12 manual\]/);
});

test('completion on a server line offers its options (with a space after one that takes a value), not after an option that wants its value', () => {
  const text = 'backend b\n    server c1 10.0.0.12:80 check in';
  const r = lintHaproxy(text);
  const c = haComplete(r.haproxy!, text, text.length)!;
  assert.equal(text.slice(c.replaceStart, c.replaceEnd), 'in');
  assert.equal(c.items.find((i) => i.label === 'inter')?.insertText, 'inter ');
  assert.equal(c.items.find((i) => i.label === 'backup')?.insertText, 'backup');
  const afterInter = 'backend b\n    server c1 10.0.0.12:80 check inter ';
  assert.equal(haComplete(lintHaproxy(afterInter).haproxy!, afterInter, afterInter.length), undefined);
  const ds = 'defaults\n    default-server ';
  assert.ok(haComplete(lintHaproxy(ds).haproxy!, ds, ds.length)!.items.some((i) => i.label === 'rise'));
});

test('sysctl-nonlocal-bind: the VIP bound while the workspace\'s sysctl files leave ip_nonlocal_bind at 0', () => {
  const cfg = 'listen keystone_public\n    bind 10.0.0.11:5000\n    server c1 10.0.0.12:5000 check inter 2000 rise 2 fall 5\n    server c2 10.0.0.13:5000 check inter 2000 rise 2 fall 5\n    server c3 10.0.0.14:5000 check inter 2000 rise 2 fall 5\n';
  const ka = keepalivedPeer('../keepalived/keepalived.conf', 'vrrp_instance internal {\n    virtual_router_id 51\n    virtual_ipaddress {\n        10.0.0.11/24\n    }\n}\n');
  const rule = (peers: PeerConf[]) =>
    lintHaproxy(cfg, undefined, { peers }).findings.filter((f) => f.rule === 'sysctl-nonlocal-bind').map((f) => [f.severity, f.message, cfg.slice(f.span.start, f.span.end)]);
  assert.deepEqual(rule([ka, sysctlPeer('../sysctl.d/99-net.conf', 'net.ipv4.ip_forward = 1\n')]), [['error',
    'listen keystone_public binds the VIP 10.0.0.11, but no sysctl file of the workspace sets net.ipv4.ip_nonlocal_bind = 1 (../sysctl.d/99-net.conf leave it at 0): HAProxy will not start on the nodes that do not hold the VIP', '10.0.0.11:5000']]);
  assert.deepEqual(rule([ka, sysctlPeer('../sysctl.conf', 'net/ipv4/ip_nonlocal_bind=0\n')]).map((x) => x[1]), [
    'listen keystone_public binds the VIP 10.0.0.11, but no sysctl file of the workspace sets net.ipv4.ip_nonlocal_bind = 1 (../sysctl.conf sets 0): HAProxy will not start on the nodes that do not hold the VIP']);
  assert.deepEqual(rule([ka, sysctlPeer('../sysctl.d/60-haproxy.conf', '# for the VIP\nnet.ipv4.ip_nonlocal_bind = 1\n')]), []);
  // no sysctl file in the workspace: nothing to say; an address that is no VIP needs no setting
  assert.deepEqual(rule([ka]), []);
  assert.deepEqual(rule([sysctlPeer('../sysctl.conf', '')]), []);
  // an IPv6 VIP needs the IPv6 setting, even when the IPv4 one is there for another bind
  const dual = `${cfg}listen keystone_public_v6\n    bind [fd00::11]:5000\n    server c1 10.0.0.12:5000 check inter 2000 rise 2 fall 5\n`;
  const ka6 = keepalivedPeer('../keepalived/keepalived.conf', 'vrrp_instance internal {\n    virtual_router_id 51\n    virtual_ipaddress {\n        10.0.0.11/24\n        fd00::11/64\n    }\n}\n');
  assert.deepEqual(lintHaproxy(dual, undefined, { peers: [ka6, sysctlPeer('../sysctl.d/60-haproxy.conf', 'net.ipv4.ip_nonlocal_bind = 1\n')] }).findings
    .filter((f) => f.rule === 'sysctl-nonlocal-bind').map((f) => dual.slice(f.span.start, f.span.end)), ['[fd00::11]:5000']);
});

test('haproxy-service-port-collision: a service of the workspace on 0.0.0.0 or the VIP, on a port HAProxy binds', () => {
  const cfg = 'listen nova_compute_api\n    bind 10.0.0.11:8774\n    server c1 10.0.0.12:8774 check inter 2000 rise 2 fall 5\nlisten galera\n    bind 10.0.0.11:3306\n    server c1 10.0.0.12:3306 check backup\n';
  const rule = (peers: PeerConf[]) => lintHaproxy(cfg, undefined, { peers }).findings.filter((f) => f.rule === 'haproxy-service-port-collision').map((f) => [f.message, cfg.slice(f.span.start, f.span.end)]);
  assert.deepEqual(rule([peerConf('../nova/nova.conf', 'nova.conf', '[DEFAULT]\nosapi_compute_listen = 0.0.0.0\n')]), [[
    'listen nova_compute_api binds port 8774, and ../nova/nova.conf has [DEFAULT] osapi_compute_listen=0.0.0.0 (every address) on the same port: on the node that holds the VIP, HAProxy and the service collide; bind the service to the node\'s management address', '10.0.0.11:8774']]);
  assert.deepEqual(rule([galeraPeer('../mysql/my.cnf', '[mysqld]\nbind-address = 10.0.0.11\n')]).map((x) => x[1]), ['10.0.0.11:3306']);
  // the node's own address, another port, or no explicit setting: no collision reported
  assert.deepEqual(rule([
    peerConf('../nova/nova.conf', 'nova.conf', '[DEFAULT]\nosapi_compute_listen = 10.0.0.12\nmetadata_listen = 0.0.0.0\n'),
    peerConf('../cinder/cinder.conf', 'cinder.conf', '[DEFAULT]\nhost = cinder-cluster-1\n'),
    galeraPeer('../mysql/my.cnf', '[mysqld]\nbind-address = 0.0.0.0\nport = 3307\n'),
  ]), []);
});

test('haproxy-galera-check-mismatch: option httpchk sent to the MySQL port itself fails every check', () => {
  checkHa(DEFAULTS + `
  listen galera
      bind 10.0.0.11:3306
      option httpchk
  #   ^^^^^^^^^^^^^^ warning haproxy-galera-check-mismatch: listen galera uses option httpchk but checks c1, c2 on the MySQL port 3306, which does not speak HTTP: every check fails; add \`port 9200\` (clustercheck) to the servers, or use option mysql-check
      server c1 10.0.0.12:3306 check
      server c2 10.0.0.13:3306 backup check
  `, { rules: ['haproxy-galera-check-mismatch'] });
  // a default-server port counts as the servers' check port
  checkHa(DEFAULTS + 'listen galera\n    bind 10.0.0.11:3306\n    option httpchk\n    default-server port 9200\n    server c1 10.0.0.12:3306 check\n', { rules: ['haproxy-galera-check-mismatch'] });
  assert.equal(fixedHa('listen galera\n    bind 10.0.0.11:3306\n    option httpchk\n    server c1 10.0.0.12:3306 check\n', 'haproxy-galera-check-mismatch'),
    'listen galera\n    bind 10.0.0.11:3306\n    option mysql-check\n    server c1 10.0.0.12:3306 check\n');
});

const GALERA_LISTEN = DEFAULTS + 'listen galera_cluster\n    bind 10.0.0.11:3306\n    option httpchk\n    server c1 10.0.0.12:3306 check port 9200 inter 2000 rise 2 fall 5\n    server c2 10.0.0.13:3306 backup check port 9200 inter 2000 rise 2 fall 5\n';
const endpoint = (file: string, text: string) => clustercheckPeer(file, text);
const XINETD = 'service galera-monitor\n{\n  port = 9200\n  disable = no\n  socket_type = stream\n  protocol = tcp\n  wait = no\n  user = root\n  group = root\n  groups = yes\n  server = /usr/bin/clustercheck\n  type = UNLISTED\n  per_source = UNLIMITED\n  log_on_success =\n  log_on_failure = HOST\n  flags = REUSE\n}\n';
const endpointMessages = (peers: PeerConf[]) => lintHaproxy(GALERA_LISTEN, undefined, { peers }).findings.filter((f) => f.rule === 'galera-clustercheck-endpoint').map((f) => `${f.message} [${GALERA_LISTEN.slice(f.span.start, f.span.end)}]`);

test('galera-clustercheck-endpoint: checks on 9200 need an xinetd service or socket there, judged when the workspace holds the DB nodes', () => {
  const galera = galeraPeer('../db1/etc/mysql/conf.d/galera.cnf', '[mysqld]\nwsrep_on=ON\n');
  // the guide's xinetd service, a systemd socket: satisfied
  assert.deepEqual(endpointMessages([galera, endpoint('../db1/etc/xinetd.d/galera-monitor', XINETD)]), []);
  assert.deepEqual(endpointMessages([galera, endpoint('../db1/etc/systemd/system/clustercheck.socket', '[Socket]\nListenStream=9200\nAccept=yes\n')]), []);
  // nothing answers on 9200
  assert.deepEqual(endpointMessages([galera]), ['listen galera_cluster checks c1, c2 on port 9200, but no xinetd service or systemd socket of the workspace answers on 9200: HAProxy will mark every Galera server down [9200]']);
  // the service is there but disabled, or on another port
  assert.deepEqual(endpointMessages([endpoint('xinetd.d/galera-monitor', XINETD.replace('disable = no', 'disable = yes'))]), [
    'listen galera_cluster checks c1, c2 on port 9200, but service galera-monitor in xinetd.d/galera-monitor (line 1) is disabled (disable = yes): HAProxy will mark every Galera server down [9200]',
  ]);
  assert.deepEqual(endpointMessages([endpoint('xinetd.d/mysqlchk', XINETD.replace('galera-monitor', 'mysqlchk').replace('9200', '9201'))]), [
    'listen galera_cluster checks c1, c2 on port 9200, but the clustercheck endpoint listens on 9201 (service mysqlchk in xinetd.d/mysqlchk), not 9200: HAProxy will mark every Galera server down [9200]',
  ]);
  // haproxy.cfg alone: nothing known of the DB nodes, nothing said
  assert.deepEqual(endpointMessages([]), []);
  // another side port (kolla's clustercheck container on 4569) is deployed by means this product does not read
  assert.deepEqual(lintHaproxy(GALERA_LISTEN.replace(/port 9200/g, 'port 4569'), undefined, { peers: [galera] }).findings.filter((f) => f.rule === 'galera-clustercheck-endpoint'), []);
  // xinetd services of other programs are not endpoints
  assert.deepEqual(endpointMessages([galera, endpoint('xinetd.d/rsync', 'service rsync\n{\n  port = 873\n  server = /usr/bin/rsync\n}\n')]), [
    'listen galera_cluster checks c1, c2 on port 9200, but no xinetd service or systemd socket of the workspace answers on 9200: HAProxy will mark every Galera server down [9200]',
  ]);
});

test('haproxy-unknown-keyword: server and default-server options, their values skipped, one report per line', () => {
  checkHa(DEFAULTS + `
  listen api
      bind 10.0.0.11:9292
      default-server inter 2000 rsie 2 fall 5
  #                             ^^^^ error haproxy-unknown-keyword: 'rsie' is not a server option of HAProxy 2.6.12; did you mean 'rise'?: HAProxy refuses to start
      server c1 10.0.0.12:9292 check inetr 2000 rise 2 weight 10 backup
  #                                  ^^^^^ error haproxy-unknown-keyword: 'inetr' is not a server option of HAProxy 2.6.12; did you mean 'inter'?: HAProxy refuses to start
      server c2 10.0.0.13:9292 check inter 2000 rise 2 fall 5 track api/c1 init-addr last,libc,none on-marked-down shutdown-sessions
  `, { rules: ['haproxy-unknown-keyword'] });
  assert.equal(fixedHa('listen api\n    bind 10.0.0.11:9292\n    server c1 10.0.0.12:9292 check inetr 2000\n', 'haproxy-unknown-keyword'), 'listen api\n    bind 10.0.0.11:9292\n    server c1 10.0.0.12:9292 check inter 2000\n');
});
