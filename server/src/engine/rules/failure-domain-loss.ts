import { defineRule } from './rule';
import { simModelFromManifest } from '../simulate/from-manifest';
import { simulate, isFailure, worse } from '../simulate/scenario';
import type { Verdict } from '../simulate/types';
import { membersOf, type SimModel } from '../simulate/model';

/** Services judged: a per-node service (nova-compute) losing its nodes loses capacity, not availability. */
const JUDGED = new Set(['active-active', 'active-passive', 'clustered', 'client-side']);

/**
 * The part of the model the rule judges: its services (not the per-node ones) and the nodes they,
 * the clusters and the quorum devices stand on. A compute node's rack matters only through those, so
 * a deployment of thousands of computes is simulated at the size of its control plane.
 */
function judgedPart(model: SimModel): SimModel {
  const services = model.services.filter((s) => JUDGED.has(s.mode));
  const keep = new Set([
    ...services.flatMap((s) => s.nodes),
    ...model.clusters.flatMap(membersOf),
    ...model.clusters.flatMap((c) => ('qnetdHost' in c && c.qnetdHost ? [c.qnetdHost] : [])),
  ]);
  return { ...model, services, nodes: model.nodes.filter((n) => keep.has(n.name)) };
}

export const rule = defineRule({
  meta: {
    id: 'failure-domain-loss',
    severity: 'warning',
    fixable: false,
    topic: 'failure-domain',
    guide: 'intro-ha-key-concepts',
    title: 'Losing one failure domain takes a service down',
    why: 'A rack, a power feed or a room fails as a whole. When every instance of a service sits in one of them, or the quorum, the fencing or the VIP it depends on goes with it, that single failure stops the service although the other domains are up.',
  },
  on: {
    manifest(ctx) {
      const m = ctx.manifest;
      // the first node of each domain, in the manifest's order, carries the finding
      const first = new Map<string, { node: string; span: { start: number; end: number } }>();
      const members = new Map<string, string[]>();
      for (const n of m.nodes.values()) {
        const d = n.failureDomain;
        if (!d) continue;
        const key = String(d.value);
        if (!first.has(key)) first.set(key, { node: n.name, span: d.span });
        const list = members.get(key);
        if (list) list.push(n.name);
        else members.set(key, [n.name]);
      }
      // with one domain nothing can survive its loss: that is the deployment's size, not a mistake
      if (first.size < 2) return;
      const model = judgedPart(simModelFromManifest(m, ''));
      const judged = new Set(model.services.map((s) => s.name));
      const kept = new Set(model.nodes.map((n) => n.name));
      const powering = new Set(
        model.clusters.flatMap((c) =>
          c.kind === 'pacemaker' ? (c.pacemaker?.fencing ?? []).flatMap((f) => (f.domain ? [f.domain] : [])) : [],
        ),
      );
      for (const [domain, at] of first) {
        // a domain holding none of what is judged, and powering no fence device, takes nothing down
        if (!powering.has(domain) && !members.get(domain)!.some((n) => kept.has(n))) continue;
        const r = simulate(model, { steps: [{ failDomains: [domain] }] });
        const bad = r.services.filter((s) => judged.has(s.name) && isFailure(s.verdict));
        if (!bad.length) continue;
        const worst = bad.reduce<Verdict>((w, s) => worse(w, s.verdict), 'available');
        const example = bad.find((s) => s.verdict === worst)!;
        // a quorum lost says it best with its arithmetic (the side that is left); else the service's own words
        const cluster = model.services.find((s) => s.name === example.name)?.cluster;
        const lost = r.clusters.filter((c) => c.name === cluster && !c.quorate);
        const why = lost.length ? lost.map((c) => c.explain).join('; ') : example.explain;
        const nodes = members.get(domain)!;
        ctx.report({
          span: at.span,
          message: `losing failure domain '${domain}' (${nodes.join(', ')}) leaves ${bad.map((s) => `${s.name} ${s.verdict}`).join(', ')}: ${why}; \`openstack-ha simulate --fail-domain ${domain}\` shows the whole scenario`,
        });
      }
    },
  },
});
