/**
 * One workspace: every file of the deployments it holds, fed as text by the hosts (the CLI from
 * disk, the editor from disk and its open buffers). For any file it answers its deployment context:
 * the manifest it is checked against, that manifest's topology and environment, and the other
 * files of the same deployment (its peers). Pure: paths are '/'-separated strings, nothing is read.
 *
 * Cost: a file's manifest is found by walking up its folders (not by comparing it with every
 * manifest); peers are grouped by deployment once per change, so a file compares only with the
 * files of its own deployment.
 */
import type { DocumentKind } from '../types';
import { detectKind, peerFacts } from '../languages';
import { basename, dirname, relative } from '../text/paths';
import { MAX_MANIFEST_BYTES, parseManifestText } from '../documents/manifest/parse';
import { buildManifest, Manifest } from '../documents/manifest/model';
import { PeerConf, Topology, topologyFromManifest } from '../model/topology';
import { Environment } from '../types';
import type { Release } from '../knowledge/options/catalog';

interface Entry {
  path: string;
  kind: DocumentKind | null;
  text: string;
  /** What other files of the deployment are checked against in this one. */
  peer?: PeerConf;
  /** The tree the file belongs to: above its etc/, or its folder. */
  node: string;
}

export interface FileContext {
  /** The manifest the file is checked against (its path), if any. */
  manifest?: string;
  topology?: Topology;
  /** Manifests at the same nearest distance: the file is checked against none of them. */
  ambiguous?: string[];
  /** The deployment's other files that rules compare with (each seen from this file; made when first read). */
  peers: PeerConf[];
  /**
   * The deployment's files as the workspace holds them, this one among them: one array shared by
   * every file of the deployment until the workspace changes (a deployment tool checks it once).
   */
  deployment: readonly PeerConf[];
  /** The environment the deployment's manifest declares, if it does. */
  environment?: Environment;
  /** The OpenStack release the deployment's manifest declares, if it does. */
  release?: Release;
}

/**
 * The node a file belongs to: the tree above its `etc/` (nodes/db1 for nodes/db1/etc/mysql/my.cnf),
 * or its folder when the path has no etc/.
 */
export function nodeRoot(path: string): string {
  const parts = path.split('/');
  const i = parts.lastIndexOf('etc');
  return i > 0 ? parts.slice(0, i).join('/') || '/' : dirname(path);
}

export class Workspace {
  private readonly files = new Map<string, Entry>();
  private readonly manifestsByDir = new Map<string, Set<string>>();
  private manifestCount = 0;
  /** Built on demand, dropped when the manifest's text changes; null: the manifest describes nothing. */
  private readonly topologies = new Map<string, Topology | null>();
  /** Peers grouped by deployment; rebuilt after a change. */
  private peerGroups: Map<string, Entry[]> | undefined;
  /** Each group's facts as one shared array (FileContext.deployment); rebuilt with the groups. */
  private groupFacts = new Map<string, readonly PeerConf[]>();
  /** Deployment-tool folders that join their tool's one anchor (joined()); rebuilt with the groups. */
  private joins: Map<string, string> | undefined;
  /** The folders deployment tools name as their deployments (kolla's); rebuilt with the joins. */
  private toolKeys: Set<string> | undefined;

  /**
   * Adds or replaces a file's text. Returns true when what other files are checked against changed
   * (a manifest, or a peer's facts): the host then checks `dependents(path)` again.
   */
  setFile(path: string, text: string, kind: DocumentKind | null = detectKind(path, text)): boolean {
    const before = this.files.get(path);
    if (before && before.text === text && before.kind === kind) return false;
    if (before?.kind === 'manifest') this.dropManifest(path);
    let peer: PeerConf | undefined;
    try {
      // a file too large to check tells its deployment nothing either: its facts are never parsed
      peer = kind === 'manifest' || text.length > MAX_MANIFEST_BYTES ? undefined : peerFacts(path, kind, text);
    } catch {
      peer = undefined;
    }
    if (peer) peer = { ...peer, path };
    const entry: Entry = { path, kind, text, peer, node: nodeRoot(path) };
    this.files.set(path, entry);
    if (kind === 'manifest') {
      const dir = dirname(path);
      let set = this.manifestsByDir.get(dir);
      if (!set) this.manifestsByDir.set(dir, (set = new Set()));
      set.add(path);
      this.manifestCount++;
      this.topologies.delete(path);
      this.peerGroups = this.joins = undefined;
      return true;
    }
    const changed = JSON.stringify(before?.peer) !== JSON.stringify(peer);
    if (changed) this.peerGroups = this.joins = undefined;
    return changed || before?.kind === 'manifest';
  }

  /** Forgets a file (deleted, or moved away). True when other files were checked against it. */
  removeFile(path: string): boolean {
    const e = this.files.get(path);
    if (!e) return false;
    this.files.delete(path);
    if (e.kind === 'manifest') {
      this.dropManifest(path);
      return true;
    }
    if (e.peer) {
      this.peerGroups = this.joins = undefined;
      return true;
    }
    return false;
  }

  /**
   * A manifest's model the host already built (the editor's incremental parse, the CLI's lint), so
   * the workspace does not parse the same text again.
   */
  setManifestModel(path: string, text: string, m: Manifest | undefined): void {
    const e = this.files.get(path);
    if (!e || e.kind !== 'manifest' || e.text !== text) return;
    this.topologies.set(path, m && (m.nodes.size || m.vips.size) ? topologyFromManifest(m, basename(path), path) : null);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }
  kindOf(path: string): DocumentKind | null {
    return this.files.get(path)?.kind ?? null;
  }
  textOf(path: string): string | undefined {
    return this.files.get(path)?.text;
  }
  get size(): number {
    return this.files.size;
  }

  /** Every file the workspace holds. */
  paths(): string[] {
    return [...this.files.keys()];
  }

  /** The files held at `path` or under it (a deleted folder). */
  pathsUnder(path: string): string[] {
    const out: string[] = [];
    for (const p of this.files.keys()) if (p === path || p.startsWith(path + '/')) out.push(p);
    return out;
  }

  /** The files the product checks, with their kinds, in path order. */
  checkedFiles(): { path: string; kind: DocumentKind }[] {
    const out: { path: string; kind: DocumentKind }[] = [];
    for (const e of this.files.values()) if (e.kind) out.push({ path: e.path, kind: e.kind });
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Everything the rules may know of a file's deployment. */
  contextFor(path: string): FileContext {
    const found = this.manifestFor(path);
    const topology = found.manifest ? this.topologyOf(found.manifest) : undefined;
    const self = this.files.get(path);
    const key = this.deploymentOf(path, found);
    const group = this.groups().get(key) ?? [];
    let deployment = this.groupFacts.get(key);
    if (!deployment) this.groupFacts.set(key, (deployment = group.map((e) => e.peer!)));
    // the views of the other files are made only for a check that reads them: a deployment
    // tool's file reads the shared facts, and n views for each of n files would cost n²
    let peers: PeerConf[] | undefined;
    const views = (): PeerConf[] => {
      const node = self?.node ?? nodeRoot(path);
      const here = dirname(path);
      const out: PeerConf[] = [];
      for (const e of group) if (e.path !== path) out.push(new PeerView(e.peer!, here, e.node === node, basename(e.node)));
      return out;
    };
    return {
      manifest: topology ? found.manifest : undefined,
      topology,
      ambiguous: found.ambiguous,
      get peers() {
        return (peers ??= views());
      },
      deployment,
      environment: topology?.environment,
      release: topology?.release,
    };
  }

  /**
   * The files to check again when `path` changed: for a manifest, those it may be the manifest of;
   * for a peer file, the files of its deployment.
   */
  dependents(path: string): string[] {
    const e = this.files.get(path);
    const out: string[] = [];
    if (e?.kind === 'manifest' || (!e && this.manifestCount <= 1)) {
      const dir = dirname(path);
      for (const f of this.files.values())
        if (f.kind && f.path !== path && (this.manifestCount <= 1 || f.path.startsWith(dir + '/'))) out.push(f.path);
      return out;
    }
    const dep = this.deploymentOf(path, this.manifestFor(path));
    for (const f of this.files.values()) {
      if (f.kind && f.kind !== 'manifest' && f.path !== path && this.deploymentOf(f.path, this.manifestFor(f.path)) === dep)
        out.push(f.path);
    }
    return out;
  }

  private dropManifest(path: string): void {
    const set = this.manifestsByDir.get(dirname(path));
    if (set?.delete(path)) this.manifestCount--;
    if (set && !set.size) this.manifestsByDir.delete(dirname(path));
    this.topologies.delete(path);
    this.peerGroups = this.joins = undefined;
  }

  private topologyOf(path: string): Topology | undefined {
    if (!this.topologies.has(path)) {
      const text = this.files.get(path)?.text ?? '';
      let t: Topology | null = null;
      try {
        const parsed = parseManifestText(text);
        if (parsed.doc && parsed.ok) {
          const m = buildManifest(parsed.doc);
          if (m.nodes.size || m.vips.size) t = topologyFromManifest(m, basename(path), path);
        }
      } catch {
        t = null;
      }
      this.topologies.set(path, t);
    }
    return this.topologies.get(path) ?? undefined;
  }

  /** The nearest manifests in the file's folder or above that describe something; one wins, several are ambiguous. */
  private manifestFor(path: string): { manifest?: string; ambiguous?: string[] } {
    if (this.manifestCount === 0) return {};
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const set = this.manifestsByDir.get(dir);
      if (set) {
        const live = [...set].filter((m) => m !== path && this.topologyOf(m));
        if (live.length === 1) return { manifest: live[0] };
        if (live.length > 1) return { ambiguous: live.sort() };
      }
      if (dir === '/' || dir === '.' || dirname(dir) === dir) break;
    }
    // a workspace with one deployment: its manifest speaks for every file
    if (this.manifestCount === 1) {
      const only = [...this.manifestsByDir.values()][0];
      const m = only ? [...only][0] : undefined;
      if (m && m !== path && this.topologyOf(m)) return { manifest: m };
    }
    return {};
  }

  /**
   * The deployment a file belongs to: the one its tool names (kolla's folder of globals.yml), else
   * its manifest's folder, else the folder holding its node's tree.
   */
  private deploymentOf(path: string, found: { manifest?: string; ambiguous?: string[] }): string {
    const own = this.files.get(path)?.peer?.deployment;
    if (own !== undefined) return this.joined().get(own) ?? own;
    const tool = this.toolConfigOf(path);
    if (tool !== undefined) return this.joined().get(tool) ?? tool;
    const m = found.manifest ?? found.ambiguous?.[0];
    return m ? dirname(m) : dirname(this.files.get(path)?.node ?? nodeRoot(path));
  }

  /**
   * A file under a `config/` folder beside a deployment tool's files (kolla's node_custom_config:
   * config/nova.conf, config/nova/nova-api.conf, config/nova/<host>/nova.conf) belongs to that
   * deployment: the tool merges those files into the services it deploys.
   */
  private toolConfigOf(path: string): string | undefined {
    this.joined();
    for (let dir = dirname(path); dir !== '/' && dir !== '.' && dirname(dir) !== dir; dir = dirname(dir))
      if (basename(dir) === 'config' && this.toolKeys!.has(dirname(dir))) return dirname(dir);
    return undefined;
  }

  /**
   * A deployment tool's files away from its anchor (kolla's inventory in ansible/inventory/, its
   * globals.yml in etc/kolla/) join the anchor when the workspace holds one deployment of that tool.
   */
  private joined(): Map<string, string> {
    if (!this.joins) {
      this.joins = new Map();
      this.toolKeys = new Set();
      const anchors = new Map<string, Set<string>>();
      const loose = new Map<string, Set<string>>();
      for (const e of this.files.values()) {
        const d = e.peer?.deploy;
        const key = e.peer?.deployment;
        if (!d || key === undefined) continue;
        const to = d.anchor ? anchors : loose;
        let set = to.get(d.tool);
        if (!set) to.set(d.tool, (set = new Set()));
        set.add(key);
        this.toolKeys.add(key);
      }
      for (const [tool, keys] of loose) {
        const a = anchors.get(tool);
        if (a?.size !== 1) continue;
        const [anchor] = a;
        for (const k of keys) if (!a.has(k)) this.joins.set(k, anchor);
      }
    }
    return this.joins;
  }

  private groups(): Map<string, Entry[]> {
    if (!this.peerGroups) {
      this.peerGroups = new Map();
      this.groupFacts = new Map();
      for (const e of this.files.values()) {
        if (!e.peer) continue;
        const key = this.deploymentOf(e.path, this.manifestFor(e.path));
        let g = this.peerGroups.get(key);
        if (!g) this.peerGroups.set(key, (g = []));
        g.push(e);
      }
    }
    return this.peerGroups;
  }
}

/**
 * Another file of the deployment as one file sees it: the peer's facts (shared, not copied), its
 * name relative to the file's folder (worked out only when a message needs it), and whether it is
 * on the same node.
 */
class PeerView implements PeerConf {
  constructor(
    private readonly base: PeerConf,
    private readonly here: string,
    readonly sameNode: boolean,
    readonly node: string,
  ) {}
  get file(): string {
    return relative(this.here, this.base.path ?? this.base.file);
  }
  get kind() {
    return this.base.kind;
  }
  get host() {
    return this.base.host;
  }
  get path() {
    return this.base.path;
  }
  get values() {
    return this.base.values;
  }
  get listens() {
    return this.base.listens;
  }
  get vrrp() {
    return this.base.vrrp;
  }
  get corosync() {
    return this.base.corosync;
  }
  get proxies() {
    return this.base.proxies;
  }
  get endpoints() {
    return this.base.endpoints;
  }
  get deploy() {
    return this.base.deploy;
  }
  get deployment() {
    return this.base.deployment;
  }
}
