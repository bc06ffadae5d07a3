/**
 * The firewall tools are the ground truth for the firewall files, each run in a private network
 * namespace (unshare -n) so nothing touches the host's rules: `iptables-restore --test` for an
 * iptables-save file, `nft -c -f` for an nftables ruleset, and `sh -e` for a script of iptables
 * commands. When a tool rejects a file we report at least one error; when we report a syntax error
 * the tool rejects the file too.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintFirewall } from '../../server/src/engine/lint';
import { FwSyntax } from '../../server/src/engine/documents/firewall/model';
import { ROOT } from '../support/paths';
import { freshDir } from './support';
import { mutationCases, runDifferential, Verdict } from './differential';

const fixture = (f: string) => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'firewall', f), 'utf8');

/** Runs `command` on `text` (written to `file`) in a fresh network namespace. */
function inNetns(file: string, text: string, command: string): Verdict {
  fs.writeFileSync(file, text);
  const r = spawnSync('unshare', ['-n', 'sh', '-c', command], { encoding: 'utf8', timeout: 30_000 });
  assert.ok(r.status !== null, `${command} did not finish: ${r.stderr}`);
  return {
    rejected: r.status !== 0,
    why: (r.stderr + r.stdout)
      .split('\n')
      .find((l) => /error|unknown|invalid|expected/i.test(l))
      ?.trim(),
  };
}

const ours = (syntax: FwSyntax) => (text: string) => lintFirewall(text, syntax).findings;

test('iptables-restore --test agrees with our errors on an iptables-save file and its mutations', (t) => {
  if (spawnSync('iptables-restore', ['--version']).status !== 0)
    throw new Error('iptables-restore is not installed (scripts/e2e/setup.sh installs iptables)');
  const file = path.join(freshDir('iptables-oracle'), 'rules.v4');
  runDifferential(t, {
    tool: 'iptables-restore --test',
    judgedAs: 'iptables-restore',
    cases: mutationCases(fixture('rules.v4'), [
      ['a sound file', (x) => x],
      ["the old guide's --protocol --match tcp", (x) => x.replace('-p tcp -m tcp --dport 3306', '--protocol --match tcp --dport 3306')],
      ['--dport without a protocol', (x) => x.replace('-p tcp -m tcp --dport 4444', '--dport 4444')],
      ['--dports without -m multiport', (x) => x.replace('-m multiport --dports', '--dports')],
      ['a port out of range', (x) => x.replace('--dport 9200', '--dport 92000')],
      ['a misspelt option', (x) => x.replace('--dport 22', '--dprot 22')],
      [
        'a prefix longer than 32',
        (x) => x.replace('-s 10.0.0.0/24 -p tcp -m tcp --dport 3306', '-s 10.0.0.0/33 -p tcp -m tcp --dport 3306'),
      ],
      ['no COMMIT', (x) => x.replace(/COMMIT\n$/, '')],
      [
        '4444 after the catch-all REJECT (valid for iptables, a warning for us)',
        (x) =>
          x.replace(/(-A INPUT -s 10\.0\.0\.0\/24 -p tcp -m tcp --dport 4444 -j ACCEPT\n)([\s\S]*?)(-A INPUT -j REJECT[^\n]*\n)/, '$2$3$1'),
      ],
      ['IST not open (valid for iptables, a warning for us)', (x) => x.replace('--dports 4567,4568', '--dports 4567')],
    ]),
    verdict: (text) => inNetns(file, text, `iptables-restore --test < ${file}`),
    ours: ours('iptables-save'),
  });
});

test('nft -c agrees with our errors on an nftables ruleset and its mutations', (t) => {
  if (spawnSync('nft', ['--version']).status !== 0) throw new Error('nft is not installed (scripts/e2e/setup.sh installs nftables)');
  const file = path.join(freshDir('nft-oracle'), 'nftables.conf');
  runDifferential(t, {
    tool: 'nft -c',
    judgedAs: 'nft',
    cases: mutationCases(fixture('nftables.conf'), [
      ['a sound ruleset', (x) => x],
      ['a misspelt policy', (x) => x.replace('priority 0; policy drop;\n    ct', 'priority 0; policy dorp;\n    ct')],
      ['a misspelt port field', (x) => x.replace('tcp dport 22', 'tcp dprot 22')],
      ['a set left open', (x) => x.replace('4567-4568, 9200 }', '4567-4568, 9200')],
      ['a brace never closed', (x) => x.replace(/\}\n$/, '')],
      ['a port out of range', (x) => x.replace('9200 }', '92000 }')],
      ['an undefined variable', (x) => x.replace('$MGMT', '$MGNT')],
      ['IST not open (valid for nft, a warning for us)', (x) => x.replace('4567-4568', '4567')],
    ]),
    verdict: (text) => inNetns(file, text, `nft -c -f ${file}`),
    ours: ours('nftables'),
  });
});

test("iptables agrees with our errors on a script of iptables commands (the old guide's, and mutations)", (t) => {
  if (spawnSync('iptables', ['--version']).status !== 0) throw new Error('iptables is not installed (scripts/e2e/setup.sh installs it)');
  const file = path.join(freshDir('iptables-script-oracle'), 'open-galera.sh');
  runDifferential(t, {
    tool: 'iptables',
    judgedAs: 'iptables-restore',
    cases: mutationCases(fixture('open-galera.sh'), [
      ['a sound script', (x) => x],
      ["the old guide's --protocol --match tcp", (x) => x.replace('--protocol tcp --match tcp', '--protocol --match tcp')],
      ['a misspelt option', (x) => x.replace('--source "$NODE"', '--sorce "$NODE"')],
      ['--dport before its protocol', (x) => x.replace('--protocol tcp --match tcp --dport "$PORT"', '--dport "$PORT" --protocol tcp')],
      ['SST not open (valid for iptables, a warning for us)', (x) => x.replace('3306 4567 4568 4444', '3306 4567 4568')],
    ]),
    verdict: (text) => inNetns(file, text, `sh -e ${file}`),
    ours: ours('script'),
  });
});
