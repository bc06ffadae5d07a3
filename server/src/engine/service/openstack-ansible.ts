/**
 * The editor in OpenStack-Ansible's files: hover and completion of the variables of
 * user_variables*.yml, and of `global_overrides:` in openstack_user_config.yml (service/deploy-vars.ts).
 */
import type { LintResult } from '../check';
import { KollaGlobals, parseGlobals } from '../documents/kolla/globals';
import type { OsaPart } from '../documents/deploy/parts';
import { DocLink, HoverResult } from './hover';
import type { CompletionResult } from './completion';
import { deployVarComplete, deployVarHover } from './deploy-vars';

const USER_CONFIG_VARS = new WeakMap<OsaPart, KollaGlobals>();
function userConfigVars(part: OsaPart & { role: 'user-config' }): KollaGlobals {
  let v = USER_CONFIG_VARS.get(part);
  if (!v) USER_CONFIG_VARS.set(part, (v = parseGlobals(part.text, part.config.file)));
  return v;
}

export function osaHover(r: LintResult, offset: number, docLink: DocLink): HoverResult | undefined {
  const o = r.osa;
  if (!o) return undefined;
  const userConfig = o.part.role === 'user-config';
  // the variables of openstack_user_config.yml sit under global_overrides: deploy-vars reads them there (once per part)
  const vars = o.part.role === 'variables' ? o.part.variables : userConfigVars(o.part);
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
