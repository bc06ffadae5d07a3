/**
 * What the .conf rules see: the parsed file, its catalogue, the options each section may hold
 * (catalogue, keystoneauth plugin, dynamic backend sections), and helpers to read values.
 */
import { Catalog, normalizeSection } from '../../knowledge/options/catalog';
import { OptionInfo } from '../../knowledge/options/types';
import { ConfEntry, ConfFile, ConfSection } from './parse';

export class ConfView {
  /** Sections that exist because another option names them (cinder/glance backends, auth_section). */
  readonly dynamic = new Map<string, Map<string, OptionInfo>>();

  constructor(
    readonly file: ConfFile,
    readonly catalog: Catalog,
  ) {
    const def = (k: string) => this.value('DEFAULT', k);
    const backends = def('enabled_backends');
    if (backends !== undefined) {
      for (const item of backends
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const [name, type] = item.split(':').map((s) => s.trim());
        // glance: name:type takes the store driver's options; cinder: name takes [backend_defaults]'s
        const store = type ? catalog.options(`glance.store.${type}.store`) : undefined;
        const opts = store?.size ? store : catalog.options(type ? 'glance_store' : 'backend_defaults');
        if (opts.size) this.dynamic.set(normalizeSection(name), opts);
      }
    }
    for (const s of file.sections) {
      const ref = this.entry(s.name, 'auth_section');
      if (ref) {
        const plugin = this.value(ref.value, 'auth_type') ?? this.value(s.name, 'auth_type') ?? 'password';
        const opts = catalog.authPluginOptions(plugin);
        if (opts) this.dynamic.set(normalizeSection(ref.value), new Map(Object.entries(opts)));
      }
    }
  }

  sectionsNamed(name: string): ConfSection[] {
    return this.index().sections.get(normalizeSection(name)) ?? [];
  }

  /** The last entry of `key` in the section (oslo.config's winner). */
  entry(section: string, key: string): ConfEntry | undefined {
    return this.index().entries.get(normalizeSection(section))?.get(key);
  }

  /**
   * Sections by name and their last entry per key, built once: rules look values up thousands of
   * times, and a scan per look-up was quadratic in a file repeating a section or a key.
   */
  private indexed?: { sections: Map<string, ConfSection[]>; entries: Map<string, Map<string, ConfEntry>> };
  private index() {
    if (this.indexed) return this.indexed;
    const sections = new Map<string, ConfSection[]>();
    const entries = new Map<string, Map<string, ConfEntry>>();
    for (const sec of this.file.sections) {
      const n = normalizeSection(sec.name);
      let list = sections.get(n);
      if (!list) sections.set(n, (list = []));
      list.push(sec);
      let keys = entries.get(n);
      if (!keys) entries.set(n, (keys = new Map()));
      for (const e of sec.entries) keys.set(e.key, e);
    }
    return (this.indexed = { sections, entries });
  }

  value(section: string, key: string): string | undefined {
    return this.entry(section, key)?.value;
  }

  /** Whether `[section]` is one oslo.config will read: in the catalogue or created by another option. */
  knownSection(name: string): boolean {
    return this.catalog.hasSection(name) || this.dynamic.has(normalizeSection(name));
  }

  /** The option a key names in a section: catalogue, dynamic section, or keystoneauth plugin. */
  option(section: string, key: string): OptionInfo | undefined {
    const own = this.catalog.option(section, key) ?? this.dynamic.get(normalizeSection(section))?.get(key);
    if (own) return own;
    // a section that takes auth_type gains that plugin's options (password when none is named)
    if (this.catalog.option(section, 'auth_type')) {
      const plugin = this.value(section, 'auth_type') ?? 'password';
      return this.catalog.authPluginOptions(plugin)?.[key];
    }
    return undefined;
  }

  private byLowerCase = new Map<string, Map<string, string[]>>();
  /** The keys of a section spelt as `key` is, whatever the case, in keys() order: indexed once per section, not searched per key. */
  keysAnyCase(section: string, key: string): readonly string[] {
    let index = this.byLowerCase.get(section);
    if (!index) {
      index = new Map();
      for (const k of this.keys(section)) {
        const list = index.get(k.toLowerCase());
        if (list) list.push(k);
        else index.set(k.toLowerCase(), [k]);
      }
      this.byLowerCase.set(section, index);
    }
    return index.get(key.toLowerCase()) ?? [];
  }

  /** Every key a section may hold, for suggestions and completion. */
  keys(section: string): string[] {
    const out = new Set<string>([...this.catalog.options(section).keys(), ...(this.dynamic.get(normalizeSection(section))?.keys() ?? [])]);
    if (this.catalog.option(section, 'auth_type'))
      for (const k of Object.keys(this.catalog.authPluginOptions(this.value(section, 'auth_type') ?? 'password') ?? {})) out.add(k);
    return [...out];
  }

  /** The effective value: the file's, or the catalogue default. */
  effective(section: string, key: string): { value: unknown; entry?: ConfEntry } {
    const e = this.entry(section, key);
    if (e) return { value: e.value, entry: e };
    return { value: this.option(section, key)?.default };
  }
}

export function truthy(v: unknown): boolean {
  return typeof v === 'boolean' ? v : typeof v === 'string' && ['1', 't', 'true', 'on', 'y', 'yes'].includes(v.toLowerCase());
}
