/**
 * Facts several OpenStack-Ansible rules (and the language, to keep the topology rules from saying
 * them again) read from a deployment: its hosts once each, keepalived's state, the VIPs written as addresses.
 */
import type { OsaDeployment } from '../../documents/osa/deployment';
import type { OsaHost } from '../../documents/osa/user-config';
import { asBool } from '../../documents/ansible/values';
import { canonicalIP, isIP } from '../../text/ip';

/** Each host once (groups in the generator's merge order), at its first entry that writes an `ip`, else its first entry. */
export function hostsOnce(d: OsaDeployment): OsaHost[] {
  const at = new Map<string, number>();
  const out: OsaHost[] = [];
  for (const g of d.config.groups.values())
    for (const h of g.hosts) {
      const i = at.get(h.name);
      if (i === undefined) {
        at.set(h.name, out.length);
        out.push(h);
      } else if (!out[i].ip && h.ip) out[i] = h;
    }
  return out;
}

/** Hosts whose `ip` is another host's, found first by hostsOnce(): OSA's generator refuses them (MultipleHostsWithOneIPError). */
export function sharedAddresses(d: OsaDeployment): { host: OsaHost; first: OsaHost }[] {
  const byIp = new Map<string, OsaHost>();
  const out: { host: OsaHost; first: OsaHost }[] = [];
  for (const h of hostsOnce(d)) {
    if (!h.ip || !isIP(h.ip)) continue;
    const key = canonicalIP(h.ip);
    const first = byIp.get(key);
    if (first) out.push({ host: h, first });
    else byIp.set(key, h);
  }
  return out;
}

/** Is keepalived on: the user's haproxy_use_keepalived, else OSA's default (more than one load balancer); undefined when unknown. */
export function keepalivedOn(d: OsaDeployment): boolean | undefined {
  const v = d.value('haproxy_use_keepalived');
  return v.known ? asBool(v.value) : undefined;
}

/** `internal_lb_vip_address` / `external_lb_vip_address` as a known string, trimmed, with where it is written. */
export function vipSetting(d: OsaDeployment, side: 'internal' | 'external') {
  const name = `${side}_lb_vip_address`;
  const s = d.setting(name);
  const v = d.value(name);
  if (!s || !v.known || (typeof v.value !== 'string' && typeof v.value !== 'number')) return undefined;
  return { name, value: String(v.value).trim(), setting: s };
}
