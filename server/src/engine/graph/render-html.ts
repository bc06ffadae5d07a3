/** The topology picture as a standalone HTML page: the SVG and a legend, nothing loaded from elsewhere. */
import { escapeXml, MARK_COLOUR, renderSvg, STATE_STYLE } from './render-svg';
import type { Graph } from './types';

const KINDS: [string, string][] = [
  ['domain', 'failure domain (rack, room, power feed)'],
  ['node', 'node'],
  ['cluster', 'cluster (corosync/Pacemaker, Galera, RabbitMQ, keepalived)'],
  ['vip', 'virtual IP'],
  ['service', 'service'],
];
const EDGES: [string, string][] = [
  ['member', 'cluster member'],
  ['runs', 'service runs on'],
  ['vip', 'VIP moved by / in front of'],
];

export function renderHtml(g: Graph): string {
  const title = escapeXml(`${g.name}: topology`);
  const swatch = (cls: string) =>
    `<svg width="28" height="16"><g class="box ${cls}"><rect class="frame" x="1" y="1" width="26" height="14" rx="3"/></g></svg>`;
  const line = (kind: string) => `<svg width="28" height="16"><polyline class="edge edge-${kind}" points="1,8 27,8"/></svg>`;
  const dot = (colour: string) => `<svg width="16" height="16"><circle cx="8" cy="8" r="6" fill="${colour}"/></svg>`;
  const states = new Set(g.nodes.flatMap((n) => (n.state ? [n.state] : [])));
  const legend = [
    ...KINDS.map(([k, text]) => `<li>${swatch(`kind-${k}`)} ${escapeXml(text)}</li>`),
    ...EDGES.map(([k, text]) => `<li>${line(k)} ${escapeXml(text)}</li>`),
    ...Object.entries(MARK_COLOUR).map(([s, c]) => `<li>${dot(c)} ${s} findings (how many)</li>`),
    ...Object.entries(STATE_STYLE)
      .filter(([s]) => states.has(s as keyof typeof STATE_STYLE))
      .map(([s, c]) => `<li>${swatch(`kind-node state-${s}`)} ${escapeXml(c.meaning)}</li>`),
  ];
  // the SVG's own stylesheet styles the legend's swatches too: its rules are not scoped to it
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:16px;color:#1f2328;background:#ffffff}
h1{font-size:18px;margin:0 0 12px}
ul.legend{list-style:none;padding:0;margin:0 0 12px;display:flex;flex-wrap:wrap;gap:6px 18px;font-size:12px}
ul.legend li{display:flex;align-items:center;gap:6px}
.picture{overflow:auto;border:1px solid #d0d7de;border-radius:6px}
</style>
</head>
<body>
<h1>${title}</h1>
<ul class="legend">
${legend.join('\n')}
</ul>
<div class="picture">
${renderSvg(g, { inline: true })}</div>
</body>
</html>
`;
}
