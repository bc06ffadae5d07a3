/**
 * A Language is one kind of document the product reads: how its files are recognised, what other
 * files of the deployment learn from it (its peer facts), how it is checked, and what the editor
 * offers in it. LANGUAGES (index.ts) lists them once, in detection order; the CLI, the server, the
 * client, the bench and the tests read that list.
 */
import type { PeerConf } from '../model/topology';
import type { DocumentKind } from '../types';
import type { LintConfig } from '../config';
import type { ConfContext, LintResult, ManifestParser } from '../check';
import type { DocLink, HoverResult } from '../service/hover';
import type { CompletionResult } from '../service/completion';
import type { SymbolNode } from '../service/navigation';

export interface Language<K extends DocumentKind = DocumentKind> {
  kind: K;
  /** What users call the kind, for counts and status ("OpenStack service config"). */
  label: string;
  /** Where its files may be (the client's selectors and watchers): its entry of KIND_GLOBS; content decides. */
  globs: readonly string[];
  /** Is this file the kind's by its name alone, whatever it holds (binary too)? Then its check says what is wrong with it. */
  claims?(path: string, head: string): boolean;
  /** Does this file (its path and the first HEAD_CHARS of its text, never binary) hold this kind? */
  recognise(path: string, head: string): boolean;
  /** What the deployment's other files are checked against in this file, if anything. */
  peer?(path: string, text: string): PeerConf | undefined;
  /** Its check: the file's model and findings; a manifest gets `parser` when the caller keeps one. */
  lint(path: string, text: string, config: LintConfig, context: ConfContext, parser?: ManifestParser): LintResult;
  /** Hover, completion and outline in the editor, from the file's analysis. */
  service: LanguageService;
  /** The kind describes its deployment itself (kolla, OpenStack-Ansible): no manifest applies to its files. */
  ownDeployment?: boolean;
}

/**
 * The language service of a kind (after yaml-language-server): hover, completion and outline from
 * a file's analysis. The LSP handlers call these in one line: languageOf(kind).service.
 */
export interface LanguageService {
  hover?(r: LintResult, offset: number, docLink: DocLink): HoverResult | undefined;
  complete?(r: LintResult, text: string, offset: number): CompletionResult | undefined;
  symbols?(r: LintResult): SymbolNode[];
}

/** A file read only for what other files are checked against (sysctl, a clustercheck socket). */
export interface FactSource {
  name: string;
  recognise(path: string, head: string): boolean;
  peer(path: string, text: string): PeerConf | undefined;
}
