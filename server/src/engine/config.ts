/**
 * Project configuration (.openstack-ha.yaml) and suppression comments. Parsing only: finding the
 * file on disk is the host's job (node/config-files.ts), so the engine stays free of I/O.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { tooDeepMessage, yamlTooDeep } from './text/depth';
import { Environment, ENVIRONMENTS, Finding, Severity, SeveritySetting, Span } from './types';
import { isRuleId } from './rules';
import { closest, editDistance } from './text/suggest';
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

/** A problem that makes the file unusable, at the key or value it is about (no span: the whole file). */
export interface ConfigProblem {
  message: string;
  span?: Span;
}

/** The configuration cannot be used; `message` has every problem, one per line, each after the file's name. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly problems: ConfigProblem[] = message.split('\n').map((m) => ({ message: m })),
  ) {
    super(message);
  }
}

/** A config file read: what it sets, and the findings in it (unknown rule ids) that do not stop the rest from applying. */
export interface ConfigCheck {
  config: LintConfig;
  findings: Finding[];
}

export const UNKNOWN_RULE_ID = 'unknown-rule-id';

/** Parses a config file's text; throws ConfigError with every problem, one per line. Unknown rule ids are left out (checkConfig reports them). */
export function parseConfig(text: string, source = '.openstack-ha.yaml'): LintConfig {
  return checkConfig(text, source).config;
}

/**
 * Parses a config file's text. Problems that leave the file's meaning in doubt (broken YAML, an
 * unknown key or environment, a severity that is not one) throw ConfigError; an unknown rule id is a
 * finding with a fix that renames it to the closest id, and every other setting still applies: a
 * typo in one id must not switch off the whole project's configuration.
 */
export function checkConfig(text: string, source = '.openstack-ha.yaml'): ConfigCheck {
  // the yaml composer recurses per level: a settings file nested past the bound is refused, never a stack overflow
  if (yamlTooDeep(text) >= 0) throw new ConfigError(`${source}: ${tooDeepMessage('YAML')}`);
  const doc = parseDocument(text, { prettyErrors: false });
  const problems: ConfigProblem[] = doc.errors.map((e) => ({
    message: e.message.split('\n')[0],
    span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) },
  }));
  const findings: Finding[] = [];
  const cfg: LintConfig = { rules: {} };
  const spanOf = (n: unknown): Span | undefined => {
    const r = (n as { range?: [number, number, number] } | null)?.range;
    return r ? { start: r[0], end: r[1] } : undefined;
  };
  const problem = (message: string, at?: unknown) => problems.push({ message, span: spanOf(at) });
  const unknownId = (id: string, at: unknown, where: string) => {
    const span = spanOf(at) ?? { start: 0, end: 0 };
    const near = closestRuleId(id);
    findings.push({
      rule: UNKNOWN_RULE_ID,
      severity: 'error',
      message: `unknown rule '${id}'${where}${near ? `; did you mean '${near}'?` : ' (openstack-ha rules lists them)'}`,
      span,
      // not safe for --fix: the renamed key starts enforcing (or silencing) a rule the file did not name
      fixes: near ? [{ title: `Change to '${near}'`, safe: false, preferred: true, edits: [{ ...span, newText: near }] }] : [],
    });
  };
  const raw = problems.length ? null : (doc.toJS({ maxAliasCount: 100 }) as unknown);
  // values come from the document as a whole (aliases resolved), spans from its nodes
  const deref = (n: unknown): unknown => (isAlias(n) ? n.resolve(doc) : n);
  const root = raw === null || raw === undefined ? null : doc.contents;
  if (root) {
    if (!isMap(root) || typeof raw !== 'object' || Array.isArray(raw)) problem('the configuration must be a mapping', root);
    else {
      for (const pair of root.items) {
        const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
        const node = deref(pair.value);
        const v = (raw as Record<string, unknown>)[k];
        if (k === 'environment') {
          if (typeof v === 'string' && (ENVIRONMENTS as readonly string[]).includes(v)) cfg.environment = v as Environment;
          else problem(`environment must be one of ${ENVIRONMENTS.join(', ')}`, node ?? pair.key);
        } else if (k === 'release') {
          if (typeof v === 'string' && (KNOWN_RELEASES as string[]).includes(v.toLowerCase())) cfg.release = v.toLowerCase() as Release;
          else problem(`release must be one of ${KNOWN_RELEASES.join(', ')}`, node ?? pair.key);
        } else if (k === 'corosync') {
          if (v === 2 || v === 3) cfg.corosync = v;
          else problem('corosync must be 2 or 3 (the major version corosync.conf is written for; 3 when not set)', node ?? pair.key);
        } else if (k === 'vips' || k === 'controllers') {
          if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x))
            problem(`${k} must be a list of ${k === 'vips' ? 'addresses' : 'host names or addresses'}`, node ?? pair.key);
          else cfg[k] = v as string[];
        } else if (k === 'rules') {
          if (!isMap(node)) {
            problem(`rules must map rule ids to ${SEVERITIES.join('|')}`, node ?? pair.key);
            continue;
          }
          for (const item of node.items) {
            const id = String(isScalar(item.key) ? item.key.value : item.key);
            const sev = (v as Record<string, unknown>)[id];
            if (!isRuleId(id)) unknownId(id, item.key, '');
            else if (typeof sev !== 'string' || !SEVERITIES.includes(sev as SeveritySetting))
              problem(`rule '${id}' must be one of ${SEVERITIES.join(', ')}`, item.value ?? item.key);
            else cfg.rules[id] = sev as SeveritySetting;
          }
        } else if (k === 'disable') {
          if (!isSeq(node)) {
            problem('disable must be a list of rule ids', node ?? pair.key);
            continue;
          }
          for (const item of node.items.map(deref)) {
            const id = isScalar(item) ? item.value : undefined;
            if (typeof id !== 'string') problem('disable must be a list of rule ids', item);
            else if (!isRuleId(id)) unknownId(id, item, ' in disable');
            else cfg.rules[id] = 'off';
          }
        } else problem(`unknown key '${k}' (expected environment, release, corosync, vips, controllers, rules, disable)`, pair.key);
      }
    }
  }
  if (problems.length) throw new ConfigError(problems.map((p) => `${source}: ${p.message}`).join('\n'), problems);
  return { config: cfg, findings };
}

/** The known rule id `id` is most likely a typo of: the spelling suggestion's, else (rule ids are long) one within a third of its length. */
export function closestRuleId(id: string): string | undefined {
  const near = closest(id, RULE_IDS, 1)[0];
  if (near) return near;
  const ranked = RULE_IDS.map((r) => ({ id: r, d: editDistance(id, r) })).sort((a, b) => a.d - b.d);
  return ranked[0] && ranked[0].d <= Math.ceil(id.length / 3) ? ranked[0].id : undefined;
}
const RULE_IDS = Object.freeze(ALL_RULES.map((r) => r.id));

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
