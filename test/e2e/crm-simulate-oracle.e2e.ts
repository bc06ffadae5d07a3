/**
 * crm_simulate (pacemaker-cli-utils) is the ground truth for the placement half of the failure
 * simulator: what Pacemaker starts, keeps and stops once a partition side knows whether it is quorate.
 * crm_simulate does not compute quorum (failure-math.md section 1): we give it ours with `-q`, so this
 * suite checks our Pacemaker decision (no-quorum-policy, recovery) against Pacemaker's own scheduler,
 * and the quorum half is ours alone (unit-tested against votequorum(5) in test/simulate).
 *
 * For each CIB (two fixtures and variants made by small mutations) and each scenario (every node
 * failing, every pair, and with 3+ nodes a 1 | rest split seen from the lone node's side):
 * 1. our verdict: the SimModel read from the CIB and a corosync.conf of its nodes (the fixture's own,
 *    else one vote per CIB node), run by scenario.ts; for the side: quorate (-> -q), and
 *    pacemaker.evaluate's runs / recovers; and where our model places each VIP and service;
 * 2. crm_simulate: the CIB is first brought to a steady state (every node online, quorate, every
 *    resource started where Pacemaker puts it); then the nodes off this side are failed with `-q` from
 *    our verdict, and the resources started on this side's nodes are read from its revised status;
 * 3. per resource (fence devices aside: our model does not place them): it ran on a node of this side
 *    -> started here iff the side runs resources; it ran on a lost node -> started here iff the side
 *    recovers. Our model's own placement is compared the same way (started here or not) and, when
 *    both start it, on which node.
 * Each disagreement has a kind; a kind in KNOWN carries its reason and is reported, any other fails.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../support/paths';
import { freshDir } from './support';
import { detectKind, peerFacts } from '../../server/src/engine/languages';
import { simModelFromStack } from '../../server/src/engine/simulate/from-stack';
import { simulate } from '../../server/src/engine/simulate/scenario';
import * as pacemaker from '../../server/src/engine/simulate/pacemaker';
import type { SimCorosync, SimModel } from '../../server/src/engine/simulate/model';
import type { PeerConf } from '../../server/src/engine/model/topology';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** Disagreement kind -> why we and crm_simulate knowingly differ. */
const KNOWN: Record<string, string> = {
  'fencing assumed':
    'crm_simulate marks every fencing action done; it does not ask whether a fence device can reach the node, so it recovers resources that our model keeps waiting on a fence no device can carry out (none targets the node)',
  'which node':
    "both run it on this side, on different nodes: Pacemaker picks a survivor by allocation score (equal scores: the node with the fewest resources, then the CIB's order) and, without resource-stickiness, may move a resource off a surviving node to rebalance; our model keeps a resource where it ran, else takes the side's first member",
  'placed elsewhere before':
    "before any failure our model has an active-passive resource on the cluster's first member and a clone on every member; Pacemaker spread them by allocation score and colocation (the fixture's clone runs only with its VIP), so the same failure hits the resource in one and not in the other",
};

// ---------------------------------------------------------------------------------------------
// the CIBs

/** A cluster property set to `value`, replacing one already written. */
function property(name: string, value: string) {
  return (t: string) => {
    const re = new RegExp(`(<nvpair [^>]*name="${name}" value=")[^"]*(")`);
    if (re.test(t)) return t.replace(re, `$1${value}$2`);
    return t.replace(/(<cluster_property_set [^>]*>\n)/, `$1        <nvpair id="osha-${name}" name="${name}" value="${value}"/>\n`);
  };
}

const addResources = (xml: string) => (t: string) =>
  t.replace('    </resources>', `${xml}    </resources>`).replace('    <resources/>', `    <resources>\n${xml}    </resources>`);

const primitive = (id: string, agent: string, attrs = '') => {
  const [cls, provider, type] = agent.split(':').length === 3 ? agent.split(':') : [agent.split(':')[0], undefined, agent.split(':')[1]];
  return `      <primitive id="${id}" class="${cls}"${provider ? ` provider="${provider}"` : ''} type="${type}">\n${attrs}        <operations>\n          <op id="${id}-mon" name="monitor" interval="30s"/>\n        </operations>\n      </primitive>\n`;
};
const ipAttrs = (id: string, ip: string) =>
  `        <instance_attributes id="${id}-ia">\n          <nvpair id="${id}-ip" name="ip" value="${ip}"/>\n        </instance_attributes>\n`;

const GROUP = (p: string) =>
  `      <group id="${p}-grp">\n${(primitive(`${p}-gvip`, 'ocf:heartbeat:IPaddr2', ipAttrs(`${p}-gvip`, '10.0.0.20')) + primitive(`${p}-gsvc`, 'systemd:memcached')).replace(/^/gm, '  ')}      </group>\n`;
const CLONE = (p: string) =>
  `      <clone id="${p}-cl-clone">\n${primitive(`${p}-cl`, 'systemd:chronyd').replace(/^/gm, '  ')}      </clone>\n`;

interface Cib {
  name: string;
  cib: string;
  /** The fixture's corosync.conf, when it has one. */
  corosync?: string;
}

const VARIANTS: [string, (c: Cib) => Cib][] = [
  ['as written', (c) => c],
  ['no-quorum-policy stop', (c) => ({ ...c, cib: property('no-quorum-policy', 'stop')(c.cib) })],
  ['no-quorum-policy freeze', (c) => ({ ...c, cib: property('no-quorum-policy', 'freeze')(c.cib) })],
  ['no-quorum-policy ignore', (c) => ({ ...c, cib: property('no-quorum-policy', 'ignore')(c.cib) })],
  ['no-quorum-policy demote', (c) => ({ ...c, cib: property('no-quorum-policy', 'demote')(c.cib) })],
  ['stonith-enabled false', (c) => ({ ...c, cib: property('stonith-enabled', 'false')(c.cib) })],
  ['a resource group', (c) => ({ ...c, cib: addResources(GROUP('x'))(c.cib) })],
  ['a cloned resource', (c) => ({ ...c, cib: addResources(CLONE('x'))(c.cib) })],
  [
    'resource-stickiness 100',
    (c) => ({
      ...c,
      cib: c.cib.replace(
        '  </configuration>',
        '    <rsc_defaults>\n      <meta_attributes id="osha-rsc-options">\n        <nvpair id="osha-stickiness" name="resource-stickiness" value="100"/>\n      </meta_attributes>\n    </rsc_defaults>\n  </configuration>',
      ),
    }),
  ],
  [
    'an extra node',
    (c) => {
      const last = [...c.cib.matchAll(/^( *)<node id="(\d+)" uname="([^"\d]*)(\d+)"\/>\n/gm)].pop()!;
      const id = Number(last[2]) + 1;
      const uname = `${last[3]}${Number(last[4]) + 1}`;
      const cib = c.cib.replace(last[0], `${last[0]}${last[1]}<node id="${id}" uname="${uname}"/>\n`);
      const corosync = c.corosync?.replace(
        /(\n {4}node \{[\s\S]*?\n {4}\}\n)(\}\n)/,
        `$1    node {\n        ring0_addr: 10.0.0.${10 + id}\n        name: ${uname}\n        nodeid: ${id}\n    }\n$2`,
      );
      assert.ok(!c.corosync || corosync !== c.corosync, 'the extra node went into the nodelist');
      return { ...c, cib, ...(corosync ? { corosync } : {}) };
    },
  ],
];

function read(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

/** The CIBs under test: each fixture under each variant. */
function cibs(): Cib[] {
  const bases: Cib[] = [
    { name: 'pacemaker/cib.xml', cib: read('pacemaker/cib.xml') },
    // its CIB holds fence devices only (which our model does not place): a VIP gives the scheduler something to move
    {
      name: 'simulate/stack/ctl1 with a VIP',
      cib: addResources(primitive('vip-ctl', 'ocf:heartbeat:IPaddr2', ipAttrs('vip-ctl', '10.0.0.10')))(
        read('simulate/stack/ctl1/cib.xml'),
      ),
      corosync: read('simulate/stack/ctl1/etc/corosync/corosync.conf'),
    },
  ];
  // a variant that changes nothing (the stack's CIB already says no-quorum-policy stop) is left out
  const out = bases.flatMap((b) =>
    VARIANTS.flatMap(([v, mutate]) => {
      const c = mutate(b);
      return v === 'as written' || c.cib !== b.cib ? [{ ...c, name: `${b.name}, ${v}` }] : [];
    }),
  );
  assert.equal(out.length, 2 * VARIANTS.length - 1);
  return out;
}

const nodesOf = (cib: string): { id: string; uname: string }[] =>
  [...cib.matchAll(/<node id="([^"]+)" uname="([^"]+)"/g)].map((m) => ({ id: m[1], uname: m[2] }));

/** A plain votequorum configuration of the CIB's nodes, one vote each, for a fixture without its own. */
function plainCorosync(cib: string): string {
  const nodes = nodesOf(cib)
    .map((n, i) => `    node {\n        ring0_addr: 10.9.0.${i + 1}\n        name: ${n.uname}\n        nodeid: ${n.id}\n    }\n`)
    .join('');
  return `totem {\n    version: 2\n    cluster_name: oracle\n}\n\nnodelist {\n${nodes}}\n\nquorum {\n    provider: corosync_votequorum\n}\n`;
}

/** Our model of the cluster, read as `openstack-ha simulate` reads the stack's files. */
function modelOf(c: Cib): SimModel {
  const files: [string, string][] = [
    ['/site/ctl1/cib.xml', c.cib],
    ['/site/ctl1/etc/corosync/corosync.conf', c.corosync ?? plainCorosync(c.cib)],
  ];
  const peers = files.map(([p, t]) => ({ ...peerFacts(p, detectKind(p, t), t)!, path: p }) as PeerConf);
  const m = simModelFromStack(peers, 'site');
  assert.ok(m, `${c.name}: no model`);
  return m;
}

// ---------------------------------------------------------------------------------------------
// crm_simulate

let dir: string | undefined;
function crm(args: string[], cib: string): string {
  dir ??= freshDir('crm-simulate');
  const file = path.join(dir, 'in.xml');
  fs.writeFileSync(file, cib);
  const r = spawnSync('crm_simulate', ['-x', file, ...args], { encoding: 'utf8', timeout: 30_000 });
  const out = (r.stdout ?? '') + (r.stderr ?? '');
  assert.equal(r.status, 0, `crm_simulate ${args.join(' ')} failed: ${out}`);
  return out;
}

/**
 * The CIB as crm_simulate takes it: without our crm_feature_set (a newer one than this Pacemaker's is
 * refused), quorate, every node online (node_state entries), then one transition run so that every
 * resource is started where Pacemaker puts it (its operation history saved in the status).
 */
function steadyState(cib: string): string {
  const states = nodesOf(cib)
    .map((n) => `    <node_state id="${n.id}" uname="${n.uname}" in_ccm="true" crmd="online" join="member" expected="member"/>\n`)
    .join('');
  const input = cib
    .replace(/ crm_feature_set="[^"]*"/, '')
    .replace(/ have-quorum="[^"]*"/, '')
    .replace('<cib ', '<cib have-quorum="1" ')
    .replace(/<status\/>|<status>[\s\S]*<\/status>/, `<status>\n${states}  </status>`);
  dir ??= freshDir('crm-simulate');
  const out = path.join(dir, 'steady.xml');
  crm(['-S', '-O', out], input);
  return fs.readFileSync(out, 'utf8');
}

/** Resource id -> the nodes where it is started (or promoted), from a status section of --output-as=xml. */
function started(xml: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of xml.matchAll(/<resource id="([^"]+)" resource_agent="([^"]+)" role="([^"]+)"[^>]*?(?:\/>|>([\s\S]*?)<\/resource>)/g)) {
    const [, id, agent, role, body] = m;
    if (agent.startsWith('stonith:')) continue;
    const list = out.get(id) ?? [];
    out.set(id, list);
    if (!/^(Started|Promoted|Unpromoted|Master|Slave)$/.test(role)) continue;
    for (const n of (body ?? '').matchAll(/<node name="([^"]+)"/g)) if (!list.includes(n[1])) list.push(n[1]);
  }
  return out;
}

const section = (xml: string, el: string) => {
  const m = new RegExp(`<${el}>([\\s\\S]*?)</${el}>`).exec(xml);
  assert.ok(m, `crm_simulate's output has no <${el}>`);
  return m[1];
};

// ---------------------------------------------------------------------------------------------
// scenarios and the comparison

interface Scenario {
  name: string;
  /** The side whose view is compared. */
  side: string[];
  /** The nodes lost to that side (failed, or beyond the cut). */
  lost: string[];
  steps: Parameters<typeof simulate>[1]['steps'];
}

function scenarios(nodes: string[]): Scenario[] {
  const out: Scenario[] = [];
  const rest = (xs: string[]) => nodes.filter((n) => !xs.includes(n));
  for (const n of nodes) out.push({ name: `${n} fails`, side: rest([n]), lost: [n], steps: [{ fail: [n] }] });
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const pair = [nodes[i], nodes[j]];
      out.push({ name: `${pair.join(' and ')} fail`, side: rest(pair), lost: pair, steps: [{ fail: pair }] });
    }
  if (nodes.length >= 3)
    for (const n of nodes)
      out.push({
        name: `the network splits ${n} | rest, seen from ${n}`,
        side: [n],
        lost: rest([n]),
        steps: [{ partition: [[n], rest([n])] }],
      });
  return out.filter((s) => s.side.length > 0);
}

interface Disagreement {
  kind: string;
  text: string;
}

test('crm_simulate, given our quorum verdict with -q, starts and stops what our Pacemaker decision says', (t) => {
  if (spawnSync('crm_simulate', ['--version']).status !== 0)
    throw new Error('crm_simulate is not installed (scripts/e2e/setup.sh installs pacemaker-cli-utils)');
  const began = Date.now();
  let cases = 0;
  let compared = 0;
  let agree = 0;
  /** Outcomes where our decision (runs / recovers) matches, whatever the node our model names. */
  let decided = 0;
  const disagreements: Disagreement[] = [];
  const policies = new Map<string, number>();

  for (const c of cibs()) {
    const model = modelOf(c);
    const cluster = model.clusters.find((x): x is SimCorosync => x.kind === 'pacemaker');
    assert.ok(cluster?.pacemaker, `${c.name}: no Pacemaker cluster in our model`);
    const steady = steadyState(c.cib);
    const before = started(section(crm(['-S', '--output-as=xml'], steady), 'revised_cluster_status'));
    const resources = [...before.keys()];
    assert.ok(resources.length > 0, `${c.name}: no resource to compare`);

    for (const s of scenarios(cluster.pacemaker.nodes)) {
      cases++;
      const label = `${c.name} / ${s.name}`;
      const result = simulate(model, { steps: s.steps });
      // The -q half: votequorum.step's verdict for this side (scenario.ts runs it per corosync cluster).
      const ourSide = result.clusters.find((x) => x.name === cluster.name && s.side.every((n) => x.partition.includes(n)));
      assert.ok(ourSide, `${label}: our model has no side ${s.side.join(', ')}`);
      // The Pacemaker half as scenario.ts decides it: no-quorum-policy, then fencing before recovery.
      const failed = s.steps[0].fail ?? [];
      const p = pacemaker.evaluate(
        cluster.pacemaker,
        result.clusters.filter((x) => x.name === cluster.name).map((x) => ({ partition: x.partition, quorate: x.quorate })),
        failed.map((node) => ({ node, how: 'crash' as const })),
        [],
      );
      const ps = p.sides.find((x) => x.partition.join() === ourSide.partition.join())!;
      const q = ourSide.quorate ? '1' : '0';
      policies.set(q, (policies.get(q) ?? 0) + 1);

      const out = crm(['-S', '-q', q, ...s.lost.flatMap((n) => ['--node-fail', n]), '--output-as=xml'], steady);
      const after = started(section(out, 'revised_cluster_status'));
      const here = (xs: string[] | undefined) => (xs ?? []).filter((n) => s.side.includes(n));
      const fenced = [...out.matchAll(/<fencing_action target="([^"]+)"/g)].map((m) => m[1]);

      for (const r of resources) {
        compared++;
        const ranHere = here(before.get(r)).length > 0;
        const expected = ranHere ? ps.runs : (before.get(r) ?? []).length > 0 && ps.recovers;
        const theirs = here(after.get(r));
        const ours = oursOn(model, result, r).filter((n) => s.side.includes(n));
        const words = (on: string[]) => (on.length ? `starts it on ${on.join(', ')}` : 'does not run it here');
        const priorOurs = priorOf(model, r);
        const priorTheirs = before.get(r) ?? [];
        const onFailed = ours.filter((n) => failed.includes(n));
        let found: Disagreement | undefined;
        if (expected !== theirs.length > 0) {
          // our decision for this side against Pacemaker's, both from where Pacemaker ran it before
          const unfenced = ps.unfenced.filter((u) => fenced.includes(u.node));
          found = {
            kind: !expected && unfenced.length ? 'fencing assumed' : 'decision',
            text: `${label}: ${r} ran on ${priorTheirs.join(', ') || 'no node'}; -q ${q}; crm_simulate ${words(theirs)}; we say this side ${ranHere ? (ps.runs ? 'keeps it' : 'stops it') : ps.recovers ? 'recovers it' : 'does not recover it'} (${ps.explain})`,
          };
        } else if (onFailed.length) {
          found = { kind: 'decision', text: `${label}: ${r}: our model runs it on ${onFailed.join(', ')}, which failed` };
        } else if (ours.length > 0 !== theirs.length > 0 || (ours.length === 1 && theirs.length === 1 && ours[0] !== theirs[0])) {
          // our model's own placement: it started from its own idea of where each resource ran
          const elsewhere = priorOurs.join() !== priorTheirs.join();
          found = {
            kind: elsewhere ? 'placed elsewhere before' : ours.length && theirs.length ? 'which node' : 'placement',
            text: `${label}: ${r}: our model ${words(ours)} (it first placed it on ${priorOurs.join(', ')}); crm_simulate ${words(theirs)} (it first placed it on ${priorTheirs.join(', ') || 'no node'})`,
          };
        }
        if (found?.kind !== 'decision' && found?.kind !== 'fencing assumed') decided++;
        if (found) disagreements.push(found);
        else agree++;
      }
    }
  }

  const known = disagreements.filter((d) => d.kind in KNOWN);
  const byKind = Object.keys(KNOWN).map((k) => `${k}: ${known.filter((d) => d.kind === k).length}`);
  t.diagnostic(
    `crm_simulate agreement: ${agree} of ${compared} resource outcomes in ${cases} cases (our decision alone: ${decided}; -q 1: ${policies.get('1') ?? 0} cases, -q 0: ${policies.get('0') ?? 0}); known disagreements: ${known.length} (${byKind.join('; ')}); ${((Date.now() - began) / 1000).toFixed(1)} s`,
  );
  for (const d of disagreements) t.diagnostic(d.kind in KNOWN ? `known (${d.kind}): ${d.text} (${KNOWN[d.kind]})` : d.text);
  assert.deepEqual(
    disagreements.filter((d) => !(d.kind in KNOWN)).map((d) => d.text),
    [],
  );
  const stale = Object.keys(KNOWN).filter((k) => !disagreements.some((d) => d.kind === k));
  assert.deepEqual(stale, [], 'known disagreements that no longer occur: take them out of the list');
});

/** Where our model runs resource `id` after the scenario: a VIP's holders, a service's running nodes. */
function oursOn(model: SimModel, result: ReturnType<typeof simulate>, id: string): string[] {
  const vip = result.vips.find((v) => v.name === id);
  if (vip) return vip.holders;
  const svc = result.services.find((x) => x.name === id);
  assert.ok(svc, `our model has no VIP or service ${id} (it has ${model.services.map((x) => x.name).join(', ')})`);
  return svc.running;
}

/** Where our model has resource `id` before any failure: an active-passive one on its first node, a clone on all. */
function priorOf(model: SimModel, id: string): string[] {
  const svc = model.services.find((x) => x.name === id);
  if (svc?.mode === 'active-active') return svc.nodes;
  const cluster = model.clusters.find((x): x is SimCorosync => x.kind === 'pacemaker')!;
  return (svc?.nodes ?? cluster.pacemaker!.nodes).slice(0, 1);
}
