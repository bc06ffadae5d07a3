/**
 * The editor's openstackHa.rules setting checked against the rule ids: an unknown id (named with the
 * closest known one) or a value that is not a severity. The server drops such entries (they would do
 * nothing) and says so once; VS Code's client offers the rename itself (client/src/settings-check.ts),
 * asking the ids and the closest through RULE_IDS_REQUEST.
 */
import { closestRuleId } from '../engine/config';
import { ALL_RULES, isRuleId } from '../engine/rules';

/** `{ keys?: string[] }` -> `{ ids, unknown: [{ key, closest? }] }`: every rule id, and which of `keys` are none. */
export const RULE_IDS_REQUEST = 'openstackHa/ruleIds';
/** A client that offers the fix itself says so in capabilities.experimental; the server then does not repeat its message. */
export const SETTINGS_CHECK_CAPABILITY = 'openstackHaSettingsCheck';

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

export interface UnknownRuleKey {
  key: string;
  closest?: string;
}

export function unknownRuleKeys(keys: unknown): UnknownRuleKey[] {
  if (!Array.isArray(keys)) return [];
  return keys
    .filter((k): k is string => typeof k === 'string' && !isRuleId(k))
    .map((key) => {
      const closest = closestRuleId(key);
      return closest ? { key, closest } : { key };
    });
}

export function ruleIdsAnswer(params: unknown): { ids: string[]; unknown: UnknownRuleKey[] } {
  return { ids: ALL_RULES.map((r) => r.id), unknown: unknownRuleKeys((params as { keys?: unknown } | null)?.keys) };
}

/** What is wrong with the setting's entries, one sentence each; `ids` false when the client reports unknown ids itself. */
export function settingsRuleProblems(rules: unknown, ids = true): string[] {
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return [];
  const out: string[] = [];
  const entries = Object.entries(rules as Record<string, unknown>);
  if (ids)
    for (const u of unknownRuleKeys(entries.map(([k]) => k)))
      out.push(
        `openstackHa.rules: unknown rule '${u.key}'${u.closest ? `; did you mean '${u.closest}'?` : ' (openstack-ha rules lists them)'} The setting is ignored.`,
      );
  for (const [k, v] of entries)
    if (isRuleId(k) && !SEVERITIES.includes(String(v)))
      out.push(`openstackHa.rules: '${k}' must be one of ${SEVERITIES.join(', ')}, not ${JSON.stringify(v)}. The setting is ignored.`);
  return out;
}
