/**
 * The TextMate grammars of package.json, tokenised as VS Code would (vscode-textmate with the
 * oniguruma regex engine): each colours what its file kind holds.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, IGrammar, parseRawGrammar, Registry } from 'vscode-textmate';
import { ROOT } from '../support/paths';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const grammars: { language?: string; scopeName: string; path: string }[] = pkg.contributes.grammars;

const registry = (async () => {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      const g = grammars.find((x) => x.scopeName === scope);
      return g ? parseRawGrammar(fs.readFileSync(path.join(ROOT, g.path), 'utf8'), g.path) : null;
    },
  });
})();

/** `text` of each token with its most specific scope, line by line. */
async function tokens(scope: string, text: string): Promise<[string, string][]> {
  const g = (await (await registry).loadGrammar(scope)) as IGrammar;
  let state = INITIAL;
  const out: [string, string][] = [];
  for (const line of text.split('\n')) {
    const r = g.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const s = line.slice(t.startIndex, t.endIndex);
      if (s.trim()) out.push([s.trim(), t.scopes[t.scopes.length - 1]]);
    }
    state = r.ruleStack;
  }
  return out;
}
const scopeOf = (toks: [string, string][], text: string) => toks.find(([t]) => t === text)?.[1];

test('every grammar of package.json exists, parses, and names a language or an injection', async () => {
  for (const g of grammars) {
    assert.ok(fs.existsSync(path.join(ROOT, g.path)), g.path);
    assert.ok(await (await registry).loadGrammar(g.scopeName), g.scopeName);
    assert.ok(
      g.language ? pkg.contributes.languages.some((l: { id: string }) => l.id === g.language) : (g as { injectTo?: string[] }).injectTo,
      g.scopeName,
    );
  }
});

test('iptables-save: tables, chains and policies, commands, options, targets, addresses', async () => {
  const t = await tokens(
    'source.iptables',
    '# saved by iptables-save\n*filter\n:INPUT DROP [0:0]\n-A INPUT -s 10.0.0.0/24 -p tcp -m tcp --dport 4567 -j ACCEPT\nCOMMIT',
  );
  assert.equal(scopeOf(t, '# saved by iptables-save'), 'comment.line.number-sign.iptables');
  assert.equal(scopeOf(t, 'filter'), 'entity.name.section.table.iptables');
  assert.equal(scopeOf(t, 'DROP'), 'constant.language.policy.iptables');
  assert.equal(scopeOf(t, '-A'), 'keyword.control.command.iptables');
  assert.equal(scopeOf(t, '--dport'), 'keyword.other.option.iptables');
  assert.equal(scopeOf(t, 'ACCEPT'), 'constant.language.target.iptables');
  assert.equal(scopeOf(t, '10.0.0.0/24'), 'constant.numeric.address.iptables');
  assert.equal(scopeOf(t, '4567'), 'constant.numeric.port.iptables');
  assert.equal(scopeOf(t, 'COMMIT'), 'keyword.control.commit.iptables');
});

test('crm shell: elements and their ids, agents, sections, operations, scores, parameters, continuations', async () => {
  const t = await tokens(
    'source.crm',
    'primitive p_api-ip ocf:heartbeat:IPaddr2 \\\n  params ip="10.0.0.11" cidr_netmask="24" \\\n  op monitor interval="30s"\ncolocation c_vip inf: p_api-ip cl_haproxy # keep them together',
  );
  assert.equal(scopeOf(t, 'primitive'), 'keyword.control.element.crm');
  assert.equal(scopeOf(t, 'p_api-ip'), 'entity.name.type.resource.crm');
  assert.equal(scopeOf(t, 'ocf:heartbeat:IPaddr2'), 'support.class.agent.crm');
  assert.equal(scopeOf(t, 'params'), 'keyword.other.section.crm');
  assert.equal(scopeOf(t, 'monitor'), 'support.function.operation.crm');
  assert.equal(scopeOf(t, 'cidr_netmask'), 'variable.parameter.crm');
  assert.equal(scopeOf(t, '"10.0.0.11"'), 'string.quoted.double.crm');
  assert.equal(scopeOf(t, '\\'), 'constant.character.escape.line-continuation.crm');
  assert.equal(scopeOf(t, 'inf:'), 'constant.numeric.score.crm');
  assert.equal(scopeOf(t, '# keep them together'), 'comment.line.number-sign.crm');
});

test('MariaDB option files: groups, includes, prefixes, options, booleans, numbers, comments', async () => {
  const t = await tokens(
    'source.mariadb-cnf',
    '# controller1\n[galera]\n!includedir /etc/mysql/conf.d/\nwsrep_on = ON\nloose-wsrep_sst_method=rsync\ninnodb_buffer_pool_size=2G # a note\nwsrep_cluster_address="gcomm://10.0.0.12,10.0.0.13"',
  );
  assert.equal(scopeOf(t, '# controller1'), 'comment.line.mariadb-cnf');
  assert.equal(scopeOf(t, 'galera'), 'entity.name.section.group.mariadb-cnf');
  assert.equal(scopeOf(t, '!includedir'), 'keyword.control.import.mariadb-cnf');
  assert.equal(scopeOf(t, 'wsrep_on'), 'variable.other.option.mariadb-cnf');
  assert.equal(scopeOf(t, 'ON'), 'constant.language.boolean.mariadb-cnf');
  assert.equal(scopeOf(t, 'loose'), 'storage.modifier.prefix.mariadb-cnf');
  assert.equal(scopeOf(t, 'wsrep_sst_method'), 'variable.other.option.mariadb-cnf');
  assert.equal(scopeOf(t, '2G'), 'constant.numeric.mariadb-cnf');
  assert.equal(scopeOf(t, '# a note'), 'comment.line.mariadb-cnf');
  assert.equal(scopeOf(t, '"gcomm://10.0.0.12,10.0.0.13"'), 'string.quoted.mariadb-cnf');
});

test('haproxy, corosync, keepalived and the OpenStack conf grammars colour their own keywords and comments', async () => {
  const ha = await tokens('source.haproxy-config', 'listen galera\n    # one writer\n    server c1 10.0.0.12:3306 check');
  assert.ok(
    ha.some(([t, s]) => t.startsWith('# one writer') && s.startsWith('comment')),
    JSON.stringify(ha),
  );
  assert.ok(
    ha.some(([t, s]) => t === 'listen' && s.startsWith('keyword')),
    JSON.stringify(ha),
  );
  const coro = await tokens('source.corosync', 'totem {\n    token: 10000\n}');
  assert.ok(
    coro.some(([t, s]) => t.startsWith('totem') && !s.startsWith('source')),
    JSON.stringify(coro),
  );
  const ka = await tokens('source.keepalived', 'vrrp_instance internal {\n    virtual_router_id 51 # vrid\n}');
  assert.equal(scopeOf(ka, 'vrrp_instance'), 'keyword.control.section.keepalived');
  assert.equal(scopeOf(ka, 'internal'), 'entity.name.section.keepalived');
  const conf = await tokens('source.openstack-conf', '[DEFAULT]\ntransport_url = rabbit://c1:5672/\n# a note');
  assert.ok(
    conf.some(([t, s]) => t.includes('DEFAULT') && !s.startsWith('source')),
    JSON.stringify(conf),
  );
  assert.ok(
    conf.some(([t, s]) => t === '# a note' && s.startsWith('comment')),
    JSON.stringify(conf),
  );
});
