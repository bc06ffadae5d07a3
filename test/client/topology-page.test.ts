/**
 * The topology view's page script (client/media/topology.js) draws the laid-out graph the server
 * sends: a hand-made graph here, its SVG markup and what-if summary checked exactly.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ROOT } from '../support/paths';
import type { Graph } from '../../server/src/engine/graph/types';
import type { ScenarioResult } from '../../server/src/engine/simulate/scenario';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const page = require(path.join(ROOT, 'client', 'media', 'topology.js')) as {
  renderSvg: (g: Graph) => string;
  renderSummary: (r: ScenarioResult) => string;
};

const GRAPH: Graph = {
  name: 'two racks',
  width: 300.4,
  height: 200,
  nodes: [
    // listed child first: the drawing order comes from the nesting, not the list
    {
      id: 'node:ctl-a',
      kind: 'node',
      label: 'ctl-a',
      detail: '10.0.0.1',
      parent: 'domain:rack-a',
      state: 'failed',
      findings: [
        { severity: 'error', rule: 'stonith-disabled', message: 'stonith is <off> & "unsafe"' },
        { severity: 'warning', rule: 'x', message: 'second' },
      ],
      x: 20,
      y: 30,
      width: 100,
      height: 40,
    },
    { id: 'domain:rack-a', kind: 'domain', label: 'rack-a', x: 10, y: 10, width: 120, height: 70 },
    { id: 'service:keystone', kind: 'service', label: 'keystone', state: 'degraded', x: 180, y: 30, width: 100, height: 40 },
  ],
  edges: [
    {
      id: 'e1',
      kind: 'runs',
      source: 'service:keystone',
      target: 'node:ctl-a',
      points: [
        { x: 180, y: 50 },
        { x: 120.25, y: 50 },
      ],
    },
    // an edge the layout could not route is left out
    { id: 'e2', kind: 'vip', source: 'a', target: 'b', points: [] },
  ],
};

test('the page draws containers, then edges, then the boxes inside, with their states and finding marks', () => {
  const svg = page.renderSvg(GRAPH);
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="topology" width="301" height="200" viewBox="0 0 301 200"'));
  // the outermost first: a box drawn later is on top, so a node stays clickable inside its domain
  const order = ['data-id="domain:rack-a"', 'data-edge="e1"', 'data-id="service:keystone"', 'data-id="node:ctl-a"'].map((s) =>
    svg.indexOf(s),
  );
  assert.deepEqual(
    order.map((i) => i >= 0),
    [true, true, true, true],
  );
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.ok(!svg.includes('data-edge="e2"'));
  assert.ok(svg.includes('<polyline class="edge edge-runs" data-edge="e1" points="180,50 120.3,50" marker-end="url(#arrow)"/>'));
  // the domain: a container, its label in its corner
  assert.ok(svg.includes('<g class="box kind-domain" data-id="domain:rack-a"'));
  assert.ok(svg.includes('<text class="label" x="18" y="26" text-anchor="start">rack-a</text>'));
  // the failed node: its overlay state, the worst finding's mark with the count, the messages escaped
  assert.ok(svg.includes('<g class="box kind-node state-failed finding-error" data-id="node:ctl-a"'));
  assert.ok(
    svg.includes(
      '<title>ctl-a\n10.0.0.1\nwhat if: failed\nerror: stonith is &lt;off&gt; &amp; &quot;unsafe&quot; (stonith-disabled)\nwarning: second (x)</title>',
    ),
  );
  assert.ok(svg.includes('<rect x="20" y="30" width="100" height="40" rx="4"/>'));
  assert.ok(svg.includes('<text class="label" x="70" y="47" text-anchor="middle">ctl-a</text>'));
  assert.ok(svg.includes('<text class="detail" x="70" y="61" text-anchor="middle">10.0.0.1</text>'));
  assert.ok(
    svg.includes('<g class="mark mark-error"><circle cx="111" cy="39" r="7"/><text x="111" y="43" text-anchor="middle">2</text></g>'),
  );
  assert.ok(svg.includes('<g class="box kind-service state-degraded" data-id="service:keystone"'));
  assert.ok(!svg.includes('<script'));
});

test('the what-if summary says each service verdict with its arithmetic', () => {
  const result: ScenarioResult = {
    name: 'ctl-a fails',
    failed: ['ctl-a'],
    partitions: [],
    clusters: [],
    vips: [],
    services: [
      { name: 'keystone', verdict: 'degraded', running: ['ctl-b'], explain: 'runs on 1 of 2 nodes' },
      { name: 'galera', verdict: 'down', running: [], explain: 'Galera: 1 x 1 + 0 > 1.5 is false' },
    ],
  };
  assert.equal(
    page.renderSummary(result),
    '<li class="verdict verdict-degraded"><b>keystone</b>: degraded — runs on 1 of 2 nodes</li>' +
      '<li class="verdict verdict-down"><b>galera</b>: down — Galera: 1 x 1 + 0 &gt; 1.5 is false</li>',
  );
});
