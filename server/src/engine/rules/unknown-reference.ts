import { defineRule, RuleContext } from './rule';
import { Fix } from '../types';
import { closest, editDistance } from '../text/suggest';
import { Located } from '../documents/manifest/yaml-ast';
import { MAX_FINDINGS_PER_RULE } from '../bounds';

type Kind = 'node' | 'cluster' | 'vip';
const SECTION: Record<Kind, string> = { node: 'nodes', cluster: 'clusters', vip: 'vips' };

export const rule = defineRule({
  meta: {
    id: 'unknown-reference',
    severity: 'error',
    fixable: true,
    title: 'A name in members, on, vip, vips or cluster is not defined',
    why: 'A misspelt or missing name silently drops a member from a cluster or a service from its VIP, and every check that counts members or votes is then wrong.',
  },
  on: {
    manifest(ctx) {
      const m = ctx.manifest;
      const unknown: { ref: Located<string>; kind: Kind; list: Located<string>[] }[] = [];
      // `list`: the list the name is in; a name it already holds is no suggestion (the fix would list it twice)
      const checkRef = (_: RuleContext, ref: Located<string>, kind: Kind, list: Located<string>[] = []) => {
        if (!pool(ctx, kind).has(ref.value)) unknown.push({ ref, kind, list }); // the common case stays O(1): a 5000-node list is 5000 look-ups
      };
      for (const c of m.clusters.values()) for (const it of c.members?.items ?? []) checkRef(ctx, it, 'node', c.members!.items);
      for (const c of m.clusters.values()) {
        // the simulator's fields (fencing, priorities, the tie-breaker) name nodes too
        for (const d of c.fencing ?? []) {
          for (const it of d.targets?.items ?? []) checkRef(ctx, it, 'node', d.targets!.items);
          if (d.node) checkRef(ctx, d.node, 'node');
        }
        const keys = c.priorities?.items.map((i) => i.node) ?? [];
        for (const k of keys) checkRef(ctx, k, 'node', keys);
        const atb = c.corosync?.autoTieBreakerNode;
        if (atb && 'items' in atb) for (const it of atb.items) checkRef(ctx, it, 'node', atb.items);
      }
      for (const v of m.vips.values()) if (v.cluster) checkRef(ctx, v.cluster, 'cluster');
      for (const s of m.services.values()) {
        if (s.on?.kind === 'cluster') {
          const ref = s.on.ref;
          if (!m.clusters.has(ref.value) && m.nodes.has(ref.value)) {
            ctx.report({
              span: ref.span,
              message: `'${ref.value}' is a node, not a cluster; a list of nodes is written on: [${ref.value}]`,
              fixes: [
                {
                  title: `Change to [${ref.value}]`,
                  safe: true,
                  preferred: true,
                  edits: [{ start: ref.span.start, end: ref.span.end, newText: `[${ref.value}]` }],
                },
              ],
            });
          } else checkRef(ctx, ref, 'cluster');
        }
        if (s.on?.kind === 'nodes') for (const it of s.on.list.items) checkRef(ctx, it, 'node', s.on.list.items);
        if (s.vip) checkRef(ctx, s.vip, 'vip');
        for (const it of s.vips?.items ?? []) checkRef(ctx, it, 'vip', s.vips!.items);
        const weighted = s.weights?.items.map((i) => i.node) ?? [];
        for (const k of weighted) checkRef(ctx, k, 'node', weighted);
      }
      // a file lists the first MAX_FINDINGS_PER_RULE in its order (bounds.ts): the search for a
      // suggestion, as long as the pool, is spent on those (24,000 unknown names among 5,000 nodes took minutes)
      unknown.sort((a, b) => a.ref.span.start - b.ref.span.start);
      unknown.forEach((u, i) => reportRef(ctx, u.ref, u.kind, u.list, i < MAX_FINDINGS_PER_RULE));
    },
  },
});

function pool(ctx: RuleContext, kind: Kind): Map<string, unknown> {
  const m = ctx.manifest;
  return kind === 'node' ? m.nodes : kind === 'cluster' ? m.clusters : m.vips;
}

/** The names a pool defines, listed once per pool (frozen: closest indexes them once), not once per unknown reference. */
const NAMES = new WeakMap<Map<string, unknown>, readonly string[]>();
function namesOf(p: Map<string, unknown>): readonly string[] {
  let names = NAMES.get(p);
  if (!names || names.length !== p.size) NAMES.set(p, (names = Object.freeze([...p.keys()])));
  return names;
}

/** The names of a list, once per list (a 5,000-member list holding many unknown names is read once). */
const LISTED = new WeakMap<Located<string>[], Set<string>>();
function listedIn(list: Located<string>[]): Set<string> {
  let set = LISTED.get(list);
  if (!set) LISTED.set(list, (set = new Set(list.map((x) => x.value))));
  return set;
}

function reportRef(ctx: RuleContext, ref: Located<string>, kind: Kind, list: Located<string>[], suggest: boolean): void {
  const defined = namesOf(pool(ctx, kind));
  const listed = suggest ? listedIn(list) : undefined;
  // searched among all the names (indexed once), then a name the list already holds is dropped
  const near = listed
    ? bestOnly(
        ref.value,
        closest(ref.value, defined).filter((n) => !listed.has(n)),
      )
    : [];
  const fixes: Fix[] = near.map((n, i) => ({
    title: `Change to '${n}'`,
    safe: near.length === 1,
    preferred: i === 0,
    edits: [{ start: ref.span.start, end: ref.span.end, newText: n }],
  }));
  const hint = near.length
    ? `; did you mean '${near[0]}'?`
    : defined.length
      ? ` (defined: ${defined.slice(0, 6).join(', ')}${defined.length > 6 ? ', ...' : ''})`
      : ` (${SECTION[kind]} defines none)`;
  ctx.report({ span: ref.span, message: `'${ref.value}' is not a ${kind} defined under ${SECTION[kind]}${hint}`, fixes });
}

/** Only the candidates as close as the best one: 'controler2' suggests controller2, not controller1 too. */
function bestOnly(name: string, near: string[]): string[] {
  if (near.length < 2) return near;
  const d = (c: string) => editDistance(name.toLowerCase(), c.toLowerCase());
  const best = d(near[0]);
  return near.filter((c) => d(c) === best);
}
