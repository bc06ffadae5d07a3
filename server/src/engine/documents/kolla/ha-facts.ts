/**
 * What the failure arithmetic needs of a kolla-ansible deployment beyond its groups: the keepalived
 * priorities kolla's template renders, Galera's `pc.weight`, and RabbitMQ's series, partition
 * handling and queues. The deployment model (model.ts) carries them; `convert` writes them and the
 * simulator reads them from there.
 */
import type { KollaDeployment } from './deployment';
import type { GlobalVar } from './globals';
import type { DeployService, NodeNumber, PartitionHandling, Place } from '../deploy/model';
import { deployedSeries } from './rabbitmq';
import { KHEPRI_DEFAULT_SINCE, seriesAtLeast, seriesText } from '../../knowledge/kolla/rabbitmq';

const valuePlace = (v: GlobalVar | undefined): Place | undefined => (v ? { file: v.file, span: v.valueSpan } : undefined);

/**
 * roles/loadbalancer/templates/keepalived/keepalived.conf.j2: every host `state BACKUP` with
 * `nopreempt`, its priority its index in the loadbalancer group + 1.
 */
export function kollaKeepalivedPriorities(members: readonly string[]): NodeNumber[] {
  return members.map((node, i) => ({ node, value: i + 1 }));
}

/**
 * `pc.weight` of each host whose mariadb_wsrep_extra_provider_options gives one literally (kolla's
 * galera.cnf.j2 joins the list into wsrep_provider_options). globals.yml is passed as extra vars,
 * above host_vars; host_vars are above group_vars.
 */
export function kollaGaleraWeights(d: KollaDeployment, hosts: readonly string[]): NodeNumber[] {
  const name = 'mariadb_wsrep_extra_provider_options';
  const all = d.setting(name);
  const out: NodeNumber[] = [];
  for (const node of hosts) {
    const v = all && d.isGlobals(all.file) ? all : (d.hostVar(node, name) ?? all);
    if (!v) continue;
    // a list is kept unread (null) by the globals reader: its text is read here
    const text = d.fileText(v.file)?.slice(v.valueSpan.start, v.valueSpan.end) ?? (typeof v.raw === 'string' ? v.raw : '');
    if (text.includes('{{')) continue;
    const m = /pc\.weight\s*=\s*(\d+)/.exec(text);
    if (m) out.push({ node, value: Number(m[1]), place: valuePlace(v) });
  }
  return out;
}

const PARTITION_HANDLING = 'rabbitmq_cluster_partition_handling';

/**
 * RabbitMQ of a kolla deployment: quorum queues (always on since 2025.1, knowledge/kolla/defaults.ts
 * KOLLA_REMOVED), the series kolla's image runs (knowledge/kolla/rabbitmq.ts), and before 4.2
 * (Mnesia) `cluster_partition_handling` as kolla renders it (roles/rabbitmq/templates/rabbitmq.conf.j2,
 * default pause_minority) when it is a strategy RabbitMQ knows.
 */
export function kollaRabbitFacts(d: KollaDeployment): Partial<DeployService> {
  const facts: Partial<DeployService> = { quorumQueues: true };
  const series = deployedSeries(d);
  if (!series) return facts;
  const places: NonNullable<DeployService['places']> = {};
  facts.version = seriesText(series.series);
  facts.versionFrom = series.from;
  const at = valuePlace(series.setting ? d.setting(series.setting) : undefined);
  if (at) places.version = at;
  if (!seriesAtLeast(series.series, KHEPRI_DEFAULT_SINCE)) {
    const h = d.value(PARTITION_HANDLING);
    const handling = h.known ? partitionHandling(String(h.value)) : undefined;
    if (handling) {
      facts.partitionHandling = handling;
      const written = valuePlace(d.setting(PARTITION_HANDLING));
      if (written) places.partitionHandling = written;
    }
  }
  if (places.version || places.partitionHandling) facts.places = places;
  return facts;
}

export function partitionHandling(s: string): PartitionHandling | undefined {
  const t = s.trim();
  return t === 'ignore' || t === 'pause_minority' || t === 'autoheal' ? t : undefined;
}
