/** The manifest fields `openstack-ha simulate` reads (issue 13): their schema check, references and vote counting. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, withHeader } from '../support/fixture';
import { FOUR_NODES, THREE_NODES } from '../support/topologies';
import { parseManifestText } from '../../server/src/engine/documents/manifest/parse';
import { buildManifest } from '../../server/src/engine/documents/manifest/model';
import { clusterVotes, quorumDeviceVotes } from '../../server/src/engine/documents/manifest/queries';
import { manifestJsonSchema } from '../../server/src/engine/documents/manifest/json-schema';

const schema = ['schema-unknown-key', 'schema-wrong-type', 'schema-missing-field', 'schema-invalid-value'];

const manifestOf = (body: string) => buildManifest(parseManifestText(withHeader(body)).doc!);

test('every new field is accepted without a finding', () =>
  check(
    THREE_NODES +
      `
  clusters:
    ctl:
      members: [a, b, c]
      quorum_device: { host: 10.0.0.9, algorithm: lms, votes: 2 }
      corosync: { expected_votes: 5, last_man_standing: true, auto_tie_breaker: true, auto_tie_breaker_node: [c, a] }
      fencing:
        - { name: ipmi-a, targets: [a], node: a }
        - { name: pdu-1, targets: [b, c], failure_domain: rack-1 }
    lb:
      manager: keepalived
      members: [a, b]
      priorities: { a: 150, b: 100 }
      nopreempt: true
    other: { members: [a, b, c], corosync: { auto_tie_breaker_node: highest } }
  services:
    galera: { on: ctl, mode: clustered, weights: { a: 2, b: 1, c: 0 }, ignore_split_brain: false }
    rabbitmq: { on: ctl, mode: clustered, version: "3.13", partition_handling: pause_minority, queue_replicas: 5, quorum_queues: true }
  `,
    { rules: [...schema, 'unknown-reference'] },
  ));

test('values out of range, bad enums and wrong shapes are schema findings', () =>
  check(
    THREE_NODES +
      `
  clusters:
    ctl:
      members: [a, b, c]
      quorum_device: { host: q, algorithm: lsm, votes: 0 }
  #                                        ^^^ error schema-invalid-value: 'lsm' is not a valid algorithm in cluster 'ctl', quorum_device; expected ffsplit, lms. Did you mean 'lms'?
  #                                                    ^ error schema-invalid-value: 'votes' in cluster 'ctl', quorum_device is 0; it must be between 1 and ∞
      corosync: { expected_votes: 0, auto_tie_breaker_node: middle }
  #                               ^ error schema-invalid-value: 'expected_votes' in cluster 'ctl', corosync is 0; it must be between 1 and ∞
  #                                                         ^^^^^^ error schema-invalid-value: 'middle' is not a valid auto_tie_breaker_node in cluster 'ctl', corosync; expected lowest, highest
      fencing:
        - { targets: [a] }
  #       ^^^^^^^^^^^^^^^^ error schema-missing-field: cluster 'ctl', fencing has no 'name'
    lb: { manager: keepalived, members: [a, b], priorities: { a: 256, b: high } }
  #                                                              ^^^ error schema-invalid-value: 'a' in cluster 'lb', priorities is 256; it must be between 1 and 255
  #                                                                      ^^^^ error schema-wrong-type: 'b' in cluster 'lb', priorities must be a whole number, not the string 'high'
  services:
    galera: { on: ctl, mode: clustered, weights: { a: 300 } }
  #                                                   ^^^ error schema-invalid-value: 'a' in service 'galera', weights is 300; it must be between 0 and 255
    rabbitmq: { on: ctl, partition_handling: pause-minority, queue_replicas: 0 }
  #                                          ^^^^^^^^^^^^^^ error schema-invalid-value: 'pause-minority' is not a valid partition_handling in service 'rabbitmq'; expected ignore, pause_minority, autoheal. Did you mean 'pause_minority'?
  #                                                                          ^ error schema-invalid-value: 'queue_replicas' in service 'rabbitmq' is 0; it must be between 1 and ∞
  `,
    { rules: schema },
  ));

test('an ffsplit device has exactly one vote; lms may have more', () =>
  check(
    THREE_NODES +
      `
  clusters:
    ctl: { members: [a, b, c], quorum_device: { host: q, votes: 2 } }
  #                                                             ^ error schema-invalid-value: 'votes' in cluster 'ctl', quorum_device is 2; with algorithm ffsplit the device has exactly 1 vote (lms takes more)
    ctl2: { members: [a, b, c], quorum_device: { host: q, algorithm: ffsplit, votes: 1 } }
    ctl3: { members: [a, b, c], quorum_device: { host: q, algorithm: lms, votes: 2 } }
  `,
    { rules: schema },
  ));

test('a quorum device written as a map needs its host', () =>
  check(
    THREE_NODES +
      `
  clusters:
    ctl: { members: [a, b, c], quorum_device: { algorithm: lms } }
  #                            ^^^^^^^^^^^^^ error schema-missing-field: cluster 'ctl', quorum_device has no 'host'
  `,
    { rules: schema },
  ));

test('unknown node names in fencing, priorities, the tie-breaker and weights are unknown references', () =>
  check(
    THREE_NODES +
      `
  clusters:
    ctl:
      members: [a, b, c]
      corosync: { auto_tie_breaker_node: [cc] }
  #                                       ^^ error unknown-reference: 'cc' is not a node defined under nodes; did you mean 'c'?
      fencing: [{ name: f1, targets: [a, bb], node: bmc9 }]
  #                                      ^^ error unknown-reference: 'bb' is not a node defined under nodes; did you mean 'b'?
  #                                                 ^^^^ error unknown-reference: 'bmc9' is not a node defined under nodes (defined: a, b, c)
    lb: { manager: keepalived, members: [a, b], priorities: { a: 150, lb9: 100 } }
  #                                                                   ^^^ error unknown-reference: 'lb9' is not a node defined under nodes (defined: a, b, c)
  services:
    galera: { on: ctl, mode: clustered, weights: { aa: 2 } }
  #                                                ^^ error unknown-reference: 'aa' is not a node defined under nodes; did you mean 'a'?
  `,
    { rules: ['unknown-reference'] },
  ));

test('clusterVotes: ffsplit adds 1, lms the members minus 1 unless votes says otherwise', () => {
  const m = manifestOf(
    FOUR_NODES +
      `
  clusters:
    plain: { members: [a, b, c, d] }
    text: { members: [a, b, c, d], quorum_device: qnetd.example.org }
    ffsplit: { members: [a, b, c, d], quorum_device: { host: q, algorithm: ffsplit } }
    lms: { members: [a, b, c, d], quorum_device: { host: q, algorithm: lms } }
    lms2: { members: [a, b], quorum_device: { host: q, algorithm: lms, votes: 3 } }
  `,
  );
  const votes = Object.fromEntries([...m.clusters.values()].map((c) => [c.name, [quorumDeviceVotes(c), clusterVotes(c)]]));
  assert.deepEqual(votes, { plain: [0, 4], text: [1, 5], ffsplit: [1, 5], lms: [3, 7], lms2: [3, 5] });
  assert.deepEqual(m.clusters.get('text')!.quorumDevice!.host!.value, 'qnetd.example.org');
});

test('cluster-even-node-count counts an lms device: four members and three device votes make seven', () =>
  check(
    FOUR_NODES +
      `
  clusters:
    ctl: { members: [a, b, c, d], quorum_device: { host: q, algorithm: lms } }
    two: { members: [a, b], quorum_device: { host: q, algorithm: lms, votes: 2 } }
  #                 ^^^^^^ warning cluster-even-node-count: cluster 'two' has 4 votes; a 2:2 split leaves no side with the 3 needed for quorum
  `,
    { rules: ['cluster-even-node-count'] },
  ));

test('the JSON Schema takes both shapes of quorum_device and both of auto_tie_breaker_node', () => {
  const s = manifestJsonSchema() as { properties: Record<string, { additionalProperties: { properties: Record<string, unknown> } }> };
  const cluster = s.properties.clusters.additionalProperties.properties as Record<string, { oneOf?: { type?: unknown }[] }>;
  assert.deepEqual(
    cluster.quorum_device.oneOf!.map((o) => o.type),
    ['string', 'object'],
  );
  const corosync = cluster.corosync as unknown as { properties: Record<string, { oneOf: { type: string }[] }> };
  assert.deepEqual(
    corosync.properties.auto_tie_breaker_node.oneOf.map((o) => o.type),
    ['string', 'array'],
  );
});
