import { defineRule } from './rule';
import { ConfRuleContext } from './conf/rule';
import { closest } from '../text/suggest';
import { catalogFor, KNOWN_RELEASES, NEWEST_RELEASE, Release } from '../knowledge/options/catalog';
import { asConfFile, confFileOf, confOverridesOf } from '../documents/osa/conf-overrides';
import { ConfView } from '../documents/oslo-conf/context';

/** An old name that an older release still accepted: say what it became, rather than only 'unknown'. */
function removedName(
  file: string,
  release: Release,
  section: string,
  key: string,
): { release: Release; section: string; key: string } | undefined {
  for (const r of KNOWN_RELEASES) {
    if (r === release) continue;
    const found = catalogFor(file, r)?.renamed(section, key);
    if (found && catalogFor(file, release)?.option(found.section, found.key)) return { release: r, section: found.section, key: found.key };
  }
  return undefined;
}

/** Keys that another, more specific rule explains: a moved option, an old name, a wrong case. */
export function explainedElsewhere(ctx: ConfRuleContext, section: string, key: string): boolean {
  const { view } = ctx;
  if (view.catalog.renamed(section, key) && !ctx.isOff('deprecated-option')) return true;
  if (view.keysAnyCase(section, key).some((k) => k !== key) && !ctx.isOff('oslo-option-name-case')) return true;
  if (view.catalog.sectionsWith(key, section).length && !ctx.isOff('option-in-wrong-section')) return true;
  return false;
}

export const rule = defineRule({
  meta: {
    id: 'unknown-option',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'refuses' },
    title: 'An option the section does not have',
    why: 'oslo.config ignores options it does not know, so a misspelt one (Memcached_servers, rabit_hosts) leaves the default in force without a word. Names are case-sensitive. It is a warning, not an error: a newer release may add the option.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view } = ctx;
      for (const s of view.file.sections) {
        if (!view.knownSection(s.name)) continue;
        // once per section, not per unknown name (frozen: closest indexes it once)
        let keys: readonly string[] | undefined;
        for (const e of s.entries) {
          if (view.option(s.name, e.key) || explainedElsewhere(ctx, s.name, e.key)) continue;
          keys ??= Object.freeze(view.keys(s.name));
          const lower = view.keysAnyCase(s.name, e.key)[0];
          const near = lower ? [lower] : closest(e.key, keys, 3);
          const gone = removedName(view.catalog.file, view.catalog.release, s.name, e.key);
          ctx.report({
            span: e.keySpan,
            message: `'${e.key}' is not an option of [${s.name}] in ${view.catalog.file} (${view.catalog.release})${gone ? `; in ${gone.release} it was an old name of [${gone.section}] ${gone.key}, which is what to write now` : lower ? `; option names are case-sensitive: '${lower}'` : near.length ? `; did you mean '${near[0]}'?` : ''}`,
            fixes: near.map((n, i) => ({
              title: `Rename to '${n}'`,
              safe: false,
              preferred: i === 0,
              edits: [{ start: e.keySpan.start, end: e.keySpan.end, newText: n }],
            })),
          });
        }
      }
    },
    // OSA's <service>_<file>_conf_overrides: config_template writes any section and option into the file, and the service ignores the ones it does not know
    'openstack-ansible'(ctx) {
      const d = ctx.deployment;
      const release = (KNOWN_RELEASES as readonly string[]).includes(d.release) ? (d.release as Release) : NEWEST_RELEASE;
      for (const vars of d.variableFiles)
        for (const o of confOverridesOf(vars)) {
          const file = confFileOf(o);
          const catalog = catalogFor(file, release);
          if (!catalog) continue;
          const view = new ConfView(asConfFile(o), catalog);
          for (const s of view.file.sections) {
            if (!view.knownSection(s.name)) continue;
            let keys: readonly string[] | undefined;
            for (const e of s.entries) {
              // an old name still works (it is read as the new one)
              if (view.option(s.name, e.key) || catalog.renamed(s.name, e.key)) continue;
              keys ??= Object.freeze(view.keys(s.name));
              const lower = view.keysAnyCase(s.name, e.key)[0];
              const elsewhere = catalog.sectionsWith(e.key, s.name)[0];
              const near = lower ? [lower] : closest(e.key, keys, 3);
              ctx.report({
                file: o.file,
                span: e.keySpan,
                message: `'${e.key}' is not an option of [${s.name}] in ${file} (${release}): ${o.variable} writes it there all the same, and the service ignores it${elsewhere ? `; it is an option of [${elsewhere.section}]` : lower ? `; option names are case-sensitive: '${lower}'` : near.length ? `; did you mean '${near[0]}'?` : ''}`,
              });
            }
          }
        }
    },
  },
});
