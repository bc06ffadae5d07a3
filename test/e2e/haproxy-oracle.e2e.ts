/**
 * haproxy -c is the ground truth for haproxy.cfg: on the guide's example and mutations of it, when
 * HAProxy rejects a file we report at least one error, and when we report a syntax error HAProxy
 * rejects the file. Known disagreements are listed with their reason.
 */
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintHaproxy } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { JUDGES } from './sandbox';
import { mutationCases, runDifferential } from './differential';

const GUIDE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'haproxy', 'guide-haproxy.cfg'), 'utf8');
const MUTATIONS: [string, (t: string) => string][] = [
  ['the guide as written', (t) => t],
  ['balance misspelt', (t) => t.replace('balance  source', 'balanse  source')],
  ['option httpchk misspelt', (t) => t.replace('option  httpchk', 'option  httpchek')],
  ['timeout connect misspelt', (t) => t.replace('timeout  connect', 'timeout  conect')],
  ['daemon misspelt in global', (t) => t.replace('\n    daemon\n', '\n    deamon\n')],
  ['an unmatched quote', (t) => t.replace('pidfile  /var/run/haproxy.pid', 'pidfile  "/var/run/haproxy.pid')],
  ['bind in a backend (HAProxy warns and ignores it)', (t) => t.replace('listen dashboard_cluster', 'backend dashboard_cluster')],
  [
    'galera without backup servers (valid for HAProxy, an HA error for us)',
    (t) => t.replace(/ backup check port 9200/g, ' check port 9200'),
  ],
  ['a server option misspelt', (t) => t.replace(' check inter 2000', ' chek inter 2000')],
  ['a server timing misspelt', (t) => t.replace(' check inter 2000', ' check inetr 2000')],
  ['a default-server option misspelt', (t) => t.replace('\ndefaults\n', '\ndefaults\n    default-server inter 2000 rsie 2\n')],
  ['no defaults timeouts', (t) => t.replace(/\n {4}timeout {2}(connect|client|server|check) \S+/g, '')],
  ['one proxy name twice', (t) => t.replace('listen glance_registry_cluster', 'listen glance_api_cluster')],
  [
    'the address on the listen line (HAProxy 1.4 style)',
    (t) => t.replace('listen dashboard_cluster\n    bind 10.0.0.11:443', 'listen dashboard_cluster 10.0.0.11:443\n'),
  ],
  ['a placeholder for the VIP', (t) => t.replace('bind 10.0.0.11:443', 'bind <Virtual IP>:443')],
  ['a placeholder for a server address', (t) => t.replace(/server controller1 10\.0\.0\.12:443/, 'server controller1 CONTROLLER1_IP:443')],
  ['a bind option misspelt', (t) => t.replace('bind 10.0.0.11:443', 'bind 10.0.0.11:443 trasparent')],
  ['a bind without a port', (t) => t.replace('bind 10.0.0.11:9191', 'bind 10.0.0.11')],
  [
    'RabbitMQ on a shifted VIP port (valid for HAProxy, a warning for us)',
    (t) =>
      `${t}\nlisten rabbitmq_cluster\n    bind 10.0.0.11:5673\n    mode tcp\n    server controller1 10.0.0.12:5672 check inter 2000 rise 2 fall 5\n`,
  ],
];
/** Where we and HAProxy knowingly disagree, and why. */
const KNOWN: Record<string, string> = {
  // none today
};

test('haproxy -c agrees with our errors on the guide example and its mutations', (t) => {
  if (spawnSync('haproxy', ['-v']).status !== 0) throw new Error('haproxy is not installed (scripts/e2e/setup.sh installs it)');
  runDifferential(t, {
    tool: 'haproxy -c',
    cases: mutationCases(GUIDE, MUTATIONS),
    known: KNOWN,
    verdict: JUDGES['haproxy -c']!,
    ours: (text) => lintHaproxy(text).findings,
  });
});
