// The topology view's page script. The language server lays the picture out; this only draws it
// (boxes, labels, edges, finding marks, what-if colours) and reports clicks to the extension.
// Loaded in the webview under a nonce; in Node (tests) it exports the two pure drawing functions.
(function () {
  'use strict';

  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);
  const n = (v) => String(Math.round(Number(v) * 10) / 10);

  /** How deep a box is nested (a failure domain 0, a node in it 1): parents are drawn first. */
  function depthOf(node, byId) {
    let d = 0;
    for (let p = node.parent, seen = 0; p && byId.has(p) && seen < 16; p = byId.get(p).parent, seen++) d++;
    return d;
  }

  function box(node, container) {
    const classes = ['box', `kind-${node.kind}`];
    if (node.state) classes.push(`state-${node.state}`);
    const worst = node.findings && node.findings.length ? node.findings[0].severity : undefined;
    if (worst) classes.push(`finding-${worst}`);
    const tip = [node.label, node.detail, node.state ? `what if: ${node.state}` : undefined]
      .concat((node.findings || []).map((f) => `${f.severity}: ${f.message} (${f.rule})`))
      .filter(Boolean)
      .join('\n');
    const x = node.x,
      y = node.y,
      w = node.width,
      h = node.height;
    // a container's label sits in its top-left corner, out of its children's way; a leaf's is centred
    const lx = container ? x + 8 : x + w / 2;
    const anchor = container ? 'start' : 'middle';
    const ly = container ? y + 16 : node.detail ? y + h / 2 - 3 : y + h / 2 + 4;
    let out = `<g class="${classes.join(' ')}" data-id="${esc(node.id)}" tabindex="0" role="button" aria-label="${esc(tip)}">`;
    out += `<title>${esc(tip)}</title>`;
    out += `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="4"/>`;
    out += `<text class="label" x="${n(lx)}" y="${n(ly)}" text-anchor="${anchor}">${esc(node.label)}</text>`;
    if (node.detail && !container)
      out += `<text class="detail" x="${n(lx)}" y="${n(ly + 14)}" text-anchor="${anchor}">${esc(node.detail)}</text>`;
    if (worst) {
      const cx = x + w - 9,
        cy = y + 9;
      out += `<g class="mark mark-${worst}"><circle cx="${n(cx)}" cy="${n(cy)}" r="7"/>`;
      out += `<text x="${n(cx)}" y="${n(cy + 4)}" text-anchor="middle">${node.findings.length}</text></g>`;
    }
    return out + '</g>';
  }

  /** The picture as SVG markup: containers, then edges, then the boxes inside them. */
  function renderSvg(graph) {
    const byId = new Map(graph.nodes.map((x) => [x.id, x]));
    const parents = new Set(graph.nodes.map((x) => x.parent).filter(Boolean));
    const ordered = graph.nodes
      .map((x, i) => ({ x, i, d: depthOf(x, byId) }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .map((e) => e.x);
    const w = Math.ceil(graph.width),
      h = Math.ceil(graph.height);
    let out = `<svg xmlns="http://www.w3.org/2000/svg" class="topology" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="group" aria-label="${esc(graph.name)}">`;
    out += '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">';
    out += '<path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>';
    for (const x of ordered) if (parents.has(x.id)) out += box(x, true);
    for (const e of graph.edges) {
      if (!e.points || e.points.length < 2) continue;
      const pts = e.points.map((p) => `${n(p.x)},${n(p.y)}`).join(' ');
      out += `<polyline class="edge edge-${esc(e.kind)}" data-edge="${esc(e.id)}" points="${pts}" marker-end="url(#arrow)"/>`;
    }
    for (const x of ordered) if (!parents.has(x.id)) out += box(x, false);
    return out + '</svg>';
  }

  /** One line per service of a what-if result: "keystone: degraded — <the arithmetic>". */
  function renderSummary(result) {
    return result.services
      .map((s) => `<li class="verdict verdict-${esc(s.verdict)}"><b>${esc(s.name)}</b>: ${esc(s.verdict)} — ${esc(s.explain)}</li>`)
      .join('');
  }

  if (typeof module === 'object' && module.exports) module.exports = { renderSvg, renderSummary };
  if (typeof acquireVsCodeApi !== 'function') return;

  // the page: the extension posts {type:'graph'|'message'}, the page posts ready, reveal, whatIf and clear
  const vscode = acquireVsCodeApi();
  const $ = (id) => document.getElementById(id);
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'message') {
      $('canvas').innerHTML = '';
      $('summary').innerHTML = '';
      $('scenario').textContent = '';
      $('clear').hidden = true;
      $('message').textContent = m.text;
      return;
    }
    if (m.type !== 'graph') return;
    $('title').textContent = m.name;
    $('source').textContent = m.source || '';
    $('message').textContent = '';
    $('canvas').innerHTML = renderSvg(m.graph);
    // scaled down to the panel's width, but not below a readable size (the panel scrolls then)
    $('canvas').firstElementChild.style.minWidth = `${Math.min(Math.ceil(m.graph.width), 720)}px`;
    $('scenario').textContent = m.result ? `What if ${m.result.name}:` : '';
    $('summary').innerHTML = m.result ? renderSummary(m.result) : '';
    $('clear').hidden = !m.result;
    document.body.classList.toggle('overlay', !!m.result);
  });
  const reveal = (target) => {
    const el = target instanceof Element ? target.closest('[data-id]') : null;
    if (el) vscode.postMessage({ type: 'reveal', id: el.getAttribute('data-id') });
  };
  $('canvas').addEventListener('click', (e) => reveal(e.target));
  $('canvas').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') reveal(e.target);
  });
  $('what-if').addEventListener('click', () => vscode.postMessage({ type: 'whatIf' }));
  $('clear').addEventListener('click', () => vscode.postMessage({ type: 'clear' }));
  vscode.postMessage({ type: 'ready' });
})();
