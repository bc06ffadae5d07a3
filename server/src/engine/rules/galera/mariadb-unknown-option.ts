import { CnfRule } from './rule';
import { SERVER_GROUPS } from '../../documents/galera/parse';
import { closest } from '../../text/suggest';
import { MARIADB_OPTION_NAMES, MARIADB_SOURCE } from '../../knowledge/mariadb/catalogue';

const KNOWN = new Set(MARIADB_OPTION_NAMES);
const KNOWN_LIST = MARIADB_OPTION_NAMES;
/** Boolean options also take these prefixes; `loose-` asks mariadbd to ignore an option it does not know. */
const PREFIX = /^(skip|enable|disable|maximum)_/;

export const rule: CnfRule = {
  meta: {
    id: 'mariadb-unknown-option', severity: 'error', fixable: true, guide: '2016:controller-ha-galera-config', topic: 'galera',
    title: 'An option the MariaDB server does not know, in a server group',
    why: 'mariadbd reads every option of its groups ([mysqld], [mariadb], [galera], [server], ...) at start and refuses to start at all on one it does not know, so a misspelt setting takes the whole node down, typically at the next restart. Options are checked against the option list of the MariaDB that Debian ships.',
  },
  check(ctx) {
    const entries = ctx.file.groups.filter((g) => SERVER_GROUPS.test(g.name)).flatMap((g) => g.entries);
    // A plugin loaded from the file brings options of its own that no catalogue lists.
    if (entries.some((e) => /^plugin_load(_add)?$/.test(e.name))) return;
    for (const e of entries) {
      const name = e.name;
      if (name.startsWith('loose_') || KNOWN.has(name) || KNOWN.has(name.replace(PREFIX, ''))) continue;
      // mariadbd takes an unambiguous prefix of an option name
      if (KNOWN_LIST.some((k) => k.startsWith(name))) continue;
      const near = closest(name, KNOWN_LIST, 3)[0];
      const fix = near ? near.replace(/_/g, e.key.includes('-') ? '-' : '_') : undefined;
      ctx.report({
        span: e.keySpan,
        message: `[${e.group}] ${e.key} is not an option of the MariaDB server (${MARIADB_SOURCE}): mariadbd refuses to start${fix ? `; did you mean ${fix}?` : ''}`,
        fixes: fix ? [{ title: `Change to ${fix}`, safe: false, preferred: true, edits: [{ start: e.keySpan.start, end: e.keySpan.end, newText: fix }] }] : [],
      });
    }
  },
};
