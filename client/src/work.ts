/**
 * Whether a file is work for the language server, decided in the client before the server runs: by
 * the same name patterns as the extension's workspaceContains activation events (package.json, the
 * one list), the product's own languages, or a YAML whose head says `apiVersion: openstack-ha/v1`.
 * The server still decides by content; this only keeps it from starting where it has nothing to do.
 */
import picomatch from 'picomatch';

/** Languages the extension contributes: a file in one of them is the product's. */
export const OWN_LANGUAGES = ['openstack-conf', 'haproxy', 'corosync', 'keepalived', 'iptables', 'crm', 'mariadb-cnf'];
/** The editor languages the extension contributes or meets (untitled buffers of these are checked too). */
export const LANGUAGE_IDS = ['yaml', ...OWN_LANGUAGES];
const MANIFEST_HEAD = /^apiVersion:[ \t]*["']?openstack-ha\/v1\b/m;

/** The workspaceContains patterns of the activation events. */
export function workPatterns(activationEvents: readonly string[]): string[] {
  const prefix = 'workspaceContains:';
  return activationEvents.filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length));
}

/** A predicate over (path, language, the first lines' text) for these patterns. */
export function workMatcher(patterns: readonly string[]): (path: string, languageId: string, head: string) => boolean {
  const byName = picomatch([...patterns], { dot: true });
  return (path, languageId, head) =>
    OWN_LANGUAGES.includes(languageId) ||
    byName(path.replace(/\\/g, '/').replace(/^\/+/, '')) ||
    (languageId === 'yaml' && MANIFEST_HEAD.test(head));
}
