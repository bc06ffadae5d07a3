/**
 * The deployments of a workspace as the simulator sees them: each manifest, each kolla-ansible or
 * OpenStack-Ansible deployment, and the stack's own files (corosync, Galera, keepalived, HAProxy,
 * Pacemaker) when no manifest speaks for them. Shared by `openstack-ha simulate` and `graph`, the
 * code lenses and the topology view.
 */
import type { Workspace } from '../workspace/workspace';
import type { SimModel } from '../simulate/model';
import type { PeerConf } from '../model/topology';
import { parseManifestText } from '../documents/manifest/parse';
import { buildManifest, type Manifest } from '../documents/manifest/model';
import { simModelFromManifest } from '../simulate/from-manifest';
import { simSources, STACK_KINDS } from './sources';

export interface FoundDeployment {
  model: SimModel;
  /** Its files (engine paths, sorted). */
  files: string[];
}

/** A manifest's model, read once per text (the editor asks for it on every lens and view request). */
const manifestModels = new WeakMap<Workspace, Map<string, { text: string; model: SimModel | undefined }>>();

/** Models of manifests the host already parsed (the editor's analysis), by the parsed object. */
const parsedModels = new WeakMap<Manifest, SimModel | undefined>();

function manifestModel(ws: Workspace, path: string, parsed?: Manifest): SimModel | undefined {
  if (parsed) {
    if (!parsedModels.has(parsed)) parsedModels.set(parsed, parsed.nodes.size ? simModelFromManifest(parsed, path) : undefined);
    return parsedModels.get(parsed);
  }
  const text = ws.textOf(path);
  if (text === undefined) return undefined;
  let memo = manifestModels.get(ws);
  if (!memo) manifestModels.set(ws, (memo = new Map()));
  const hit = memo.get(path);
  if (hit?.text === text) return hit.model;
  const read = parseManifestText(text);
  const m = read.ok && read.doc ? buildManifest(read.doc) : undefined;
  const model = m && m.nodes.size ? simModelFromManifest(m, path) : undefined;
  memo.set(path, { text, model });
  return model;
}

/** A deployment tool's or the stack's models, by the workspace's array of the deployment's files. */
const toolModels = new WeakMap<readonly PeerConf[], FoundDeployment[]>();

/** Stack files a manifest is the deployment of: the manifest's model speaks for them. */
const underManifest = (ws: Workspace, files: string[]): boolean =>
  files.every((f) => STACK_KINDS.includes(ws.kindOf(f) ?? '') && ws.contextFor(f).manifest !== undefined);

/** Every deployment among `paths` (engine paths of files already in `ws`). */
export function deploymentsOf(ws: Workspace, paths: string[]): FoundDeployment[] {
  return simSources(ws, paths, { manifest: manifestModel }).filter((s) => !underManifest(ws, s.files));
}

/**
 * The deployment a file belongs to, if any. `parsed` gives a manifest the host has already parsed
 * at the text the workspace holds (the editor's analysis), so that it is not parsed again.
 */
export function deploymentOfFile(
  ws: Workspace,
  path: string,
  parsed?: (manifest: string) => Manifest | undefined,
): FoundDeployment | undefined {
  const kind = ws.kindOf(path);
  if (!kind) return undefined;
  if (kind === 'manifest') {
    const model = manifestModel(ws, path, parsed?.(path));
    return model ? { model, files: [path] } : undefined;
  }
  const ctx = ws.contextFor(path);
  if (STACK_KINDS.includes(kind) && ctx.manifest) return deploymentOfFile(ws, ctx.manifest, parsed);
  // the workspace shares one array per deployment until it changes: the models are made once for it
  let found = toolModels.get(ctx.deployment);
  if (!found) {
    const group = [path, ...ctx.deployment.flatMap((p) => (p.path && p.path !== path ? [p.path] : []))];
    toolModels.set(ctx.deployment, (found = simSources(ws, group)));
  }
  return found.find((s) => s.files.includes(path));
}
