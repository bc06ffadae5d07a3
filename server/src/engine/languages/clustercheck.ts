/** clustercheck's settings and xinetd service: checked for their secrets only. */
import type { Language } from './language';
import { KIND_GLOBS } from '../kinds';
import { emptyModel } from '../documents/pacemaker/model';
import { isCheckEndpointFile, isClustercheckFile } from '../documents/clustercheck/endpoints';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { LintResult, lintParsed, runRules } from '../check';
import { clustercheckPeer } from './peers';

const RULES = rulesFor('pacemaker').filter((r) => r.meta.id === 'pacemaker-placeholder-secrets');

/** clustercheck's settings and xinetd service: only their secrets are checked (the guide's example password). */
export function lintClustercheck(text: string, config: LintConfig = EMPTY_CONFIG): LintResult {
  return lintParsed(
    'clustercheck',
    text,
    config,
    () => ({ problems: [] }),
    (_file, raw) => {
      const model = emptyModel('pcs');
      runRules(RULES, config, raw, (report) => ({ model, text, environment: config.environment ?? 'production', report }));
      return {};
    },
  );
}

export const clustercheck: Language<'clustercheck'> = {
  kind: 'clustercheck',
  label: 'clustercheck service',
  globs: KIND_GLOBS.clustercheck,
  recognise: isClustercheckFile,
  peer: (p, t) => (isCheckEndpointFile(p, t) ? clustercheckPeer(p, t) : undefined),
  lint: (_path, text, config) => lintClustercheck(text, config),
  service: {},
};
