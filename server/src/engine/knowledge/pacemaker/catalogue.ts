/** Pacemaker's cluster properties (facts from Debian's Pacemaker daemon metadata, see scripts/catalog/gen-pacemaker-properties.mjs). */
import CATALOGUE from './properties.json';

export interface ClusterProperty {
  /** boolean, integer, time, percentage, select (one of `v`) or string, as the metadata says. */
  t: string;
  d?: string;
  v?: string[];
}

/** The values a cluster property takes, in words; `quote` wraps each choice (backticks in a hover). */
export function valuesInWords(p: ClusterProperty, quote: (v: string) => string = (v) => v): string {
  switch (p.t) {
    case 'select':
      return `one of ${p.v!.map(quote).join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'a whole number';
    case 'time':
      return 'an interval (30s, 5min, 1h)';
    case 'percentage':
      return 'a percentage';
    default:
      return 'a text';
  }
}

const PROPERTIES = new Map<string, ClusterProperty>(Object.entries(CATALOGUE.properties as Record<string, ClusterProperty>));
/**
 * Properties the metadata of this Pacemaker does not list but a CIB may rightly hold: the ones the
 * cluster writes itself (last-lrm-refresh) and the names Pacemaker 2.1.8 introduced.
 */
const ALSO: Record<string, ClusterProperty> = {
  'last-lrm-refresh': { t: 'integer' },
  'fencing-enabled': { t: 'boolean', d: 'true' },
  'fencing-action': { t: 'select', d: 'reboot', v: ['reboot', 'off', 'poweroff'] },
  'fencing-timeout': { t: 'time', d: '60s' },
  'fencing-watchdog-timeout': { t: 'time', d: '0' },
  'node-pending-timeout': { t: 'time', d: '0' },
};
for (const [k, v] of Object.entries(ALSO)) if (!PROPERTIES.has(k)) PROPERTIES.set(k, v);

/** `Pacemaker 2.1.5-1+deb12u1` */
export const PACEMAKER_SOURCE = CATALOGUE.source.replace(/ \(.*$/, '');
export const PROPERTY_NAMES: readonly string[] = Object.freeze([...PROPERTIES.keys()]);

/** A property by name; the old underscore spellings (no_quorum_policy) are the same property. */
export function clusterProperty(name: string): ClusterProperty | undefined {
  return PROPERTIES.get(name.replace(/_/g, '-'));
}

/** Names Pacemaker's schema (2.0 and later) no longer takes in a cluster property set, and the cluster-infrastructure values it refuses. */
const REMOVED = new Set<string>(CATALOGUE.removed);
export const REMOVED_INFRASTRUCTURE: readonly string[] = CATALOGUE.infrastructureRemoved;
export function isRemovedProperty(name: string): boolean {
  return REMOVED.has(name);
}
