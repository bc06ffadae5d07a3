/**
 * What a Pacemaker configuration tells the failure simulator: the properties that decide what a
 * partition does (no-quorum-policy, stonith-enabled), the cluster's nodes, and the fence devices
 * with the nodes they fence and the address they reach (a BMC, a PDU).
 */
import { partners, PmModel } from './model';

export interface FenceFacts {
  id: string;
  /** stonith:fence_ipmilan */
  agent: string;
  /** pcmk_host_list, else pcmk_host_map's node names; absent: the device says nothing (Pacemaker asks it). */
  targets?: string[];
  /** The device's address (ip, ipaddr): a BMC or a PDU. */
  address?: string;
}

/** A resource other than a fence device: what it runs and what runs with it. */
export interface ResourceFacts {
  id: string;
  /** ocf:heartbeat:IPaddr2, systemd:haproxy */
  agent: string;
  /** Run by a clone (or a promotable clone, a bundle) on every node, not on one. */
  cloned: boolean;
  /** An IP address resource's address (`ip`). */
  ip?: string;
  /** The resources that always run where it runs (its group, colocations). */
  with: string[];
}

export interface PacemakerFacts {
  /** Cluster properties as written (no-quorum-policy, stonith-enabled). */
  properties: Record<string, string>;
  /** The nodes' names, when the file gives them (CIB <nodes>). */
  nodes?: string[];
  fencing: FenceFacts[];
  resources: ResourceFacts[];
}

export function pacemakerFacts(m: PmModel): PacemakerFacts {
  const properties: Record<string, string> = {};
  for (const [k, v] of m.properties) properties[k] = v.value;
  const fencing: FenceFacts[] = [];
  const resources: ResourceFacts[] = [];
  for (const r of m.resources) {
    if (!r.agent.startsWith('stonith:')) {
      const ip = /:IPaddr2?$/.test(r.agent) ? r.params.get('ip')?.value : undefined;
      const together = partners(m, r).map((x) => x.id);
      resources.push({ id: r.id, agent: r.agent, cloned: r.cloneId !== undefined, ...(ip ? { ip } : {}), with: together });
      continue;
    }
    const list = r.params.get('pcmk_host_list')?.value;
    const map = r.params.get('pcmk_host_map')?.value;
    // pcmk_host_map: "node1:port1;node2:port2" (also , or space separated)
    const targets = list
      ? list.split(/[\s,]+/).filter(Boolean)
      : map
        ? map
            .split(/[;,\s]+/)
            .map((x) => x.split(':')[0])
            .filter(Boolean)
        : undefined;
    const address = (r.params.get('ip') ?? r.params.get('ipaddr') ?? r.params.get('ipaddress'))?.value;
    fencing.push({ id: r.id, agent: r.agent, ...(targets ? { targets } : {}), ...(address ? { address } : {}) });
  }
  return { properties, ...(m.nodeNames?.length ? { nodes: m.nodeNames } : {}), fencing, resources };
}
