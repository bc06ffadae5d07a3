/**
 * What must hold for any input, however broken: the check and the editor services never throw,
 * finish in time, keep every range inside its document, give the same answer twice, and the
 * editor's incremental manifest parse agrees with the full one.
 */
import { analyse } from '../../server/src/engine/analyse';
import { IncrementalManifestParser } from '../../server/src/engine/documents/manifest/incremental';
import { languageOf } from '../../server/src/engine/languages';
import type { DocumentKind, Span } from '../../server/src/engine/types';
import { Workspace } from '../../server/src/engine/workspace/workspace';

export interface Violation {
  property: 'throws' | 'slow' | 'range' | 'deterministic' | 'incremental';
  detail: string;
}

const docLink = (id: string) => `docs/rules/${id}.md`;

/** Offsets the services are asked at: the ends, a few spread through the text, and every line start of the first lines. */
function offsets(text: string): number[] {
  const out = new Set([0, text.length, text.length >> 1, text.length >> 2, (3 * text.length) >> 2]);
  for (let i = 0, n = 0; i >= 0 && n < 8; n++) {
    out.add(i);
    i = text.indexOf('\n', i) + 1 || -1;
  }
  return [...out].filter((o) => o >= 0 && o <= text.length);
}

function inside(span: Span | undefined, len: number): boolean {
  return (
    !!span && Number.isInteger(span.start) && Number.isInteger(span.end) && 0 <= span.start && span.start <= span.end && span.end <= len
  );
}

/** The findings as compared between runs (fixes' edits included, related locations included). */
const shape = (r: ReturnType<typeof analyse>) => JSON.stringify(r?.findings ?? null);

/**
 * Checks one input in `ws` (which holds its deployment's other files), and one file that reads it
 * as a peer. Leaves `ws` as it found it.
 */
export function checkInput(ws: Workspace, path: string, kind: DocumentKind, text: string, budgetMs: number): Violation[] {
  const out: Violation[] = [];
  const before = ws.textOf(path);
  const texts = new Map<string, string>();
  const len = (p: string) => texts.get(p)?.length ?? ws.textOf(p)?.length ?? -1;
  try {
    ws.setFile(path, text, kind);
    texts.set(path, text);
    const t0 = performance.now();
    const r = analyse(ws, path);
    const ms = performance.now() - t0;
    if (ms > budgetMs) out.push({ property: 'slow', detail: `check took ${ms.toFixed(0)} ms (${text.length} chars)` });
    if (!r) return [{ property: 'throws', detail: 'no analysis for a file of a known kind' }];
    for (const f of r.findings) {
      if (!inside(f.span, text.length)) out.push({ property: 'range', detail: `${f.rule} at ${JSON.stringify(f.span)} of ${text.length}` });
      for (const fix of f.fixes)
        for (const e of fix.edits)
          if (!inside(e, text.length))
            out.push({ property: 'range', detail: `fix of ${f.rule} edits ${e.start}-${e.end} of ${text.length}` });
      for (const rel of f.related ?? [])
        if (!inside(rel.span, len(rel.file)))
          out.push({ property: 'range', detail: `${f.rule} related ${rel.file} ${JSON.stringify(rel.span)}` });
    }
    // a check cut short by the time budget (check-incomplete) depends on the machine's load: not compared
    const cut = (x: ReturnType<typeof analyse>) => !!x?.findings.some((f) => f.rule === 'check-incomplete');
    const again = analyse(ws, path);
    if (!cut(r) && !cut(again) && shape(again) !== shape(r))
      out.push({ property: 'deterministic', detail: 'a second check of the same text differs' });
    const service = languageOf(kind).service;
    const t1 = performance.now();
    for (const o of offsets(text)) {
      const h = service.hover?.(r, o, docLink);
      if (h && !inside(h.span, text.length)) out.push({ property: 'range', detail: `hover at ${o}: ${JSON.stringify(h.span)}` });
      const c = service.complete?.(r, text, o);
      if (c && !inside({ start: c.replaceStart, end: c.replaceEnd }, text.length))
        out.push({ property: 'range', detail: `completion at ${o}: ${c.replaceStart}-${c.replaceEnd}` });
    }
    const walk = (nodes: ReturnType<NonNullable<typeof service.symbols>>) => {
      for (const s of nodes) {
        if (!inside(s.span, text.length) || !inside(s.selection, text.length))
          out.push({ property: 'range', detail: `symbol ${JSON.stringify(s.name.slice(0, 40))} ${JSON.stringify(s.span)}` });
        walk(s.children);
      }
    };
    walk(service.symbols?.(r) ?? []);
    const sms = performance.now() - t1;
    if (sms > budgetMs) out.push({ property: 'slow', detail: `hover, completion and outline took ${sms.toFixed(0)} ms` });
    if (kind === 'manifest') {
      // the editor parses a manifest piece by piece, keeping the pieces of the text before the edit
      const parser = new IncrementalManifestParser();
      if (before !== undefined) parser.parse(before);
      const inc = analyse(ws, path, undefined, parser);
      if (!cut(inc) && !cut(r) && shape(inc) !== shape(r))
        out.push({ property: 'incremental', detail: 'the incremental parse finds other things than the full parse' });
    }
    // a file that reads this one's facts (another node's corosync.conf, the manifest's files)
    const dependent = ws.dependents(path).find((p) => p !== path);
    if (dependent) {
      const d = analyse(ws, dependent);
      for (const f of d?.findings ?? [])
        for (const rel of f.related ?? [])
          if (!inside(rel.span, len(rel.file)))
            out.push({ property: 'range', detail: `${dependent}: ${f.rule} related ${rel.file} ${JSON.stringify(rel.span)}` });
    }
  } catch (e) {
    out.push({ property: 'throws', detail: ((e as Error).stack ?? String(e)).split('\n').slice(0, 4).join(' | ') });
  } finally {
    if (before === undefined) ws.removeFile(path);
    else ws.setFile(path, before, kind);
  }
  return out;
}
