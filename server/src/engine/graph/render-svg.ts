/**
 * The laid-out topology picture as one self-contained SVG: a style per kind of box, a colour per what-if
 * state, a mark in the corner of a box with findings, a <title> per element (tooltips) and a data-id per
 * element (the topology view finds the clicked element by it).
 */
import { BOX_PADDING, DOMAIN_HEADER, FONT_SIZE, LINE_HEIGHT } from './layout';
import type { Graph, GraphNode } from './types';

/** Text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The colours of the what-if states and of the finding marks (the HTML legend shows the same). */
export const STATE_STYLE: Record<NonNullable<GraphNode['state']>, { fill: string; stroke: string; meaning: string }> = {
  failed: { fill: '#d9d9d9', stroke: '#7f7f7f', meaning: 'failed node' },
  down: { fill: '#fbd5d5', stroke: '#c62828', meaning: 'down' },
  'split-brain': { fill: '#ead7f5', stroke: '#7b1fa2', meaning: 'split brain' },
  blocked: { fill: '#fde3c8', stroke: '#e65100', meaning: 'blocked' },
  degraded: { fill: '#fff1c2', stroke: '#c79100', meaning: 'degraded' },
  available: { fill: '#d7f0d9', stroke: '#2e7d32', meaning: 'available' },
};
export const MARK_COLOUR = { error: '#d32f2f', warning: '#f57c00', info: '#1976d2' } as const;

const STYLE = `
.edge{fill:none;stroke:#8a8f98;stroke-width:1.3}
.edge-member{stroke-dasharray:none}
.edge-runs{stroke:#5b8def}
.edge-vip{stroke:#a05bd6;stroke-dasharray:5 3}
.box rect.frame{stroke-width:1.5}
.kind-domain rect.frame{fill:#f6f8fa;stroke:#9aa4b1;stroke-dasharray:6 3}
.kind-node rect.frame{fill:#ffffff;stroke:#44546a}
.kind-cluster rect.frame{fill:#e8f1fd;stroke:#2f6fcf}
.kind-vip rect.frame{fill:#f5ecfc;stroke:#8e44ad}
.kind-service rect.frame{fill:#eaf7ee;stroke:#3c8d53}
text{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:${FONT_SIZE}px;fill:#1f2328}
text.label{font-weight:600}
text.detail{fill:#57606a}
.state-failed text{text-decoration:line-through;fill:#6e7781}
${Object.entries(STATE_STYLE)
  .map(([s, c]) => `.state-${s} rect.frame{fill:${c.fill};stroke:${c.stroke};stroke-width:2.5}`)
  .join('\n')}
${Object.entries(MARK_COLOUR)
  .map(([s, c]) => `.mark-${s}{fill:${c}}`)
  .join('\n')}
.mark text{fill:#ffffff;font-size:10px;font-weight:700}
`;

const n1 = (v: number) => String(Math.round(v * 10) / 10);

/** `inline`: for an HTML page, without the XML namespace declaration (the page gives it). */
export function renderSvg(g: Graph, opts: { inline?: boolean } = {}): string {
  const w = n1(g.width);
  const h = n1(g.height);
  const ns = opts.inline ? '' : ' xmlns="http://www.w3.org/2000/svg"';
  const out: string[] = [
    `<svg${ns} width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${escapeXml(`Topology of ${g.name}`)}">`,
    `<title>${escapeXml(`Topology of ${g.name}`)}</title>`,
    `<style>${STYLE}</style>`,
  ];
  // domains first: the nodes are drawn on top of them, the edges above the domains
  for (const n of g.nodes) if (n.kind === 'domain') out.push(box(n));
  out.push('<g class="edges">');
  for (const e of g.edges) {
    if (!e.points.length) continue;
    const pts = e.points.map((p) => `${n1(p.x)},${n1(p.y)}`).join(' ');
    out.push(`<polyline class="edge edge-${e.kind}" data-id="${escapeXml(e.id)}" points="${pts}"/>`);
  }
  out.push('</g>');
  for (const n of g.nodes) if (n.kind !== 'domain') out.push(box(n));
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** The tooltip: what the box is, its second line, its state and its findings. */
export function tooltip(n: GraphNode): string {
  const lines = [`${n.kind} ${n.members ? n.members.join(', ') : n.label}`];
  if (n.detail) lines.push(n.detail);
  if (n.state) lines.push(`what-if: ${STATE_STYLE[n.state].meaning}`);
  for (const f of n.findings ?? []) lines.push(`${f.severity}: ${f.message} (${f.rule})`);
  return lines.join('\n');
}

function box(n: GraphNode): string {
  const cls = ['box', `kind-${n.kind}`, n.state ? `state-${n.state}` : ''].filter(Boolean).join(' ');
  const x = n1(n.x);
  const y = n1(n.y);
  const rx = n.kind === 'vip' ? 14 : n.kind === 'service' ? 8 : n.kind === 'domain' ? 6 : 3;
  const parts = [
    `<g class="${cls}" data-id="${escapeXml(n.id)}">`,
    `<title>${escapeXml(tooltip(n))}</title>`,
    `<rect class="frame" x="${x}" y="${y}" width="${n1(n.width)}" height="${n1(n.height)}" rx="${rx}"/>`,
  ];
  const cx = n1(n.x + n.width / 2);
  if (n.kind === 'domain') {
    parts.push(`<text class="label" x="${n1(n.x + BOX_PADDING)}" y="${n1(n.y + DOMAIN_HEADER / 2 + 6)}">${escapeXml(n.label)}</text>`);
  } else {
    const top = n.y + BOX_PADDING - 2 + LINE_HEIGHT / 2;
    parts.push(`<text class="label" x="${cx}" y="${n1(top)}" text-anchor="middle" dominant-baseline="middle">${escapeXml(n.label)}</text>`);
    if (n.detail)
      parts.push(
        `<text class="detail" x="${cx}" y="${n1(top + LINE_HEIGHT)}" text-anchor="middle" dominant-baseline="middle">${escapeXml(n.detail)}</text>`,
      );
  }
  const worst = n.findings?.[0];
  if (worst) {
    // the worst finding's colour, with how many there are
    const mx = n1(n.x + n.width - 2);
    const my = n1(n.y + 2);
    parts.push(
      `<g class="mark mark-${worst.severity}"><circle class="mark-${worst.severity}" cx="${mx}" cy="${my}" r="8"/>` +
        `<text x="${mx}" y="${my}" text-anchor="middle" dominant-baseline="central">${n.findings!.length}</text></g>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}
