/**
 * The HA manifests of a workspace, so a .conf file can be checked against the deployment it belongs
 * to: the manifest in the nearest folder above it (or beside it) wins; two at the same distance are
 * ambiguous, and the rules that need a topology then stay quiet.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Manifest } from '../engine/documents/manifest/model';
import { lintManifest, detectKind } from '../engine/lint';
import { PeerConf, Topology, topologyFromManifest } from '../engine/workspace/topology';
import { clustercheckPeer, galeraPeer, keepalivedPeer, peerConf, sysctlPeer } from '../engine/workspace/peers';
import { isCheckEndpointFile, isCheckEndpointPath } from '../engine/documents/clustercheck/endpoints';
import { isSysctlFile } from '../engine/documents/sysctl/sysctl';
import { isKeepalivedFile } from '../engine/documents/keepalived/recognise';
import { isCnfFile } from '../engine/documents/galera/recognise';
import { confKind } from '../engine/documents/oslo-conf/recognise';

/**
 * The node a file belongs to: the tree above its `etc/` (nodes/db1 for nodes/db1/etc/mysql/my.cnf),
 * or its folder when the path has no etc/.
 */
export function nodeRoot(file: string): string {
  const parts = path.resolve(file).split(path.sep);
  const i = parts.lastIndexOf('etc');
  return i >= 0 ? parts.slice(0, i).join(path.sep) : path.dirname(path.resolve(file));
}

const SKIP = new Set(['node_modules', '.git', '.tox', '.venv', '.e2e', 'out', 'dist']);

export class TopologyIndex {
  private manifests = new Map<string, Topology>();
  /** Config files that rules compare across nodes (cinder.conf), by absolute path. */
  private peers = new Map<string, PeerConf>();

  /** Reads a peer file; true when what the rules see of it changed (so the files checked against it are redone). */
  setPeer(file: string, text: string): boolean {
    const key = path.resolve(file);
    const kind = confKind(file, text);
    const peer = kind ? peerConf(file, kind, text)
      : isCnfFile(file, text) ? galeraPeer(file, text)
      : isKeepalivedFile(file, text) ? keepalivedPeer(file, text)
      : isSysctlFile(file) ? sysctlPeer(file, text)
      : isCheckEndpointFile(file, text) ? clustercheckPeer(file, text) : undefined;
    const before = this.peers.get(key);
    if (peer) this.peers.set(key, peer); else this.peers.delete(key);
    return JSON.stringify(before) !== JSON.stringify(peer);
  }

  /** The other peers, named relative to `file`'s folder for messages. */
  peersOf(file: string): PeerConf[] {
    const self = path.resolve(file);
    const node = nodeRoot(self);
    return [...this.peers].filter(([p]) => p !== self).map(([p, c]) => {
      const root = nodeRoot(p);
      return { ...c, file: path.relative(path.dirname(self), p), sameNode: root === node, node: path.basename(root) };
    });
  }

  set(file: string, m: Manifest | undefined): void {
    const key = path.resolve(file);
    if (m && (m.nodes.size || m.vips.size)) this.manifests.set(key, topologyFromManifest(m, path.basename(file)));
    else this.manifests.delete(key);
  }

  get size(): number { return this.manifests.size; }

  forFile(file: string): Topology | undefined {
    const dir = path.dirname(path.resolve(file));
    let best: { depth: number; t: Topology[] } | undefined;
    for (const [p, t] of this.manifests) {
      const mdir = path.dirname(p);
      const rel = path.relative(mdir, dir);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue; // only manifests in this folder or above
      const depth = rel === '' ? 0 : rel.split(path.sep).length;
      if (!best || depth < best.depth) best = { depth, t: [t] };
      else if (depth === best.depth) best.t.push(t);
    }
    if (best && best.t.length === 1) return best.t[0];
    if (!best && this.manifests.size === 1) return [...this.manifests.values()][0];
    return undefined;
  }

  /**
   * A file changed on disk (or was deleted): read it again as a manifest or a peer file. True when
   * what the rules see changed, so the open files are checked again.
   */
  refresh(file: string, deleted: boolean): boolean {
    const key = path.resolve(file);
    if (deleted) return this.peers.delete(key) || this.manifests.delete(key);
    let text: string;
    try { if (fs.statSync(key).size > 1024 * 1024) return false; text = fs.readFileSync(key, 'utf8'); } catch { return false; }
    if (/\.ya?ml$/i.test(key)) {
      if (detectKind(key, text) !== 'manifest') return this.manifests.delete(key);
      this.set(key, lintManifest(text).manifest);
      return true;
    }
    return this.setPeer(key, text);
  }

  /** Reads every manifest under `root` (bounded), for the language server's workspace. */
  scan(root: string, maxDepth = 6, maxFiles = 20000): void {
    let seen = 0;
    const walk = (dir: string, depth: number) => {
      if (depth > maxDepth || seen > maxFiles) return;
      let ents: fs.Dirent[];
      try { ents = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
      for (const e of ents) {
        seen++;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) { if (!SKIP.has(e.name)) walk(p, depth + 1); continue; }
        const yaml = /\.ya?ml$/i.test(e.name);
        if (!e.isFile() || (!yaml && !/\.(conf|cnf)$/.test(e.name) && !/keepalived/.test(e.name) && !isCheckEndpointPath(p) && !isSysctlFile(p))) continue;
        this.refresh(p, false);
      }
    };
    walk(root, 0);
  }
}
