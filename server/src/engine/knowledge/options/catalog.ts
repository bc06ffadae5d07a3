/**
 * Option look-ups for one config file of one release. A process reads several files (neutron-server:
 * neutron.conf + ml2_conf.ini; agents: neutron.conf + their .ini), so a file is checked against the
 * union of the catalogues of the files its process reads. Section names follow oslo.config: DEFAULT
 * exactly, every other section case-insensitively.
 */
import { RELEASES } from './releases';
import { FileCatalog, OptionInfo } from './types';

export type Release = keyof typeof RELEASES;
/** Newest first (releases.ts is generated in that order). */
export const KNOWN_RELEASES = Object.keys(RELEASES) as Release[];
export const NEWEST_RELEASE: Release = KNOWN_RELEASES[0];

/** The files whose options a file may also hold, because the same process reads them. */
const READ_TOGETHER: Record<string, string[]> = {
  // neutron-server reads neutron.conf with the plugin's files: [ml2] or [ovn] in neutron.conf works
  'neutron.conf': ['ml2_conf.ini', 'ovn.ini'],
  'ml2_conf.ini': ['neutron.conf', 'ovn.ini'],
  'ovn.ini': ['neutron.conf', 'ml2_conf.ini'],
  'dhcp_agent.ini': ['neutron.conf'],
  'l3_agent.ini': ['neutron.conf'],
  'metadata_agent.ini': ['neutron.conf'],
  'metering_agent.ini': ['neutron.conf'],
  'openvswitch_agent.ini': ['neutron.conf'],
  'linuxbridge_agent.ini': ['neutron.conf'],
  'sriov_agent.ini': ['neutron.conf'],
  'macvtap_agent.ini': ['neutron.conf'],
  'neutron_ovn_metadata_agent.ini': ['neutron.conf'],
};

export function normalizeSection(name: string): string {
  return name === 'DEFAULT' ? name : name.toLowerCase();
}

export interface FoundOption {
  section: string;
  key: string;
  info: OptionInfo;
}

export class Catalog {
  /** normalized section -> its name as the generator prints it and its options */
  private readonly sections = new Map<string, { name: string; options: Map<string, OptionInfo> }>();
  /** `section/key` of a deprecated name -> where the option lives now */
  private readonly deprecated = new Map<string, FoundOption>();
  private readonly byKey = new Map<string, FoundOption[]>();
  readonly authOptions: Map<string, Record<string, OptionInfo>>;

  constructor(
    readonly release: Release,
    readonly file: string,
    files: FileCatalog[],
  ) {
    for (const f of files) {
      for (const [sname, sec] of Object.entries(f.sections)) {
        const norm = normalizeSection(sname);
        let s = this.sections.get(norm);
        if (!s) {
          s = { name: sname, options: new Map() };
          this.sections.set(norm, s);
        }
        for (const [key, info] of Object.entries(sec.options)) {
          if (s.options.has(key)) continue; // the file's own catalogue comes first
          s.options.set(key, info);
          const list = this.byKey.get(key) ?? [];
          list.push({ section: sname, key, info });
          this.byKey.set(key, list);
          for (const [g, n] of info.deprecated_names ?? []) {
            const dg = g === '<section>' ? sname : g;
            this.deprecated.set(`${normalizeSection(dg)}/${n}`, { section: sname, key, info });
          }
        }
      }
    }
    const ka = RELEASES[release].keystoneauth;
    this.authOptions = new Map(Object.entries(ka.plugins).map(([p, opts]) => [p, { ...ka.common, ...opts }]));
  }

  sectionNames(): string[] {
    return [...this.sections.values()].map((s) => s.name);
  }
  hasSection(name: string): boolean {
    return this.sections.has(normalizeSection(name));
  }
  sectionName(name: string): string | undefined {
    return this.sections.get(normalizeSection(name))?.name;
  }
  options(section: string): Map<string, OptionInfo> {
    return this.sections.get(normalizeSection(section))?.options ?? new Map();
  }
  option(section: string, key: string): OptionInfo | undefined {
    return this.options(section).get(key);
  }
  /** Sections (other than `except`) that define `key`. */
  sectionsWith(key: string, except?: string): FoundOption[] {
    return (this.byKey.get(key) ?? []).filter((f) => except === undefined || normalizeSection(f.section) !== normalizeSection(except));
  }
  /** The option that `[section] key` is an old name of. */
  renamed(section: string, key: string): FoundOption | undefined {
    return this.deprecated.get(`${normalizeSection(section)}/${key}`);
  }
  /** Options a section gains from keystoneauth when it sets auth_type (or is a known auth section). */
  authPluginOptions(plugin: string): Record<string, OptionInfo> | undefined {
    return this.authOptions.get(plugin);
  }
}

const cache = new Map<string, Catalog>();

export function catalogFiles(release: Release = NEWEST_RELEASE): string[] {
  return RELEASES[release].files.map((f) => f.file);
}

/**
 * kolla-ansible's `global.conf`, merged into the config of every service it deploys: no one service's
 * catalogue covers it, and a service ignores the options it does not register, so it is read against
 * the union of every file's catalogue (an option only neutron has is fine there).
 */
export const KOLLA_GLOBAL = 'global.conf';

export function catalogFor(file: string, release: Release = NEWEST_RELEASE): Catalog | undefined {
  const key = `${release}/${file}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const all = RELEASES[release].files;
  if (file === KOLLA_GLOBAL) {
    const c = new Catalog(release, file, all);
    cache.set(key, c);
    return c;
  }
  const own = all.find((f) => f.file === file);
  if (!own) return undefined;
  const together = (READ_TOGETHER[file] ?? []).map((n) => all.find((f) => f.file === n)).filter((f): f is FileCatalog => !!f);
  const c = new Catalog(release, file, [own, ...together]);
  cache.set(key, c);
  return c;
}

export function releaseInfo(release: Release = NEWEST_RELEASE) {
  return RELEASES[release].index;
}
