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
import { freshDir } from './support';
import { corpusCases, mutationCases, runDifferential } from './differential';

const GUIDE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'haproxy', 'guide-haproxy.cfg'), 'utf8');
const MUTATIONS: [string, (t: string) => string][] = [
  ['the guide as written', (t) => t],
  ['balance misspelt', (t) => t.replace('balance  source', 'balanse  source')],
  ['option httpchk misspelt', (t) => t.replace('option  httpchk', 'option  httpchek')],
  ['timeout connect misspelt', (t) => t.replace('timeout  connect', 'timeout  conect')],
  ['daemon misspelt in global', (t) => t.replace('\n    daemon\n', '\n    deamon\n')],
  ['an unmatched quote', (t) => t.replace('pidfile  /var/run/haproxy.pid', 'pidfile  "/var/run/haproxy.pid')],
  ['bind in a backend (HAProxy warns and ignores it)', (t) => t.replace('listen dashboard_cluster', 'backend dashboard_cluster')],
  ['galera without backup servers (valid for HAProxy, an HA error for us)', (t) => t.replace(/ backup check port 9200/g, ' check port 9200')],
  ['a server option misspelt', (t) => t.replace(' check inter 2000', ' chek inter 2000')],
  ['a server timing misspelt', (t) => t.replace(' check inter 2000', ' check inetr 2000')],
  ['a default-server option misspelt', (t) => t.replace('\ndefaults\n', '\ndefaults\n    default-server inter 2000 rsie 2\n')],
  ['no defaults timeouts', (t) => t.replace(/\n {4}timeout {2}(connect|client|server|check) \S+/g, '')],
];
/** Where we and HAProxy knowingly disagree, and why. */
const KNOWN: Record<string, string> = {
  // none today
};

test('haproxy -c agrees with our errors on the guide example and its mutations', (t) => {
  if (spawnSync('haproxy', ['-v']).status !== 0) throw new Error('haproxy is not installed (scripts/e2e/setup.sh installs it)');
  const file = path.join(freshDir('haproxy-oracle'), 'haproxy.cfg');
  runDifferential(t, {
    tool: 'haproxy -c', cases: [...mutationCases(GUIDE, MUTATIONS), ...corpusCases('docs-extracted', /control-plane-stateless/)], known: KNOWN,
    verdict(text) { fs.writeFileSync(file, text); return { rejected: spawnSync('haproxy', ['-c', '-q', '-f', file], { encoding: 'utf8' }).status !== 0 }; },
    ours: (text) => lintHaproxy(text).findings,
    syntaxRules: ['parse-error', 'haproxy-unknown-keyword'],
  });
});
