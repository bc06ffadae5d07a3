/** CIB XML (cib.xml, `pcs cluster cib` output) -> the Pacemaker model, with positions. A small XML reader, enough for CIBs. */
import { emptyModel, joinGroups, PmModel, PmResource } from './model';
import { El, readXml } from '../../text/xml';

const all = (e: El, name: string): El[] => [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => all(c, name))];
const attr = (e: El, n: string) => e.attrs.get(n)?.value;

export function parseCib(text: string): PmModel {
  const m = emptyModel('cib');
  const doc = readXml(text, m.problems);
  for (const cfg of all(doc, 'crm_config'))
    for (const nv of all(cfg, 'nvpair')) {
      const name = nv.attrs.get('name'),
        value = nv.attrs.get('value');
      if (name?.value && value) m.properties.set(name.value, { ...value, nameSpan: name.span });
    }
  const nodes = all(doc, 'nodes')[0];
  if (nodes) {
    const members = nodes.children.filter((n) => n.name === 'node' && attr(n, 'type') !== 'remote');
    m.nodes = members.length;
    m.nodeNames = members.flatMap((n) => {
      const name = attr(n, 'uname') ?? attr(n, 'id');
      return name ? [name] : [];
    });
  }
  const resources = all(doc, 'resources')[0];
  if (resources) m.anchor = { start: resources.start + 1, end: resources.start + 10 };
  for (const p of all(doc, 'primitive')) {
    const cls = attr(p, 'class') ?? '',
      prov = attr(p, 'provider'),
      type = attr(p, 'type') ?? '';
    let cloneId: string | undefined;
    for (let up = p.parent; up; up = up.parent)
      if (['clone', 'master', 'bundle'].includes(up.name)) {
        cloneId = attr(up, 'id');
        break;
      }
    const group = p.parent?.name === 'group' ? attr(p.parent, 'id') : undefined;
    if (group) m.groups.set(group, [...(m.groups.get(group) ?? []), attr(p, 'id') ?? '?']);
    const r: PmResource = {
      id: attr(p, 'id') ?? '?',
      idSpan: p.attrs.get('id')?.span ?? { start: p.start, end: p.end },
      agent: [cls, prov, type].filter(Boolean).join(':'),
      params: new Map(),
      ops: [],
      cloneId,
      span: { start: p.start, end: p.end },
    };
    for (const ia of p.children.filter((c) => c.name === 'instance_attributes'))
      for (const nv of ia.children) {
        const n = attr(nv, 'name'),
          v = nv.attrs.get('value');
        if (n && v) r.params.set(n, v);
      }
    for (const op of all(p, 'op'))
      r.ops.push({ name: attr(op, 'name') ?? '', interval: attr(op, 'interval'), span: { start: op.start, end: op.end } });
    if (cloneId) m.clones.set(cloneId, r.id);
    m.resources.push(r);
  }
  joinGroups(m);
  // a clone of a group: constraints name the clone, the group stands for its members
  for (const c of all(doc, 'clone')) {
    const g = c.children.find((x) => x.name === 'group');
    const id = attr(c, 'id');
    if (g && id) m.clones.set(id, attr(g, 'id') ?? '?');
  }
  checkReferences(doc, m.problems);
  for (const c of all(doc, 'rsc_colocation')) {
    const a = attr(c, 'rsc'),
      b = attr(c, 'with-rsc');
    if (a && b) m.colocations.push({ a, b });
  }
  for (const o of all(doc, 'rsc_order')) {
    const a = attr(o, 'first'),
      b = attr(o, 'then');
    if (a && b) m.orders.push({ first: a, then: b });
  }
  return m;
}

/** Attributes Pacemaker's schema requires, for the elements a hand-edited CIB most often gets wrong. */
const REQUIRED: Record<string, string[]> = {
  primitive: ['id', 'class', 'type'],
  op: ['id', 'name', 'interval'],
  nvpair: ['id', 'name'],
  clone: ['id'],
  group: ['id'],
  rsc_colocation: ['id', 'rsc', 'with-rsc'],
  rsc_order: ['id', 'first', 'then'],
  rsc_location: ['id', 'rsc'],
};
/** Elements whose id is text in Pacemaker's schema (nodes-*.rng, acls-*.rng), outside the document's ID space. */
const TEXT_IDS = new Set(['node', 'acl_target']);
/** What crm_verify rejects before it schedules anything: missing attributes, ids used twice, references to no id. */
function checkReferences(doc: El, problems: PmModel['problems']): void {
  const broken = problems.length > 0;
  const config = all(doc, 'configuration')[0];
  if (!config) return;
  const ids = new Map<string, El>();
  const tag = (e: El) => ({ start: e.start + 1, end: e.start + 1 + e.name.length });
  const walk = (e: El) => {
    const missing = (REQUIRED[e.name] ?? []).filter((a) => !e.attrs.has(a));
    if (missing.length)
      problems.push({
        message: `<${e.name}> has no ${missing.join(', ')} attribute${missing.length > 1 ? 's' : ''}: Pacemaker's schema requires ${missing.length > 1 ? 'them' : 'it'}`,
        span: tag(e),
      });
    // node and acl_target ids are plain text in Pacemaker's schema, not XML IDs: a pacemaker_remote
    // node's <node> shares its id with the resource that runs it, by design
    const id = TEXT_IDS.has(e.name) ? undefined : e.attrs.get('id');
    if (id && ids.has(id.value))
      problems.push({
        message: `id '${id.value}' is already used by a <${ids.get(id.value)!.name}>: ids must be unique in the CIB`,
        span: id.span,
      });
    else if (id) ids.set(id.value, e);
    e.children.forEach(walk);
  };
  walk(config);
  // the sections Pacemaker's schema requires of every configuration, empty or not
  const missingSections = ['crm_config', 'nodes', 'resources', 'constraints'].filter((n) => !config.children.some((c) => c.name === n));
  // in a document that is not well-formed, what seems missing is usually only misplaced: the XML problem is the finding
  if (missingSections.length && !broken)
    problems.push({
      message: `<configuration> has no ${missingSections.map((n) => `<${n}>`).join(', ')}: Pacemaker's schema requires crm_config, nodes, resources and constraints (empty ones will do), and crm_verify refuses the CIB`,
      span: tag(config),
    });
  for (const e of all(config, 'constraints').flatMap((c) => c.children)) {
    for (const a of ['rsc', 'with-rsc', 'first', 'then']) {
      const ref = e.attrs.get(a);
      if (!ref) continue;
      const target = ids.get(ref.value);
      if (!target) {
        problems.push({ message: `${a}="${ref.value}" names nothing in this CIB: no element has that id`, span: ref.span });
        continue;
      }
      // a clone's or bundle's members are placed by it: constraints must name the clone
      let holder: El | null = target.parent;
      while (holder && !['clone', 'master', 'bundle'].includes(holder.name)) holder = holder.parent;
      if (holder && target.name !== 'clone' && target.name !== 'master' && target.name !== 'bundle') {
        problems.push({
          message: `${a}="${ref.value}" names a resource inside ${holder.name} '${attr(holder, 'id') ?? '?'}': constraints must name the ${holder.name}, and Pacemaker ignores this one (crm_verify: not a valid resource)`,
          span: ref.span,
        });
      }
    }
  }
}
