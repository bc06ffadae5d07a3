/** keepalived.conf: who holds the VIPs (VRRP). */
import type { Language } from './language';
import { KIND_GLOBS } from '../kinds';
import { isKeepalivedFile } from '../documents/keepalived/recognise';
import { parseKeepalived } from '../documents/keepalived/parse';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { ConfContext, LintResult, lintParsed, runRules } from '../check';
import { keepalivedPeer } from './peers';
import { kaComplete, kaHover, kaSymbols } from '../service/keepalived';

const RULES = rulesFor('keepalived');

/** keepalived.conf, checked against the HA guide's keepalived architecture (and the manifest's VIPs). */
export function lintKeepalived(text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
  return lintParsed('keepalived', text, config, parseKeepalived, (file, raw) => {
    runRules(RULES, config, raw, (report) => ({ file, text, topology: context.topology, peers: context.peers ?? [], report }));
    return { keepalived: file };
  });
}

export const keepalived: Language<'keepalived'> = {
  kind: 'keepalived',
  label: 'keepalived.conf',
  globs: KIND_GLOBS.keepalived,
  recognise: isKeepalivedFile,
  peer: keepalivedPeer,
  lint: (_path, text, config, context) => lintKeepalived(text, config, context),
  service: {
    hover: (r, o, d) => (r.keepalived ? kaHover(r.keepalived, r.findings, o, d) : undefined),
    complete: (r, t, o) => (r.keepalived ? kaComplete(r.keepalived, t, o) : undefined),
    symbols: (r) => (r.keepalived ? kaSymbols(r.keepalived) : []),
  },
};
