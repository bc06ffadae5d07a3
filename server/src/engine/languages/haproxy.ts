/** haproxy.cfg: the load balancer in front of the APIs and the database. */
import type { Language } from './language';
import { KIND_GLOBS } from '../kinds';
import { isHaproxyFile } from '../documents/haproxy/recognise';
import { parseHaproxy } from '../documents/haproxy/parse';
import { HaView } from '../documents/haproxy/view';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { ConfContext, LintResult, lintParsed, runRules } from '../check';
import { haproxyPeer } from './peers';
import { haComplete, haHover, haSymbols } from '../service/haproxy';

const RULES = rulesFor('haproxy');

/** haproxy.cfg, checked against the HA guide (and the deployment, when a manifest describes it). */
export function lintHaproxy(text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
  return lintParsed('haproxy', text, config, parseHaproxy, (file, raw) => {
    const view = new HaView(file);
    runRules(RULES, config, raw, (report) => ({ view, text, topology: context.topology, peers: context.peers ?? [], report }));
    return { haproxy: view };
  });
}

export const haproxy: Language<'haproxy'> = {
  kind: 'haproxy',
  label: 'haproxy.cfg',
  globs: KIND_GLOBS.haproxy,
  recognise: isHaproxyFile,
  peer: haproxyPeer,
  lint: (_path, text, config, context) => lintHaproxy(text, config, context),
  service: {
    hover: (r, o, d) => (r.haproxy ? haHover(r.haproxy, r.findings, o, d) : undefined),
    complete: (r, t, o) => (r.haproxy ? haComplete(r.haproxy, t, o) : undefined),
    symbols: (r) => (r.haproxy ? haSymbols(r.haproxy) : []),
  },
};
