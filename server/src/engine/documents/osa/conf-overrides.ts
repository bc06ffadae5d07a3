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
