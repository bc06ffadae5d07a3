/**
 * The editor's view of the workspace: one engine Workspace fed by the files on disk and, over
 * them, the open buffers. Analyses are cached per file and text, so one keystroke is parsed and
 * checked once, not once per request. Every recognised file of the workspace is analysed, open or not.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from './uri';
import { LintConfig, mergeConfigs } from '../engine/config';
import { ConfigCache } from '../node/config-files';
import { IncrementalManifestParser } from '../engine/documents/manifest/incremental';
import { Workspace } from '../engine/workspace/workspace';
import { analyse, Analysis as EngineAnalysis } from '../engine/analyse';
import { detectKind } from '../engine/languages';
import { enginePath, hostPath } from '../node/files';
import { Related } from '../engine/types';
import { LineIndex } from '../engine/text/line-index';
import { pathToFileURL } from 'url';

export interface Settings {
  enable: boolean;
  rules: Record<string, string>;
  environment?: string;
  release?: string;
  /** Run haproxy -c, keepalived -t, corosync -t or crm_verify on save (trusted workspaces only). */
  realTools?: { runOnSave: boolean; timeoutMs: number };
  /** Globs of workspace files not to check (with the editor's files.exclude). */
  ignore?: string[];
  /** The code lenses over clusters (openstackHa.codeLens.enable); on unless false. */
  codeLens?: { enable: boolean };
}
export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {} };

export interface Analysis {
  version: number;
  result: EngineAnalysis | null;
  configFile?: string;
  configError?: Error;
}

interface Cached extends Analysis {
  text: string;
  settingsEpoch: number;
  workspaceEpoch: number;
}

export class AnalysisCache {
  /** By engine path (or by URI for a buffer with no file). */
  private cache = new Map<string, Cached>();
  private settingsEpoch = 0;
  /** Bumped when a manifest or a peer file changes, so analyses made against the old ones are redone. */
  workspaceEpoch = 0;
  /** Bumped by every change to a workspace file's text (any file, whatever it changed), for caches of whole deployments. */
  generation = 0;
  /** One incremental parser per open manifest: an edit re-parses only the entries it touched. */
  private parsers = new Map<string, IncrementalManifestParser>();
  readonly configs = new ConfigCache();
  /** Every file of the workspace the product reads, as on disk or as the open buffer holds it. */
  readonly workspace = new Workspace();
  settings: Settings = DEFAULT_SETTINGS;
  /** Called with the files to check again when a change altered what they are checked against. */
  onDependentsChanged?: (paths: string[]) => void;

  setSettings(s: Settings): void {
    this.settings = s;
    this.invalidate();
  }
  invalidate(): void {
    this.settingsEpoch++;
    this.configs.clear();
  }
  forget(key: string): void {
    this.cache.delete(key);
    this.parsers.delete(key);
  }

  /** The key of a document: its engine path, or its URI when it has no file. */
  static keyOf(uri: string): string {
    const p = URI.toPath(uri);
    return p ? enginePath(p) : uri;
  }
  static uriOf(key: string): string {
    return key.startsWith('/') || /^[A-Za-z]:\//.test(key) ? pathToFileURL(hostPath(key)).toString() : key;
  }

  /** A file's text as the workspace should see it (a disk read, a buffer edit); reports its dependents when that matters. */
  setText(key: string, text: string, notify = true): void {
    if (this.workspace.textOf(key) === text) return;
    this.generation++;
    // while the whole workspace is read, every file is checked afterwards: no dependents to work out
    if (this.workspace.setFile(key, text) && notify) this.dependentsChanged(key);
  }

  /** A file gone from disk (and not open). */
  remove(key: string): void {
    const deps = this.workspace.dependents(key);
    const mattered = this.workspace.removeFile(key);
    this.generation++;
    this.forget(key);
    if (mattered) {
      this.workspaceEpoch++;
      this.onDependentsChanged?.(deps);
    }
  }

  private dependentsChanged(key: string): void {
    this.workspaceEpoch++;
    this.onDependentsChanged?.(this.workspace.dependents(key));
  }

  /** An open document's analysis at its version. */
  get(doc: TextDocument): Analysis {
    const key = AnalysisCache.keyOf(doc.uri);
    if (!URI.toPath(doc.uri)) return this.standalone(doc);
    this.setText(key, doc.getText());
    return { ...this.analysePath(key), version: doc.version };
  }

  /** The analysis of a workspace file from the text the workspace holds. */
  analysePath(key: string): Analysis {
    const text = this.workspace.textOf(key);
    const hit = this.cache.get(key);
    const kind = this.workspace.kindOf(key);
    if (
      hit &&
      hit.text === text &&
      hit.settingsEpoch === this.settingsEpoch &&
      (kind === 'manifest' || hit.workspaceEpoch === this.workspaceEpoch)
    )
      return hit;
    if (text === undefined || !this.settings.enable || !kind) return { version: 0, result: null };
    const fromFile = this.configs.forDocument(hostPath(key));
    const config = this.configFor(fromFile.config);
    let parser: IncrementalManifestParser | undefined;
    if (kind === 'manifest') {
      parser = this.parsers.get(key);
      if (!parser) this.parsers.set(key, (parser = new IncrementalManifestParser()));
    }
    const result = analyse(this.workspace, key, config, parser);
    const a: Cached = {
      version: 0,
      result,
      configFile: fromFile.file,
      configError: fromFile.error,
      text,
      settingsEpoch: this.settingsEpoch,
      workspaceEpoch: this.workspaceEpoch,
    };
    this.cache.set(key, a);
    return a;
  }

  /** An untitled buffer: checked on its own. */
  private standalone(doc: TextDocument): Analysis {
    const text = doc.getText();
    const kind = this.settings.enable ? detectKind(doc.uri, text) : null;
    if (!kind) return { version: doc.version, result: null };
    const ws = new Workspace();
    ws.setFile(doc.uri, text, kind);
    let parser = this.parsers.get(doc.uri);
    if (kind === 'manifest' && !parser) this.parsers.set(doc.uri, (parser = new IncrementalManifestParser()));
    return { version: doc.version, result: analyse(ws, doc.uri, this.configFor(undefined), parser) };
  }

  /** The settings a workspace file is checked with: its .openstack-ha.yaml, then the editor's. */
  configForPath(key: string): LintConfig {
    return this.configFor(this.configs.forDocument(hostPath(key)).config);
  }

  private configFor(fromFile: LintConfig | undefined): LintConfig {
    const editor: Partial<LintConfig> = {
      rules: this.settings.rules as LintConfig['rules'],
      environment: this.settings.environment as LintConfig['environment'],
      release: this.settings.release as LintConfig['release'],
    };
    return mergeConfigs(fromFile, editor);
  }

  private lineIndexes = new Map<string, { text: string; lines: LineIndex }>();
  /** Where a related location is, as a URI and a range in that file's current text. */
  resolve(r: Related): { uri: string; range: ReturnType<LineIndex['range']>; message: string } {
    const text = this.workspace.textOf(r.file) ?? '';
    let li = this.lineIndexes.get(r.file);
    if (!li || li.text !== text) this.lineIndexes.set(r.file, (li = { text, lines: new LineIndex(text) }));
    return { uri: AnalysisCache.uriOf(r.file), range: li.lines.range(r.span.start, r.span.end), message: r.message };
  }
}
