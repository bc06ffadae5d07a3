/** Which files are HA manifests: by name, or by `apiVersion: openstack-ha/v1` near the top. */
const NAME = /(^|[\\/])([^\\/]+\.ha\.ya?ml|openstack-ha\.ya?ml)$/i;
const API_VERSION = /^apiVersion:[ \t]*["']?openstack-ha\/v1["']?[ \t]*(#.*)?$/m;

export function isManifestPath(path: string): boolean {
  return NAME.test(path);
}

export function looksLikeManifest(text: string): boolean {
  return API_VERSION.test(text.slice(0, 4096));
}

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}
