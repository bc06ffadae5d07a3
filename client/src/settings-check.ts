/**
 * openstackHa.rules checked in VS Code: a key that is no rule id does nothing, so on start and at each
 * change of the setting the user is told, with a button that renames the key to the closest id at the
 * scope where it was written (folder, workspace or user settings). The ids and the closest come from
 * the server (openstackHa/ruleIds), so the client bundle carries no rule code. The client says it
 * does this in capabilities.experimental, so the server does not show its own message as well.
 */
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';

const RULE_IDS_REQUEST = 'openstackHa/ruleIds';
const SETTINGS_CHECK_CAPABILITY = 'openstackHaSettingsCheck';

export interface Unknown {
  key: string;
  closest?: string;
}

/** Where a value of openstackHa.rules is written: the narrowest scope first, as VS Code reads it. */
export interface RulesScope {
  target: vscode.ConfigurationTarget;
  folder?: vscode.WorkspaceFolder;
  rules: Record<string, unknown>;
}

export function rulesScopes(): RulesScope[] {
  const out: RulesScope[] = [];
  const asRules = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  // a single folder opened alone: its settings are the workspace settings (one file, .vscode/settings.json)
  const folders = vscode.workspace.workspaceFile ? (vscode.workspace.workspaceFolders ?? []) : [];
  for (const folder of folders) {
    const rules = asRules(vscode.workspace.getConfiguration('openstackHa', folder.uri).inspect('rules')?.workspaceFolderValue);
    if (rules) out.push({ target: vscode.ConfigurationTarget.WorkspaceFolder, folder, rules });
  }
  const all = vscode.workspace.getConfiguration('openstackHa').inspect('rules');
  const workspace = asRules(all?.workspaceValue);
  if (workspace) out.push({ target: vscode.ConfigurationTarget.Workspace, rules: workspace });
  const global = asRules(all?.globalValue);
  if (global) out.push({ target: vscode.ConfigurationTarget.Global, rules: global });
  return out;
}

/** The setting with `from` renamed to `to`, in the same place among the others. */
export function renamed(rules: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rules).map(([k, v]) => [k === from ? to : k, v]));
}

const scopeName = (s: RulesScope) =>
  s.target === vscode.ConfigurationTarget.WorkspaceFolder
    ? `the settings of folder ${s.folder!.name}`
    : s.target === vscode.ConfigurationTarget.Workspace
      ? 'the workspace settings'
      : 'your user settings';

/** Asks which keys are no rule id, each with the closest id (the server answers, through openstackHa/ruleIds). */
export type UnknownKeys = (keys: string[]) => Promise<Unknown[]>;
/** Shows a warning with at most one button; resolves with the button chosen. */
export type Ask = (message: string, ...buttons: string[]) => Thenable<string | undefined>;

/**
 * Checks every scope's openstackHa.rules once: each unknown key not offered before (`offered`, by
 * scope and key) is said, and renamed to the closest id at its scope when the user takes the button.
 * Resolves when every answer is in and every rename written.
 */
export async function checkRulesSetting(unknownKeys: UnknownKeys, ask: Ask, offered: Set<string>): Promise<void> {
  const offers: Promise<void>[] = [];
  for (const scope of rulesScopes()) {
    const keys = Object.keys(scope.rules);
    if (!keys.length) continue;
    for (const u of await unknownKeys(keys)) {
      const id = `${scope.target}:${scope.folder?.uri.toString() ?? ''}:${u.key}`;
      if (offered.has(id)) continue;
      offered.add(id);
      offers.push(offer(scope, u, ask));
    }
  }
  await Promise.all(offers);
}

async function offer(scope: RulesScope, u: Unknown, ask: Ask): Promise<void> {
  const message = `openstackHa.rules in ${scopeName(scope)}: unknown rule '${u.key}'${u.closest ? `; did you mean '${u.closest}'?` : ''} The setting does nothing.`;
  if (!u.closest) {
    await ask(message);
    return;
  }
  const use = `Use '${u.closest}'`;
  if ((await ask(message, use)) !== use) return;
  // read again: the setting may have changed while the message was up
  const config = vscode.workspace.getConfiguration('openstackHa', scope.folder?.uri);
  const inspected = config.inspect('rules');
  const current =
    scope.target === vscode.ConfigurationTarget.WorkspaceFolder
      ? inspected?.workspaceFolderValue
      : scope.target === vscode.ConfigurationTarget.Workspace
        ? inspected?.workspaceValue
        : inspected?.globalValue;
  if (!current || typeof current !== 'object' || !(u.key in current)) return;
  await config.update('rules', renamed(current as Record<string, unknown>, u.key, u.closest), scope.target);
}

/** Registers the check on `client` (before it starts): returns what to dispose. */
export function registerSettingsCheck(client: LanguageClient): vscode.Disposable {
  /** Keys already offered, by scope, so a change elsewhere in the settings does not ask again. */
  const offered = new Set<string>();
  client.registerFeature({
    fillClientCapabilities: (caps) => {
      caps.experimental = { ...(caps.experimental ?? {}), [SETTINGS_CHECK_CAPABILITY]: true };
    },
    initialize: () => undefined,
    getState: () => ({ kind: 'static' }),
    clear: () => undefined,
  });
  const unknownKeys: UnknownKeys = async (keys) => (await client.sendRequest<{ unknown: Unknown[] }>(RULE_IDS_REQUEST, { keys })).unknown;
  const run = () => {
    if (client.state === State.Running)
      void checkRulesSetting(unknownKeys, (m, ...b) => vscode.window.showWarningMessage(m, ...b), offered).catch(() => undefined);
  };
  return vscode.Disposable.from(
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) run();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('openstackHa.rules')) run();
    }),
  );
}
