/** A MariaDB/Galera option file (my.cnf, galera.cnf): the database cluster's settings. */
import type { Language } from './language';
import { KIND_GLOBS } from '../kinds';
import { isCnfFile } from '../documents/galera/recognise';
import { parseCnf, serverOptions } from '../documents/galera/parse';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { ConfContext, LintResult, lintParsed, runRules } from '../check';
import { galeraPeer } from './peers';
import { cnfComplete, cnfHover, cnfSymbols } from '../service/galera';

const RULES = rulesFor('galera');

/** A MariaDB/Galera option file (my.cnf, galera.cnf), checked against the guide's Galera settings. */
export function lintCnf(text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
  return lintParsed('galera', text, config, parseCnf, (file, raw) => {
    const options = serverOptions(file);
    runRules(RULES, config, raw, (report) => ({
      file,
      text,
      options,
      topology: context.topology,
      peers: context.peers ?? [],
      report,
    }));
    return { cnf: file };
  });
}

export const galera: Language<'galera'> = {
  kind: 'galera',
  label: 'MariaDB/Galera option file',
  globs: KIND_GLOBS.galera,
  recognise: isCnfFile,
  peer: galeraPeer,
  lint: (_path, text, config, context) => lintCnf(text, config, context),
  service: {
    hover: (r, o, d) => (r.cnf ? cnfHover(r.cnf, r.findings, o, d) : undefined),
    complete: (r, t, o) => (r.cnf ? cnfComplete(r.cnf, t, o) : undefined),
    symbols: (r) => (r.cnf ? cnfSymbols(r.cnf) : []),
  },
};
