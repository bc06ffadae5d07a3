/**
 * kolla-ansible's files: globals.yml (+ globals.d/*.yml) and the inventories (multinode, INI).
 * Each file is checked within its whole deployment (the workspace groups the files by kolla's
 * folder): kolla's own rules and the manifest's topology rules run over the deployment, and the
 * file keeps the findings that are about it.
 */
import type { Language } from './language';
import type { DeployPart } from '../model/deploy';
import type { PeerConf } from '../model/topology';
import { KIND_GLOBS } from '../kinds';
import { Finding } from '../types';
import { LineIndex } from '../text/line-index';
import { basename } from '../text/paths';
import { MAX_MANIFEST_BYTES } from '../documents/manifest/parse';
import { isKollaGlobals, isKollaIniInventory, isKollaVars, isKollaYamlInventory, kollaRoot, varsScope } from '../documents/kolla/recognise';
import { parseYamlInventory } from '../documents/ansible/yaml-inventory';
import { KollaGlobals, parseGlobals } from '../documents/kolla/globals';
import { parseIniInventory, tagInventory } from '../documents/ansible/ini-inventory';
import { kollaDeployment, KollaDeployment } from '../documents/kolla/deployment';
import { kollaModel } from '../documents/kolla/model';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { ConfContext, finish, LintResult, runRules } from '../check';
import { topologyFindings } from './deploy-topology';
import { kollaComplete, kollaHover, kollaSymbols } from '../service/kolla';

const RULES = rulesFor('kolla');

/** What a kolla file holds, read once: its variables (globals) or its groups (an inventory). */
export function kollaPart(path: string, text: string): DeployPart {
  const head = text.slice(0, 65536);
  const vars = varsScope(path);
  if (vars && isKollaVars(path, head))
    return { tool: 'kolla', role: 'vars', anchor: false, text, ...vars, globals: parseGlobals(text, path) };
  if (isKollaIniInventory(path, head))
    return { tool: 'kolla', role: 'inventory', anchor: false, text, inventory: tagInventory(parseIniInventory(text), path) };
  if (isKollaYamlInventory(path, head))
    return { tool: 'kolla', role: 'inventory', anchor: false, text, inventory: tagInventory(parseYamlInventory(text), path) };
  return { tool: 'kolla', role: 'globals', anchor: true, text, globals: parseGlobals(text, path) };
}

function kollaPeer(path: string, text: string): PeerConf | undefined {
  if (text.length > MAX_MANIFEST_BYTES) return undefined;
  return { file: basename(path), kind: 'kolla', path, deploy: kollaPart(path, text), deployment: kollaRoot(path) };
}

/** The deployment of a kolla file: the file itself and the kolla files of its deployment (globals.yml before globals.d, by name). */
export function kollaDeploymentOf(path: string, self: DeployPart, peers: readonly PeerConf[] = []): KollaDeployment {
  const parts: { path: string; part: DeployPart }[] = [{ path, part: self }];
  for (const p of peers) if (p.deploy?.tool === 'kolla' && p.path && p.path !== path) parts.push({ path: p.path, part: p.deploy });
  const order = (p: string) => (/\/globals\.d\//.test(p) ? 1 : 0);
  parts.sort((a, b) => order(a.path) - order(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const globals = parts.flatMap((p) => (p.part.role === 'globals' ? [p.part.globals] : []));
  const inventories = parts.flatMap((p) => (p.part.role === 'inventory' ? [p.part.inventory] : []));
  // group_vars: all first, then the other groups; below globals.yml (kolla passes it as extra vars)
  const groupVars = parts
    .flatMap((p) => (p.part.role === 'vars' && p.part.scope === 'group' ? [p.part] : []))
    .sort((a, b) => Number(a.name !== 'all') - Number(b.name !== 'all'))
    .map((p) => p.globals);
  const hostVars = new Map<string, KollaGlobals[]>();
  for (const p of parts)
    if (p.part.role === 'vars' && p.part.scope === 'host')
      hostVars.set(p.part.name, [...(hostVars.get(p.part.name) ?? []), p.part.globals]);
  return kollaDeployment(inventories, globals, groupVars, hostVars);
}

export function lintKolla(path: string, text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
  const lines = new LineIndex(text);
  const raw: Finding[] = [];
  if (text.length > MAX_MANIFEST_BYTES) {
    raw.push({
      rule: 'file-too-large',
      severity: 'warning',
      message: `the file has ${text.length} characters; files over ${MAX_MANIFEST_BYTES} are not analysed`,
      span: { start: 0, end: 0 },
      fixes: [],
    });
    return { kind: 'kolla', findings: finish(raw, text, lines, config), lines };
  }
  const part = kollaPart(path, text);
  if (part.role !== 'inventory') raw.push(...part.globals.problems);
  else
    for (const p of part.inventory.problems)
      raw.push({ rule: 'parse-error', severity: 'error', message: p.message, span: p.span, fixes: [] });
  const deployment = kollaDeploymentOf(path, part, context.peers);
  runRules(RULES, config, raw, (report) => ({
    deployment,
    path,
    report: ({ file, ...r }) => {
      if (file === path) report(r);
    },
  }));
  const model = kollaModel(deployment, basename(kollaRoot(path)) || 'kolla');
  raw.push(...topologyFindings(model, path, config));
  return { kind: 'kolla', findings: finish(raw, text, lines, config), lines, kolla: { part, deployment }, deployModel: model };
}

export const kolla: Language<'kolla'> = {
  kind: 'kolla',
  label: 'kolla-ansible file',
  globs: KIND_GLOBS.kolla,
  recognise: (p, h) => isKollaGlobals(p, h) || isKollaIniInventory(p, h) || isKollaYamlInventory(p, h) || isKollaVars(p, h),
  peer: kollaPeer,
  lint: (path, text, config, context) => lintKolla(path, text, config, context),
  service: {
    hover: kollaHover,
    complete: kollaComplete,
    symbols: kollaSymbols,
  },
};
