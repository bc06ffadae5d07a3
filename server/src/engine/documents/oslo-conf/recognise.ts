/**
 * Which files are OpenStack service configs, and which catalogue checks them: by file name
 * (nova.conf, ml2_conf.ini, ...), by path (/etc/<service>/...), or by a modeline in the first lines
 * (`# openstack-conf: nova.conf`, or `-*- mode: openstack-conf -*-` with the name from the path).
 * Never every *.conf: a file that none of these names is not claimed.
 */
import { catalogFiles, catalogFor, KOLLA_GLOBAL } from '../../knowledge/options/catalog';

const SERVICE_DIRS: Record<string, string> = {
  nova: 'nova.conf',
  keystone: 'keystone.conf',
  glance: 'glance-api.conf',
  neutron: 'neutron.conf',
  cinder: 'cinder.conf',
  heat: 'heat.conf',
  placement: 'placement.conf',
  octavia: 'octavia.conf',
};
/** Names distributions and deployment tools give the same files. */
const ALIASES: Record<string, string> = {
  'nova-compute.conf': 'nova.conf',
  'nova-api.conf': 'nova.conf',
  'glance-registry.conf': 'glance-api.conf',
  'ovn_agent.ini': 'ovn.ini',
  'neutron-ovn-metadata-agent.ini': 'neutron_ovn_metadata_agent.ini',
};
const MODELINE = /(?:openstack-conf\s*[:=]\s*([\w.-]+\.(?:conf|ini))|-\*-.*mode:\s*openstack-conf\b)/;

function basename(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/**
 * kolla-ansible's per-container override, `<service>/<container>.conf` in its custom config folder
 * (config/nova/nova-scheduler.conf, config/neutron/neutron-server.conf; also below a host folder):
 * a `<service>-*.conf` in a folder named after the service is that service's config.
 */
function containerConf(path: string): string | undefined {
  const parts = path.split(/[\\/]/);
  const m = /^([a-z]+)-[\w.-]+\.conf$/.exec(parts[parts.length - 1] ?? '');
  if (!m || (parts[parts.length - 2] !== m[1] && parts[parts.length - 3] !== m[1])) return undefined;
  if (SERVICE_DIRS[m[1]]) return SERVICE_DIRS[m[1]];
  return catalogFiles().includes(`${m[1]}.conf`) ? `${m[1]}.conf` : undefined;
}

const SECTION = /^[ \t]*\[([^\]\r\n]+)\][ \t]*$/gm;

/**
 * kolla-ansible's `global.conf`, directly in its custom config folder: merged into every service's
 * config. Under /etc/kolla/config always; in another `config/` folder only when it has a section
 * some service has (besides DEFAULT), so that an unrelated project's config/global.conf is not claimed.
 */
function kollaGlobal(path: string, text: string): boolean {
  const parts = path.split(/[\\/]/);
  if (parts[parts.length - 1] !== KOLLA_GLOBAL || parts[parts.length - 2] !== 'config') return false;
  if (/(?:^|[\\/])etc[\\/]kolla[\\/]config[\\/]global\.conf$/.test(path)) return true;
  const all = catalogFor(KOLLA_GLOBAL)!;
  for (const m of text.slice(0, 65536).matchAll(SECTION)) if (m[1] !== 'DEFAULT' && all.hasSection(m[1].trim())) return true;
  return false;
}

/** The catalogue file name for a path and text, or undefined. */
export function confKind(path: string, text: string): string | undefined {
  const base = basename(path);
  if (/\.(j2|jinja2?|erb|tmpl)$/.test(base)) return undefined; // templates are not the file yet
  const known = new Set(catalogFiles());
  const head = text.slice(0, 2048).split('\n').slice(0, 5).join('\n');
  const mode = MODELINE.exec(head);
  if (mode?.[1] && known.has(mode[1])) return mode[1];
  if (known.has(base)) return base;
  if (ALIASES[base]) return ALIASES[base];
  const dir = /(?:^|[\\/])etc[\\/]([a-z]+)[\\/](?:[^\\/]+[\\/])*[^\\/]+\.(?:conf|ini)$/.exec(path);
  if (dir && SERVICE_DIRS[dir[1]]) return SERVICE_DIRS[dir[1]];
  const container = containerConf(path);
  if (container) return container;
  if (kollaGlobal(path, text)) return KOLLA_GLOBAL;
  if (mode) return undefined; // mode without a file name and a path that says nothing: which catalogue is unknown
  return undefined;
}
