/** A host firewall (iptables rules or commands, nftables, a firewalld zone): what it lets the cluster's nodes reach. */
import type { Language } from './language';
import { KIND_GLOBS } from '../kinds';
import { FwSyntax } from '../documents/firewall/model';
import { firewallSyntax } from '../documents/firewall/recognise';
import { parseFirewall } from '../documents/firewall/parse';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { ConfContext, LintResult, lintParsed, runRules } from '../check';
import { fwHover, fwSymbols } from '../service/firewall';
import { LineIndex } from '../text/line-index';

const RULES = rulesFor('firewall');

/** A host firewall (iptables rules or commands, nftables, a firewalld zone), checked for what the Galera nodes need. */
export function lintFirewall(
  text: string,
  syntax: FwSyntax,
  config: LintConfig = EMPTY_CONFIG,
  context: ConfContext = {},
  path = '',
): LintResult {
  return lintParsed(
    'firewall',
    text,
    config,
    (t) => parseFirewall(t, syntax, path),
    (model, raw) => {
      runRules(RULES, config, raw, (report) => ({ model, text, topology: context.topology, peers: context.peers ?? [], report }));
      return { firewall: model };
    },
  );
}

export const firewall: Language<'firewall'> = {
  kind: 'firewall',
  label: 'host firewall',
  globs: KIND_GLOBS.firewall,
  recognise: (p, h) => !!firewallSyntax(p, h),
  lint: (path, text, config, context) => {
    const syntax = firewallSyntax(path, text);
    // an editor keeps a document's kind while its text stops reading as any firewall syntax: nothing to check then
    return syntax ? lintFirewall(text, syntax, config, context, path) : { kind: 'firewall', findings: [], lines: new LineIndex(text) };
  },
  service: {
    hover: (r, o, d) => (r.firewall ? fwHover(r.firewall, r.findings, o, d) : undefined),
    symbols: (r) => (r.firewall ? fwSymbols(r.firewall) : []),
  },
};
