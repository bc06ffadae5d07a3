/**
 * Hover and completion for the variables of a deployment tool's files: kolla-ansible's globals.yml
 * and globals.d/*.yml, OpenStack-Ansible's user_variables*.yml and the `global_overrides:` of its
 * openstack_user_config.yml. What a variable means for HA, its default in the release (the
 * template as written and what it comes to here), the value the file gives it and what the tool
 * renders from it. A credential's value, and a vault's, is never shown.
 */
import { isMap, isNode, isScalar, Scalar } from 'yaml';
import { typedLineStart, lineEndAt } from '../text/line-breaks';
import { maskSecretsInLine, maskUrlPasswords } from '../text/secrets';
import { evaluate, Known, Value } from '../documents/ansible/values';
import type { KollaGlobals } from '../documents/kolla/globals';
import { parseYamlReadOnly } from '../documents/manifest/parse';
import { KOLLA_DEFAULTS, KOLLA_RELEASES, KOLLA_REMOVED, KollaRelease, NEWEST_KOLLA_RELEASE } from '../knowledge/kolla/defaults';
import { DeployVar, KOLLA_VARIABLES, looksSecret } from '../knowledge/kolla/variables';
import { OSA_VARIABLES } from '../knowledge/osa/variables';
import { TOPICS } from '../knowledge/topics';
import { guidePage } from '../knowledge/guide';
import { Finding, Span } from '../types';
import { DocLink, HoverResult, withFindings } from './hover';
import { CompletionItem, CompletionResult } from './completion';

export type DeployTool = 'kolla' | 'osa';

export interface DeployVarOptions {
  /** The release the deployment names (kolla: openstack_release); else the file's own openstack_release, else the newest known. */
  release?: string;
  /** The deployment's value of a variable, every file and default merged and templates resolved, when the caller has it. */
  value?: (name: string) => Value;
  /** The findings of the file: those under the cursor are added to the hover. */
  findings?: Finding[];
  /**
   * OSA: the text is openstack_user_config.yml, whose top level is the inventory (cidr_networks,
   * *_hosts): variables are only those under `global_overrides:`.
   */
  userConfig?: boolean;
}

const TOOL_NAME: Record<DeployTool, string> = { kolla: 'kolla-ansible', osa: 'OpenStack-Ansible' };

/** What we know of a variable of a tool: its meaning, values and what it turns into; undefined when it is not one we describe. */
export function deployVariable(tool: DeployTool, name: string): DeployVar | undefined {
  const table = tool === 'kolla' ? KOLLA_VARIABLES : OSA_VARIABLES;
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** The kolla release whose defaults apply: the one given, else the file's openstack_release, else the newest known (master too). */
export function kollaReleaseOf(release: string | undefined, globals?: KollaGlobals): KollaRelease {
  const known = (s: unknown): s is KollaRelease => (KOLLA_RELEASES as readonly string[]).includes(String(s));
  if (known(release)) return release;
  const raw = globals?.vars.get('openstack_release')?.raw;
  return known(raw) ? (String(raw) as KollaRelease) : NEWEST_KOLLA_RELEASE;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** A variable written in the file: top level, or (OSA) one level under `global_overrides:`. */
interface Written {
  name: string;
  raw: Known | null;
  keySpan: Span;
  valueSpan: Span;
  vault: boolean;
  underOverrides: boolean;
}

const within = (s: Span, offset: number) => s.start <= offset && offset <= s.end;

function writtenAt(tool: DeployTool, globals: KollaGlobals, text: string, offset: number, userConfig: boolean): Written | undefined {
  for (const v of userConfig && tool === 'osa' ? [] : globals.vars.values()) {
    if (v.name === 'global_overrides' && tool === 'osa' && !within(v.keySpan, offset)) continue;
    if (within(v.keySpan, offset) || within(v.valueSpan, offset))
      return {
        name: v.name,
        raw: v.raw,
        keySpan: v.keySpan,
        valueSpan: v.valueSpan,
        // yaml's range of a tagged scalar starts after its tag
        vault: v.raw === null && /^\s*:\s*!vault\b/i.test(text.slice(v.keySpan.end, v.valueSpan.end)),
        underOverrides: false,
      };
  }
  const overrides = globals.vars.get('global_overrides');
  if (tool !== 'osa' || !overrides || !within(overrides.valueSpan, offset)) return undefined;
  const parsed = parseYamlReadOnly(text);
  const root = parsed.doc?.contents;
  if (!isMap(root)) return undefined;
  const block = root.items.find((p) => isScalar(p.key) && p.key.value === 'global_overrides')?.value;
  if (!isMap(block)) return undefined;
  for (const pair of block.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const keySpan = { start: pair.key.range[0], end: pair.key.range[1] };
    const node = pair.value;
    const valueSpan = isNode(node) && node.range ? { start: node.range[0], end: node.range[1] } : keySpan;
    if (!within(keySpan, offset) && !within(valueSpan, offset)) continue;
    const vault = isScalar(node) && typeof node.tag === 'string' && /vault/i.test(node.tag);
    return { name: String(pair.key.value), raw: vault ? null : scalarOf(node), keySpan, valueSpan, vault, underOverrides: true };
  }
  return undefined;
}

function scalarOf(node: unknown): Known | null {
  if (!isScalar(node)) return null;
  const v = (node as Scalar).value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

/** A value in a code span: URL passwords and whatever follows a credential's name masked, an empty string said as such. */
function code(v: Known): string {
  if (v === '') return 'an empty string';
  // a template's own expressions name variables, not values: masking after `password` there would hide the name
  const shown = String(v)
    .split(/(\{\{.*?\}\})/)
    .map((part, i) => (i % 2 ? maskUrlPasswords(part) : maskSecretsInLine(part)))
    .join('');
  return '`' + shown.replace(/`/g, "'") + '`';
}

const isTemplate = (v: Known | null | undefined) => typeof v === 'string' && (v.includes('{{') || v.includes('{%'));

function valuesInWords(d: DeployVar, tool: DeployTool, release: KollaRelease): string | undefined {
  const v = d.values;
  if (!v) return undefined;
  if (v.kind === 'bool') return `a boolean: ${boolWords(tool, release).join(' or ')}`;
  if (v.kind === 'enum') return `one of ${v.values.map((x) => '`' + x + '`').join(', ')}`;
  if (v.kind === 'range') return `${v.min}-${v.max}: ${v.hint}`;
  return v.hint;
}

/** Booleans as the release's own files write them: kolla up to 2025.2 quotes "yes"/"no", 2026.1 and OSA write true/false. */
function boolWords(tool: DeployTool, release: KollaRelease): string[] {
  return tool === 'kolla' && release !== '2026.1' ? ['"yes"', '"no"'] : ['true', 'false'];
}

/**
 * Hover on a variable's key or value: what it means for HA, its default in the release and what
 * that comes to here, the value the file gives it, what it turns into; a removed variable is said
 * to do nothing. The findings under the cursor follow, as in every hover.
 */
export function deployVarHover(
  tool: DeployTool,
  globals: KollaGlobals,
  text: string,
  offset: number,
  opts: DeployVarOptions,
  docLink: DocLink,
): HoverResult | undefined {
  const findings = opts.findings ?? [];
  const w = writtenAt(tool, globals, text, offset, !!opts.userConfig);
  if (!w) return withFindings([], undefined, findings, offset, docLink);
  const release = kollaReleaseOf(opts.release, tool === 'kolla' ? globals : undefined);
  const d = deployVariable(tool, w.name);
  const defaults: Record<string, Known> = tool === 'kolla' ? KOLLA_DEFAULTS[release] : {};
  const removed = tool === 'kolla' && has(KOLLA_REMOVED, w.name) ? KOLLA_REMOVED[w.name] : undefined;
  const hasDefault = has(defaults, w.name);
  if (!d && !removed && !hasDefault) return withFindings([], undefined, findings, offset, docLink);

  const secret = d?.secret || looksSecret(w.name);
  const parts: string[] = [];
  const where = w.underOverrides ? ' (in `global_overrides`)' : '';
  parts.push(`**${w.name}**: ${TOOL_NAME[tool]} variable${where}`);
  if (removed && KOLLA_RELEASES.indexOf(release) >= KOLLA_RELEASES.indexOf(removed.since))
    parts.push(`**Removed**: it does nothing since kolla-ansible ${removed.since} (${removed.why}); delete it.`);
  if (d) parts.push(d.meaning);

  // what a referenced variable is worth here: the deployment's value, else this file's, else the default
  const lookup = (n: string): Known | null | undefined => {
    // a template that names a credential comes to nothing we would show
    if (looksSecret(n) || deployVariable(tool, n)?.secret) return null;
    const v = opts.value?.(n);
    if (v?.known) return v.value;
    const g = globals.vars.get(n);
    if (g) return g.raw;
    return has(defaults, n) ? defaults[n] : undefined;
  };
  const facts: string[] = [];
  if (hasDefault && !secret) {
    const raw = defaults[w.name];
    const ev = isTemplate(raw) ? evaluate(raw, lookup) : undefined;
    facts.push(`Default in ${release}: ${code(raw)}${ev?.known ? `, here ${code(ev.value)}` : ''}`);
  } else if (d?.defaultInWords && !secret) facts.push(`Default${tool === 'kolla' ? ` in ${release}` : ''}: ${d.defaultInWords}`);
  if (secret) facts.push('Value: a credential, never shown');
  else if (w.vault) facts.push('Value: an Ansible Vault, never shown');
  else if (w.raw === null) facts.push(w.valueSpan === w.keySpan ? 'Value: none (null)' : 'Value: a list or a mapping, not evaluated');
  else {
    const ev = isTemplate(w.raw) ? evaluate(w.raw, lookup) : undefined;
    facts.push(`Value here: ${code(w.raw)}${ev?.known ? `, which comes to ${code(ev.value)}` : ''}`);
  }
  if (d?.becomes) facts.push(`Turns into: ${d.becomes}`);
  const values = d && valuesInWords(d, tool, release);
  if (values) facts.push(`Takes: ${values}`);
  if (d?.hostVar) facts.push('Set per host, in the inventory or host_vars.');
  parts.push(facts.join('  \n'));
  const topic = d?.topic ? TOPICS[d.topic] : undefined;
  if (topic) parts.push(`[HA guide: ${topic.title}](${guidePage(topic.guide)})`);
  // the span is what the cursor is on: the name, or the value
  const span = within(w.keySpan, offset) ? w.keySpan : w.valueSpan;
  return withFindings([parts.join('\n\n')], { ...span }, findings, offset, docLink);
}

// ---------------------------------------------------------------------------------------------
// completion

const BREAK = /\r\n|\r|\n/;
const NAME_CHARS = /^[A-Za-z0-9_]*/;
const KEY_OF_LINE = /^\uFEFF?(\s*)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2\s*:(?:\s|$)/;
const indentOf = (l: string) => /^\uFEFF?[ \t]*/.exec(l)![0].replace('\uFEFF', '').length;
const blankOrComment = (l: string) => /^\uFEFF?\s*(#.*)?$/.test(l);

/** Where the line being typed sits: at the top level, or (OSA) in `global_overrides`; the keys already set there. */
function scopeOf(
  tool: DeployTool,
  text: string,
  lineStart: number,
  indent: number,
  userConfig: boolean,
): { present: Set<string> } | undefined {
  const lines = text.split(BREAK);
  const lineNo = text.slice(0, lineStart).split(BREAK).length - 1;
  const present = new Set<string>();
  if (indent === 0) {
    if (userConfig && tool === 'osa') return undefined;
    lines.forEach((l, i) => {
      const m = KEY_OF_LINE.exec(l);
      if (i !== lineNo && m && !m[1]) present.add(m[3]);
    });
    return { present };
  }
  if (tool !== 'osa') return undefined;
  let parent = -1;
  for (let i = lineNo - 1; i >= 0; i--) {
    if (blankOrComment(lines[i])) continue;
    if (indentOf(lines[i]) < indent) {
      parent = i;
      break;
    }
  }
  if (parent < 0 || !/^\uFEFF?global_overrides\s*:\s*(#.*)?$/.test(lines[parent])) return undefined;
  for (let i = parent + 1; i < lines.length; i++) {
    if (blankOrComment(lines[i])) continue;
    if (indentOf(lines[i]) === 0) break;
    const m = KEY_OF_LINE.exec(lines[i]);
    if (i !== lineNo && m && m[1].length === indent) present.add(m[3]);
  }
  return { present };
}

/** The names completion offers: what we describe and (kolla) what has a default, never a removed, per-host, computed or secret one. */
function offeredNames(tool: DeployTool, release: KollaRelease): string[] {
  const names = new Set(Object.keys(tool === 'kolla' ? KOLLA_VARIABLES : OSA_VARIABLES));
  if (tool === 'kolla') for (const n of Object.keys(KOLLA_DEFAULTS[release])) names.add(n);
  return [...names]
    .filter((n) => {
      const d = deployVariable(tool, n);
      if (tool === 'kolla' && has(KOLLA_REMOVED, n)) return false;
      return !d?.secret && !d?.hostVar && !d?.computed && !looksSecret(n);
    })
    .sort();
}

const plain = (s: string) => s.replace(/`/g, '');

function defaultDetail(tool: DeployTool, release: KollaRelease, name: string): string | undefined {
  if (tool === 'kolla' && has(KOLLA_DEFAULTS[release], name)) return `default ${String(KOLLA_DEFAULTS[release][name])}`;
  const words = deployVariable(tool, name)?.defaultInWords;
  return words ? `default ${plain(words)}` : undefined;
}

/**
 * Completion at a variable's key (the names not yet set in the file, their default as detail) or
 * after `name: ` (the values it takes, booleans as the release writes them; a hint for a number).
 * The replace range covers the word being typed, and the rest of it after the cursor.
 */
export function deployVarComplete(
  tool: DeployTool,
  text: string,
  offset: number,
  opts: Pick<DeployVarOptions, 'release' | 'userConfig'>,
): CompletionResult | undefined {
  const lineStart = typedLineStart(text, offset);
  const lineEnd = Math.max(lineEndAt(text, offset), offset);
  const prefix = text.slice(lineStart, offset).replace(/^\uFEFF/, '');
  const after = text.slice(offset, lineEnd);
  if (/(^|\s)#/.test(prefix)) return undefined;
  const release = kollaReleaseOf(opts.release ?? releaseWritten(text));

  const key = /^([ \t]*)([A-Za-z0-9_]*)$/.exec(prefix);
  if (key) {
    const scope = scopeOf(tool, text, lineStart, key[1].length, !!opts.userConfig);
    if (!scope) return undefined;
    const rest = NAME_CHARS.exec(after)![0];
    const hasColon = /^\s*:/.test(after.slice(rest.length));
    const items: CompletionItem[] = offeredNames(tool, release)
      .filter((n) => !scope.present.has(n))
      .map((n) => ({
        label: n,
        kind: 'property',
        detail: defaultDetail(tool, release, n),
        documentation: deployVariable(tool, n)?.meaning,
        insertText: hasColon ? n : `${n}: `,
      }));
    return { items, replaceStart: offset - key[2].length, replaceEnd: offset + rest.length };
  }

  const value = /^([ \t]*)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2\s*:([ \t]*)(["']?[A-Za-z0-9_.-]*)$/.exec(prefix);
  if (!value || !scopeOf(tool, text, lineStart, value[1].length, !!opts.userConfig)) return undefined;
  const d = deployVariable(tool, value[3]);
  if (!d?.values || d.values.kind === 'text' || d.secret) return undefined;
  const rest = /^[A-Za-z0-9_.-]*["']?/.exec(after)![0];
  const replaceStart = offset - value[5].length;
  const replaceEnd = offset + rest.length;
  const lead = value[4] ? '' : ' ';
  const dflt = tool === 'kolla' ? KOLLA_DEFAULTS[release][value[3]] : undefined;
  const isDefault = (v: string) =>
    dflt !== undefined && !isTemplate(dflt) && String(dflt).toLowerCase() === v.replace(/"/g, '').toLowerCase();
  const boolDefault = (v: string) =>
    dflt !== undefined &&
    typeof dflt !== 'number' &&
    !isTemplate(dflt) &&
    ['yes', 'true'].includes(String(dflt).toLowerCase()) === ['"yes"', 'true'].includes(v);
  const v = d.values;
  let items: CompletionItem[];
  if (v.kind === 'bool')
    items = boolWords(tool, release).map((b) => ({
      label: b,
      kind: 'value',
      detail: boolDefault(b) ? 'default' : undefined,
      insertText: lead + b,
      preselect: boolDefault(b) || undefined,
    }));
  else if (v.kind === 'enum')
    items = v.values.map((e) => ({
      label: e,
      kind: 'enum',
      detail: isDefault(e) ? 'default' : undefined,
      insertText: lead + e,
      preselect: isDefault(e) || undefined,
    }));
  else
    items = [
      {
        label: `${v.min}-${v.max}`,
        kind: 'value',
        detail: `${v.hint}${dflt !== undefined ? `; default ${String(dflt)}` : d.defaultInWords ? `; default ${plain(d.defaultInWords)}` : ''}`,
        documentation: d.meaning,
        // a hint, not a value: accepting it leaves what is typed
        insertText: lead + text.slice(replaceStart, replaceEnd),
      },
    ];
  return { items, replaceStart, replaceEnd };
}

/** The file's own `openstack_release:` at the top level, as written. */
function releaseWritten(text: string): string | undefined {
  const m = /^openstack_release\s*:\s*["']?([\w.]+)["']?\s*(#.*)?$/m.exec(text);
  return m?.[1];
}
