/** A small deployment for the topology picture's tests: two racks, three controllers, the usual clusters. */
import type { SimModel, SimNode } from '../../server/src/engine/simulate/model';

export const FILE = '/site.ha.yaml';
const at = (start: number, end: number) => ({ file: FILE, span: { start, end } });

export function smallModel(): SimModel {
  return {
    name: 'region-one',
    source: 'site.ha.yaml',
    nodes: [
      { name: 'ctl-a', address: '10.0.0.11', domain: 'rack-a', roles: ['controller'], place: at(100, 140) },
      { name: 'ctl-b', address: '10.0.0.12', domain: 'rack-a', roles: ['controller'], place: at(140, 180) },
      { name: 'ctl-c', address: '10.0.0.13', domain: 'rack-b', roles: ['controller'], place: at(180, 220) },
    ],
    clusters: [
      {
        name: 'pcs',
        kind: 'pacemaker',
        quorum: { nodes: [{ name: 'ctl-a' }, { name: 'ctl-b' }, { name: 'ctl-c' }] },
        pacemaker: { nodes: ['ctl-a', 'ctl-b', 'ctl-c'], noQuorumPolicy: 'stop', stonith: true },
        place: at(300, 400),
      },
      { name: 'galera', kind: 'galera', config: { nodes: [{ name: 'ctl-a' }, { name: 'ctl-b' }, { name: 'ctl-c' }] }, place: at(400, 460) },
      { name: 'rabbitmq', kind: 'rabbitmq', config: { nodes: ['ctl-a', 'ctl-b', 'ctl-c'] }, place: at(460, 520) },
      {
        name: 'keepalived',
        kind: 'keepalived',
        config: {
          vrid: 51,
          vips: ['internal'],
          instances: [
            { node: 'ctl-a', priority: 150 },
            { node: 'ctl-b', priority: 100 },
          ],
        },
        place: at(520, 600),
      },
    ],
    vips: [{ name: 'internal', address: '10.0.0.10', cluster: 'keepalived', place: at(600, 640) }],
    services: [
      {
        name: 'keystone',
        mode: 'active-active',
        nodes: ['ctl-a', 'ctl-b', 'ctl-c'],
        vips: ['internal'],
        balanced: true,
        place: at(700, 760),
      },
      { name: 'mysql', mode: 'clustered', nodes: ['ctl-a', 'ctl-b', 'ctl-c'], cluster: 'galera', vips: ['internal'], place: at(760, 820) },
    ],
    assumptions: [],
  };
}

/** Three racks of four controllers and two computes, with the usual clusters and a dozen services. */
export function biggerModel(): SimModel {
  const racks = ['rack-a', 'rack-b', 'rack-c'];
  const nodes: SimNode[] = racks.flatMap((r, i) =>
    ['ctl', 'ctl', 'cmp', 'cmp'].map((role, j) => ({
      name: `${role}-${i * 4 + j + 1}`,
      address: `10.0.${i}.${j + 10}`,
      domain: r,
      roles: [role === 'ctl' ? 'controller' : 'compute'],
    })),
  );
  nodes.push({ name: 'ctl-extra', address: '10.0.9.9', roles: ['controller'] });
  const ctl = nodes.filter((n) => n.roles[0] === 'controller').map((n) => n.name);
  const cmp = nodes.filter((n) => n.roles[0] === 'compute').map((n) => n.name);
  const api = ['keystone', 'nova-api', 'glance-api', 'cinder-api', 'neutron-server', 'placement-api', 'heat-api', 'horizon'];
  return {
    name: 'bigger',
    source: 'bigger.ha.yaml',
    nodes,
    clusters: [
      { name: 'pcs', kind: 'pacemaker', quorum: { nodes: ctl.map((name) => ({ name })) }, pacemaker: { nodes: ctl, stonith: true } },
      { name: 'galera', kind: 'galera', config: { nodes: ctl.slice(0, 3).map((name) => ({ name })) } },
      { name: 'rabbitmq', kind: 'rabbitmq', config: { nodes: ctl.slice(0, 3) } },
      {
        name: 'keepalived',
        kind: 'keepalived',
        config: { vrid: 51, vips: ['internal', 'public'], instances: ctl.slice(0, 2).map((node, i) => ({ node, priority: 150 - i })) },
      },
    ],
    vips: [
      { name: 'internal', address: '10.0.0.5', cluster: 'keepalived' },
      { name: 'public', address: '203.0.113.5', cluster: 'keepalived' },
      { name: 'metrics', address: '10.0.0.6' },
    ],
    services: [
      ...api.map((name) => ({ name, mode: 'active-active' as const, nodes: ctl, vips: ['internal'] })),
      { name: 'mysql', mode: 'clustered', nodes: ctl.slice(0, 3), cluster: 'galera', vips: ['internal'] },
      { name: 'cinder-volume', mode: 'active-passive', nodes: ctl, cluster: 'pcs', vips: [] },
      { name: 'nova-compute', mode: 'per-node', nodes: cmp, vips: [] },
      { name: 'prometheus', mode: 'active-active', nodes: ctl.slice(0, 2), vips: ['metrics'] },
    ],
    assumptions: [],
  };
}
