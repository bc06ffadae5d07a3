/**
 * pacemaker-unknown-property: a cluster property Pacemaker does not have, or a value it cannot
 * take, judged against the property metadata of Debian's Pacemaker. pcs refuses an unknown name
 * (unless --force); in a CIB or a crm file Pacemaker ignores it, so only a likely misspelling is
 * reported there: resource agents keep attributes of their own in crm_config (redis_REPL_INFO).
 */
import { defineRule } from './rule';
import { intervalMs } from '../documents/pacemaker/model';
import {
  clusterProperty,
  isRemovedProperty,
  PACEMAKER_SOURCE,
  PROPERTY_NAMES,
  REMOVED_INFRASTRUCTURE,
  valuesInWords,
} from '../knowledge/pacemaker/catalogue';
import { closest } from '../text/suggest';
import { Fix } from '../types';

/** Where the options Pacemaker 2.0 took out of crm_config went (our words, from its schema upgrade). */
const MOVED: Record<string, string> = {
  'default-resource-stickiness': 'set resource-stickiness in rsc_defaults',
  default_resource_stickiness: 'set resource-stickiness in rsc_defaults',
  'is-managed-default': 'set is-managed in rsc_defaults',
  is_managed_default: 'set is-managed in rsc_defaults',
  'default-action-timeout': 'set timeout in op_defaults',
  default_action_timeout: 'set timeout in op_defaults',
  'default-migration-threshold': 'set migration-threshold in rsc_defaults',
  default_migration_threshold: 'set migration-threshold in rsc_defaults',
  'default-resource-failure-stickiness': 'use migration-threshold in rsc_defaults',
  default_resource_failure_stickiness: 'use migration-threshold in rsc_defaults',
  'expected-quorum-votes': "corosync's votequorum counts the votes; drop it",
  'notification-agent': 'define an alert instead',
  'notification-recipient': 'define an alert instead',
};
const BOOLEAN = /^(true|on|yes|y|1|false|off|no|n|0)$/i;
const INTEGER = /^[-+]?(\d+|infinity)$/i;

export const rule = defineRule({
  meta: {
    id: 'pacemaker-unknown-property',
    severity: 'error',
    fixable: true,
    tools: { crm_verify: 'refuses', crmsh: 'warns' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'pacemaker',
    title: 'A cluster property Pacemaker does not have, or a value it cannot take',
    why: 'Pacemaker ignores a cluster property it does not know, so a misspelt no-quorum-policy or cluster-recheck-interval silently leaves the default in force; pcs refuses the name outright. A value a property cannot take is replaced by the default, and crm_verify reports the configuration as invalid. The names Pacemaker 2.0 took out of crm_config (default-resource-stickiness, the underscore spellings such as stonith_enabled) its schema refuses outright, in crm and pcs files and in a CIB written for schema 3.0 or later.',
  },
  on: {
    pacemaker(ctx) {
      // a CIB written for a schema before 3.0 is upgraded as it is read, which moves or drops these; the tools refuse them in anything newer
      const validated = ctx.model.syntax !== 'cib' || !/validate-with="pacemaker-[0-2]\./.test(ctx.text.slice(0, 2000));
      for (const [name, p] of ctx.model.properties) {
        if (
          validated &&
          (isRemovedProperty(name) || (name === 'cluster-infrastructure' && REMOVED_INFRASTRUCTURE.includes(p.value.trim())))
        ) {
          ctx.report({
            span: name === 'cluster-infrastructure' ? p.span : (p.nameSpan ?? p.span),
            message: `${name === 'cluster-infrastructure' ? `cluster-infrastructure=${p.value.trim()}` : name} is no longer a cluster property Pacemaker's schema takes: ${MOVED[name] ?? (name.includes('_') ? `write it ${name.replace(/_/g, '-')}` : 'corosync is the only infrastructure now; drop it')}; crm_verify, crmsh and pcs refuse the configuration`,
            tools: { crm_verify: 'refuses', crmsh: 'refuses' },
          });
          continue;
        }
        const known = clusterProperty(name);
        if (!known) {
          const lineStart = ctx.text.lastIndexOf('\n', p.span.start - 1) + 1;
          const line = ctx.text.slice(
            lineStart,
            ctx.text.indexOf('\n', p.span.start) < 0 ? ctx.text.length : ctx.text.indexOf('\n', p.span.start),
          );
          const near = closest(name, PROPERTY_NAMES, 1)[0];
          const pcs = ctx.model.syntax === 'pcs' && !/\s--force\b/.test(line);
          if (!near && !pcs) continue;
          const fixes: Fix[] =
            near && p.nameSpan
              ? [
                  {
                    title: `Change to ${near}`,
                    safe: false,
                    preferred: true,
                    edits: [{ start: p.nameSpan.start, end: p.nameSpan.end, newText: near }],
                  },
                ]
              : [];
          ctx.report({
            span: p.nameSpan ?? p.span,
            severity: pcs ? 'error' : 'warning',
            fixes,
            message: `${name} is not a cluster property of ${PACEMAKER_SOURCE}${near ? ` (did you mean ${near}?)` : ''}: ${pcs ? 'pcs refuses to set it' : 'Pacemaker ignores it and keeps the default'}`,
          });
          continue;
        }
        const v = p.value.trim();
        const bad =
          known.t === 'boolean'
            ? !BOOLEAN.test(v)
            : known.t === 'integer'
              ? !INTEGER.test(v)
              : known.t === 'select'
                ? !known.v!.some((x) => x.toLowerCase() === v.toLowerCase())
                : known.t === 'time'
                  ? intervalMs(v) === undefined
                  : known.t === 'percentage'
                    ? !/^\d+%?$/.test(v)
                    : false;
        if (!bad) continue;
        const expect = valuesInWords(known);
        const near = known.t === 'select' ? closest(v, known.v!, 1)[0] : undefined;
        ctx.report({
          span: p.span,
          severity: known.t === 'time' || known.t === 'percentage' ? 'warning' : 'error',
          message: `${name}=${v} is not ${expect}: Pacemaker uses the default${known.d !== undefined ? ` (${known.d})` : ''} instead${known.t === 'time' || known.t === 'percentage' ? '' : ', and crm_verify reports the configuration as invalid'}`,
          fixes: near
            ? [
                {
                  title: `Change to ${near}`,
                  safe: false,
                  preferred: true,
                  edits: [{ start: p.span.start, end: p.span.end, newText: near }],
                },
              ]
            : [],
        });
      }
    },
  },
});
