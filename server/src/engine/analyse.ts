/**
 * A file of a workspace in, its findings out: the one way the CLI and the editor check a file, so
 * both find the same things. The workspace says which deployment the file belongs to; the host
 * says which settings apply (.openstack-ha.yaml, editor settings).
 */
import { DocumentKind, lintAs, LintResult, ManifestParser } from './lint';
import { EMPTY_CONFIG, LintConfig } from './config';
import { byPosition, finish } from './check';
import { ruleMeta } from './rules';
import { languageOf } from './languages';
import { Workspace } from './workspace/workspace';
import { basename, relative, dirname } from './text/paths';
import { Environment, Finding } from './types';
import { NEWEST_RELEASE, Release } from './knowledge/options/catalog';

export interface Analysis extends LintResult {
  /** The manifest the file was checked against (its workspace path), if any. */
  manifestFile?: string;
  /** The environment and release the file was checked for (the manifest's, else the settings'). */
  environment?: Environment;
  release?: Release;
}

export function analyse(ws: Workspace, path: string, config: LintConfig = EMPTY_CONFIG, parser?: ManifestParser): Analysis | null {
  const kind: DocumentKind | null = ws.kindOf(path);
  const text = ws.textOf(path);
  if (!kind || text === undefined) return null;
  if (kind === 'manifest') {
    const r = lintAs(kind, path, text, config, {}, parser);
    ws.setManifestModel(path, text, r.manifest);
    return r;
  }
  const ctx = ws.contextFor(path);
  // a deployment tool's file describes its deployment itself: no manifest is its, however near
  if (languageOf(kind).ownDeployment) {
    const r = lintAs(kind, path, text, config, { deployment: ctx.deployment });
    return { ...r, environment: config.environment ?? 'production', release: config.release ?? NEWEST_RELEASE };
  }
  // what the deployment's manifest declares is the deployment's environment and release, whatever the defaults
  const cfg =
    (ctx.environment && ctx.environment !== config.environment) || (ctx.release && ctx.release !== config.release)
      ? { ...config, environment: ctx.environment ?? config.environment, release: ctx.release ?? config.release }
      : config;
  const r: Analysis = lintAs(kind, path, text, cfg, { topology: ctx.topology, peers: ctx.peers });
  r.manifestFile = ctx.manifest;
  r.environment = cfg.environment ?? 'production';
  r.release = cfg.release ?? NEWEST_RELEASE;
  // a finding of the workspace, not of the file's kind: through the same severity settings and suppressions as the rest
  if (ctx.ambiguous) r.findings = [...finish([ambiguous(path, ctx.ambiguous)], text, r.lines, config), ...r.findings].sort(byPosition);
  return r;
}

function ambiguous(path: string, manifests: string[]): Finding {
  const names = manifests.map((m) => relative(dirname(path), m) || basename(m));
  return {
    rule: 'manifest-ambiguous',
    severity: ruleMeta('manifest-ambiguous')!.severity,
    span: { start: 0, end: 0 },
    fixes: [],
    message: `${manifests.length} manifests are equally near this file (${names.join(', ')}): it is checked against neither; keep one manifest per deployment folder`,
    related: manifests.map((m) => ({ file: m, span: { start: 0, end: 0 }, message: `manifest ${basename(m)}` })),
  };
}
