/**
 * Analysis results per document version: every handler (diagnostics, hover, code actions, ...)
 * asks here, so one keystroke is parsed and checked once, not once per request.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from './uri';
import { detectKind, lintAs, LintResult } from '../engine/lint';
import { LintConfig, mergeConfigs } from '../engine/config';
import { ConfigCache } from '../node/config-files';
import { IncrementalManifestParser } from '../engine/documents/manifest/incremental';
import { TopologyIndex } from '../node/topology-index';

export interface Settings {
  enable: boolean; rules: Record<string, string>; environment?: string; release?: string;
  /** Run haproxy -c, keepalived -t, corosync -t or crm_verify on save (trusted workspaces only). */
  realTools?: { runOnSave: boolean; timeoutMs: number };
}
export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {} };

export interface Analysis { version: number; result: LintResult | null; configFile?: string; configError?: Error }

export class AnalysisCache {
  private cache = new Map<string, Analysis & { settingsEpoch: number; manifestEpoch: number }>();
  private settingsEpoch = 0;
  /** Bumped when a manifest or a peer file changes, so analyses made against the old ones are redone. */
  manifestEpoch = 0;
  /** One incremental parser per open document: an edit re-parses only the entries it touched. */
  private parsers = new Map<string, IncrementalManifestParser>();
  readonly configs = new ConfigCache();
  /** The workspace's manifests, for the .conf rules that need the deployment. */
  readonly topologies = new TopologyIndex();
  settings: Settings = DEFAULT_SETTINGS;
  /** Called when an edit changed what other files are checked against (a node's sysctl, Galera or keepalived file ...). */
  onPeerChanged?: (uri: string) => void;

  setSettings(s: Settings): void { this.settings = s; this.invalidate(); }
  invalidate(): void { this.settingsEpoch++; this.configs.clear(); }
  forget(uri: string): void { this.cache.delete(uri); this.parsers.delete(uri); }

  get(doc: TextDocument): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settingsEpoch === this.settingsEpoch && (hit.result?.kind === 'manifest' || hit.manifestEpoch === this.manifestEpoch)) return hit;
    const a = this.analyse(doc);
    this.cache.set(doc.uri, { ...a, settingsEpoch: this.settingsEpoch, manifestEpoch: this.manifestEpoch });
    return a;
  }

  private analyse(doc: TextDocument): Analysis {
    const file = URI.toPath(doc.uri);
    const text = doc.getText();
    const kind = this.settings.enable ? detectKind(file ?? doc.uri, text) : null;
    if (!kind) return { version: doc.version, result: null };
    const fromFile = file ? this.configs.forDocument(file) : {};
    const editor: Partial<LintConfig> = { rules: this.settings.rules as LintConfig['rules'], environment: this.settings.environment as LintConfig['environment'], release: this.settings.release as LintConfig['release'] };
    const config = mergeConfigs(fromFile.config, editor);
    const done = (result: LintResult) => ({ version: doc.version, result, configFile: fromFile.file, configError: fromFile.error });
    if (kind === 'manifest') {
      let parser = this.parsers.get(doc.uri);
      if (!parser) { parser = new IncrementalManifestParser(); this.parsers.set(doc.uri, parser); }
      const result = lintAs(kind, file ?? doc.uri, text, config, {}, parser);
      if (file && result.manifest) { this.topologies.set(file, result.manifest); this.manifestEpoch++; }
      return done(result);
    }
    // the file is checked against the deployment of its folder, and against the other nodes' files it is one of
    const topology = file ? this.topologies.forFile(file) : undefined;
    if (file && this.topologies.setPeer(file, text)) { this.manifestEpoch++; this.onPeerChanged?.(doc.uri); }
    return done(lintAs(kind, file ?? doc.uri, text, config, { topology, peers: file ? this.topologies.peersOf(file) : [] }));
  }
}
