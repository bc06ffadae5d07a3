/**
 * kolla-ansible's files: globals.yml (+ globals.d/*.yml) and the inventories (multinode, INI).
 * Each file is checked within its whole deployment (the workspace groups the files by kolla's
 * folder): kolla's own rules and the manifest's topology rules run over the deployment, and the
 * file keeps the findings that are about it.
 */
import type { Language } from './language';
import type { KollaPart } from '../documents/deploy/parts';
import type { PeerConf } from '../model/topology';
import { KIND_GLOBS } from '../kinds';
import { basename } from '../text/paths';
import { MAX_MANIFEST_BYTES } from '../documents/manifest/parse';
import { isKollaGlobals, isKollaIniInventory, isKollaVars, isKollaYamlInventory, kollaRoot, varsScope } from '../documents/kolla/recognise';
import { parseYamlInventory } from '../documents/ansible/yaml-inventory';
import { parseGlobals } from '../documents/kolla/globals';
import { parseIniInventory, tagInventory } from '../documents/ansible/ini-inventory';
import { kollaDeploymentOfFiles, KollaDeployment } from '../documents/kolla/deployment';
import { kollaModel } from '../documents/kolla/model';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { ConfContext, LintResult } from '../check';
import { topologyFindingsByFile } from './deploy-topology';
import { DeploymentMemo, PartCache } from './deploy-memo';
import { FindingsByFile, lintToolFile, runToolRules, ToolChecked, ToolFile } from './deploy-check';
import { kollaComplete, kollaHover, kollaSymbols } from '../service/kolla';

const RULES = rulesFor('kolla');

const PARTS = new PartCache<KollaPart>();
const CHECKED = new DeploymentMemo<ToolChecked<KollaDeployment>>();

/** What a kolla file holds, read once per text: its variables (globals, group or host vars) or its groups (an inventory). */
export function kollaPart(path: string, text: string): KollaPart {
  return PARTS.get(path, text, () => readPart(path, text));
}

function readPart(path: string, text: string): KollaPart {
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

function checkDeployment(files: ToolFile<KollaPart>[], config: LintConfig): ToolChecked<KollaDeployment> {
  const deployment = kollaDeploymentOfFiles(files);
  const out = new FindingsByFile();
  runToolRules(RULES, config, deployment, out);
  const anchor = files.find((f) => f.part.anchor) ?? files[0];
  const model = kollaModel(deployment, basename(kollaRoot(anchor.path)) || 'kolla');
  out.addAll(topologyFindingsByFile(model, config));
  return { deployment, model, byFile: out.byFile, everywhere: out.everywhere };
}

export function lintKolla(path: string, text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
  return lintToolFile('kolla', path, text, config, context, {
    part: kollaPart,
    problems: (part) => (part.role === 'inventory' ? part.inventory.problems : part.globals.problems),
    memo: CHECKED,
    check: (files) => checkDeployment(files, config),
    result: (part, checked) => ({ kolla: { part, deployment: checked.deployment } }),
  });
}

export const kolla: Language<'kolla'> = {
  kind: 'kolla',
  label: 'kolla-ansible file',
  globs: KIND_GLOBS.kolla,
  recognise: (p, h) => isKollaGlobals(p, h) || isKollaIniInventory(p, h) || isKollaYamlInventory(p, h) || isKollaVars(p, h),
  peer: kollaPeer,
  ownDeployment: true,
  lint: (path, text, config, context) => lintKolla(path, text, config, context),
  service: {
    hover: kollaHover,
    complete: kollaComplete,
    symbols: kollaSymbols,
  },
};
