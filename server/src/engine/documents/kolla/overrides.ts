/**
 * Whether a service config is one of kolla-ansible's overrides (its node_custom_config folder:
 * `config/` beside globals.yml, /etc/kolla/config by default), and the kolla deployment it is merged into.
 */
import type { PeerConf } from '../../model/topology';
import type { IniInventory } from '../ansible/ini-inventory';
import type { KollaGlobals } from './globals';
import { kollaDeployment, KollaDeployment } from './deployment';
import { isWithin } from '../../text/paths';

export interface KollaOverride {
  /** The kolla deployment's files (globals.yml, globals.d, inventories), when the workspace holds them. */
  deployment?: KollaDeployment;
}

/** kolla's default node_custom_config. */
const DEFAULT_CUSTOM_CONFIG = /(?:^|\/)etc\/kolla\/config\//;

/** A file of kolla's config folder: under `config/` beside the kolla files of its deployment, or under /etc/kolla/config. */
export function isKollaOverride(path: string | undefined, peers: readonly PeerConf[]): boolean {
  if (!path) return false;
  if (DEFAULT_CUSTOM_CONFIG.test(path)) return true;
  return peers.some((p) => p.deploy?.tool === 'kolla' && p.deployment !== undefined && isWithin(`${p.deployment}/config`, path));
}

/**
 * kolla runs each override through Jinja before it merges it (merge_configs), so an override may
 * hold `{{ variable }}` values and `{% if %}` lines: they are kolla's to fill in, not oslo.config's to read.
 */
export const JINJA = /\{\{|\{%|\{#/;

export function kollaOverrideOf(path: string | undefined, peers: readonly PeerConf[]): KollaOverride | undefined {
  if (!isKollaOverride(path, peers)) return undefined;
  const kolla = peers.filter((p) => p.deploy?.tool === 'kolla' && p.path);
  if (!kolla.length) return {};
  // globals.yml before globals.d, by name, as kolla merges them
  const order = (p: string) => (/\/globals\.d\//.test(p) ? 1 : 0);
  kolla.sort((a, b) => order(a.path!) - order(b.path!) || (a.path! < b.path! ? -1 : a.path! > b.path! ? 1 : 0));
  const globals: KollaGlobals[] = [];
  const inventories: IniInventory[] = [];
  for (const p of kolla)
    if (p.deploy?.role === 'globals') globals.push(p.deploy.globals);
    else if (p.deploy?.role === 'inventory') inventories.push(p.deploy.inventory);
  return { deployment: kollaDeployment(inventories, globals) };
}
