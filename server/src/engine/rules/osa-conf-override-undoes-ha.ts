import { defineRule } from './rule';
import { asBool } from '../documents/ansible/values';
import { confOverridesOf, ConfOverrideOption } from '../documents/osa/conf-overrides';
import type { OsaDeployment } from '../documents/osa/deployment';
import { HA_WITH_QUORUM_COST, quorumUndone } from './support/quorum-overrides';
import { RABBIT } from './conf/support';

/**
 * Does OSA write rabbit_quorum_queue = true into this service's config: the role's
 * `<service>_oslomsg_rabbit_quorum_queues` when the user sets it, else oslomsg_rabbit_quorum_queues
 * (rabbitmq_queue_replication, true by default); undefined when it cannot be known.
 */
function quorumOn(d: OsaDeployment, service: string): boolean | undefined {
  const own = `${service}_oslomsg_rabbit_quorum_queues`;
  const v = d.value(d.setting(own) ? own : 'oslomsg_rabbit_quorum_queues');
  return v.known ? asBool(v.value) : undefined;
}

export const rule = defineRule({
  meta: {
    id: 'osa-conf-override-undoes-ha',
    severity: 'error',
    fixable: false,
    topic: 'rabbitmq-mirrored-vs-quorum-queues',
    title: 'An OpenStack-Ansible <service>_<file>_conf_overrides undoes the quorum queues OSA sets',
    why: "OpenStack-Ansible merges a role's <service>_<file>_conf_overrides over the config it renders, option by option: an override wins. OSA writes rabbit_quorum_queue = true into every service (oslomsg_rabbit_quorum_queues, from rabbitmq_queue_replication); an override that turns it off puts the service back on classic queues, which live on one broker, and one that adds rabbit_ha_queues = true keeps the service from starting.",
  },
  on: {
    'openstack-ansible'(ctx) {
      const d = ctx.deployment;
      for (const vars of d.variableFiles)
        for (const o of confOverridesOf(vars)) {
          // user_variables are extra vars: one in another file (a later one) replaces this dictionary everywhere
          const s = d.setting(o.variable);
          if (s?.from === 'user_variables' && s.file !== vars.file) continue;
          const rabbit = new Map<string, ConfOverrideOption>();
          for (const x of o.options) if (x.section === RABBIT) rabbit.set(x.key, x);
          if (!rabbit.size) continue;
          const on = quorumOn(d, o.service);
          if (on === undefined) continue;
          for (const { key, undone } of quorumUndone((k) => rabbit.get(k)?.value, on ? ['rabbit_quorum_queue'] : [])) {
            // without quorum queues, rabbit_ha_queues is the operator's choice of classic queues: what OSA writes says nothing against it
            if (undone.kind === 'ha-without-quorum') continue;
            const x = rabbit.get(key)!;
            ctx.report({
              file: o.file,
              span: x.valueSpan,
              severity: undone.kind === 'off' ? undone.option.severity : undone.severity,
              message:
                undone.kind === 'off'
                  ? `OpenStack-Ansible writes ${key} = true for every service (oslomsg_rabbit_quorum_queues) and ${o.variable} turns it off: ${undone.option.cost('OpenStack-Ansible')}`
                  : `OpenStack-Ansible writes rabbit_quorum_queue = true for every service (oslomsg_rabbit_quorum_queues) and ${o.variable} adds rabbit_ha_queues = true: ${HA_WITH_QUORUM_COST}`,
            });
          }
        }
    },
  },
});
