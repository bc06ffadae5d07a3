/**
 * The JSON Schema of the openstackHa.rules setting in package.json, made from the rules' metadata:
 * the keys must be rule ids and the values severities, so settings.json underlines a misspelt id. scripts/gen-settings-schema.mjs writes it; a test compares.
 */
import { RuleMeta } from '../engine/rules/rule';

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

export function rulesSettingSchema(rules: readonly RuleMeta[]): Record<string, unknown> {
  return {
    type: 'object',
    default: {},
    markdownDescription:
      'Per-rule severity, e.g. `{ "cluster-even-node-count": "error", "vip-missing": "off" }`. Overrides `.openstack-ha.yaml` in this editor only. A key that is no rule id is marked, and the extension offers the closest id.',
    propertyNames: { enum: rules.map((r) => r.id).sort() },
    additionalProperties: { type: 'string', enum: SEVERITIES },
  };
}
