/**
 * LANGUAGES: every kind of file the product checks, in detection order (the first that recognises
 * a file wins), and FACT_SOURCES: the files read only for what other files are checked against.
 * Adding a kind is one folder under documents/ and one line here.
 */
import { Language, FactSource } from './language';
import { KIND_GLOBS } from '../kinds';
import type { DocumentKind } from '../types';
import { isManifestPath, isYamlPath, looksLikeManifest } from '../documents/manifest/recognise';
import { looksBinary } from '../documents/manifest/parse';
import { confKind } from '../documents/oslo-conf/recognise';
import { isCorosyncFile } from '../documents/corosync/recognise';
import { isKeepalivedFile } from '../documents/keepalived/recognise';
import { isCnfFile } from '../documents/galera/recognise';
import { pacemakerSyntax } from '../documents/pacemaker/recognise';
import { firewallSyntax } from '../documents/firewall/recognise';
import { isCheckEndpointFile, isClustercheckFile } from '../documents/clustercheck/endpoints';
import { isHaproxyFile } from '../documents/haproxy/recognise';
import { isSysctlFile } from '../documents/sysctl/sysctl';
import { clustercheckPeer, corosyncPeer, galeraPeer, haproxyPeer, keepalivedPeer, peerConf, sysctlPeer } from './peers';

/**
 * How much of a file recognition reads, the same for every host: the CLI reads this much of a
 * file it has not recognised yet, the editor has the whole text, both decide on this head.
 */
export const HEAD_CHARS = 64 * 1024;

export const LANGUAGES: readonly Language[] = [
  {
    kind: 'manifest',
    label: 'HA manifest',
    globs: KIND_GLOBS.manifest,
    recognise: (p, h) => isManifestPath(p) || (isYamlPath(p) && looksLikeManifest(h)),
  },
  {
    kind: 'oslo-conf',
    label: 'OpenStack service config',
    globs: KIND_GLOBS['oslo-conf'],
    recognise: (p, h) => !!confKind(p, h),
    peer: (p, t) => {
      const k = confKind(p, t);
      return k ? peerConf(p, k, t) : undefined;
    },
  },
  { kind: 'corosync', label: 'corosync.conf', globs: KIND_GLOBS.corosync, recognise: isCorosyncFile, peer: corosyncPeer },
  { kind: 'keepalived', label: 'keepalived.conf', globs: KIND_GLOBS.keepalived, recognise: isKeepalivedFile, peer: keepalivedPeer },
  { kind: 'galera', label: 'MariaDB/Galera option file', globs: KIND_GLOBS.galera, recognise: isCnfFile, peer: galeraPeer },
  { kind: 'pacemaker', label: 'Pacemaker configuration', globs: KIND_GLOBS.pacemaker, recognise: (p, h) => !!pacemakerSyntax(p, h) },
  { kind: 'firewall', label: 'host firewall', globs: KIND_GLOBS.firewall, recognise: (p, h) => !!firewallSyntax(p, h) },
  {
    kind: 'clustercheck',
    label: 'clustercheck service',
    globs: KIND_GLOBS.clustercheck,
    recognise: isClustercheckFile,
    peer: (p, t) => (isCheckEndpointFile(p, t) ? clustercheckPeer(p, t) : undefined),
  },
  { kind: 'haproxy', label: 'haproxy.cfg', globs: KIND_GLOBS.haproxy, recognise: isHaproxyFile, peer: haproxyPeer },
];

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

/** The kind of a file from its path and text, or null when the product does not check it. Binary content is never a kind. */
export function detectKind(path: string, text: string): DocumentKind | null {
  const head = headOf(text);
  // a manifest by name is claimed whatever it holds: its parser says what is wrong with it
  if (isManifestPath(path)) return 'manifest';
  // so is a service config by its name: its check says it is binary
  if (confKind(path, head)) return 'oslo-conf';
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
