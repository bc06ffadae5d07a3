/**
 * The judgement a deployment tool's service override gets in [oslo_messaging_rabbit], shared by
 * the tools that write quorum queues into every service (kolla-ansible since 2025.1, its
 * kolla-override-undoes-ha; OpenStack-Ansible since 2024.1, osa-conf-override-undoes-ha): which
 * option the override turns off, or adds against them, and what that costs. Each rule words the
 * finding in its tool's terms and points at its own file's range.
 */
import type { Severity } from '../../types';
import { truthy } from '../../documents/oslo-conf/context';

/** oslo.config's false spellings. */
export const FALSE = /^(0|f|false|off|n|no)$/i;

/** An option the tool writes true into [oslo_messaging_rabbit] of every service, and what turning it off costs. */
export interface QuorumOption {
  key: string;
  severity: Severity;
  /** What turning it off costs; `tool` names the deployment tool (kolla, OpenStack-Ansible) that made the queues. */
  cost(tool: string): string;
}

export const QUORUM_OPTIONS: readonly QuorumOption[] = [
  {
    key: 'rabbit_quorum_queue',
    severity: 'error',
    cost: (tool) =>
      `the service declares classic queues again, which live on one broker and are lost with it, and RabbitMQ refuses to redeclare the queues ${tool} already made as quorum queues (PRECONDITION_FAILED, inequivalent arg 'x-queue-type')`,
  },
  {
    key: 'rabbit_transient_quorum_queue',
    severity: 'warning',
    cost: () =>
      'reply and fanout queues become classic queues on one broker: a call whose reply queue sat on a lost broker waits until it times out',
  },
  {
    key: 'use_queue_manager',
    severity: 'warning',
    cost: () =>
      'transient queues get random names again, so every restart of the service leaves its old quorum queues (each a Raft group on every broker) until their TTL expires',
  },
];

/** What oslo.messaging does with rabbit_ha_queues beside quorum queues. */
export const HA_WITH_QUORUM_COST =
  "oslo.messaging refuses the two together ('rabbit_quorum_queue and rabbit_ha_queues both enabled'), so the service does not start";

/** What an override undoes, by option: turned off (of those the tool writes true), or rabbit_ha_queues added. */
export type QuorumUndone =
  | { kind: 'off'; option: QuorumOption }
  | { kind: 'ha-with-quorum'; severity: 'error' }
  | { kind: 'ha-without-quorum'; severity: 'warning' };

/**
 * The override's [oslo_messaging_rabbit] `value` of an option (as written, undefined when unset),
 * judged against the options the tool writes true (`written`): each one it turns off, and
 * rabbit_ha_queues = true (against quorum queues when they stay on, else on its own: classic
 * mirrored queues, gone from RabbitMQ 4).
 */
export function quorumUndone(
  value: (key: string) => string | undefined,
  written: readonly string[],
): { key: string; undone: QuorumUndone }[] {
  const out: { key: string; undone: QuorumUndone }[] = [];
  for (const option of QUORUM_OPTIONS) {
    const v = value(option.key);
    if (!written.includes(option.key) || v === undefined || !FALSE.test(v.trim())) continue;
    out.push({ key: option.key, undone: { kind: 'off', option } });
  }
  const ha = value('rabbit_ha_queues');
  if (ha !== undefined && truthy(ha.trim())) {
    const quorum = value('rabbit_quorum_queue')?.trim();
    const on = quorum !== undefined ? !FALSE.test(quorum) : written.includes('rabbit_quorum_queue');
    out.push({
      key: 'rabbit_ha_queues',
      undone: on ? { kind: 'ha-with-quorum', severity: 'error' } : { kind: 'ha-without-quorum', severity: 'warning' },
    });
  }
  return out;
}
