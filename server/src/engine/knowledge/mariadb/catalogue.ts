/** The MariaDB server's options (facts from Debian's mariadbd --help --verbose, see scripts/catalog/gen-mariadb-options.mjs). */
import CATALOGUE from './options.json';

export interface MariadbOption {
  /** bool: a flag (ON/OFF, 1/0, TRUE/FALSE); num: a number with an optional K/M/G/T/P/E suffix; enum: one of `v`; set: any of `v`, comma-separated. */
  t: 'bool' | 'num' | 'str' | 'enum' | 'set';
  /** The default, as mariadbd prints it. */
  d?: string;
  v?: string[];
}

const OPTIONS = new Map<string, MariadbOption>(Object.entries(CATALOGUE.options as Record<string, MariadbOption>).map(([k, v]) => [k.replace(/-/g, '_'), v]));

/** `mariadbd 10.11.19-MariaDB-0+deb12u1` */
export const MARIADB_SOURCE = CATALOGUE.source.replace(/ \(.*$/, '');
/** Option names as my.cnf writes them with underscores. */
export const MARIADB_OPTION_NAMES: readonly string[] = [...OPTIONS.keys()];

/** An option by name (dashes or underscores, any case). */
export function mariadbOption(name: string): MariadbOption | undefined { return OPTIONS.get(name.replace(/-/g, '_').toLowerCase()); }

/** The boolean spellings mariadbd recognises; anything else it reads as OFF, with a warning. */
export const MARIADB_BOOLEANS = ['ON', 'OFF', 'TRUE', 'FALSE', '1', '0'];
