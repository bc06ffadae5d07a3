/**
 * galera-firewall-ports: a closed firewall on a Galera node must open the ports the members use
 * to reach each other: TCP 3306, 4567, 4568, 4444 (UDP 4567 with multicast replication, TCP 9200
 * when the node runs clustercheck), to every other member.
 */
import { Fix } from '../types';
import { indentAt } from '../text/lines';
import { LineIndex } from '../text/line-index';
import { FwOpening, Proto } from '../documents/firewall/model';
import { gcommHosts } from './galera/support';
import { canonicalIP, cidrContains, isCidr, isIP, isIPv6 } from '../text/ip';
import { defineRule } from './rule';
import { FwRuleContext } from './firewall/rule';

interface Need {
  proto: Proto;
  port: number;
  what: string;
}
const BASE: Need[] = [
  { proto: 'tcp', port: 3306, what: 'clients and mysqldump SST' },
  { proto: 'tcp', port: 4567, what: 'replication' },
  { proto: 'tcp', port: 4568, what: 'IST' },
  { proto: 'tcp', port: 4444, what: 'SST' },
];
const GALERA_ONLY = [4567, 4568, 4444];

const label = (n: Need) => `${n.proto.toUpperCase()} ${n.port} (${n.what})`;
const covers = (o: FwOpening, n: Need) =>
  (o.proto === 'any' || o.proto === n.proto) &&
  (o.ports === undefined || !o.ports.length || o.ports.some(([a, b]) => a <= n.port && n.port <= b));

/** The members' addresses the firewall must let in: the manifest's Galera nodes, or the nodes' gcomm:// lists. */
function members(ctx: FwRuleContext): string[] {
  const fromTopology = ctx.topology
    ?.hostsOf('galera')
    ?.map((h) => h.address)
    .filter((a): a is string => !!a && isIP(a));
  if (fromTopology?.length) return fromTopology.map(canonicalIP);
  const fromPeers = ctx.peers.filter((p) => p.kind === 'galera').flatMap((p) => gcommHosts(p.values?.wsrep_cluster_address ?? '') ?? []);
  return [...new Set(fromPeers.filter(isIP).map(canonicalIP))];
}

export const rule = defineRule({
  meta: {
    id: 'galera-firewall-ports',
    severity: 'warning',
    fixable: true,
    tools: { 'iptables-restore': 'accepts', nft: 'accepts' },
    guide: '2016:controller-ha-galera-config',
    topic: 'galera',
    title: "A Galera node's firewall does not open 3306, 4567, 4568 and 4444 to the other members",
    why: 'Galera members talk to each other on TCP 3306 (clients, mysqldump SST), 4567 (replication; UDP too with multicast), 4568 (IST) and 4444 (other SSTs), and HAProxy reaches clustercheck on 9200. A closed port shows up late: a node that cannot replicate drops out, one that cannot receive a state transfer never rejoins.',
  },
  on: {
    firewall(ctx) {
      const { model, text, peers } = ctx;
      if (!model.closed) return;
      // the members' address family (IPv4 unless they are known to be IPv6): an ip6tables file of an IPv4 cluster has nothing to open
      const memberAddresses = members(ctx);
      const family = memberAddresses.some(isIPv6) ? 'ipv6' : 'ipv4';
      if (model.family && model.family !== family) return;
      const opens = model.opens.filter((o) => !o.family || o.family === family);
      // a script that opens nothing (firewall-cmd --reload, iptables -L) is not where the node's firewall is written
      if (model.syntax === 'script' && !opens.length) return;
      const reachable = opens.filter((o) => !o.shadowedBy);
      const galeraHere = peers.filter((p) => p.kind === 'galera' && p.sameNode);
      // a Galera node's firewall: a Galera file on its node, a port only Galera uses, or 3306 where the workspace runs Galera
      const opensAny = (ports: number[]) =>
        opens.some((o) => o.proto !== 'udp' && o.ports?.some(([a, b]) => ports.some((p) => a <= p && p <= b)));
      // the workspace's Galera files are all on other nodes: 3306 here is a client port (an HAProxy node), not a member's
      const galeraElsewhere = !galeraHere.length && peers.some((p) => p.kind === 'galera');
      const galeraKnown = !!ctx.topology?.hostsOf('galera')?.length;
      if (!galeraHere.length && !opensAny(GALERA_ONLY) && (galeraElsewhere || !(galeraKnown && opensAny([3306])))) return;

      const needs = [...BASE];
      const galeraPeers = galeraHere.length ? galeraHere : peers.filter((p) => p.kind === 'galera');
      if (galeraPeers.some((p) => /gmcast\.mcast_addr/.test(p.values?.wsrep_provider_options ?? '')))
        needs.push({ proto: 'udp', port: 4567, what: 'multicast replication' });
      if (peers.some((p) => p.kind === 'clustercheck' && p.sameNode && p.endpoints?.some((e) => !e.disabled && (e.port ?? 9200) === 9200)))
        needs.push({ proto: 'tcp', port: 9200, what: 'clustercheck' });

      const self = galeraHere.length === 1 ? galeraHere[0].values?.wsrep_node_address : undefined;
      const others = memberAddresses.filter((a) => !self || a !== canonicalIP(self));
      let lines: LineIndex | undefined; // built only for a message that names a line
      const lineOf = (at: number) => (lines ??= new LineIndex(text)).position(at).line + 1;
      const missing: Need[] = [];
      const partial: { need: Need; uncovered: string[] }[] = [];
      const shadowed: { need: Need; at: number; by: number; rule: FwOpening }[] = [];
      for (const n of needs) {
        const open = reachable.filter((o) => covers(o, n));
        if (!open.length) {
          const dead = opens.find((o) => o.shadowedBy && covers(o, n));
          if (dead) shadowed.push({ need: n, at: lineOf(dead.span.start), by: lineOf(dead.shadowedBy!.start), rule: dead });
          else missing.push(n);
          continue;
        }
        // a source we cannot read ($NODE, a host name) or no source at all lets everyone in
        if (open.some((o) => !o.sources.length || o.sources.some((s) => !isCidr(s) && !isIP(s)))) continue;
        const uncovered = others.filter((m) => !open.some((o) => o.sources.some((s) => cidrContains(s, m))));
        if (uncovered.length) partial.push({ need: n, uncovered });
      }
      // the same single member missing from every port is most likely this node itself
      if (
        !self &&
        !missing.length &&
        !shadowed.length &&
        partial.length === needs.length &&
        partial.every((p) => p.uncovered.length === 1 && p.uncovered[0] === partial[0].uncovered[0])
      )
        return;
      if (!missing.length && !partial.length && !shadowed.length) return;

      const parts: string[] = [];
      if (missing.length) parts.push(`does not open ${missing.map(label).join(', ')}`);
      for (const s of shadowed)
        parts.push(`opens ${label(s.need)} only on line ${s.at}, after the catch-all of line ${s.by}, so that rule is never reached`);
      for (const p of partial) parts.push(`opens ${label(p.need)} only to some members, not to ${p.uncovered.join(', ')}`);
      const closed = model.closedBy ? ` (${model.closedBy.what}, line ${lineOf(model.closedBy.span.start)})` : '';
      const listed = [...missing, ...shadowed.map((x) => x.need), ...partial.map((x) => x.need)];
      const who = listed.every((n) => n.port === 9200)
        ? 'HAProxy checks this node there'
        : 'the Galera members need them to reach each other';
      const message = `This firewall closes inbound traffic${closed} but ${parts.join('; ')}: ${who}`;

      // point at (and copy) a rule that already opens a Galera port, so the new rules match its source and interface
      const template =
        reachable.find((o) => o.clone && o.ports?.some(([a, b]) => [3306, ...GALERA_ONLY].some((p) => a <= p && p <= b))) ??
        reachable.find((o) => o.clone && o.ports?.length);
      const span = template?.span ?? opens.find((o) => o.ports?.length)?.span ?? model.closedBy?.span ?? { start: 0, end: 0 };
      const fixes: Fix[] = [];
      if (template && missing.length) {
        const indent = indentAt(text, template.span.start);
        fixes.push({
          title: `Open ${missing.map((n) => `${n.proto}/${n.port}`).join(', ')} like this rule`,
          safe: false,
          preferred: true,
          edits: [
            {
              start: template.span.end,
              end: template.span.end,
              newText: missing.map((n) => `\n${indent}${template.clone!(n.port, n.proto)}`).join(''),
            },
          ],
        });
      }
      // a rule after the catch-all: move it above, once per rule
      for (const dead of new Set(shadowed.map((s) => s.rule))) {
        const by = dead.shadowedBy!;
        const end = text[dead.span.end] === '\n' ? dead.span.end + 1 : dead.span.end;
        if (text[dead.span.start - 1] !== '\n' || text[by.start - 1] !== '\n') continue; // whole lines only
        fixes.push({
          title: `Move the rule of line ${lineOf(dead.span.start)} above the catch-all of line ${lineOf(by.start)}`,
          safe: false,
          preferred: !fixes.length,
          edits: [
            { start: by.start, end: by.start, newText: `${text.slice(dead.span.start, dead.span.end)}\n` },
            { start: dead.span.start, end, newText: '' },
          ],
        });
      }
      ctx.report({ span, message, fixes });
    },
  },
});
