/**
 * clusterSummary (server/src/engine/simulate/summary.ts) tries members the arithmetic cannot tell apart
 * as one; here it is checked against trying every set of members through the whole scenario runner.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { clusterSummary } from '../../server/src/engine/simulate/summary';
import { simulate } from '../../server/src/engine/simulate/scenario';
import { membersOf, SimCluster, SimModel } from '../../server/src/engine/simulate/model';

function modelOf(c: SimCluster, extra: string[] = []): SimModel {
  const names = [...new Set([...membersOf(c), ...extra])];
  return {
    name: 't',
    source: 't',
    nodes: names.map((name) => ({ name, roles: [] })),
    clusters: [c],
    vips: [],
    services: [],
    assumptions: [],
  };
}

/** Every set of k members, through simulate(): the largest k for which each set leaves a serving side. */
function bruteSurvives(m: SimModel, c: SimCluster): number {
  const members = membersOf(c);
  const servesAfter = (failed: string[]): boolean => {
    if (c.kind === 'galera' || c.kind === 'rabbitmq') {
      const svc = { name: c.name, mode: 'clustered' as const, nodes: members, cluster: c.name, vips: [] };
      const v = simulate({ ...m, services: [svc] }, { steps: [{ fail: failed }] }).services[0].verdict;
      return v === 'available' || v === 'degraded';
    }
    return simulate(m, { steps: [{ fail: failed }] }).clusters.some((x) => x.quorate);
  };
  const sets = (from: number, k: number): string[][] =>
    k === 0 ? [[]] : members.slice(from).flatMap((x, i) => sets(from + i + 1, k - 1).map((rest) => [x, ...rest]));
  let survives = 0;
  for (let k = 1; k < members.length; k++) {
    if (!sets(0, k).every(servesAfter)) break;
    survives = k;
  }
  return survives;
}

/** A small deterministic generator, so a failure names the case that broke. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

test('with failures alone, trying one member per class agrees with trying every set (corosync, Pacemaker, Galera, RabbitMQ, keepalived)', () => {
  const r = rng(7);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  for (let i = 0; i < 300; i++) {
    const n = 2 + Math.floor(r() * 6);
    const names = Array.from({ length: n }, (_, j) => `n${j + 1}`);
    let c: SimCluster;
    const kind = pick(['corosync', 'pacemaker', 'galera', 'rabbitmq', 'keepalived'] as const);
    let extra: string[] = [];
    if (kind === 'keepalived') {
      c = {
        kind,
        name: 'c',
        config: {
          vips: ['v'],
          instances: names.map((node, j) => ({
            node,
            priority: pick([100, 150, 255]),
            address: `10.0.0.${j + 1}`,
            trackers: r() < 0.3 ? [{ name: 't', weight: pick([0, -20, 20]), watches: pick(names) }] : undefined,
          })),
        },
      };
    } else if (kind === 'corosync' || kind === 'pacemaker') {
      const qdevice = r() < 0.3 ? { algorithm: pick(['ffsplit', 'lms'] as const) } : undefined;
      const qnetdHost = qdevice ? pick([...names, 'qnetd']) : undefined;
      if (qnetdHost === 'qnetd') extra = ['qnetd'];
      c = {
        kind,
        name: 'c',
        quorum: {
          nodes: names.map((name) => ({ name, votes: r() < 0.3 ? 2 : undefined })),
          twoNode: n === 2 && r() < 0.5,
          waitForAll: r() < 0.3,
          lastManStanding: r() < 0.3,
          autoTieBreaker: r() < 0.4,
          atbNode: pick(['lowest', 'highest'] as const),
          expectedVotes: r() < 0.2 ? n + 1 : undefined,
          qdevice,
        },
        qnetdHost,
        pacemaker:
          kind === 'pacemaker'
            ? { nodes: names, stonith: r() < 0.7, noQuorumPolicy: pick(['stop', 'ignore', 'freeze'] as const) }
            : undefined,
      };
    } else if (kind === 'galera') {
      c = {
        kind,
        name: 'c',
        config: { nodes: names.map((name) => ({ name, weight: pick([undefined, 0, 1, 2, 3]) })), ignoreSplitBrain: r() < 0.2 },
      };
    } else {
      c = {
        kind,
        name: 'c',
        config: {
          nodes: names,
          partitionHandling: pick([undefined, 'ignore', 'pause_minority', { pauseIfAllDown: [pick(names)], recover: 'ignore' as const }]),
          queueReplicas: pick([undefined, 1, 3, 5]),
          quorumQueues: r() < 0.8,
        },
      };
    }
    const m = modelOf(c, extra);
    assert.equal(clusterSummary(m, c).survives, bruteSurvives(m, c), JSON.stringify(c));
  }
});

test('16 equal corosync voters: quorum 9, so 7 may fail (one set per k is tried, not all 11,440 sets of 7)', () => {
  const c: SimCluster = {
    kind: 'corosync',
    name: 'big',
    quorum: { nodes: Array.from({ length: 16 }, (_, i) => ({ name: `n${i + 1}` })) },
  };
  assert.equal(clusterSummary(modelOf(c), c).text, '16 votes · quorum 9 · survives 7 failures');
});

test('unequal Galera weights: the heavy node is its own class, so losing it alone is tried', () => {
  const c: SimCluster = { kind: 'galera', name: 'g', config: { nodes: [{ name: 'a', weight: 3 }, { name: 'b' }, { name: 'c' }] } };
  // 5 in all: losing a leaves 2 x 2 = 4 > 5 false; losing b leaves 2 x 4 = 8 > 5
  assert.equal(clusterSummary(modelOf(c), c).text, '5 votes · primary needs more than 2.5 · survives 0 failures');
});
