/**
 * Which RabbitMQ each kolla-ansible release runs, and from which version RabbitMQ ignores the
 * partition-handling settings. What the sources show, nothing more:
 *
 * - kolla (the image builder) pins the RabbitMQ series of its `rabbitmq` image per branch, in
 *   `docker/rabbitmq/**` (`apt_preferences_rabbitmq.{debian,ubuntu}` "Pin: version X.Y.*" and the rpm
 *   package list `rabbitmq-server-X.Y.*`; on master the folder moved to `kolla/docker/rabbitmq/`):
 *   unmaintained/2024.1 @6199b5b64c92: 3.13 (commit a0e22caa8 "Bump rabbitmq to 3.13");
 *   stable/2025.1 @d1c4dd49b92e: 4.0 (commit 74843405d "rabbitmq: Bump to 4.0");
 *   stable/2025.2 @bb4a30cc2880: 4.1 (commit c9b665fa8 "rabbitmq: Update to 4.1");
 *   stable/2026.1 @764d23ae8cca: 4.2 (commit 1b14eb8df "rabbitmq: Update to 4.2");
 *   master @5d77668da816 (2026-07-23, what becomes the release after 2026.1): 4.3 (commit 78a06e4e9
 *   "rabbitmq: Update to 4.3", merged 2026-07-22).
 * - 2024.1 and 2025.1 also build a second image, `rabbitmq-4-1` (RabbitMQ 4.1), beside the default
 *   one (kolla commits 23a40140e / af9f7cf13 "Build RabbitMQ 4.1 in stable releases", folder
 *   `docker/rabbitmq/rabbitmq-4-1/`). kolla-ansible stable/2025.1 `doc/source/reference/message-queues/rabbitmq.rst`
 *   ("RabbitMQ Versions") gives the same table (2025.1: 4.0, extra 4.1; 2024.1/2024.2: 3.13, extra
 *   4.1) and has the user choose the extra image by overriding `rabbitmq_image` in globals.yml with a
 *   name ending in `/rabbitmq-4-1`. 2024.2 is that table's word only: its branch is not in our sources.
 * - kolla-ansible has no RabbitMQ version variable: the version is the image's. `roles/rabbitmq/defaults/main.yml`
 *   (every branch above) composes `rabbitmq_image_full: "{{ rabbitmq_image }}:{{ rabbitmq_tag }}"`,
 *   `rabbitmq_tag: "{{ openstack_tag }}"`, and `openstack_tag` starts with `openstack_release`
 *   (`ansible/group_vars/all/common.yml`), so a kolla tag names the release whose image it is. Its
 *   `rabbitmq-version-check` task only compares the running and the new image's `rabbitmqctl --version`.
 * - kolla-ansible renders `cluster_partition_handling = {{ rabbitmq_cluster_partition_handling }}`
 *   (`roles/rabbitmq/templates/rabbitmq.conf.j2` line 9, default `pause_minority`) on every branch,
 *   master @1a681814eb19 included.
 * - RabbitMQ: from 4.3.0 Mnesia is removed, Khepri (Raft) is the only metadata store, and the
 *   partition handling strategies are removed; `cluster_partition_handling` and its
 *   `pause_if_all_down.*` keys are still accepted in rabbitmq.conf but change nothing
 *   (rabbitmq/rabbitmq-website `docs/partitions.md` @23ca7cfddfaf, "Deprecated rabbitmq.conf Keys").
 *   Khepri is the default metadata store from 4.2 (kolla-ansible release note for LP#2150536,
 *   `releasenotes/notes/bug-2150536-66c7d07d2b9cdf81.yaml`); whether 4.2 still honours the setting
 *   we do not know, so nothing here claims it.
 */

/** A RabbitMQ release series, `major.minor`. */
export interface RabbitSeries {
  major: number;
  minor: number;
}

/** The series of the `rabbitmq` image each kolla release builds (the key is `openstack_release`; master is the next release in development). */
export const KOLLA_RABBITMQ_SERIES: Record<string, { series: RabbitSeries; source: string }> = {
  '2024.1': { series: { major: 3, minor: 13 }, source: 'openstack/kolla unmaintained/2024.1 docker/rabbitmq/rabbitmq/' },
  '2024.2': {
    series: { major: 3, minor: 13 },
    source: 'openstack/kolla-ansible stable/2025.1 doc/source/reference/message-queues/rabbitmq.rst',
  },
  '2025.1': { series: { major: 4, minor: 0 }, source: 'openstack/kolla stable/2025.1 docker/rabbitmq/rabbitmq/' },
  '2025.2': { series: { major: 4, minor: 1 }, source: 'openstack/kolla stable/2025.2 docker/rabbitmq/' },
  '2026.1': { series: { major: 4, minor: 2 }, source: 'openstack/kolla stable/2026.1 docker/rabbitmq/' },
  master: { series: { major: 4, minor: 3 }, source: 'openstack/kolla master kolla/docker/rabbitmq/ (commit 78a06e4e9)' },
};

/** The extra images some releases build beside `rabbitmq`, named `rabbitmq-<major>-<minor>`: 2024.1, 2024.2 and 2025.1 build `rabbitmq-4-1`. */
export const KOLLA_RABBITMQ_EXTRA_IMAGE = /(?:^|\/|\}\})rabbitmq-(\d+)-(\d+)$/;

/** From this RabbitMQ series on, `cluster_partition_handling` (and `pause_if_all_down.*`) is accepted but does nothing. */
export const PARTITION_HANDLING_NOOP_SINCE: RabbitSeries = { major: 4, minor: 3 };

export function seriesAtLeast(s: RabbitSeries, min: RabbitSeries): boolean {
  return s.major > min.major || (s.major === min.major && s.minor >= min.minor);
}

export function seriesText(s: RabbitSeries): string {
  return `${s.major}.${s.minor}`;
}

/** From this RabbitMQ series on, a new cluster's metadata store is Khepri by default; before it, Mnesia (failure-math.md section 4). */
export const KHEPRI_DEFAULT_SINCE: RabbitSeries = { major: 4, minor: 2 };

/** `"4.0"` read back as a series; undefined when it is not major.minor. */
export function parseSeries(s: string): RabbitSeries | undefined {
  const m = /^\s*(\d+)\.(\d+)\s*$/.exec(s);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}
