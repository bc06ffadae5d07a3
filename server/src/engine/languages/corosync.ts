/** corosync.conf: the cluster's membership and quorum. */
import type { Language } from './language';
import { KIND_GLOBS } from '../kinds';
import { isCorosyncFile } from '../documents/corosync/recognise';
import { parseCorosync } from '../documents/corosync/parse';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { ConfContext, LintResult, lintParsed, runRules } from '../check';
import { corosyncPeer } from './peers';
import { coroComplete, coroHover, coroSymbols } from '../service/corosync';

const RULES = rulesFor('corosync');

/** corosync.conf, checked against the HA guide's section on Corosync. */
export function lintCorosync(text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
  return lintParsed('corosync', text, config, parseCorosync, (file, raw) => {
    runRules(RULES, config, raw, (report) => ({
      file,
      text,
      environment: config.environment ?? 'production',
      version: config.corosync ?? 3,
      topology: context.topology,
      peers: context.peers ?? [],
      report,
    }));
    return { corosync: file };
  });
}

export const corosync: Language<'corosync'> = {
  kind: 'corosync',
  label: 'corosync.conf',
  globs: KIND_GLOBS.corosync,
  recognise: isCorosyncFile,
  peer: corosyncPeer,
  lint: (_path, text, config, context) => lintCorosync(text, config, context),
  service: {
    hover: (r, o, d) => (r.corosync ? coroHover(r.corosync, r.findings, o, d) : undefined),
    complete: (r, t, o) => (r.corosync ? coroComplete(t, o) : undefined),
    symbols: (r) => (r.corosync ? coroSymbols(r.corosync) : []),
  },
};
