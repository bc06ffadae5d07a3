/**
 * The editor in OpenStack-Ansible's files: hover and completion of the variables of
 * user_variables*.yml, and of `global_overrides:` in openstack_user_config.yml (service/deploy-vars.ts).
 */
import type { LintResult } from '../check';
import { parseGlobals } from '../documents/kolla/globals';
import { DocLink, HoverResult } from './hover';
import type { CompletionResult } from './completion';
import { deployVarComplete, deployVarHover } from './deploy-vars';

export function osaHover(r: LintResult, offset: number, docLink: DocLink): HoverResult | undefined {
  const o = r.osa;
  if (!o) return undefined;
  const userConfig = o.part.role === 'user-config';
  // the variables of openstack_user_config.yml sit under global_overrides: deploy-vars reads them there
  const vars = o.part.role === 'variables' ? o.part.variables : parseGlobals(o.part.text, o.part.config.file);
  return deployVarHover(
    'osa',
    vars,
    o.part.text,
    offset,
    { release: o.deployment.release, value: (n) => o.deployment.value(n), findings: r.findings, userConfig },
    docLink,
  );
}

export function osaComplete(r: LintResult, text: string, offset: number): CompletionResult | undefined {
  const o = r.osa;
  if (!o) return undefined;
  return deployVarComplete('osa', text, offset, { release: o.deployment.release, userConfig: o.part.role === 'user-config' });
}
