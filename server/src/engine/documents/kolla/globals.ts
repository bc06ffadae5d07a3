/**
 * kolla-ansible's globals.yml (and globals.d/*.yml): its top-level variables with their places.
 * Read through the manifest's guarded YAML parse (nesting bound, alias bombs, no stack traces); a
 * value that is a list, a mapping or `!vault` is kept as unknown (null), never echoed.
 */
import { isMap, isNode, isScalar, Scalar } from 'yaml';
import type { Finding, Span } from '../../types';
import type { Known } from '../ansible/values';
import { parseYamlReadOnly } from '../manifest/parse';
import { spanOf } from '../manifest/yaml-ast';

export interface GlobalVar {
  name: string;
  /** The value as written (a template is still a template); null when it cannot be known: a list, a mapping, a vault. */
  raw: Known | null;
  file: string;
  keySpan: Span;
  valueSpan: Span;
}

export interface KollaGlobals {
  file: string;
  /** The file's text, for the fixes a check writes into it. */
  text: string;
  vars: Map<string, GlobalVar>;
  /** YAML errors, as parse-error findings of the file. */
  problems: Finding[];
}

export function parseGlobals(text: string, file: string): KollaGlobals {
  const out: KollaGlobals = { file, text, vars: new Map(), problems: [] };
  const parsed = parseYamlReadOnly(text);
  out.problems.push(...parsed.findings.filter((f) => f.rule === 'parse-error'));
  const root = parsed.doc?.contents;
  if (!parsed.ok || !isMap(root)) return out;
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const keySpan = spanOf(pair.key);
    const node = pair.value;
    const range = isNode(node) ? node.range : undefined;
    const valueSpan = range ? { start: range[0], end: range[1] } : keySpan;
    const raw = isScalar(node) && !isVault(node) ? scalarValue(node) : null;
    out.vars.set(name, { name, raw, file, keySpan, valueSpan });
  }
  return out;
}

/** globals.yml, then globals.d/*.yml in name order: a later file's variable wins, as kolla passes them to Ansible. */
export function mergeGlobals(files: KollaGlobals[]): Map<string, GlobalVar> {
  const out = new Map<string, GlobalVar>();
  for (const g of files) for (const [k, v] of g.vars) out.set(k, v);
  return out;
}

/** A `!vault` value: never read, never echoed. */
export function isVault(node: Scalar): boolean {
  return typeof node.tag === 'string' && /vault/i.test(node.tag);
}

/** A scalar as Ansible reads it: text, number or boolean; anything else unknown (null). */
export function scalarValue(node: Scalar): Known | null {
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}
