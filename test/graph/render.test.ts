/** The renderers (graph/render-*.ts): well-formed, escaped, one element per box, the same bytes every time. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildGraph, renderHtml, renderMermaid, renderSvg, topologyGraph, type Graph } from '../../server/src/engine/graph';
import { readXml, type El } from '../../server/src/engine/text/xml';
import { FILE, smallModel } from './model';

const NASTY = `db<1> & "quoted" 'x'`;

/** The XML's elements, after checking it is well formed: one root, nothing left open, only the five entities. */
function parseXml(text: string): El[] {
  const problems: { message: string; span: { start: number; end: number } }[] = [];
  const doc = readXml(text, problems);
  assert.deepEqual(problems, []);
  assert.equal(doc.children.length, 1, 'one root element');
  // what the reader does not look at: a bare '&' or '<' in text
  assert.doesNotMatch(
    text.replace(/<[^>]*>/g, (t) => t.replace(/"[^"]*"/g, '""')),
    /&(?!(amp|lt|gt|quot|apos);)/,
  );
  for (const m of text.matchAll(/="([^"]*)"/g)) assert.doesNotMatch(m[1], /[<&](?!(amp|lt|gt|quot|apos);)/, m[1]);
  const all: El[] = [];
  const walk = (e: El) => {
    all.push(e);
    e.children.forEach(walk);
  };
  walk(doc.children[0]);
  return all;
}

async function nastyGraph(): Promise<Graph> {
  const m = smallModel();
  m.services[1].name = NASTY;
  return topologyGraph(m, {
    findings: [
      { file: FILE, span: { start: 110, end: 112 }, severity: 'warning', rule: 'r1', message: 'a <warning> & more' },
      { file: FILE, span: { start: 310, end: 312 }, severity: 'error', rule: 'r2', message: 'quorum "lost"' },
    ],
    result: {
      name: 'ctl-c fails',
      failed: ['ctl-c'],
      partitions: [['ctl-a', 'ctl-b']],
      clusters: [
        { name: 'pcs', kind: 'pacemaker', partition: ['ctl-a', 'ctl-b'], votes: 2, expected: 3, quorum: 2, quorate: true, explain: '' },
      ],
      vips: [{ name: 'internal', holders: ['ctl-a'], explain: '' }],
      services: [{ name: 'keystone', verdict: 'degraded', running: ['ctl-a', 'ctl-b'], explain: '' }],
    },
  });
}

test('SVG: well-formed XML, one element with a data-id per box and per edge, text escaped', async () => {
  const g = await nastyGraph();
  const svg = renderSvg(g);
  const els = parseXml(svg);
  assert.equal(els[0].name, 'svg');
  assert.equal(els[0].attrs.get('xmlns')?.value, 'http://www.w3.org/2000/svg');
  const boxes = els.filter((e) => e.name === 'g' && e.attrs.has('data-id'));
  assert.deepEqual(boxes.map((e) => e.attrs.get('data-id')!.value).sort(), g.nodes.map((n) => n.id).sort());
  const lines = els.filter((e) => e.name === 'polyline' && e.attrs.has('data-id'));
  assert.equal(lines.length, g.edges.length);
  // the box's class says its kind and state: the what-if colours
  const cls = (id: string) => boxes.find((e) => e.attrs.get('data-id')!.value === id)!.attrs.get('class')!.value;
  assert.equal(cls('node:ctl-c'), 'box kind-node state-failed');
  assert.equal(cls('cluster:pcs'), 'box kind-cluster state-degraded');
  assert.equal(cls('vip:internal'), 'box kind-vip state-available');
  assert.equal(cls('node:ctl-a'), 'box kind-node');
  // the escaped name: in the label, the data-id and the tooltip
  assert.ok(svg.includes('db&lt;1&gt; &amp; &quot;quoted&quot; &apos;x&apos;'));
  assert.ok(!svg.includes(NASTY));
  assert.ok(svg.includes('data-id="service:db&lt;1&gt; &amp; &quot;quoted&quot; &apos;x&apos;"'));
  assert.ok(svg.includes('<title>node ctl-a\n10.0.0.11\nwarning: a &lt;warning&gt; &amp; more (r1)</title>'));
  assert.ok(svg.includes('<title>cluster pcs\n3 votes · quorum 2\nwhat-if: degraded\nerror: quorum &quot;lost&quot; (r2)</title>'));
  // the marks: the worst finding's colour, and how many
  const boxText = (id: string) => {
    const from = svg.indexOf(`data-id="${id}"`);
    return svg.slice(from, svg.indexOf('data-id=', from + 1));
  };
  assert.match(boxText('node:ctl-a'), /<g class="mark mark-warning"><circle class="mark-warning" [^>]*\/><text [^>]*>1<\/text><\/g><\/g>/);
  assert.match(boxText('cluster:pcs'), /<g class="mark mark-error">/);
  assert.doesNotMatch(boxText('node:ctl-b'), /class="mark/);
});

test('every renderer gives the same bytes for the same picture', async () => {
  const a = await nastyGraph();
  const b = await nastyGraph();
  assert.equal(renderSvg(a), renderSvg(b));
  assert.equal(renderHtml(a), renderHtml(b));
  assert.equal(renderMermaid(a), renderMermaid(b));
});

test('HTML: a standalone page holding the SVG and a legend, nothing loaded from elsewhere', async () => {
  const g = await nastyGraph();
  const html = renderHtml(g);
  assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
  assert.ok(html.includes(renderSvg(g, { inline: true })));
  assert.ok(html.includes('<title>region-one: topology</title>'));
  assert.doesNotMatch(html, /https?:\/\//);
  assert.doesNotMatch(html, /<(script|link|img|iframe)\b|@import|url\(/);
  // the legend names the kinds, and the states this picture uses (not the others)
  for (const s of ['failure domain (rack, room, power feed)', 'virtual IP', 'failed node', 'degraded', 'available'])
    assert.ok(html.includes(s), s);
  assert.ok(!html.includes('split brain'));
  // 5 kinds, 3 edges, 3 marks, 3 states in the legend, and the picture
  assert.equal(html.match(/<svg /g)!.length, 5 + 3 + 3 + 3 + 1);
});

test('Mermaid: a flowchart with a subgraph per failure domain, the same edges, ids made safe, labels escaped', async () => {
  const m = smallModel();
  m.services[1].name = NASTY;
  const g = buildGraph(m, {
    findings: [{ file: FILE, span: { start: 110, end: 112 }, severity: 'warning', rule: 'r1', message: 'm' }],
    result: {
      name: 'ctl-c fails',
      failed: ['ctl-c'],
      partitions: [],
      clusters: [],
      vips: [{ name: 'internal', holders: ['ctl-a', 'ctl-b'], explain: '' }],
      services: [{ name: 'keystone', verdict: 'degraded', running: [], explain: '' }],
    },
  });
  assert.equal(
    renderMermaid({ ...g, width: 0, height: 0 }),
    `flowchart TB
  subgraph domain_rack_a["rack-a"]
    node_ctl_a["ctl-a<br/>10.0.0.11"]
    node_ctl_b["ctl-b<br/>10.0.0.12"]
  end
  subgraph domain_rack_b["rack-b"]
    node_ctl_c["ctl-c<br/>10.0.0.13"]
  end
  cluster_pcs{{"pcs<br/>3 votes · quorum 2"}}
  cluster_galera{{"galera<br/>Galera · 3 nodes"}}
  cluster_rabbitmq{{"rabbitmq<br/>RabbitMQ · 3 nodes"}}
  cluster_keepalived{{"keepalived<br/>keepalived · VRID 51"}}
  vip_internal(["internal<br/>10.0.0.10"])
  service_keystone("keystone<br/>active-active")
  service_db_1_____quoted___x_("db#lt;1#gt; #amp; #quot;quoted#quot; 'x'<br/>clustered")
  cluster_pcs --- node_ctl_a
  cluster_pcs --- node_ctl_b
  cluster_pcs --- node_ctl_c
  cluster_galera --- node_ctl_a
  cluster_galera --- node_ctl_b
  cluster_galera --- node_ctl_c
  cluster_rabbitmq --- node_ctl_a
  cluster_rabbitmq --- node_ctl_b
  cluster_rabbitmq --- node_ctl_c
  cluster_keepalived --- node_ctl_a
  cluster_keepalived --- node_ctl_b
  vip_internal -.-> cluster_keepalived
  service_keystone --> node_ctl_a
  service_keystone --> node_ctl_b
  service_keystone --> node_ctl_c
  service_db_1_____quoted___x_ --> node_ctl_a
  service_db_1_____quoted___x_ --> node_ctl_b
  service_db_1_____quoted___x_ --> node_ctl_c
  classDef failed fill:#d9d9d9,stroke:#7f7f7f,color:#6e7781
  class node_ctl_c failed
  classDef split_brain fill:#ead7f5,stroke:#7b1fa2
  class cluster_keepalived,vip_internal split_brain
  classDef degraded fill:#fff1c2,stroke:#c79100
  class service_keystone degraded
  classDef warning stroke:#f57c00,stroke-width:3px
  class node_ctl_a warning
`,
  );
});

test('Mermaid: two ids that become the same after the replacement are told apart', () => {
  const m = smallModel();
  m.nodes.push({ name: 'ctl_a', domain: 'rack-b', roles: [] });
  const text = renderMermaid({ ...buildGraph(m), width: 0, height: 0 });
  assert.ok(text.includes('    node_ctl_a["ctl-a<br/>10.0.0.11"]\n'));
  assert.ok(text.includes('    node_ctl_a_2["ctl_a"]\n'));
});
