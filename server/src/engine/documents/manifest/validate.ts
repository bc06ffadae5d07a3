/**
 * Schema diagnostics: unknown keys, wrong types, missing required fields, values outside an enum
 * or not an address. Driven by schema.ts, so the editor, the CLI and the JSON Schema agree.
 */
import { Document, isMap, isScalar, isSeq, Node } from 'yaml';
import { Finding, Fix, Severity, Span } from '../../types';
import { closest } from '../../text/suggest';
import { isIP, isIPv4 } from '../../text/ip';
import { isExtensionKey, MANIFEST, MapSchema, Schema } from './schema';
import { deref, entries, entryOf, keyText, spanOf } from './yaml-ast';
import { replaceFix } from './edits';
import { perEntry } from './memo';
import { bodyStart, lineBreakOf, nextLineStart } from '../../text/line-breaks';
import { maskedValueOf } from '../../text/secrets';

interface Ctx {
  doc: Document;
  out: Finding[];
}

const push = (ctx: Ctx, rule: string, severity: Severity, message: string, span: Span, fixes: Fix[] = []) =>
  ctx.out.push({ rule, severity, message, span, fixes });

/** "cluster 'ctl'", "node 'controller1'", "metadata" ... */
function describe(where: string): string {
  return where || 'the manifest';
}

/** An empty (or comments-only) manifest: the one thing to say is what it needs, with a fix that writes it. */
export function emptyManifestFinding(text: string): Finding {
  const nl = lineBreakOf(text);
  // after a byte-order mark (before it the file no longer parses) and after a `---` document start
  const marker = /^---[ \t]*(?:#.*)?$/m.exec(text);
  const at = marker ? nextLineStart(text, marker.index) : bodyStart(text);
  const sep = at === text.length && at > 0 && !/[\r\n]$/.test(text) ? nl : '';
  return {
    rule: 'schema-missing-field',
    severity: 'error',
    span: { start: 0, end: 0 },
    message: 'the manifest is empty: it needs at least `apiVersion: openstack-ha/v1` and `kind: Deployment`',
    fixes: [
      {
        title: 'Insert the manifest header',
        safe: true,
        preferred: true,
        edits: [{ start: at, end: at, newText: `${sep}apiVersion: openstack-ha/v1${nl}kind: Deployment${nl}` }],
      },
    ],
  };
}

export function validateManifest(doc: Document, text: string): Finding[] {
  const ctx: Ctx = { doc, out: [] };
  const root = deref(doc, doc.contents);
  if (root === null || (isScalar(root) && root.value === null)) return [emptyManifestFinding(text)];
  if (!isMap(root)) {
    push(
      ctx,
      'schema-wrong-type',
      'error',
      `the manifest must be a mapping (apiVersion, kind, nodes, clusters, vips, services), not ${kindOf(root)}`,
      spanOf(root),
    );
    return ctx.out;
  }
  walkMap(ctx, root, MANIFEST, '', 'manifest');
  checkPrefixLengths(ctx, root);
  checkQuorumDeviceVotes(ctx, root);
  return ctx.out;
}

/** What a value is, for a message; a string under a key that names a credential (`password: ...` as a node) is ***. */
function kindOf(n: unknown, key = ''): string {
  if (isMap(n)) return 'a mapping';
  if (isSeq(n)) return 'a list';
  if (isScalar(n)) {
    const v = n.value;
    if (v === null) return 'empty';
    if (typeof v === 'boolean') return `the boolean ${v}`;
    if (typeof v === 'number') return `the number ${v}`;
    return `the string '${key ? maskedValueOf(key, String(v)) : String(v)}'`;
  }
  return 'this value';
}

const expected: Record<Schema['type'], string> = {
  string: 'a string',
  integer: 'a whole number',
  boolean: 'true or false',
  list: 'a list',
  map: 'a mapping',
  union: 'a value',
};

function describeExpected(s: Schema): string {
  if (s.type === 'union') return s.options.map(describeExpected).join(' or ');
  if (s.type === 'list' && s.items.type === 'string' && s.items.ref) return `a list of ${s.items.ref} names`;
  if (s.type === 'string' && s.ref) return `a ${s.ref} name`;
  return expected[s.type];
}

function matchesType(n: Node | null, s: Schema): boolean {
  switch (s.type) {
    case 'map':
      return isMap(n);
    case 'list':
      return isSeq(n);
    case 'union':
      return s.options.some((o) => matchesType(n, o));
    case 'boolean':
      return isScalar(n) && typeof n.value === 'boolean';
    case 'integer':
      return isScalar(n) && typeof n.value === 'number' && Number.isInteger(n.value);
    // numbers are accepted where a name is expected (rack 3, node 1)
    case 'string':
      return isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number');
  }
}

function walk(ctx: Ctx, n: Node | null, s: Schema, where: string, field: string, entity = false): void {
  if (n === null || (isScalar(n) && n.value === null)) {
    // `nodes:` with nothing under it yet: containers may be empty, scalars may not
    if (s.type !== 'map' && s.type !== 'list')
      push(ctx, 'schema-wrong-type', 'error', `'${field}' in ${describe(where)} is empty; expected ${describeExpected(s)}`, spanOf(n));
    return;
  }
  if (!matchesType(n, s)) {
    const hint =
      s.type === 'boolean' && isScalar(n) && typeof n.value === 'string' && /^(yes|no|on|off|y|n)$/i.test(n.value)
        ? ` (YAML 1.2 reads '${n.value}' as a string; write ${/^(yes|on|y)$/i.test(n.value) ? 'true' : 'false'})`
        : '';
    const fixes = hint
      ? [replaceFix(spanOf(n), /^(yes|on|y)$/i.test(String((n as { value: unknown }).value)) ? 'true' : 'false', true)]
      : [];
    push(
      ctx,
      'schema-wrong-type',
      'error',
      `'${field}' in ${describe(where)} must be ${describeExpected(s)}, not ${kindOf(n, field)}${hint}`,
      spanOf(n),
      fixes,
    );
    return;
  }
  switch (s.type) {
    case 'map':
      walkMap(ctx, n, s, entity ? where : where ? `${where}, ${field}` : field, field);
      return;
    case 'list':
      if (isSeq(n)) for (const it of n.items) walk(ctx, deref(ctx.doc, it), s.items, where, field);
      return;
    case 'union': {
      const o = s.options.find((opt) => matchesType(n, opt));
      if (o) walk(ctx, n, o, where, field);
      return;
    }
    case 'integer': {
      const v = (n as { value: number }).value;
      if ((s.minimum !== undefined && v < s.minimum) || (s.maximum !== undefined && v > s.maximum))
        push(
          ctx,
          'schema-invalid-value',
          'error',
          `'${field}' in ${describe(where)} is ${v}; it must be between ${s.minimum ?? '-∞'} and ${s.maximum ?? '∞'}`,
          spanOf(n),
        );
      return;
    }
    case 'string': {
      const v = String((n as { value: unknown }).value);
      if (s.enum && !s.enum.includes(v)) {
        const near = closest(v, s.enum);
        const fixes = near.map((c, i) => ({ ...replaceFix(spanOf(n), c, false), preferred: i === 0 }));
        push(
          ctx,
          'schema-invalid-value',
          'error',
          `'${v}' is not a valid ${field} in ${describe(where)}; expected ${s.enum.join(', ')}${near.length ? `. Did you mean '${near[0]}'?` : ''}`,
          spanOf(n),
          fixes,
        );
      } else if (s.format === 'ip' && !isIP(v)) {
        push(ctx, 'schema-invalid-value', 'error', `'${v}' in ${describe(where)} is not an IPv4 or IPv6 address`, spanOf(n));
      }
      return;
    }
  }
}

function walkMap(ctx: Ctx, n: Node, s: MapSchema, where: string, field: string): void {
  if (s.fields) {
    const items = entries(ctx.doc, n);
    const known = Object.keys(s.fields);
    let unused: readonly string[] | undefined; // the fields not written yet: once per map, not per unknown key
    for (const e of items) {
      const f = s.fields[e.key];
      if (!f) {
        if (isExtensionKey(e.key)) continue;
        if (!unused) {
          const present = new Set(items.map((i) => i.key));
          unused = Object.freeze(known.filter((k) => !present.has(k)));
        }
        const near = closest(e.key, unused);
        const fixes = near.map((c, i) => ({ ...replaceFix(e.keySpan, c, false), title: `Rename to '${c}'`, preferred: i === 0 }));
        push(
          ctx,
          'schema-unknown-key',
          'warning',
          `unknown key '${e.key}' in ${describe(where)}${near.length ? `; did you mean '${near[0]}'?` : `; expected one of ${known.join(', ')}`}`,
          e.keySpan,
          fixes,
        );
        continue;
      }
      if (e.value) owners.set(e.value, e.keySpan);
      walk(ctx, e.value, f, where, e.key);
    }
    for (const r of s.required ?? []) {
      if (!items.some((i) => i.key === r)) {
        const anchor =
          where && field !== 'manifest' ? keySpanOfOwner(n) : (items[0]?.keySpan ?? { start: spanOf(n).start, end: spanOf(n).start });
        push(ctx, 'schema-missing-field', 'error', `${describe(where)} has no '${r}'${requiredWhy(r)}`, anchor);
      }
    }
  }
  if (s.values) {
    const kind = s.keyKind === 'vip' ? 'VIP' : (s.keyKind ?? 'entry');
    const values = s.values;
    // an entity's findings depend on its own text only: kept while the editor's parser keeps its entry
    // (the pairs are read as they are: an Entry is made only for an entity worked out anew)
    for (const p of isMap(n) ? n.items : []) {
      if (keyText(p) === null) continue;
      const found = perEntry(p, `validate:${kind}`, () => {
        const e = entryOf(ctx.doc, p)!;
        const own: Ctx = { doc: ctx.doc, out: [] };
        // an entity is named by its key (node 'a'); a plain value (a node's priority) by the map it is in
        const entity = values.type === 'map';
        const inner = entity ? `${kind} '${e.key}'` : where;
        owners.set(e.value ?? e.keyNode, e.keySpan);
        if (!entity) walk(own, e.value, values, inner, e.key);
        else if (e.value === null || (isScalar(e.value) && e.value.value === null)) {
          if ((values.required?.length ?? 0) > 0)
            push(
              own,
              'schema-missing-field',
              'error',
              `${inner} is empty; it needs ${values.required!.map((r) => `'${r}'`).join(', ')}`,
              e.keySpan,
            );
        } else walk(own, e.value, values, inner, e.key, true);
        return own.out;
      });
      for (const f of found) ctx.out.push(f);
    }
  }
}

// Missing-field findings point at the key that owns the mapping (the node's name), not the whole block.
const owners = new WeakMap<object, Span>();
function keySpanOfOwner(n: Node): Span {
  return owners.get(n) ?? spanOf(n); // a list item has no key: the item itself
}

function requiredWhy(field: string): string {
  switch (field) {
    case 'address':
      return ': every node and VIP needs its IP address';
    case 'members':
      return ': a cluster without members has no quorum to reason about';
    case 'apiVersion':
      return ': add `apiVersion: openstack-ha/v1`';
    case 'kind':
      return ': add `kind: Deployment`';
    default:
      return '';
  }
}

/** A prefix length only makes sense for its address family: /33 is fine for IPv6, not for IPv4. */
function checkPrefixLengths(ctx: Ctx, root: Node): void {
  const vips = entries(ctx.doc, root).find((e) => e.key === 'vips')?.value;
  for (const v of entries(ctx.doc, vips)) {
    const address = entries(ctx.doc, v.value).find((e) => e.key === 'address')?.value;
    const cidr = entries(ctx.doc, v.value).find((e) => e.key === 'cidr')?.value;
    if (!isScalar(address) || !isScalar(cidr) || typeof cidr.value !== 'number' || !isIPv4(String(address.value))) continue;
    if (cidr.value > 32)
      push(ctx, 'schema-invalid-value', 'error', `'cidr' in VIP '${v.key}' is ${cidr.value}; an IPv4 prefix is at most 32`, spanOf(cidr));
  }
}

/** corosync-qdevice gives an ffsplit device exactly one vote; any other count is refused. */
function checkQuorumDeviceVotes(ctx: Ctx, root: Node): void {
  const clusters = entries(ctx.doc, root).find((e) => e.key === 'clusters')?.value;
  for (const c of entries(ctx.doc, clusters)) {
    const device = entries(ctx.doc, c.value).find((e) => e.key === 'quorum_device')?.value;
    if (!isMap(device)) continue;
    const fields = entries(ctx.doc, device);
    const algorithm = fields.find((e) => e.key === 'algorithm')?.value;
    const votes = fields.find((e) => e.key === 'votes')?.value;
    if (isScalar(algorithm) && algorithm.value !== 'ffsplit' && algorithm.value !== null) continue; // lms, or a bad value the schema reports
    if (!isScalar(votes) || !Number.isInteger(votes.value) || (votes.value as number) <= 1) continue; // below 1: the range check's
    push(
      ctx,
      'schema-invalid-value',
      'error',
      `'votes' in cluster '${c.key}', quorum_device is ${votes.value}; with algorithm ffsplit the device has exactly 1 vote (lms takes more)`,
      spanOf(votes),
    );
  }
}
