import { defineRule } from './rule';
import type { KollaDeployment } from '../documents/kolla/deployment';
import {
  KOLLA_RABBITMQ_EXTRA_IMAGE,
  KOLLA_RABBITMQ_SERIES,
  PARTITION_HANDLING_NOOP_SINCE,
  RabbitSeries,
  seriesAtLeast,
  seriesText,
} from '../knowledge/kolla/rabbitmq';
import { lineStartAt, nextLineStart } from '../text/line-breaks';

const VAR = 'rabbitmq_cluster_partition_handling';

export const rule = defineRule({
  meta: {
    id: 'kolla-rabbitmq-partition-handling',
    severity: 'warning',
    fixable: true,
    topic: 'rabbitmq',
    title: 'rabbitmq_cluster_partition_handling set for a RabbitMQ that ignores it (4.3 or newer)',
    why: 'RabbitMQ 4.3 removed partition handling: its metadata store and its queues are all Raft clusters, so in a split the side with a majority of nodes carries on and the other side stops taking writes until it rejoins, whatever the setting says. An operator who chose autoheal or ignore expects a behaviour the cluster no longer has.',
  },
  on: {
    kolla(ctx) {
      const d = ctx.deployment;
      const rabbit = deployedSeries(d);
      if (!rabbit || !seriesAtLeast(rabbit.series, PARTITION_HANDLING_NOOP_SINCE)) return;
      const version = seriesText(rabbit.series);
      for (const g of d.globals) {
        const v = g.vars.get(VAR);
        if (!v) continue;
        const value = typeof v.raw === 'string' ? v.raw.trim() : undefined;
        // pause_minority asks for what Raft does anyway: the line is only dead; any other strategy is a behaviour the user will not get
        const asked = value === 'pause_minority' ? 'the minority side stops, as pause_minority asked' : 'the minority side stops';
        const start = lineStartAt(g.text, v.keySpan.start);
        const end = nextLineStart(g.text, v.valueSpan.end);
        ctx.report({
          file: g.file,
          span: v.keySpan,
          severity: value === 'pause_minority' ? 'info' : 'warning',
          message: `${VAR} does nothing on RabbitMQ ${version} (${rabbit.from}): partition handling is gone, the Raft majority (Khepri, quorum queues) decides and ${asked}`,
          fixes: [{ title: `Remove ${VAR}`, safe: true, edits: [{ start, end, newText: '' }] }],
        });
      }
    },
  },
});

interface Deployed {
  series: RabbitSeries;
  /** Where the series comes from, for the message. */
  from: string;
}

/**
 * The RabbitMQ series the deployment runs, when its files say: the user's image (`rabbitmq_image_full`,
 * else `rabbitmq_image` and `rabbitmq_tag`/`openstack_tag`) when it names a version, else the default
 * image of the release. Undefined when it cannot be known: an image of the user's whose name and tag
 * say no version, a template the product cannot evaluate.
 */
export function deployedSeries(d: KollaDeployment): Deployed | undefined {
  const full = d.setting('rabbitmq_image_full');
  if (full) {
    if (typeof full.raw !== 'string') return undefined;
    const text = full.raw.trim();
    const colon = text.lastIndexOf(':');
    const tagged = colon > text.lastIndexOf('/') && colon > text.lastIndexOf('}}');
    const tag = tagged ? text.slice(colon + 1) : undefined;
    if (tag?.includes('{{')) return undefined;
    return fromImage(d, tagged ? text.slice(0, colon) : text, tag, 'rabbitmq_image_full');
  }
  const image = d.setting('rabbitmq_image');
  if (image && typeof image.raw !== 'string') return undefined;
  const tagVar = d.setting('rabbitmq_tag') ? 'rabbitmq_tag' : d.setting('openstack_tag') ? 'openstack_tag' : undefined;
  let tag: string | undefined;
  if (tagVar) {
    const v = d.value(tagVar);
    if (!v.known) return undefined;
    tag = String(v.value);
  }
  return fromImage(d, image ? String(image.raw).trim() : undefined, tag, image ? 'rabbitmq_image' : tagVar);
}

/** `name` and `tag` as the user wrote them (undefined: kolla's own). */
function fromImage(d: KollaDeployment, name: string | undefined, tag: string | undefined, where: string | undefined): Deployed | undefined {
  const extra = name !== undefined ? KOLLA_RABBITMQ_EXTRA_IMAGE.exec(name) : null;
  if (extra)
    return {
      series: { major: Number(extra[1]), minor: Number(extra[2]) },
      from: `${where} names the image rabbitmq-${extra[1]}-${extra[2]}`,
    };
  // kolla's own image: its name ends in `rabbitmq`, behind a registry, a namespace or a template
  const kollas = name === undefined || /(?:^|\/|\}\})rabbitmq$/.test(name);
  if (tag !== undefined) {
    const version = /^v?(\d)\.(\d+)(?:[.-]|$)/.exec(tag);
    if (version) return { series: { major: Number(version[1]), minor: Number(version[2]) }, from: `${where} has the tag ${tag}` };
    const release = /^(master|\d{4}\.\d)(?:-|$)/.exec(tag);
    if (!kollas || !release) return undefined;
    const known = KOLLA_RABBITMQ_SERIES[release[1]];
    return known && { series: known.series, from: `${where} has the tag ${tag}, kolla's ${release[1]} image` };
  }
  if (!kollas) return undefined;
  const raw = d.setting('openstack_release')?.raw;
  const release = raw === 'master' ? 'master' : d.release;
  const known = KOLLA_RABBITMQ_SERIES[release];
  return known && { series: known.series, from: `kolla-ansible ${release}'s image` };
}
