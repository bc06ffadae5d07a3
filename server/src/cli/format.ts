/** Output formats: text for people, JSON and SARIF 2.1.0 for machines (../shared/spec/cli.md). */
import type * as Sarif from 'sarif';
import { Related } from '../engine/types';
import { kindCounts } from '../engine/languages';
import { LineIndex } from '../engine/text/line-index';
import { ALL_RULES, ruleKinds } from '../engine/rules';
import { ruleDocPath } from '../node/docs';
import * as fs from 'fs';
import { fingerprints, FINGERPRINT_KEY, slashed } from './fingerprint';
import type { BaselineEntry, BaselineSummary, FileReport } from './report';
export type { BaselineSummary, FileReport };

type Range = ReturnType<LineIndex['range']>;
/** A related location with its file named for output and its range in that file. */
export interface ResolvedRelated {
  file: string;
  range: Range;
  message: string;
}
export type RelatedResolver = (r: Related) => ResolvedRelated;
const NONE: RelatedResolver = (r) => ({
  file: r.file,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  message: r.message,
});

const count = (reports: FileReport[], sev: string) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === sev).length, 0);

export function formatText(
  reports: FileReport[],
  checked: number,
  related: RelatedResolver = NONE,
  kinds: { kind: string }[] = [],
  unread = 0,
  baseline?: BaselineSummary,
): string {
  const out: string[] = [];
  for (const r of reports) {
    if (!r.findings.length) continue;
    out.push(r.file);
    for (const f of r.findings) {
      const p = r.lines.position(f.span.start);
      out.push(`${r.file}:${p.line + 1}:${p.character + 1}  ${f.severity}  ${f.message}  ${f.rule}`);
      for (const x of (f.related ?? []).map(related))
        out.push(`    see ${x.file}:${x.range.start.line + 1}:${x.range.start.character + 1}  ${x.message}`);
    }
    out.push('');
  }
  const e = count(reports, 'error'),
    w = count(reports, 'warning'),
    i = count(reports, 'info') + count(reports, 'hint');
  const withFindings = reports.filter((r) => r.findings.length && !r.unread && !r.settings).length;
  out.push(
    `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info in ${withFindings} of ${checked} file${checked === 1 ? '' : 's'} checked${kinds.length ? ` (${kindCounts(kinds)})` : ''}` +
      (unread ? `; ${unread} file${unread === 1 ? '' : 's'} or folder${unread === 1 ? '' : 's'} not read` : ''),
  );
  if (baseline)
    out.push(
      `${baseline.baselined} finding${baseline.baselined === 1 ? '' : 's'} in the baseline not shown; ${baseline.absent} baseline entr${baseline.absent === 1 ? 'y' : 'ies'} no longer found`,
    );
  return out.join('\n') + '\n';
}

export function formatJson(
  reports: FileReport[],
  related: RelatedResolver = NONE,
  files: { file: string; kind: string }[] = [],
  baseline?: BaselineSummary,
): string {
  const diagnostics = reports.flatMap((r) =>
    r.findings.map((f) => ({
      file: r.file,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: r.lines.range(f.span.start, f.span.end),
      fixes: f.fixes.map((x) => ({
        title: x.title,
        safe: x.safe,
        edits: x.edits.map((e) => ({ file: r.file, range: r.lines.range(e.start, e.end), newText: e.newText })),
      })),
      ...(f.related?.length ? { related: f.related.map(related) } : {}),
    })),
  );
  return JSON.stringify({ version: 1, files, diagnostics, ...(baseline ? { baseline } : {}) }, null, 2) + '\n';
}

const SARIF_LEVEL: Record<string, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Where the rules' pages are published (docs/rules/ of the repository named in package.json): one place to change. */
export const RULE_DOCS_URL = 'https://github.com/openstack-ha/openstack-ha/blob/main/docs/rules/';
export const ruleHelpUri = (id: string) => `${RULE_DOCS_URL}${id}.md`;

/**
 * A rule's page as SARIF help: the markdown as shipped, its relative links made absolute (code
 * scanning shows it away from the repository), and a plain-text rendering of it.
 */
export function ruleHelp(id: string, fallback: string): { text: string; markdown?: string } {
  let page: string;
  try {
    page = fs.readFileSync(ruleDocPath(id), 'utf8');
  } catch {
    return { text: fallback };
  }
  const markdown = page.replace(/\]\((?!https?:|mailto:|#)([^)\s]+)\)/g, (_, target: string) => `](${new URL(target, ruleHelpUri(id))})`);
  return { text: plainText(markdown), markdown };
}

function plainText(markdown: string): string {
  let code = false;
  const lines: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) code = !code;
    else if (code) lines.push(`    ${line}`);
    else
      lines.push(
        line
          .replace(/^#{1,6}\s+/, '')
          .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)')
          .replace(/\*\*(.+?)\*\*/g, '$1')
          .replace(/`([^`]+)`/g, '$1'),
      );
  }
  return lines.join('\n').trim() + '\n';
}

export function formatSarif(reports: FileReport[], version: string, related: RelatedResolver = NONE, absent: BaselineEntry[] = []): string {
  const rules: Sarif.ReportingDescriptor[] = ALL_RULES.map((r) => {
    const kinds = ruleKinds(r.id);
    return {
      id: r.id,
      shortDescription: { text: r.title },
      fullDescription: { text: r.why },
      helpUri: ruleHelpUri(r.id),
      help: ruleHelp(r.id, `${r.title}. ${r.why}`),
      defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
      properties: { tags: ['reliability', 'high-availability', ...(kinds === 'all' ? [] : kinds)] },
    };
  });
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = reports.flatMap((r) => {
    const prints = r.fingerprints ?? fingerprints(r.file, r.lines, r.findings);
    return r.findings.map((f, n): Sarif.Result => {
      const s = r.lines.position(f.span.start),
        e = r.lines.position(f.span.end);
      const region = { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
      const uri = slashed(r.file);
      return {
        ruleId: f.rule,
        ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: withLinks(f.message, (f.related ?? []).map(related)) },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region } }],
        partialFingerprints: { [FINGERPRINT_KEY]: prints[n] },
        ...(r.states ? { baselineState: r.states[n] } : {}),
        ...(f.related?.length
          ? {
              relatedLocations: f.related.map(related).map((x, id) => ({
                id,
                message: { text: x.message },
                physicalLocation: {
                  artifactLocation: { uri: slashed(x.file), uriBaseId: '%SRCROOT%' },
                  region: sarifRegion(x.range),
                },
              })),
            }
          : {}),
        ...(f.fixes.length
          ? {
              fixes: f.fixes.map((x) => ({
                description: { text: x.title },
                artifactChanges: [
                  {
                    artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
                    replacements: x.edits.map((ed) => {
                      const a = r.lines.position(ed.start),
                        b = r.lines.position(ed.end);
                      return {
                        deletedRegion: {
                          startLine: a.line + 1,
                          startColumn: a.character + 1,
                          endLine: b.line + 1,
                          endColumn: b.character + 1,
                        },
                        insertedContent: { text: ed.newText },
                      };
                    }),
                  },
                ],
              })),
            }
          : {}),
      };
    });
  });
  // entries of the baseline no longer found: at their file, for the record (baselineState absent)
  for (const e of absent)
    results.push({
      ruleId: e.rule,
      ...(index.has(e.rule) ? { ruleIndex: index.get(e.rule) } : {}),
      level: SARIF_LEVEL[e.severity] ?? rules[index.get(e.rule) ?? -1]?.defaultConfiguration?.level ?? 'warning',
      message: { text: e.message ?? e.rule },
      locations: [{ physicalLocation: { artifactLocation: { uri: e.file, uriBaseId: '%SRCROOT%' } } }],
      partialFingerprints: { [FINGERPRINT_KEY]: e.fingerprint },
      baselineState: 'absent',
    });
  // typed by @types/sarif: the compiler holds the output to SARIF 2.1.0's shape
  const sarif: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'openstack-ha', version, informationUri: 'https://github.com/openstack-ha/openstack-ha', rules } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/**
 * Code scanning shows a related location only where the message links to it (`[text](id)`, the
 * location's id): the places a cross-file finding compared with are named after the message.
 */
function withLinks(message: string, related: ResolvedRelated[]): string {
  if (!related.length) return message;
  const esc = (s: string) => s.replace(/[[\]\\]/g, (c) => `\\${c}`);
  return `${message} (see ${related.map((x, id) => `[${esc(x.message)}](${id})`).join(', ')})`;
}

function sarifRegion(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}
