/**
 * A kolla-ansible deployment as its files describe it: the inventories' groups and the variables of
 * globals.yml over kolla's defaults for the release (openstack_release, else the newest known).
 * What each HA fact is, and where the user wrote it (or that it is kolla's default): the model the
 * topology rules will read.
 */
import { hostsOf, IniInventory, InventoryHost, mergeInventories } from '../ansible/ini-inventory';
import { asBool, evaluate, Known, Value } from '../ansible/values';
import { GlobalVar, KollaGlobals, mergeGlobals } from './globals';
import type { KollaPart } from '../deploy/parts';
import { KOLLA_DEFAULTS, KOLLA_RELEASES, KollaRelease, NEWEST_KOLLA_RELEASE } from '../../knowledge/kolla/defaults';

export interface KollaDeployment {
  release: KollaRelease;
  /** The user's setting of a variable, if any (its file and places). */
  setting(name: string): GlobalVar | undefined;
  /** A variable's value: the user's, else kolla's default, references resolved; unknown when it cannot be known. */
  value(name: string): Value;
  /** A variable as a boolean, as Ansible's `| bool` reads it; undefined when it cannot be known. */
  flag(name: string): boolean | undefined;
  /** The hosts of an inventory group, through :children, over every inventory (-i may be given several times). */
  hosts(group: string): InventoryHost[];
  /** A variable host_vars/<host> sets for one host. */
  hostVar(host: string, name: string): GlobalVar | undefined;
  /** The inventories merged, as ansible sees several -i. */
  inventory: IniInventory;
  /** The variables files, in the order they apply: group_vars (all first), globals.yml, then globals.d in name order. */
  globals: readonly KollaGlobals[];
  /** The text of a variables file (host_vars included): what the reader keeps unknown (a list) is read from it. */
  fileText(file: string): string | undefined;
  /** Whether a variables file is globals.yml or globals.d (kolla passes them as extra vars, above host_vars), not group_vars. */
  isGlobals(file: string): boolean;
}

/**
 * `groupVars`: group_vars/ beside the inventory (all first, then the other groups): below globals.yml,
 * which kolla passes as extra vars. `hostVars`: host_vars/<host>, by host.
 */
export function kollaDeployment(
  inventories: IniInventory[],
  globals: KollaGlobals[],
  groupVars: KollaGlobals[] = [],
  hostVars: Map<string, KollaGlobals[]> = new Map(),
): KollaDeployment {
  const vars = mergeGlobals([...groupVars, ...globals]);
  const perHost = new Map([...hostVars].map(([h, files]) => [h, mergeGlobals(files)]));
  const inventory = mergeInventories(inventories);
  const release = releaseOf(vars.get('openstack_release')?.raw);
  const defaults = KOLLA_DEFAULTS[release];
  const texts = new Map([...groupVars, ...globals, ...[...hostVars.values()].flat()].map((g) => [g.file, g.text]));
  const extraVars = new Set(globals.map((g) => g.file));
  const lookup = (name: string): Known | null | undefined => {
    const user = vars.get(name);
    if (user) return user.raw;
    return name in defaults ? defaults[name] : undefined;
  };
  return {
    release,
    setting: (name) => vars.get(name),
    value: (name) => evaluate(lookup(name), lookup),
    flag(name) {
      const v = evaluate(lookup(name), lookup);
      return v.known ? asBool(v.value) : undefined;
    },
    hosts: (group) => hostsOf(inventory, group),
    hostVar: (host, name) => perHost.get(host)?.get(name),
    inventory,
    globals: [...groupVars, ...globals],
    fileText: (file) => texts.get(file),
    isGlobals: (file) => extraVars.has(file),
  };
}

/** `openstack_release: "2025.2"` names the release; master and anything newer or unknown is the newest kolla we know. */
function releaseOf(raw: Known | null | undefined): KollaRelease {
  const s = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  return (KOLLA_RELEASES as readonly string[]).includes(s) ? (s as KollaRelease) : NEWEST_KOLLA_RELEASE;
}

/**
 * The deployment of kolla files read as parts: globals.yml before globals.d (by name), group_vars
 * below them (all first), host_vars by host, the inventories merged.
 */
export function kollaDeploymentOfFiles(files: readonly { path: string; part: KollaPart }[]): KollaDeployment {
  const parts = [...files];
  const order = (p: string) => (/\/globals\.d\//.test(p) ? 1 : 0);
  parts.sort((a, b) => order(a.path) - order(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const globals = parts.flatMap((p) => (p.part.role === 'globals' ? [p.part.globals] : []));
  const inventories = parts.flatMap((p) => (p.part.role === 'inventory' ? [p.part.inventory] : []));
  // group_vars: all first, then the other groups; below globals.yml (kolla passes it as extra vars)
  const groupVars = parts
    .flatMap((p) => (p.part.role === 'vars' && p.part.scope === 'group' ? [p.part] : []))
    .sort((a, b) => Number(a.name !== 'all') - Number(b.name !== 'all'))
    .map((p) => p.globals);
  const hostVars = new Map<string, KollaGlobals[]>();
  for (const p of parts)
    if (p.part.role === 'vars' && p.part.scope === 'host')
      hostVars.set(p.part.name, [...(hostVars.get(p.part.name) ?? []), p.part.globals]);
  return kollaDeployment(inventories, globals, groupVars, hostVars);
}
