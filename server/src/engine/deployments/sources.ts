/**
 * The simulator's models of the deployments among a workspace's files: a kolla-ansible or
 * OpenStack-Ansible deployment through its tool's model (analyse()'s deployModel, as `convert` finds
 * it) and its files' parts, the stack's own files (corosync, Pacemaker, Galera, keepalived, HAProxy)
 * through their peer facts. Manifests are read by the caller's `manifest` reader.
 */
import type { Workspace } from '../workspace/workspace';
import { nodeRoot } from '../workspace/workspace';
import type { DeployPart, KollaPart, OsaPart } from '../documents/deploy/parts';
import type { DeployModel } from '../documents/deploy/model';
import { kollaDeploymentOfFiles } from '../documents/kolla/deployment';
import { kollaModel } from '../documents/kolla/model';
import { kollaRoot } from '../documents/kolla/recognise';
import { osaDeploymentOfFiles } from '../documents/osa/deployment';
import { osaRoot } from '../documents/osa/recognise';
import type { PeerConf } from '../model/topology';
import { basename, commonFolder } from '../text/paths';
import type { SimModel } from '../simulate/model';
import { simModelFromDeploy } from '../simulate/from-deploy';
import { simModelFromStack } from '../simulate/from-stack';

/** The kinds of the stack's own files the simulator reads. */
export const STACK_KINDS: readonly string[] = ['corosync', 'pacemaker', 'galera', 'keepalived', 'haproxy'];

export interface SimSourceOptions {
  /** Reads a manifest of the workspace into a model (from-manifest.ts); manifests are skipped without it. */
  manifest?(ws: Workspace, path: string): SimModel | undefined;
}

/** One model found, with the workspace files it was read from (sorted). */
export interface SimSource {
  model: SimModel;
  files: string[];
}

/**
 * The models of the deployments among `paths` (workspace paths of files the workspace holds): one per
 * manifest, per deployment tool's deployment, and per group of stack files the workspace puts together
 * (Workspace.contextFor(path).deployment: a manifest's folder, else the folder above the nodes' trees).
 */
export function simSources(ws: Workspace, paths: readonly string[], options: SimSourceOptions = {}): SimSource[] {
  const out: SimSource[] = [];
  const done = new Set<string>();
  const sorted = [...new Set(paths)].sort();

  // manifests: the glue's reader (from-manifest.ts)
  for (const p of sorted)
    if (ws.kindOf(p) === 'manifest') {
      done.add(p);
      const model = options.manifest?.(ws, p);
      if (model) out.push({ model, files: [p] });
    }

  // deployment tools: the anchor first (globals.yml, openstack_user_config.yml), so the model is named by its folder
  const own = (p: string): PeerConf | undefined => ws.contextFor(p).deployment.find((x) => x.path === p);
  const deploy = sorted
    .flatMap((p) => {
      const part = own(p)?.deploy;
      return part && !done.has(p) ? [{ path: p, part }] : [];
    })
    .sort((a, b) => Number(b.part.anchor) - Number(a.part.anchor) || (a.path < b.path ? -1 : 1));
  for (const { path, part } of deploy) {
    if (done.has(path)) continue;
    const parts: { path: string; part: DeployPart }[] = [{ path, part }];
    for (const x of ws.contextFor(path).peers)
      if (x.deploy && x.path && x.deploy.tool === part.tool) parts.push({ path: x.path, part: x.deploy });
    parts.sort((a, b) => (a.path < b.path ? -1 : 1));
    const model = toolModel(parts, path);
    for (const x of parts) done.add(x.path);
    out.push({ model: simModelFromDeploy(model, parts), files: parts.map((x) => x.path) });
  }

  // the stack's own files: grouped as the workspace groups a deployment's files
  const groups = new Map<readonly PeerConf[], string[]>();
  for (const p of sorted) {
    if (done.has(p) || !STACK_KINDS.includes(ws.kindOf(p) ?? '')) continue;
    const key = ws.contextFor(p).deployment;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  for (const files of groups.values()) {
    const [first] = files;
    const ctx = ws.contextFor(first);
    const self = own(first);
    const wanted = new Set(files);
    const peers: PeerConf[] = [];
    // the first file seen as the others see it: with its node's folder name
    if (self) peers.push({ ...self, node: basename(nodeRoot(first)) });
    for (const x of ctx.peers) if (x.path && wanted.has(x.path)) peers.push(x);
    const model = simModelFromStack(peers, nameOf(files));
    if (model) out.push({ model, files });
  }
  return out;
}

/**
 * A deployment tool's model from its files' parts, as its language builds it (languages/kolla.ts,
 * openstack-ansible.ts), named by the anchor's folder. Built here, not through analyse(), so that the
 * simulator stays below the languages (a rule runs the simulator).
 */
function toolModel(parts: { path: string; part: DeployPart }[], anchor: string): DeployModel {
  if (parts[0].part.tool === 'kolla') {
    const files = parts as { path: string; part: KollaPart }[];
    return kollaModel(kollaDeploymentOfFiles(files), basename(kollaRoot(anchor)) || 'kolla');
  }
  const files = parts as { path: string; part: OsaPart }[];
  return osaDeploymentOfFiles(files).toModel(basename(osaRoot(anchor)) || 'openstack-ansible');
}

/** A stack deployment's name: the folder above its nodes' trees (site/ for site/ctl1/etc/...). */
function nameOf(files: string[]): string {
  const roots = [...new Set(files.map((f) => nodeRoot(f)))];
  const above = roots.length > 1 ? commonFolder(roots) : roots[0].split('/').slice(0, -1).join('/');
  return basename(above || roots[0]) || 'stack';
}

/** The models alone (simSources without the files each came from). */
export function simModels(ws: Workspace, paths: readonly string[], options: SimSourceOptions = {}): SimModel[] {
  return simSources(ws, paths, options).map((s) => s.model);
}
