/**
 * The editor in kolla-ansible's files: in globals.yml the variables' hover and completion
 * (service/deploy-vars.ts); in an inventory, a group's hover says which hosts it resolves to through
 * `:children` and what kolla runs on them; the outline lists variables or groups.
 */
import type { LintResult } from '../check';
import type { Span } from '../types';
import type { KollaDeployment } from '../documents/kolla/deployment';
import type { IniInventory } from '../documents/ansible/ini-inventory';
import { DocLink, HoverResult, withFindings } from './hover';
import type { CompletionResult } from './completion';
import type { SymbolNode } from './navigation';
import { deployVarComplete, deployVarHover } from './deploy-vars';

/** What kolla puts on the hosts of its HA groups. */
const GROUP_ROLE: Record<string, string> = {
  loadbalancer: 'HAProxy and keepalived: its hosts hold the VIPs',
  haproxy: 'nothing since Xena: kolla reads loadbalancer instead',
  mariadb: 'the Galera cluster (a majority keeps the primary component)',
  rabbitmq: 'the RabbitMQ cluster (quorum queues need a majority)',
  memcached: 'memcached (every service lists every host)',
  hacluster: "Pacemaker and corosync for masakari's host monitor",
  control: 'the control plane (API services, schedulers)',
  network: "the Neutron agents (and, in kolla's example, the load balancers)",
  compute: 'nova-compute: the hypervisors',
};

export function kollaHover(r: LintResult, offset: number, docLink: DocLink): HoverResult | undefined {
  const k = r.kolla;
  if (!k) return undefined;
  if (k.part.role !== 'inventory')
    return deployVarHover(
      'kolla',
      k.part.globals,
      k.part.text,
      offset,
      { release: k.deployment.release, value: (n) => k.deployment.value(n), findings: r.findings },
      docLink,
    );
  const at = groupAt(k.part.inventory, offset);
  if (!at) return withFindings([], undefined, r.findings, offset, docLink);
  return withFindings([groupMarkdown(k.deployment, at.name)], at.span, r.findings, offset, docLink);
}

export function kollaComplete(r: LintResult, text: string, offset: number): CompletionResult | undefined {
  const k = r.kolla;
  if (!k || k.part.role !== 'globals') return undefined;
  return deployVarComplete('kolla', text, offset, { release: k.deployment.release });
}

/** The outline counts the hosts of every group of an inventory of up to this many groups (kolla's multinode has about 150). */
const MAX_COUNTED_GROUPS = 1000;

export function kollaSymbols(r: LintResult): SymbolNode[] {
  const k = r.kolla;
  if (!k) return [];
  if (k.part.role !== 'inventory')
    return [...k.part.globals.vars.values()].map((v) => ({
      name: v.name,
      detail: '',
      kind: 'option' as const,
      span: { start: v.keySpan.start, end: v.valueSpan.end },
      selection: v.keySpan,
      children: [],
    }));
  const out: SymbolNode[] = [];
  // each group's count walks the groups below it: over an inventory of thousands of groups nested
  // in one another that is quadratic, so past MAX_COUNTED_GROUPS the groups are listed without it
  const counted = k.part.inventory.groups.size <= MAX_COUNTED_GROUPS;
  for (const g of k.part.inventory.groups.values())
    for (const h of g.headers) {
      const n = counted ? k.deployment.hosts(g.name).length : -1;
      const detail = n < 0 ? '' : `${n} host${n === 1 ? '' : 's'}`;
      out.push({ name: g.name, detail, kind: 'section', span: h, selection: h, children: [] });
    }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The group named under the cursor: a header, or a line under `[x:children]`. */
function groupAt(inv: IniInventory, offset: number): { name: string; span: Span } | undefined {
  for (const g of inv.groups.values()) {
    for (const h of g.headers) if (h.start <= offset && offset <= h.end) return { name: g.name, span: { start: h.start, end: h.end } };
    for (const c of g.children) if (c.span.start <= offset && offset <= c.span.end) return { name: c.text, span: c.span };
  }
  return undefined;
}

function groupMarkdown(d: KollaDeployment, name: string): string {
  const hosts = d.hosts(name).map((h) => h.name);
  const role = GROUP_ROLE[name];
  const list = hosts.length ? hosts.map((h) => `\`${h}\``).join(', ') : 'no host';
  return [
    `**[${name}]**${role ? `: ${role}` : ''}`,
    `${hosts.length} host${hosts.length === 1 ? '' : 's'} through \`:children\`: ${list}`,
  ].join('\n\n');
}
