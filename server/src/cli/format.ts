/** Output formats: text for people, JSON and SARIF 2.1.0 for machines (../shared/spec/cli.md). */
import { Finding, Related } from '../engine/types';
import { LANGUAGES } from '../engine/languages';
import { LineIndex } from '../engine/text/line-index';
import { ALL_RULES } from '../engine/rules';
import { ruleDocUri } from '../node/docs';

export interface FileReport {
  file: string;
  lines: LineIndex;
  findings: Finding[];
  /** A file or folder that could not be read: it has its file-unreadable finding, and is not counted as checked. */
  unread?: boolean;
  /** A settings file (.openstack-ha.yaml) with findings of its own: reported, and not counted among the files checked. */
  settings?: boolean;
}
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

/** "2 HA manifests, 1 haproxy.cfg": how many files of each kind were checked, in the order of LANGUAGES. */
export function kindCounts(kinds: { kind: string }[]): string {
  return LANGUAGES.map((l) => [l.label, kinds.filter((k) => k.kind === l.kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}${n === 1 ? '' : /[sx]$|\.\w+$/.test(label) ? '' : 's'}`)
    .join(', ');
}

const count = (reports: FileReport[], sev: string) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === sev).length, 0);

export function formatText(
  reports: FileReport[],
  checked: number,
  related: RelatedResolver = NONE,
  kinds: { kind: string }[] = [],
  unread = 0,
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
  return out.join('\n') + '\n';
}

export function formatJson(reports: FileReport[], related: RelatedResolver = NONE, files: { file: string; kind: string }[] = []): string {
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
  return JSON.stringify({ version: 1, files, diagnostics }, null, 2) + '\n';
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(reports: FileReport[], version: string, related: RelatedResolver = NONE): string {
  const rules = ALL_RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.title },
    fullDescription: { text: r.why },
    helpUri: ruleDocUri(r.id),
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((r) =>
    r.findings.map((f) => {
      const s = r.lines.position(f.span.start),
        e = r.lines.position(f.span.end);
      const region = { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
      const uri = r.file.split('\\').join('/');
      return {
        ruleId: f.rule,
        ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region } }],
        ...(f.related?.length
          ? {
              relatedLocations: f.related.map(related).map((x, id) => ({
                id,
                message: { text: x.message },
                physicalLocation: {
                  artifactLocation: { uri: x.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
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
    }),
  );
  const sarif = {
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

function sarifRegion(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}
