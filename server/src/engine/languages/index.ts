/**
 * LANGUAGES: every kind of file the product checks, in detection order (the first that recognises
 * a file wins), and FACT_SOURCES: the files read only for what other files are checked against.
 *
 * Adding a kind of file: its name and globs, one line in KIND_GLOBS (kinds.ts: DocumentKind is that
 * table's keys); its parser and recognition in documents/<kind>/; its Language in languages/<kind>.ts
 * (label, recognise, peer, lint, service); and one line here, in LANGUAGES (the compiler refuses a
 * kind of kinds.ts that has no language here). Only if the kind has them: the context its rules see
 * (rules/<kind>/rule.ts and one line in RuleContexts, rules/rule.ts), one field of LintResult
 * (check.ts) for the model its editor service reads, that service in service/<kind>.ts, and what
 * other files learn from it in peers.ts.
 */
import type { FactSource, Language } from './language';
import type { DocumentKind } from '../types';
import { looksBinary } from '../documents/manifest/parse';
import { isCheckEndpointFile } from '../documents/clustercheck/endpoints';
import { isSysctlFile } from '../documents/sysctl/sysctl';
import { clustercheckPeer, sysctlPeer } from './peers';
import { manifest } from './manifest';
import { osloConf } from './oslo-conf';
import { corosync } from './corosync';
import { keepalived } from './keepalived';
import { galera } from './galera';
import { pacemaker } from './pacemaker';
import { firewall } from './firewall';
import { clustercheck } from './clustercheck';
import { haproxy } from './haproxy';
import { kolla } from './kolla';
import { openstackAnsible } from './openstack-ansible';

export type { FactSource, Language, LanguageService } from './language';

/**
 * How much of a file recognition reads, the same for every host: the CLI reads this much of a
 * file it has not recognised yet, the editor has the whole text, both decide on this head.
 */
export const HEAD_CHARS = 64 * 1024;

/** The list as given, once the compiler has seen a language for every kind of kinds.ts. */
function everyKind<L extends Language>(
  list: readonly L[] & ([DocumentKind] extends [L['kind']] ? unknown : { missing: Exclude<DocumentKind, L['kind']> }),
): readonly Language[] {
  return list;
}

export const LANGUAGES: readonly Language[] = everyKind([
  // before the manifest and oslo.config: globals.yml is YAML, an inventory may end in .ini
  kolla,
  // before the manifest too: openstack_user_config.yml, conf.d/*.yml and user_variables.yml are YAML
  openstackAnsible,
  manifest,
  osloConf,
  corosync,
  keepalived,
  galera,
  pacemaker,
  firewall,
  clustercheck,
  haproxy,
]);

export const FACT_SOURCES: readonly FactSource[] = [
  { name: 'sysctl', recognise: (p) => isSysctlFile(p), peer: sysctlPeer },
  { name: 'clustercheck endpoint', recognise: isCheckEndpointFile, peer: clustercheckPeer },
];

const BY_KIND = new Map(LANGUAGES.map((l) => [l.kind, l]));
export function languageOf(kind: DocumentKind): Language {
  return BY_KIND.get(kind)!;
}

/** The head recognition reads: the same slice whichever host holds the text. */
export function headOf(text: string): string {
  return text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
}

/** The kind of a file from its path and text, or null when the product does not check it. Binary content is never a kind, unless a language claims the file by its name. */
export function detectKind(path: string, text: string): DocumentKind | null {
  const head = headOf(text);
  for (const l of LANGUAGES) if (l.claims?.(path, head)) return l.kind;
  if (looksBinary(head)) return null;
  for (const l of LANGUAGES) if (l.recognise(path, head)) return l.kind;
  return null;
}

/** What a file tells the other files of its deployment: from its language, or from a fact source. */
export function peerFacts(path: string, kind: DocumentKind | null, text: string) {
  if (kind) return languageOf(kind).peer?.(path, text);
  const head = headOf(text);
  if (looksBinary(head)) return undefined;
  for (const s of FACT_SOURCES) if (s.recognise(path, head)) return s.peer(path, text);
  return undefined;
}

/** "2 HA manifests, 1 haproxy.cfg": how many files of each kind were checked, in the order of LANGUAGES. */
export function kindCounts(kinds: { kind: string }[]): string {
  return LANGUAGES.map((l) => [l.label, kinds.filter((k) => k.kind === l.kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}${n === 1 ? '' : /[sx]$|\.\w+$/.test(label) ? '' : 's'}`)
    .join(', ');
}
