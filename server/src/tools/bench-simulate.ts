/**
 * `npm run bench` (also `--simulate` alone): the failure simulator's cost on generated manifests of
 * N nodes in 5 racks (3 or 5 controllers in a Pacemaker cluster, Galera and RabbitMQ on them, two
 * keepalived load balancers, the APIs, the rest computes). In process: one scenario, every single
 * node, every pair (N(N-1)/2 scenarios), every domain; per scenario the cost should grow linearly
 * with N. End to end: `openstack-ha simulate --all pairs --format json` against the floor (node
 * starting and reading the file).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { parseManifestText } from '../engine/documents/manifest/parse';
import { buildManifest } from '../engine/documents/manifest/model';
import { simModelFromManifest } from '../engine/simulate/from-manifest';
import { simulate } from '../engine/simulate/scenario';
import { enumerate } from '../engine/simulate/enumerate';

/** A manifest of n nodes (n ≥ 10). */
export function simulationManifest(n: number): string {
  const ctl = n >= 50 ? 5 : 3;
  const rack = (i: number) => `rack-${(i % 5) + 1}`;
  const lines = ['apiVersion: openstack-ha/v1', 'kind: Deployment', `metadata: { name: sim-${n} }`, 'nodes:'];
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = i < ctl ? `ctl-${i + 1}` : i < ctl + 2 ? `lb-${i - ctl + 1}` : `cmp-${i - ctl - 1}`;
    const role = i < ctl ? 'controller' : i < ctl + 2 ? 'loadbalancer' : 'compute';
    names.push(name);
    lines.push(`  ${name}: { address: 10.0.${Math.floor(i / 250)}.${(i % 250) + 1}, roles: [${role}], failure_domain: ${rack(i)} }`);
  }
  const controllers = names.slice(0, ctl).join(', ');
  const computes = names.slice(ctl + 2).join(', ');
  lines.push(
    'clusters:',
    `  control: { manager: pacemaker, members: [${controllers}], stonith: true, no_quorum_policy: stop }`,
    `  lbs: { manager: keepalived, members: [${names[ctl]}, ${names[ctl + 1]}] }`,
    'vips:',
    '  internal: { address: 10.1.0.10, cidr: 24, cluster: lbs, vrid: 51 }',
    'services:',
    '  haproxy: { on: lbs, vips: [internal] }',
    '  keystone: { on: control, mode: active-active, vip: internal }',
    '  nova-api: { on: control, mode: active-active, vip: internal }',
    '  galera: { on: control, mode: clustered, vip: internal }',
    '  rabbitmq: { on: control, mode: clustered }',
    '  memcached: { on: control, mode: client-side }',
    '  cinder-volume: { on: control, mode: active-passive }',
    `  nova-compute: { on: [${computes}], mode: per-node }`,
  );
  return lines.join('\n') + '\n';
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => void, runs: number): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

export async function benchSimulate(root: string = process.cwd()): Promise<Record<string, unknown>> {
  const cli = path.join(root, 'dist', 'cli.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-bench-sim-'));
  const out: Record<string, unknown> = {};
  console.log('\nFailure simulator (medians; pairs = every pair of nodes failing together)');
  console.log('nodes | one scenario | single (n)   | pairs (scenarios)        per pair | domains | CLI --all pairs  floor');
  try {
    for (const n of [12, 25, 50, 100]) {
      const text = simulationManifest(n);
      const m = buildManifest(parseManifestText(text).doc!);
      const model = simModelFromManifest(m, 'sim.ha.yaml');
      const one = time(() => simulate(model, { steps: [{ fail: ['ctl-1'] }] }), 51);
      const single = time(() => enumerate(model, 'single'), 5);
      const pairsCount = (n * (n - 1)) / 2;
      const pairs = time(() => enumerate(model, 'pairs'), n >= 100 ? 1 : 3);
      const domains = time(() => enumerate(model, 'domains'), 11);
      const file = path.join(dir, `sim-${n}.ha.yaml`);
      fs.writeFileSync(file, text);
      const cliMs = time(() => {
        spawnSync(process.execPath, [cli, 'simulate', '--all', 'pairs', '--format', 'json', file], {
          encoding: 'utf8',
          maxBuffer: 1 << 30,
        });
      }, 3);
      const floor = time(() => {
        spawnSync(process.execPath, ['-e', 'require("fs").readFileSync(process.argv[1])', file]);
      }, 5);
      Object.assign(out, {
        [`simulate_${n}_one_ms`]: +one.toFixed(2),
        [`simulate_${n}_pairs_ms`]: +pairs.toFixed(1),
        [`simulate_${n}_per_pair_ms`]: +(pairs / pairsCount).toFixed(3),
        [`simulate_${n}_cli_pairs_ms`]: +cliMs.toFixed(0),
      });
      console.log(
        `${String(n).padStart(5)} | ${one.toFixed(2).padStart(9)} ms | ${single.toFixed(1).padStart(8)} ms | ${pairs.toFixed(0).padStart(7)} ms (${String(pairsCount).padStart(5)})  ${(pairs / pairsCount).toFixed(3).padStart(8)} ms | ${domains.toFixed(1).padStart(5)} ms | ${cliMs.toFixed(0).padStart(8)} ms  ${floor.toFixed(0).padStart(6)} ms`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
