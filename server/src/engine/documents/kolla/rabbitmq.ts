/**
 * The RabbitMQ series a kolla-ansible deployment runs, read from its image settings over the
 * release's default image (knowledge/kolla/rabbitmq.ts says which series each image is). The
 * deployment model, the simulator and the rules read it from here.
 */
import type { KollaDeployment } from './deployment';
import { KOLLA_RABBITMQ_EXTRA_IMAGE, KOLLA_RABBITMQ_SERIES, RabbitSeries } from '../../knowledge/kolla/rabbitmq';

export interface Deployed {
  series: RabbitSeries;
  /** Where the series comes from, for the message. */
  from: string;
  /** The user's variable that decides it (the image, the tag, openstack_release); none when it is kolla's default image of the newest release. */
  setting?: string;
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
      setting: where,
    };
  // kolla's own image: its name ends in `rabbitmq`, behind a registry, a namespace or a template
  const kollas = name === undefined || /(?:^|\/|\}\})rabbitmq$/.test(name);
  if (tag !== undefined) {
    const version = /^v?(\d)\.(\d+)(?:[.-]|$)/.exec(tag);
    if (version)
      return { series: { major: Number(version[1]), minor: Number(version[2]) }, from: `${where} has the tag ${tag}`, setting: where };
    const release = /^(master|\d{4}\.\d)(?:-|$)/.exec(tag);
    if (!kollas || !release) return undefined;
    const known = KOLLA_RABBITMQ_SERIES[release[1]];
    return known && { series: known.series, from: `${where} has the tag ${tag}, kolla's ${release[1]} image`, setting: where };
  }
  if (!kollas) return undefined;
  const raw = d.setting('openstack_release')?.raw;
  const release = raw === 'master' ? 'master' : d.release;
  const known = KOLLA_RABBITMQ_SERIES[release];
  return (
    known && {
      series: known.series,
      from: `kolla-ansible ${release}'s image`,
      ...(raw !== undefined ? { setting: 'openstack_release' } : {}),
    }
  );
}
