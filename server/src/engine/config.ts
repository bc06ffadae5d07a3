/**
 * Project configuration (.openstack-ha.yaml) and suppression comments. Parsing only: finding the
 * file on disk is the host's job (node/config-files.ts), so the engine stays free of I/O.
 */
import { parseDocument } from 'yaml';
import { tooDeepMessage, yamlTooDeep } from './text/depth';
import { Environment, ENVIRONMENTS, Finding, Severity, SeveritySetting } from './types';
import { isRuleId } from './rules';
import { editDistance } from './text/suggest';
import { ALL_RULES } from './rules';
import { KNOWN_RELEASES, Release } from './knowledge/options/catalog';

export const CONFIG_FILE_NAMES = ['.openstack-ha.yaml', '.openstack-ha.yml'];

export interface LintConfig {
  /** Used when a manifest has no metadata.environment. */
  environment?: Environment;
  /** The OpenStack release whose option catalogue checks .conf files (default: the newest shipped). */
  release?: Release;
  /** The corosync major version corosync.conf is read for: 3 (every supported distribution's) unless a project says 2. */
  corosync?: CorosyncVersion;
  /** The deployment for .conf checks when no HA manifest describes it: VIP addresses, controllers (names or addresses). */
  vips?: string[];
  controllers?: string[];
  /** Per-rule severity, or 'off'. */
  rules: Record<string, SeveritySetting>;
}

export type CorosyncVersion = 2 | 3;
export const EMPTY_CONFIG: LintConfig = { rules: {} };
const SEVERITIES: SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export class ConfigError extends Error {}

/** Parses a config file's text; throws ConfigError with every problem, one per line. */
export function parseConfig(text: string, source = '.openstack-ha.yaml'): LintConfig {
  // the yaml composer recurses per level: a settings file nested past the bound is refused, never a stack overflow
  if (yamlTooDeep(text) >= 0) throw new ConfigError(`${source}: ${tooDeepMessage('YAML')}`);
  const doc = parseDocument(text, { prettyErrors: false });
  const problems: string[] = doc.errors.map((e) => `${source}: ${e.message.split('\n')[0]}`);
  const raw = problems.length ? null : (doc.toJS({ maxAliasCount: 100 }) as unknown);
  const cfg: LintConfig = { rules: {} };
  if (raw !== null && raw !== undefined) {
    if (typeof raw !== 'object' || Array.isArray(raw)) problems.push(`${source}: the configuration must be a mapping`);
    else {
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        if (k === 'environment') {
          if (typeof v === 'string' && (ENVIRONMENTS as readonly string[]).includes(v)) cfg.environment = v as Environment;
          else problems.push(`${source}: environment must be one of ${ENVIRONMENTS.join(', ')}`);
        } else if (k === 'release') {
          if (typeof v === 'string' && (KNOWN_RELEASES as string[]).includes(v.toLowerCase())) cfg.release = v.toLowerCase() as Release;
          else problems.push(`${source}: release must be one of ${KNOWN_RELEASES.join(', ')}`);
        } else if (k === 'corosync') {
          if (v === 2 || v === 3) cfg.corosync = v;
          else problems.push(`${source}: corosync must be 2 or 3 (the major version corosync.conf is written for; 3 when not set)`);
        } else if (k === 'vips' || k === 'controllers') {
          if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x))
            problems.push(`${source}: ${k} must be a list of ${k === 'vips' ? 'addresses' : 'host names or addresses'}`);
          else cfg[k] = v as string[];
        } else if (k === 'rules') {
          if (!v || typeof v !== 'object' || Array.isArray(v)) {
            problems.push(`${source}: rules must map rule ids to ${SEVERITIES.join('|')}`);
            continue;
          }
          for (const [id, sev] of Object.entries(v as Record<string, unknown>)) {
            if (!isRuleId(id)) problems.push(`${source}: unknown rule '${id}'${suggestRule(id)}`);
            else if (typeof sev !== 'string' || !SEVERITIES.includes(sev as SeveritySetting))
              problems.push(`${source}: rule '${id}' must be one of ${SEVERITIES.join(', ')}`);
            else cfg.rules[id] = sev as SeveritySetting;
          }
        } else if (k === 'disable') {
          if (!Array.isArray(v)) {
            problems.push(`${source}: disable must be a list of rule ids`);
            continue;
          }
          for (const id of v) {
            if (typeof id !== 'string' || !isRuleId(id))
              problems.push(`${source}: unknown rule '${String(id)}' in disable${typeof id === 'string' ? suggestRule(id) : ''}`);
            else cfg.rules[id] = 'off';
          }
        } else problems.push(`${source}: unknown key '${k}' (expected environment, release, corosync, vips, controllers, rules, disable)`);
      }
    }
  }
  if (problems.length) throw new ConfigError(problems.join('\n'));
  return cfg;
}

function suggestRule(id: string): string {
  // rule ids are long: allow more edits than closest() does for short names
  const ranked = ALL_RULES.map((r) => ({ id: r.id, d: editDistance(id, r.id) })).sort((a, b) => a.d - b.d);
  return ranked[0] && ranked[0].d <= Math.ceil(id.length / 3) ? `; did you mean '${ranked[0].id}'?` : '';
}

/** Later layers win: the file's settings, then the editor's. */
export function mergeConfigs(...layers: (Partial<LintConfig> | undefined)[]): LintConfig {
  const out: LintConfig = { rules: {} };
  for (const l of layers) {
    if (!l) continue;
    if (l.environment) out.environment = l.environment;
    if (l.release) out.release = l.release;
    if (l.corosync) out.corosync = l.corosync;
    if (l.vips) out.vips = l.vips;
    if (l.controllers) out.controllers = l.controllers;
    Object.assign(out.rules, l.rules ?? {});
  }
  return out;
}

export function effectiveSeverity(cfg: LintConfig, rule: string, severity: Severity): SeveritySetting {
  return cfg.rules[rule] ?? severity;
}

/** Suppression comments (`#` or `<!-- -->`): `# openstack-ha-disable-next-line id[, id]`, `# openstack-ha-disable-line id`, `# openstack-ha-disable id` (whole file). No ids means every rule. */
export interface Suppressions {
  file: Set<string> | 'all';
  lines: Map<number, Set<string> | 'all'>;
}

// `<!-- ... -->` too, for the XML of a Pacemaker CIB
const DIRECTIVE = /(?:^|\s)(?:#|<!--)\s*openstack-ha-(disable-next-line|disable-line|disable)\b((?:(?!-->)[^\n#])*)/;

export function parseSuppressions(text: string): Suppressions {
  const s: Suppressions = { file: new Set(), lines: new Map() };
  if (!text.includes('openstack-ha-disable')) return s;
  const lines = text.split(/\r?\n|\r/);
  const add = (line: number, ids: Set<string> | 'all') => {
    const cur = s.lines.get(line);
    s.lines.set(line, cur === 'all' || ids === 'all' ? 'all' : new Set([...(cur ?? []), ...ids]));
  };
  lines.forEach((l, i) => {
    const m = DIRECTIVE.exec(l);
    if (!m) return;
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    const set: Set<string> | 'all' = ids.length ? new Set(ids) : 'all';
    if (m[1] === 'disable-next-line') add(i + 1, set);
    else if (m[1] === 'disable-line') add(i, set);
    else s.file = s.file === 'all' || set === 'all' ? 'all' : new Set([...s.file, ...set]);
  });
  return s;
}

export function isSuppressed(s: Suppressions, rule: string, line: number): boolean {
  if (s.file === 'all' || s.file.has(rule)) return true;
  const l = s.lines.get(line);
  return l === 'all' || (l !== undefined && l.has(rule));
}

export type { Finding };
