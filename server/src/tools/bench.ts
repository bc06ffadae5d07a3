/**
 * `npm run bench`: speed and memory of the engine and the language server on generated manifests.
 * Medians over repeated runs; numbers go to stdout and .bench/results.json. Not a test: it asserts nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawn } from 'child_process';
import { lintManifest } from '../engine/lint';
import { IncrementalManifestParser } from '../engine/documents/manifest/incremental';
import { lintCnf, lintConf, lintFirewall, lintHaproxy, lintPacemaker } from '../engine/lint';
import { MARIADB_OPTION_NAMES, mariadbOption } from '../engine/knowledge/mariadb/catalogue';
import { catalogFor } from '../engine/knowledge/options/catalog';
import { benchKollaScaling, benchWorkspaces } from './bench-workspace';
import { benchSimulate } from './bench-simulate';

export function generate(n: number): string {
  const ctl = Math.min(5, n);
  let s = 'apiVersion: openstack-ha/v1\nkind: Deployment\nmetadata:\n  name: bench\n\nnodes:\n';
  for (let i = 0; i < n; i++) {
    const role = i < ctl ? 'controller' : 'compute';
    s += `  node${i}: { address: 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}, roles: [${role}], failure_domain: rack-${i % 7} }\n`;
  }
  const members = Array.from({ length: ctl }, (_, i) => `node${i}`).join(', ');
  s += `\nclusters:\n  ctl:\n    manager: pacemaker\n    members: [${members}]\n    stonith: true\n`;
  s += '\nvips:\n  internal: { address: 192.168.0.11, cidr: 24, cluster: ctl }\n';
  s +=
    '\nservices:\n  haproxy: { on: ctl, vips: [internal] }\n  keystone: { on: ctl, mode: active-active, vip: internal }\n  galera: { on: ctl, mode: clustered, vip: internal }\n';
  s += `  nova-compute: { on: [${Array.from({ length: n - ctl }, (_, i) => `node${i + ctl}`).join(', ')}], mode: per-node }\n`;
  return s;
}

function haproxyCfg(n: number): string {
  let t = 'defaults\n    timeout connect 10s\n    timeout client 1m\n    timeout server 1m\n    timeout check 10s\n';
  for (let i = 0; i < n; i++)
    t += `listen api${i}\n    bind 10.0.0.11:${10000 + i}\n    balance source\n    option httpchk\n${[12, 13, 14].map((h) => `    server c${h} 10.0.0.${h}:${10000 + i} check inter 2000 rise 2 fall 5\n`).join('')}`;
  return t;
}
function firewallRules(n: number): string {
  let t = '*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n';
  for (let i = 0; i < n; i++) t += `-A INPUT -s 10.${i % 250}.0.0/24 -p tcp -m tcp --dport ${1024 + i} -j ACCEPT\n`;
  return `${t}-A INPUT -s 10.0.0.0/24 -p tcp -m multiport --dports 3306,4444,4567,4568 -j ACCEPT\nCOMMIT\n`;
}
function cib(n: number): string {
  const res = Array.from(
    { length: n },
    (_, i) =>
      `      <primitive id="r${i}" class="ocf" provider="heartbeat" type="IPaddr2">\n        <instance_attributes id="r${i}-ia"><nvpair id="r${i}-ip" name="ip" value="10.1.${i >> 8}.${i & 255}"/><nvpair id="r${i}-m" name="cidr_netmask" value="24"/></instance_attributes>\n        <operations><op id="r${i}-mon" name="monitor" interval="30s"/></operations>\n      </primitive>\n`,
  ).join('');
  const cons = Array.from(
    { length: n },
    (_, i) => `      <rsc_colocation id="c${i}" rsc="r${i}" with-rsc="haproxy-clone" score="INFINITY"/>\n`,
  ).join('');
  return `<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">\n  <configuration>\n    <crm_config><cluster_property_set id="o"><nvpair id="s" name="stonith-enabled" value="true"/></cluster_property_set></crm_config>\n    <nodes/>\n    <resources>\n${res}      <clone id="haproxy-clone"><primitive id="haproxy" class="systemd" type="haproxy"><operations><op id="h-mon" name="monitor" interval="10s"/></operations></primitive></clone>\n    </resources>\n    <constraints>\n${cons}    </constraints>\n  </configuration>\n  <status/>\n</cib>\n`;
}
function everyMariadbOption(): string {
  return `[mysqld]\n${MARIADB_OPTION_NAMES.map((k) => {
    const o = mariadbOption(k)!;
    return o.d !== undefined ? `${k}=${o.d}` : o.t === 'bool' ? k : `${k}=x`;
  }).join('\n')}\n`;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
};
const time = (fn: () => void, runs: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
};

async function lspEditLatency(text: string, edits: number, serverPath: string): Promise<{ open: number; edit: number[]; rssMb: number }> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buf = Buffer.alloc(0);
  const waiting: ((m: { method?: string; params?: { version?: number } }) => void)[] = [];
  child.stdout.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const h = buf.indexOf('\r\n\r\n');
      if (h < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, h).toString())![1]);
      if (buf.length < h + 4 + len) return;
      const msg = JSON.parse(buf.subarray(h + 4, h + 4 + len).toString());
      buf = buf.subarray(h + 4 + len);
      for (const w of [...waiting]) w(msg);
    }
  });
  const send = (m: object) => {
    const b = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }));
    child.stdin.write(`Content-Length: ${b.length}\r\n\r\n`);
    child.stdin.write(b);
  };
  const next = (pred: (m: { id?: number; method?: string; params?: { version?: number } }) => boolean) =>
    new Promise<void>((res) => {
      const w = (m: { method?: string; params?: { version?: number } }) => {
        if (pred(m)) {
          waiting.splice(waiting.indexOf(w), 1);
          res();
        }
      };
      waiting.push(w);
    });
  const uri = 'file:///bench/site.ha.yaml';
  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  await next((m) => m.id === 1);
  send({ method: 'initialized', params: {} });
  let t = performance.now();
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
  await next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.version === 1);
  const open = performance.now() - t;
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('  node900:') || l.startsWith('  node9:'));
  const edit: number[] = [];
  for (let v = 2; v < edits + 2; v++) {
    const ch = lines[line].indexOf('rack-') + 5;
    t = performance.now();
    send({
      method: 'textDocument/didChange',
      params: {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line, character: ch }, end: { line, character: ch + 1 } }, text: String(v % 7) }],
      },
    });
    await next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.version === v);
    edit.push(performance.now() - t);
  }
  const rss = Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
  send({ id: 2, method: 'shutdown' });
  await next((m) => m.id === 2);
  send({ method: 'exit' });
  return { open, edit, rssMb: rss };
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const results: Record<string, unknown> = { node: process.version, date: new Date().toISOString() };
  const rows: string[] = [];
  for (const n of [100, 1000, 5000]) {
    const text = generate(n);
    lintManifest(text); // warm the JIT
    const full = time(() => lintManifest(text), n >= 5000 ? 7 : 21);
    const parser = new IncrementalManifestParser();
    lintManifest(text, undefined, parser);
    let k = 0;
    const target = `  node${Math.floor(n / 2)}: { address: `;
    const at = text.indexOf(target) + target.length;
    const inc = time(() => {
      k++;
      const t2 = text.slice(0, at) + `10.${k % 200}` + text.slice(at + 2 + String(Math.floor(n / 2) >> 16).length);
      lintManifest(t2, undefined, parser);
    }, 31);
    results[`lint_full_${n}_ms`] = +median(full).toFixed(2);
    results[`lint_edit_${n}_ms`] = +median(inc).toFixed(2);
    results[`lint_edit_${n}_p95_ms`] = +p95(inc).toFixed(2);
    rows.push(
      `${String(n).padStart(5)} nodes  ${(text.length / 1024).toFixed(0).padStart(5)} KiB   full lint ${median(full).toFixed(1).padStart(6)} ms   after an edit ${median(inc).toFixed(1).padStart(5)} ms (p95 ${p95(inc).toFixed(1)})   reparsed ${parser.lastStats.reparsed}/${parser.lastStats.pieces} pieces`,
    );
  }
  // a nova.conf that sets every option of the catalogue to its default
  const cat = catalogFor('nova.conf')!;
  let conf = '';
  for (const sec of cat.sectionNames()) {
    conf += `[${sec}]\n`;
    for (const [k, o] of cat.options(sec))
      if (o.default !== undefined && o.default !== null && !o.cli_only)
        conf += `${k} = ${Array.isArray(o.default) ? o.default.join(',') : String(o.default)}\n`;
  }
  lintConf('nova.conf', conf);
  const confTimes = time(() => lintConf('nova.conf', conf), 21);
  results.lint_nova_conf_all_options_ms = +median(confTimes).toFixed(2);
  rows.push(`nova.conf with ${conf.split('\n').length} lines (every option at its default): lint ${median(confTimes).toFixed(1)} ms`);
  // the HA stack's own files at the size of a large deployment
  const stack: [string, string, (t: string) => unknown][] = [
    ['haproxy.cfg, 200 proxies of 3 servers', haproxyCfg(200), (t) => lintHaproxy(t)],
    ['rules.v4, 3000 rules', firewallRules(3000), (t) => lintFirewall(t, 'iptables-save', undefined, {}, 'rules.v4')],
    ['CIB, 300 resources with colocations', cib(300), (t) => lintPacemaker(t, 'cib')],
    ['galera.cnf, every server option of mariadbd', everyMariadbOption(), (t) => lintCnf(t)],
  ];
  for (const [what, text, lint] of stack) {
    lint(text);
    const ts = time(() => lint(text), 21);
    results[`lint_${what.split(',')[0].replace(/\W+/g, '_')}_ms`] = +median(ts).toFixed(2);
    rows.push(`${what} (${(text.length / 1024).toFixed(0)} KiB): lint ${median(ts).toFixed(1)} ms`);
  }
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = lintManifest(generate(5000));
  const heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  void kept;
  results.heap_5000_nodes_mb = +heapMb.toFixed(1);
  const lsp = await lspEditLatency(generate(1000), 15, path.join(root, 'dist', 'server.js'));
  results.lsp_open_1000_ms = +lsp.open.toFixed(1);
  results.lsp_edit_to_diagnostics_1000_ms = +median(lsp.edit).toFixed(1);
  results.lsp_server_rss_mb = +lsp.rssMb.toFixed(1);
  console.log('OpenStack HA benchmark (medians)');
  for (const r of rows) console.log(r);
  console.log(`heap held by one 5000-node analysis: ${heapMb.toFixed(1)} MiB`);
  console.log(
    `language server, 1000 nodes: didOpen -> diagnostics ${lsp.open.toFixed(0)} ms; didChange -> diagnostics ${median(lsp.edit).toFixed(0)} ms (includes the ${150} ms debounce); server RSS ${lsp.rssMb.toFixed(0)} MiB`,
  );
  fs.mkdirSync(path.join(root, '.bench'), { recursive: true });
  fs.writeFileSync(path.join(root, '.bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  await benchWorkspaces(root);
  await benchKollaScaling(root);
  await benchSimulate(root);
}

// `--workspace`: only the workspace-scale part (bench-workspace.ts); `--kolla`: only the kolla scaling part;
// `--simulate`: only the failure simulator (bench-simulate.ts)
if (require.main === module)
  void (process.argv.includes('--simulate')
    ? benchSimulate(path.resolve(__dirname, '..'))
    : process.argv.includes('--workspace')
      ? benchWorkspaces(path.resolve(__dirname, '..'))
      : process.argv.includes('--kolla')
        ? benchKollaScaling(path.resolve(__dirname, '..'))
        : main());
