/**
 * The topology requests' own work, in process, over a stand-in engine (the deployment, the picture
 * and the scenario are the engine's and tested there): the file's deployment is found in the
 * workspace, its files' findings go to the picture, each place becomes a URI and a range, and a
 * what-if names the nodes and domains the model knows or says which it does not.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Connection, ResponseError, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../server/src/lsp/analysis';
import {
  registerTopology,
  TopologyEngine,
  TopologyResponse,
  WhatIfResponse,
  TOPOLOGY_REQUEST,
  WHAT_IF_REQUEST,
} from '../../server/src/lsp/topology';
import type { SimModel } from '../../server/src/engine/simulate/model';
import type { Graph } from '../../server/src/engine/graph/types';
import type { GraphFinding } from '../../server/src/engine/graph/index';
import type { Scenario, ScenarioResult } from '../../server/src/engine/simulate/scenario';
import { ROOT } from '../support/paths';

const FILE = path.join(ROOT, 'test', 'fixtures', 'topology', 'site.ha.yaml');
const TEXT = fs.readFileSync(FILE, 'utf8');
const URI = pathToFileURL(FILE).toString();
const start = TEXT.indexOf('  controller1:') + 2;
const haproxy = TEXT.indexOf('  haproxy:') + 2;
const keystone = TEXT.indexOf('  keystone:') + 2;
const VIP_MISSING =
  'keystone is active-active behind haproxy on port 5000 but has no VIP: clients would have to name one node and lose the service with it';

const MODEL: SimModel = {
  name: 'three-racks',
  source: 'site.ha.yaml',
  nodes: ['a', 'b', 'c'].map((r, i) => ({ name: `controller${i + 1}`, domain: `rack-${r}`, roles: ['controller'] })),
  clusters: [],
  vips: [],
  services: [],
  assumptions: [],
};
const RESULT: ScenarioResult = {
  name: 'controller1 fails',
  failed: ['controller1'],
  partitions: [],
  clusters: [],
  vips: [],
  services: [{ name: 'keystone', verdict: 'degraded', running: ['controller2', 'controller3'], explain: 'runs on 2 of 3 nodes' }],
};

function harness(opts: { failing?: boolean } = {}) {
  const handlers = new Map<string, (p: unknown) => Promise<unknown>>();
  const errors: string[] = [];
  const connection = {
    onRequest: (method: string, h: (p: unknown) => Promise<unknown>) => handlers.set(method, h),
    console: { error: (m: string) => errors.push(m) },
  } as unknown as Connection;
  const calls: { graph: { findings?: GraphFinding[]; result?: ScenarioResult }[]; scenarios: Scenario[] } = { graph: [], scenarios: [] };
  const engine: TopologyEngine = {
    deploymentOfFile: (_ws, p) => (p === FILE ? { model: MODEL, files: [FILE] } : undefined),
    topologyGraph: async (m, o = {}): Promise<Graph> => {
      if (opts.failing && o.result) throw new Error('no layout');
      calls.graph.push(o);
      return {
        name: m.name,
        width: 100,
        height: 50,
        edges: [],
        nodes: [
          {
            id: 'node:controller1',
            kind: 'node',
            label: 'controller1',
            place: { file: FILE, span: { start, end: start + 'controller1'.length } },
            state: o.result ? 'failed' : undefined,
            x: 0,
            y: 0,
            width: 100,
            height: 50,
          },
          { id: 'domain:rack-a', kind: 'domain', label: 'rack-a', x: 0, y: 0, width: 100, height: 50 },
          // haproxy and keystone share a box, placed where haproxy is written
          {
            id: 'service:haproxy',
            kind: 'service',
            label: 'haproxy, keystone',
            members: ['haproxy', 'keystone'],
            place: { file: FILE, span: { start: haproxy, end: haproxy + 'haproxy'.length } },
            x: 0,
            y: 0,
            width: 100,
            height: 50,
          },
        ],
      };
    },
    simulate: (_m, s) => {
      calls.scenarios.push(s);
      return RESULT;
    },
  };
  const analyses = new AnalysisCache();
  analyses.setText(FILE, TEXT);
  registerTopology(connection, new TextDocuments(TextDocument), analyses, engine);
  const send = <T>(method: string, p: unknown) => handlers.get(method)!(p) as Promise<T>;
  return { send, calls, errors };
}

test('openstackHa/topology: the picture of the file’s deployment, its findings passed on, each place as a location', async () => {
  const { send, calls } = harness();
  const r = (await send<TopologyResponse>(TOPOLOGY_REQUEST, { uri: URI }))!;
  assert.equal(r.name, 'three-racks');
  assert.equal(r.source, 'site.ha.yaml');
  assert.deepEqual(r.files, [URI]);
  assert.deepEqual(r.graph.nodes[0].location, {
    uri: URI,
    range: { start: { line: 8, character: 2 }, end: { line: 8, character: 13 } },
  });
  assert.equal(r.graph.nodes[1].location, undefined);
  // found on controller3's interface list, passed on at controller3's key: the manifest's places are its keys
  const at = TEXT.indexOf('controller3: {');
  assert.deepEqual(calls.graph[0].findings, [
    {
      file: FILE,
      span: { start: at, end: at + 'controller3'.length },
      severity: 'warning',
      rule: 'network-path-redundancy',
      message: 'controller3 has 1 management interface (eno1): one NIC, cable or switch port cuts it off from the cluster',
    },
    {
      file: FILE,
      span: { start: keystone, end: keystone + 'keystone'.length },
      severity: 'warning',
      rule: 'vip-missing',
      message: VIP_MISSING,
      service: 'keystone',
    },
  ]);
  // keystone's entry is no box's place: its finding goes to the box keystone shares
  assert.deepEqual(r.graph.nodes[2].findings, [{ severity: 'warning', rule: 'vip-missing', message: VIP_MISSING }]);
  assert.equal(calls.graph[0].result, undefined);
});

test('openstackHa/topology: null for a file of no deployment', async () => {
  const { send } = harness();
  assert.equal(await send(TOPOLOGY_REQUEST, { uri: pathToFileURL(path.join(ROOT, 'README.md')).toString() }), null);
});

test('openstackHa/whatIf: one step failing the picked nodes and domains, its result overlaid on the picture', async () => {
  const { send, calls } = harness();
  const r = (await send<WhatIfResponse>(WHAT_IF_REQUEST, { uri: URI, fail: ['controller1'], failDomains: ['rack-b'] }))!;
  assert.deepEqual(calls.scenarios, [{ steps: [{ fail: ['controller1'], failDomains: ['rack-b'] }] }]);
  assert.equal(calls.graph[0].result, RESULT);
  assert.equal(calls.graph[0].findings!.length, 2);
  assert.equal(r.result, RESULT);
  assert.equal(r.graph.nodes[0].state, 'failed');
  assert.equal(r.graph.nodes[0].location!.range.start.line, 8);
});

test('openstackHa/whatIf: a node or domain the model does not know is refused, by name', async () => {
  const { send, calls } = harness();
  await assert.rejects(send(WHAT_IF_REQUEST, { uri: URI, fail: ['controller1', 'ctl-z'], failDomains: ['rack-q'] }), (e: unknown) => {
    assert.ok(e instanceof ResponseError);
    assert.equal(e.code, -32602);
    assert.equal(e.message, 'no node ctl-z, no failure domain rack-q in three-racks');
    return true;
  });
  assert.deepEqual(calls.scenarios, []);
});

test('an engine failure is logged and answered as an error, not a crash', async () => {
  const { send, errors } = harness({ failing: true });
  await assert.rejects(send(WHAT_IF_REQUEST, { uri: URI, fail: ['controller1'] }), (e: unknown) => {
    assert.ok(e instanceof ResponseError);
    assert.equal(e.code, -32603);
    assert.equal(e.message, 'what if failed: no layout');
    return true;
  });
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^what if failed: Error: no layout\n/);
});

test('openstackHa/whatIf: names not given as a list are refused', async () => {
  const { send } = harness();
  await assert.rejects(send(WHAT_IF_REQUEST, { uri: URI, fail: 'controller1' }), {
    code: -32602,
    message: 'fail and failDomains are lists of names',
  });
});
