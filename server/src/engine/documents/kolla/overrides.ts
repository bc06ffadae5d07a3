/**
 * Whether a service config is one of kolla-ansible's overrides (its node_custom_config folder:
 * `config/` beside globals.yml, /etc/kolla/config by default), and the kolla deployment it is merged into.
 */
import type { DeployPart, KollaPart } from '../deploy/parts';
import { kollaDeploymentOfFiles, KollaDeployment } from './deployment';
import { isWithin } from '../../text/paths';

/** What an override needs of the deployment's other files (the workspace's peers). */
export interface DeployPeer {
  path?: string;
  deploy?: DeployPart;
  deployment?: string;
}

export interface KollaOverride {
  /** The kolla deployment's files (globals.yml, globals.d, inventories), when the workspace holds them. */
  deployment?: KollaDeployment;
}

/** kolla's default node_custom_config. */
const DEFAULT_CUSTOM_CONFIG = /(?:^|\/)etc\/kolla\/config\//;

/** A file of kolla's config folder: under `config/` beside the kolla files of its deployment, or under /etc/kolla/config. */
export function isKollaOverride(path: string | undefined, peers: readonly DeployPeer[]): boolean {
  if (!path) return false;
  if (DEFAULT_CUSTOM_CONFIG.test(path)) return true;
  return peers.some((p) => p.deploy?.tool === 'kolla' && p.deployment !== undefined && isWithin(`${p.deployment}/config`, path));
}

/**
 * kolla runs each override through Jinja before it merges it (merge_configs), so an override may
 * hold `{{ variable }}` values and `{% if %}` lines: they are kolla's to fill in, not oslo.config's to read.
 */
export const JINJA = /\{\{|\{%|\{#/;

export function kollaOverrideOf(path: string | undefined, peers: readonly DeployPeer[]): KollaOverride | undefined {
  if (!isKollaOverride(path, peers)) return undefined;
  const kolla: { path: string; part: KollaPart }[] = [];
  for (const p of peers) if (p.deploy?.tool === 'kolla' && p.path) kolla.push({ path: p.path, part: p.deploy });
  if (!kolla.length) return {};
  return { deployment: kollaDeploymentOfFiles(kolla) };
}
