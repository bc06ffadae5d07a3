/** A Pacemaker configuration (CIB XML, crm shell file, pcs script): the cluster's resources and constraints. */
import type { Language } from './language';
import { KIND_GLOBS } from '../kinds';
import { pacemakerSyntax, PmSyntax } from '../documents/pacemaker/recognise';
import { parseCib } from '../documents/pacemaker/cib';
import { parseCrm, parsePcs } from '../documents/pacemaker/scripts';
import { firewallSyntax } from '../documents/firewall/recognise';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { byPosition, LintResult, lintParsed, runRules } from '../check';
import { lintFirewall } from './firewall';
import { capPerRule } from '../bounds';
import { pmComplete, pmHover, pmSymbols } from '../service/pacemaker';
import { fwHover, fwSymbols } from '../service/firewall';
import { pacemakerPeer } from './peers';

const RULES = rulesFor('pacemaker');

/** A Pacemaker configuration (CIB XML, crm shell file, pcs script), checked against the guide's Pacemaker setup. */
export function lintPacemaker(text: string, syntax: PmSyntax, config: LintConfig = EMPTY_CONFIG): LintResult {
  const parse = syntax === 'cib' ? parseCib : syntax === 'crm' ? parseCrm : parsePcs;
  return lintParsed('pacemaker', text, config, parse, (model, raw) => {
    runRules(RULES, config, raw, (report) => ({ model, text, environment: config.environment ?? 'production', report }));
    return { pacemaker: model };
  });
}

export const pacemaker: Language<'pacemaker'> = {
  kind: 'pacemaker',
  label: 'Pacemaker configuration',
  globs: KIND_GLOBS.pacemaker,
  recognise: (p, h) => !!pacemakerSyntax(p, h),
  peer: pacemakerPeer,
  lint: (path, text, config, context) => {
    const pm = lintPacemaker(text, pacemakerSyntax(path, text)!, config);
    // a setup script often opens the firewall too
    if (firewallSyntax(path, text) !== 'script') return pm;
    const fw = lintFirewall(text, 'script', config, context, path);
    // both may report parse-error: the cap holds for the file, not for each half
    return { ...pm, firewall: fw.firewall, findings: capPerRule([...pm.findings, ...fw.findings].sort(byPosition)) };
  },
  // a setup script may hold firewall commands too: the Pacemaker model speaks first, then the firewall's
  service: {
    hover: (r, o, d) =>
      r.pacemaker ? pmHover(r.pacemaker, r.findings, o, d) : r.firewall ? fwHover(r.firewall, r.findings, o, d) : undefined,
    complete: (r, t, o) => (r.pacemaker ? pmComplete(t, o, r.pacemaker.syntax) : undefined),
    symbols: (r) => (r.pacemaker ? pmSymbols(r.pacemaker) : r.firewall ? fwSymbols(r.firewall) : []),
  },
};
