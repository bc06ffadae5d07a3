import { defineRule } from './rule';
import { SERVER_GROUPS } from '../documents/galera/parse';
import { closest } from '../text/suggest';
import { MAX_FINDINGS_PER_RULE } from '../bounds';
import { ignoredMariadbOption, MARIADB_OPTION_NAMES, MARIADB_SOURCE, mariadbOption, mariadbPrefixOf } from '../knowledge/mariadb/catalogue';

/** Boolean options also take these prefixes; `loose-` asks mariadbd to ignore an option it does not know. */
const PREFIX = /^(skip|enable|disable|maximum)_/;

export const rule = defineRule({
  meta: {
    id: 'mariadb-unknown-option',
    severity: 'error',
    fixable: true,
    tools: { mariadbd: 'refuses' },
    guide: '2016:controller-ha-galera-config',
    topic: 'galera',
    title: 'An option the MariaDB server does not know, in a server group',
    why: 'mariadbd reads every option of its groups ([mysqld], [mariadb], [galera], [server], ...) at start and refuses to start at all on one it does not know, or on a shortened name that could be several options, so a misspelt setting takes the whole node down, typically at the next restart. Options are checked against the option list of the MariaDB that Debian ships; names are matched as mariadbd matches them, without regard to case. A removed option that mariadbd still reads and ignores is a warning.',
  },
  on: {
    galera(ctx) {
      const entries = ctx.file.groups.filter((g) => SERVER_GROUPS.test(g.name)).flatMap((g) => g.entries);
      // A plugin loaded from the file brings options of its own that no catalogue lists.
      if (entries.some((e) => /^plugin_load(_add)?$/.test(e.name))) return;
      let unknown = 0;
      for (const e of entries) {
        const name = e.name;
        if (name.startsWith('loose_') || mariadbOption(name) || mariadbOption(name.replace(PREFIX, ''))) continue;
        const ignored = ignoredMariadbOption(name);
        if (ignored) {
          ctx.report({
            span: e.keySpan,
            severity: 'warning',
            message: `[${e.group}] ${e.key} ${ignored === 'removed' ? 'was removed from MariaDB' : 'is a MySQL 5.6/5.7 option MariaDB never implemented'}: mariadbd starts, warns, and ignores it, so it changes nothing`,
          });
          continue;
        }
        // mariadbd takes an unambiguous prefix of an option name, and refuses an ambiguous one
        const whole = mariadbPrefixOf(name);
        const stands = whole.length ? whole : mariadbPrefixOf(name.replace(PREFIX, ''));
        if (stands.length === 1) continue;
        if (stands.length > 1) {
          const shown = stands.slice(0, 4).join(', ') + (stands.length > 4 ? `, and ${stands.length - 4} more` : '');
          ctx.report({
            span: e.keySpan,
            message: `[${e.group}] ${e.key} is the start of ${stands.length} option names (${shown}): mariadbd refuses to start on an ambiguous option; write the whole name`,
          });
          continue;
        }
        // the file lists the first MAX_FINDINGS_PER_RULE (bounds.ts): the search for a suggestion is spent on those
        const near = ++unknown <= MAX_FINDINGS_PER_RULE ? closest(name, MARIADB_OPTION_NAMES, 3)[0] : undefined;
        const fix = near ? near.replace(/_/g, e.key.includes('-') ? '-' : '_') : undefined;
        ctx.report({
          span: e.keySpan,
          message: `[${e.group}] ${e.key} is not an option of the MariaDB server (${MARIADB_SOURCE}): mariadbd refuses to start${fix ? `; did you mean ${fix}?` : ''}`,
          fixes: fix
            ? [
                {
                  title: `Change to ${fix}`,
                  safe: false,
                  preferred: true,
                  edits: [{ start: e.keySpan.start, end: e.keySpan.end, newText: fix }],
                },
              ]
            : [],
        });
      }
    },
  },
});
