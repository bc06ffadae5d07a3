/** The MariaDB server's options (facts from Debian's mariadbd --help --verbose, see scripts/catalog/gen-mariadb-options.mjs). */
import CATALOGUE from './options.json';

export interface MariadbOption {
  /** bool: a flag (ON/OFF, 1/0, TRUE/FALSE); num: a number with an optional K/M/G/T/P/E suffix; enum: one of `v`; set: any of `v`, comma-separated. */
  t: 'bool' | 'num' | 'str' | 'enum' | 'set';
  /** The default, as mariadbd prints it. */
  d?: string;
  v?: string[];
  /** An unsigned number: mariadbd refuses a negative value (exit 13). */
  u?: 1;
}

/** mariadbd matches option names without regard to case, and `-` and `_` alike. */
const key = (name: string) => name.replace(/-/g, '_').toLowerCase();
const OPTIONS = new Map<string, MariadbOption>(
  Object.entries(CATALOGUE.options as Record<string, MariadbOption>).map(([k, v]) => [key(k), v]),
);
/** Options mariadbd still reads but ignores, with a warning: removed ones, and MySQL 5.6/5.7 ones it never implemented. */
const IGNORED = new Map<string, 'removed' | 'mysql'>(
  Object.entries(CATALOGUE.ignored as Record<string, 'removed' | 'mysql'>).map(([k, v]) => [key(k), v]),
);

/** `mariadbd 10.11.19-MariaDB-0+deb12u1` */
export const MARIADB_SOURCE = CATALOGUE.source.replace(/ \(.*$/, '');
/** Option names as my.cnf writes them, with underscores and mariadbd's own capitals (wsrep_OSU_method). */
export const MARIADB_OPTION_NAMES: readonly string[] = Object.freeze(Object.keys(CATALOGUE.options).map((k) => k.replace(/-/g, '_')));

/** MARIADB_OPTION_NAMES by look-up key, sorted: the names a prefix stands for are one run, found by bisection per unknown name. */
const BY_KEY = MARIADB_OPTION_NAMES.map((n, i) => ({ k: key(n), n, i })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));

/** An option by name (dashes or underscores, any case). */
export function mariadbOption(name: string): MariadbOption | undefined {
  return OPTIONS.get(key(name));
}

/** Whether mariadbd reads the option only to ignore it, and why. */
export function ignoredMariadbOption(name: string): 'removed' | 'mysql' | undefined {
  return IGNORED.get(key(name));
}

/**
 * The options a name that is not an option's own stands for: mariadbd takes an unambiguous prefix
 * (`binlog_cache` for binlog_cache_size) and refuses an ambiguous one (`auto_increment`).
 */
export function mariadbPrefixOf(name: string): string[] {
  const k = key(name);
  let lo = 0,
    hi = BY_KEY.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (BY_KEY[mid].k < k) lo = mid + 1;
    else hi = mid;
  }
  const run: { n: string; i: number }[] = [];
  for (let j = lo; j < BY_KEY.length && BY_KEY[j].k.startsWith(k); j++) run.push(BY_KEY[j]);
  // in the catalogue's order, as before
  return run.sort((a, b) => a.i - b.i).map((r) => r.n);
}

/** The boolean spellings mariadbd recognises; anything else it reads as OFF, with a warning. */
export const MARIADB_BOOLEANS = ['ON', 'OFF', 'TRUE', 'FALSE', '1', '0'];
