/** The laid-out picture (graph/layout.ts, elkjs): boxes nest and do not overlap, edges end on their boxes, same input same output. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { topologyGraph, type Graph, type GraphNode } from '../../server/src/engine/graph';
import { biggerModel, smallModel } from './model';

const inside = (c: GraphNode, p: GraphNode) =>
  c.x >= p.x && c.y >= p.y && c.x + c.width <= p.x + p.width && c.y + c.height <= p.y + p.height;
const overlap = (a: GraphNode, b: GraphNode) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** How far a point is from a box's outline. */
function fromBorder(p: { x: number; y: number }, b: GraphNode): number {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.width));
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.height));
  if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
  return Math.min(p.x - b.x, b.x + b.width - p.x, p.y - b.y, b.y + b.height - p.y);
}

function checkGeometry(g: Graph) {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  for (const n of g.nodes) {
    assert.ok(n.width > 0 && n.height > 0, `${n.id} has a size`);
    const p = n.parent ? byId.get(n.parent)! : { id: 'picture', x: 0, y: 0, width: g.width, height: g.height };
    assert.ok(
      inside(n, p as GraphNode),
      `${n.id} (${n.x},${n.y} ${n.width}x${n.height}) inside ${p.id} (${p.x},${p.y} ${p.width}x${p.height})`,
    );
  }
  for (const a of g.nodes)
    for (const b of g.nodes) if (a.id < b.id && a.parent === b.parent) assert.ok(!overlap(a, b), `${a.id} and ${b.id} overlap`);
  for (const e of g.edges) {
    assert.ok(e.points.length >= 2, `${e.id} has a route`);
    const first = e.points[0];
    const last = e.points[e.points.length - 1];
    assert.ok(fromBorder(first, byId.get(e.source)!) <= 2, `${e.id} starts on ${e.source}: ${JSON.stringify(first)}`);
    assert.ok(fromBorder(last, byId.get(e.target)!) <= 2, `${e.id} ends on ${e.target}: ${JSON.stringify(last)}`);
  }
}

test('the small deployment: every box in its parent, siblings apart, edges from border to border', async () => {
  const g = await topologyGraph(smallModel());
  assert.equal(g.nodes.length, 12);
  assert.equal(g.edges.length, 18);
  checkGeometry(g);
});

test('a bigger deployment, laid out downwards and to the right', async () => {
  for (const direction of ['DOWN', 'RIGHT'] as const) {
    const g = await topologyGraph(biggerModel(), { direction });
    checkGeometry(g);
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    // the layers follow the edges: a VIP before its cluster, a cluster before its nodes
    const along = (n: GraphNode) => (direction === 'DOWN' ? n.y : n.x);
    assert.ok(along(byId.get('vip:internal')!) < along(byId.get('cluster:keepalived')!), direction);
    assert.ok(along(byId.get('cluster:keepalived')!) < along(byId.get('node:ctl-1')!), direction);
  }
});

test('box sizes follow the labels: a longer label, a wider box; a detail, a taller one', async () => {
  const m = smallModel();
  m.nodes[0].name = 'controller-with-a-very-long-name';
  for (const c of m.clusters) {
    if (c.kind === 'pacemaker') c.quorum.nodes[0].name = m.nodes[0].name;
  }
  delete m.nodes[1].address;
  const g = await topologyGraph(m);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const long = byId.get('node:controller-with-a-very-long-name')!;
  const plain = byId.get('node:ctl-c')!;
  const noDetail = byId.get('node:ctl-b')!;
  assert.ok(long.width > plain.width, `${long.width} > ${plain.width}`);
  assert.ok(long.width >= 'controller-with-a-very-long-name'.length * 7, `${long.width}`);
  assert.ok(noDetail.height < plain.height, `${noDetail.height} < ${plain.height}`);
});

test('deterministic: the same model gives the same picture, to the byte', async () => {
  const a = JSON.stringify(await topologyGraph(biggerModel()));
  const b = JSON.stringify(await topologyGraph(biggerModel()));
  assert.equal(a, b);
});
