/**
 * A Language is one kind of document the product reads: how its files are recognised, and what
 * other files of the deployment learn from it (its peer facts). LANGUAGES (index.ts) lists them
 * once, in detection order; the CLI, the server, the client, the bench and the tests read that list.
 */
import type { PeerConf } from '../model/topology';
import type { DocumentKind } from '../types';

export interface Language {
  kind: DocumentKind;
  /** What users call the kind, for counts and status ("OpenStack service config"). */
  label: string;
  /** Where its files may be (the client's selectors and watchers); content decides. */
  globs: readonly string[];
  /** Does this file (its path and the first HEAD_CHARS of its text, never binary) hold this kind? */
  recognise(path: string, head: string): boolean;
  /** What the deployment's other files are checked against in this file, if anything. */
  peer?(path: string, text: string): PeerConf | undefined;
}

/** A file read only for what other files are checked against (sysctl, a clustercheck socket). */
export interface FactSource {
  name: string;
  recognise(path: string, head: string): boolean;
  peer(path: string, text: string): PeerConf | undefined;
}
