/**
 * Baselines: `lint --write-baseline FILE` records today's findings, `lint --baseline FILE` reports
 * and fails only on the others. Entries are keyed by rule, file and fingerprint (fingerprint.ts), never
 * by line, so a finding that moves stays baselined. The message is there for the people reading the
 * file; the engine's messages never hold a secret's value.
 */
import * as fs from 'fs';
import { errorReason, PathError } from '../node/files';
import { fingerprints, slashed } from './fingerprint';
import type { BaselineEntry, BaselineState, FileReport } from './report';
export type { BaselineEntry, BaselineState };

export const BASELINE_VERSION = 1;

export interface Baseline {
  version: number;
  tool: string;
  toolVersion: string;
  entries: BaselineEntry[];
}
const keyOf = (e: { rule: string; file: string; fingerprint: string }) => `${e.rule}\0${e.file}\0${e.fingerprint}`;

/** Each report's findings with their fingerprints (computed once, shared by SARIF and baselines). */
export function withFingerprints(reports: FileReport[]): FileReport[] {
  return reports.map((r) => (r.fingerprints ? r : { ...r, fingerprints: fingerprints(r.file, r.lines, r.findings) }));
}

export function makeBaseline(reports: FileReport[], toolVersion: string): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const r of withFingerprints(reports))
    r.findings.forEach((f, i) => {
      const e = { rule: f.rule, file: slashed(r.file), fingerprint: r.fingerprints![i] };
      const had = entries.get(keyOf(e));
      if (had) had.count++;
      else entries.set(keyOf(e), { ...e, count: 1, severity: f.severity, message: f.message });
    });
  return { version: BASELINE_VERSION, tool: 'openstack-ha', toolVersion, entries: [...entries.values()] };
}

/** The baseline FILE (named as the user named it), checked: a file that is missing, not JSON or of another version is bad usage (exit 2). */
export function readBaseline(at: string, file = at): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(at, 'utf8');
  } catch (e) {
    throw new PathError(`cannot read baseline ${file}: ${errorReason(e)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PathError(`baseline ${file} is not JSON (write it with openstack-ha lint --write-baseline ${file})`);
  }
  const b = data as Partial<Baseline> | null;
  if (!b || typeof b !== 'object' || b.version !== BASELINE_VERSION)
    throw new PathError(
      `baseline ${file} is not an openstack-ha baseline of version ${BASELINE_VERSION}${b && typeof b === 'object' && 'version' in b ? ` (its version is ${JSON.stringify(b.version)})` : ''}; write it again with --write-baseline`,
    );
  if (!Array.isArray(b.entries)) throw new PathError(`baseline ${file} has no list of entries`);
  b.entries.forEach((e: Partial<BaselineEntry>, i) => {
    const ok =
      e &&
      typeof e.rule === 'string' &&
      typeof e.file === 'string' &&
      typeof e.fingerprint === 'string' &&
      Number.isInteger(e.count) &&
      e.count! > 0;
    if (!ok) throw new PathError(`baseline ${file}: entry ${i + 1} needs a rule, a file, a fingerprint and a count`);
  });
  return b as Baseline;
}

export interface Compared {
  /** The reports with each finding's state (and fingerprint). */
  reports: FileReport[];
  /** Findings the baseline holds. */
  baselined: number;
  /** Entries (one per finding) the baseline holds that are no longer found. */
  absent: BaselineEntry[];
}

/** Each finding is unchanged while the baseline has an entry for its key left, else new. */
export function compare(reports: FileReport[], baseline: Baseline): Compared {
  const left = new Map<string, number>();
  for (const e of baseline.entries) left.set(keyOf(e), (left.get(keyOf(e)) ?? 0) + e.count);
  let baselined = 0;
  const out = withFingerprints(reports).map((r) => {
    const states = r.findings.map((f, i): BaselineState => {
      const k = keyOf({ rule: f.rule, file: slashed(r.file), fingerprint: r.fingerprints![i] });
      const n = left.get(k) ?? 0;
      if (!n) return 'new';
      left.set(k, n - 1);
      baselined++;
      return 'unchanged';
    });
    return { ...r, states };
  });
  const absent: BaselineEntry[] = [];
  for (const e of baseline.entries) {
    const k = keyOf(e);
    const n = Math.min(left.get(k) ?? 0, e.count);
    left.set(k, (left.get(k) ?? 0) - n);
    for (let i = 0; i < n; i++) absent.push({ ...e, count: 1 });
  }
  return { reports: out, baselined, absent };
}

/** The reports with only the findings the baseline does not hold: what text and JSON show and the exit status counts. */
export function onlyNew(reports: FileReport[]): FileReport[] {
  return reports.map((r) => {
    if (!r.states) return r;
    const keep = r.findings.map((_, i) => r.states![i] === 'new');
    return {
      ...r,
      findings: r.findings.filter((_, i) => keep[i]),
      fingerprints: r.fingerprints?.filter((_, i) => keep[i]),
      states: r.states.filter((_, i) => keep[i]),
    };
  });
}
