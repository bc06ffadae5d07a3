/**
 * A deployment tool's model (model/deploy.ts) written as an HA manifest: what `openstack-ha convert`
 * prints, and what the manifest's topology rules check for a kolla-ansible or OpenStack-Ansible
 * deployment. Each element written keeps the place in the user's files that gave it (a source
 * map), so a finding on the written manifest goes back to the inventory line or the globals line.
 */
import type { Span } from '../../types';
import type { DeployModel, Place } from '../../model/deploy';

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

/** A YAML plain scalar when the name allows one, else a quoted string. */
function scalar(s: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_.\-/:]*$/.test(s) && !/^(true|false|yes|no|on|off|null|~)$/i.test(s) ? s : JSON.stringify(s);
}

const list = (xs: readonly string[]) => `[${xs.map(scalar).join(', ')}]`;

export function toManifest(model: DeployModel, header: string[] = []): WrittenManifest {
  let text = '';
  const map: Mapped[] = [];
  const line = (s: string, place?: Place) => {
    const start = text.length;
    text += s + '\n';
    if (place) map.push({ start, end: start + s.length, place });
  };
  for (const h of header) line(`# ${h}`);
  line('apiVersion: openstack-ha/v1');
  line('kind: Deployment');
  line('metadata:');
  line(`  name: ${scalar(model.name)}`);
  if (model.release) line(`  release: ${scalar(model.release)}`);
  if (model.nodes.length) {
    line('nodes:');
    for (const n of model.nodes) {
      const fields = [
        n.address ? `address: ${scalar(n.address)}` : '',
        n.roles.length ? `roles: ${list(n.roles)}` : '',
        n.failureDomain ? `failure_domain: ${scalar(n.failureDomain)}` : '',
      ].filter(Boolean);
      line(`  ${scalar(n.name)}: { ${fields.join(', ')} }${n.address ? '' : ' # address: not in the files'}`, n.place);
    }
  }
  if (model.clusters.length) {
    line('clusters:');
    for (const c of model.clusters) {
      line(`  ${scalar(c.name)}:`, c.place);
      line(`    manager: ${c.manager}`, c.place);
      line(`    members: ${list(c.members)}`, c.place);
    }
  }
  if (model.vips.length) {
    line('vips:');
    for (const v of model.vips) {
      const fields = [
        `address: ${scalar(v.address)}`,
        v.cidr !== undefined ? `cidr: ${v.cidr}` : '',
        v.cluster ? `cluster: ${scalar(v.cluster)}` : '',
      ];
      line(`  ${scalar(v.name)}: { ${fields.filter(Boolean).join(', ')} }`, v.place);
    }
  }
  if (model.services.length) {
    line('services:');
    for (const s of model.services) {
      const fields = [
        `on: ${typeof s.on === 'string' ? scalar(s.on) : list(s.on)}`,
        s.mode ? `mode: ${s.mode}` : '',
        s.vip ? `vip: ${scalar(s.vip)}` : '',
        s.vips?.length ? `vips: ${list(s.vips)}` : '',
      ];
      line(`  ${scalar(s.name)}: { ${fields.filter(Boolean).join(', ')} }`, s.place);
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
