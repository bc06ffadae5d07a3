/**
 * OpenStack-Ansible's `<service>_<file>_conf_overrides` variables (nova_nova_conf_overrides,
 * glance_glance_api_conf_overrides, neutron_ml2_conf_overrides ...): a mapping of sections to
 * options that OSA's config_template merges over the service's file, option by option, an override
 * winning. Read from a variables file's text (its top-level variables are globals.ts's), each option
 * with the range of its key and its value; wrong shapes are skipped, never thrown on.
 */
import { isMap, isScalar, Node } from 'yaml';
import type { Span } from '../../types';
import type { KollaGlobals } from '../kolla/globals';
import { parseManifestText } from '../manifest/parse';
import type { ConfEntry, ConfFile, ConfSection } from '../oslo-conf/parse';

/** `nova_nova_conf_overrides` -> service nova, file nova.conf; `glance_glance_api_conf_overrides` -> glance, glance_api.conf. */
const NAME = /^([a-z0-9]+)_([a-z0-9_]+)_conf_overrides$/;

export interface ConfOverrideOption {
  section: string;
  key: string;
  /** The value as oslo.config would read it (true -> "true"); undefined for a list, a mapping or null. */
  value: string | undefined;
  keySpan: Span;
  valueSpan: Span;
}

export interface ConfOverride {
  /** The variable (nova_nova_conf_overrides). */
  variable: string;
  /** The role's prefix (nova, glance, neutron ...). */
  service: string;
  /** The file's stem as the variable names it (nova, glance_api, ml2). */
  conf: string;
  file: string;
  options: ConfOverrideOption[];
}

const CACHE = new WeakMap<KollaGlobals, ConfOverride[]>();

/** The conf_overrides variables a variables file sets, read once per parsed file. */
export function confOverridesOf(vars: KollaGlobals): ConfOverride[] {
  let out = CACHE.get(vars);
  if (!out) CACHE.set(vars, (out = read(vars)));
  return out;
}

function read(vars: KollaGlobals): ConfOverride[] {
  if (![...vars.vars.keys()].some((k) => NAME.test(k))) return [];
  const parsed = parseManifestText(vars.text);
  const root = parsed.doc?.contents;
  if (!parsed.ok || !isMap(root)) return [];
  const out: ConfOverride[] = [];
  for (const pair of root.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
    const m = NAME.exec(pair.key.value);
    if (!m || !isMap(pair.value)) continue;
    const o: ConfOverride = { variable: m[0], service: m[1], conf: m[2], file: vars.file, options: [] };
    for (const s of pair.value.items) {
      if (!isScalar(s.key) || !isMap(s.value)) continue;
      const section = String(s.key.value);
      for (const opt of s.value.items) {
        if (!isScalar(opt.key)) continue;
        const keySpan = spanOf(opt.key);
        const v = opt.value;
        const value = isScalar(v) && v.value !== null && typeof v.value !== 'object' ? String(v.value) : undefined;
        o.options.push({ section, key: String(opt.key.value), value, keySpan, valueSpan: v ? spanOf(v as Node) : keySpan });
      }
    }
    out.push(o);
  }
  return out;
}

function spanOf(node: { range?: [number, number, number] | null }): Span {
  return node.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 };
}

/**
 * The oslo.config file a conf_overrides variable writes, by its name: nova_nova -> nova.conf,
 * glance_glance_api -> glance-api.conf (OSA names the variable after the file, `-` as `_`).
 */
export function confFileOf(o: ConfOverride): string {
  return `${o.conf.replace(/_/g, '-')}.conf`;
}

/** The override as the .conf file it is merged into would hold it: its sections and options, at their YAML places. */
export function asConfFile(o: ConfOverride): ConfFile {
  const file: ConfFile = { sections: [], entries: [], problems: [], comments: [] };
  const bySection = new Map<string, ConfSection>();
  for (const x of o.options) {
    let s = bySection.get(x.section);
    if (!s) {
      s = { name: x.section, nameSpan: x.keySpan, headerSpan: x.keySpan, line: 0, entries: [], end: x.valueSpan.end };
      bySection.set(x.section, s);
      file.sections.push(s);
    }
    const e: ConfEntry = {
      key: x.key,
      keySpan: x.keySpan,
      value: x.value ?? '',
      valueSpan: x.valueSpan,
      span: { start: x.keySpan.start, end: x.valueSpan.end },
      line: 0,
      section: s,
    };
    s.entries.push(e);
    file.entries.push(e);
  }
  return file;
}
