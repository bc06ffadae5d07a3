/**
 * A deployment tool's model (model/deploy.ts) written as an HA manifest: what `openstack-ha convert`
 * prints, and what the manifest's topology rules check for a kolla-ansible or OpenStack-Ansible
 * deployment. Each element written keeps the place in the user's files that gave it (a source
 * map), so a finding on the written manifest goes back to the inventory line or the globals line.
 */
import type { Span } from '../../types';
import type { DeployModel, DeployService, NodeNumber, Place } from './model';
import { KNOWN_RELEASES } from '../../knowledge/options/catalog';

/** One written element and where it came from: the innermost element holding a finding's start decides. */
export interface Mapped {
  start: number;
  end: number;
  place: Place;
}

export interface WrittenManifest {
  text: string;
  map: Mapped[];
}

/** A YAML plain scalar when the name allows one and YAML reads it back as that string, else a quoted string. */
function scalar(s: string): string {
  const plain =
    /^[A-Za-z0-9_][A-Za-z0-9_.\-/:]*$/.test(s) &&
    !/^(true|false|yes|no|on|off|y|n|null|~)$/i.test(s) &&
    // a number (2025.1, 0x1F, 1e3, 12:30 in YAML 1.1) would be read back as one
    !/^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|0x[0-9a-fA-F]+|0o[0-7]+|\d+(:[0-5]?\d)+)$/.test(s);
  return plain ? s : JSON.stringify(s);
}

const list = (xs: readonly string[]) => `[${xs.map(scalar).join(', ')}]`;

/** `{ a: 1, b: 2 }`, or `{}` when there is nothing to say. */
const flow = (fields: string[]) => {
  const f = fields.filter(Boolean);
  return f.length ? `{ ${f.join(', ')} }` : '{}';
};

/** A field of a flow mapping and the place in the user's files that gave it (none: the line's own place speaks for it). */
interface Field {
  text: string;
  place?: Place;
}

/** A part of a written line that has its own place: `start`/`end` within the line. */
interface Sub {
  start: number;
  end: number;
  place: Place;
}

/** `{ a: 1, b: 2 }` of fields with places: the text and where each placed field sits in it. */
function flowPlaced(fields: Field[]): { text: string; subs: Sub[] } {
  const f = fields.filter((x) => x.text);
  if (!f.length) return { text: '{}', subs: [] };
  let text = '{ ';
  const subs: Sub[] = [];
  f.forEach((x, i) => {
    if (i) text += ', ';
    if (x.place) subs.push({ start: text.length, end: text.length + x.text.length, place: x.place });
    text += x.text;
  });
  return { text: text + ' }', subs };
}

/** `{ n1: 1, n2: 2 }` of node numbers, each with its place; undefined when one is outside [min, max] (the manifest's schema would refuse it). */
function nodeNumbers(xs: readonly NodeNumber[] | undefined, min: number, max: number): { text: string; subs: Sub[] } | undefined {
  if (!xs?.length || xs.some((x) => !Number.isInteger(x.value) || x.value < min || x.value > max)) return undefined;
  return flowPlaced(xs.map((x) => ({ text: `${scalar(x.node)}: ${x.value}`, place: x.place })));
}

/** The fields the failure simulator reads of a clustered Galera or RabbitMQ service (manifest.md "Fields"). */
function simulatorFields(s: DeployService): Field[] {
  const fields: Field[] = [];
  const weights = nodeNumbers(s.weights, 0, 255);
  if (weights) fields.push({ text: `weights: ${weights.text}` });
  if (s.version !== undefined) fields.push({ text: `version: ${JSON.stringify(s.version)}`, place: s.places?.version });
  if (s.partitionHandling) fields.push({ text: `partition_handling: ${s.partitionHandling}`, place: s.places?.partitionHandling });
  if (s.quorumQueues !== undefined) fields.push({ text: `quorum_queues: ${s.quorumQueues}`, place: s.places?.quorumQueues });
  return fields;
}

/** The keys of a section, padded so that their values line up (as a user writes a manifest). */
const keyed = (names: readonly string[]) => {
  const width = Math.max(0, ...names.map((n) => scalar(n).length + 1));
  return (name: string) => `${scalar(name)}:`.padEnd(width);
};

/** Whether the manifest's metadata.release accepts a tool's release (the option catalogue's releases). */
export function manifestKnowsRelease(release: string): boolean {
  return (KNOWN_RELEASES as readonly string[]).includes(release);
}

/** What the written manifest says of a node whose address the files do not give: the user fills it in. */
export const NO_ADDRESS = '# address: not in the files';

/**
 * The manifest: metadata, nodes, clusters, VIPs, services, in the tool's order, one blank line
 * between sections. `header`: comment lines above it (without their `# `).
 */
export function toManifest(model: DeployModel, header: string[] = []): WrittenManifest {
  let text = '';
  const map: Mapped[] = [];
  const line = (s: string, place?: Place, subs: readonly Sub[] = []) => {
    const start = text.length;
    text += s + '\n';
    if (place) map.push({ start, end: start + s.length, place });
    for (const x of subs) map.push({ start: start + x.start, end: start + x.end, place: x.place });
  };
  for (const h of header) line(h ? `# ${h}` : '#');
  line('apiVersion: openstack-ha/v1');
  line('kind: Deployment');
  line('metadata:');
  line(`  name: ${scalar(model.name)}`);
  // a release the manifest does not know (the tool's newer one) would be a schema error: left out, the header says it
  if (model.release && manifestKnowsRelease(model.release)) line(`  release: ${scalar(model.release)}`);
  if (model.nodes.length) {
    line('');
    line('nodes:');
    const key = keyed(model.nodes.map((n) => n.name));
    for (const n of model.nodes) {
      const fields = flow([
        n.address ? `address: ${scalar(n.address)}` : '',
        n.roles.length ? `roles: ${list(n.roles)}` : '',
        n.failureDomain ? `failure_domain: ${scalar(n.failureDomain)}` : '',
      ]);
      line(`  ${key(n.name)} ${fields}${n.address ? '' : ` ${NO_ADDRESS}`}`, n.place);
    }
  }
  if (model.clusters.length) {
    line('');
    line('clusters:');
    for (const c of model.clusters) {
      line(`  ${scalar(c.name)}:`, c.place);
      line(`    manager: ${c.manager}`, c.place);
      line(`    members: ${list(c.members)}`, c.place);
      // the tool's template fixes these: the group, whose order decides them, is their place
      const priorities = c.manager === 'keepalived' ? nodeNumbers(c.priorities, 1, 255) : undefined;
      if (priorities) line(`    priorities: ${priorities.text}`, c.place);
      if (c.manager === 'keepalived' && c.nopreempt !== undefined) line(`    nopreempt: ${c.nopreempt}`, c.place);
    }
  }
  if (model.vips.length) {
    line('');
    line('vips:');
    const key = keyed(model.vips.map((v) => v.name));
    for (const v of model.vips) {
      const fields = flow([
        `address: ${scalar(v.address)}`,
        v.cidr !== undefined ? `cidr: ${v.cidr}` : '',
        v.cluster ? `cluster: ${scalar(v.cluster)}` : '',
      ]);
      line(`  ${key(v.name)} ${fields}`, v.place);
    }
  }
  if (model.services.length) {
    line('');
    line('services:');
    const key = keyed(model.services.map((s) => s.name));
    for (const s of model.services) {
      const weights = nodeNumbers(s.weights, 0, 255);
      const fields = flowPlaced([
        { text: `on: ${typeof s.on === 'string' ? scalar(s.on) : list(s.on)}` },
        { text: s.mode ? `mode: ${s.mode}` : '' },
        { text: s.vip ? `vip: ${scalar(s.vip)}` : '' },
        { text: s.vips?.length ? `vips: ${list(s.vips)}` : '' },
        ...simulatorFields(s),
      ]);
      const prefix = `  ${key(s.name)} `;
      const subs = fields.subs.map((x) => ({ ...x, start: x.start + prefix.length, end: x.end + prefix.length }));
      // each weight's own place: inside the weights field's text
      if (weights) {
        const at = prefix.length + fields.text.indexOf(`weights: ${weights.text}`) + 'weights: '.length;
        subs.push(...weights.subs.map((x) => ({ ...x, start: x.start + at, end: x.end + at })));
      }
      line(prefix + fields.text, s.place, subs);
    }
  }
  return { text, map };
}

/** Where a range of the written manifest came from: the innermost written element holding its start. */
export function placeOf(w: WrittenManifest, span: Span): Place | undefined {
  let best: Mapped | undefined;
  for (const m of w.map) {
    if (span.start < m.start || span.start > m.end) continue;
    if (!best || m.end - m.start < best.end - best.start) best = m;
  }
  return best?.place;
}
