/**
 * The manifest snippets (ha-manifest, ha-cluster, ...), served by the server's completion in HA
 * manifests only: contributed to VS Code for the yaml language, they showed in every YAML file.
 */

import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position } from 'vscode-languageserver';

export interface Snippet {
  /** What the user types: each prefix is offered as its own item. */
  prefixes: string[];
  /** The item's detail. */
  title: string;
  description: string;
  /** LSP snippet syntax ($1, ${1:default}, ${1|a,b|}). */
  body: string;
}

export const MANIFEST_SNIPPETS: readonly Snippet[] = [
  {
    prefixes: ['ha-manifest', 'openstack-ha'],
    title: 'HA manifest: 3-node Pacemaker control plane',
    description:
      'A whole OpenStack HA manifest: three controllers in a Pacemaker cluster with fencing, internal and public VIPs, and the standard services in their recommended modes.',
    body: [
      'apiVersion: openstack-ha/v1',
      'kind: Deployment',
      'metadata:',
      '  name: ${1:region-one}',
      '  environment: ${2|production,staging,test,demo|}',
      '',
      'nodes:',
      '  ${3:controller1}: { address: ${4:10.0.0.12}, roles: [controller] }',
      '  ${5:controller2}: { address: ${6:10.0.0.13}, roles: [controller] }',
      '  ${7:controller3}: { address: ${8:10.0.0.14}, roles: [controller] }',
      '',
      'clusters:',
      '  ${9:controllers}:',
      '    manager: pacemaker',
      '    members: [$3, $5, $7]',
      '    stonith: true',
      '    no_quorum_policy: stop',
      '    corosync: { transport: knet, wait_for_all: true, token: 10000, token_retransmits: 10 }',
      '',
      'vips:',
      '  internal: { address: ${10:10.0.0.11}, cidr: ${11:24}, cluster: $9 }',
      '  public:   { address: ${12:203.0.113.11}, cidr: ${13:24}, cluster: $9 }',
      '',
      'services:',
      '  haproxy:          { on: $9, vips: [internal, public] }',
      '  keystone:         { on: $9, mode: active-active, vip: internal }',
      '  glance-api:       { on: $9, mode: active-active, vip: internal, backend: ${14|ceph,swift,cinder|} }',
      '  placement-api:    { on: $9, mode: active-active, vip: internal }',
      '  nova-api:         { on: $9, mode: active-active, vip: internal }',
      '  nova-scheduler:   { on: $9, mode: active-active }',
      '  nova-conductor:   { on: $9, mode: active-active }',
      '  neutron-server:   { on: $9, mode: active-active, vip: internal }',
      '  cinder-api:       { on: $9, mode: active-active, vip: internal }',
      '  cinder-scheduler: { on: $9, mode: active-active }',
      '  cinder-volume:    { on: $9, mode: active-passive, backend: ceph }',
      '  horizon:          { on: $9, mode: active-active, vip: public }',
      '  galera:           { on: $9, mode: clustered, vip: internal }',
      '  rabbitmq:         { on: $9, mode: clustered }',
      '  memcached:        { on: $9, mode: client-side }',
      '$0',
    ].join('\n'),
  },
  {
    prefixes: ['ha-cluster'],
    title: 'HA cluster',
    description: "A Pacemaker cluster of three members with fencing and the guide's corosync timings.",
    body: [
      '${1:controllers}:',
      '  manager: ${2|pacemaker,keepalived,none|}',
      '  members: [${3:controller1}, ${4:controller2}, ${5:controller3}]',
      '  stonith: true',
      '  no_quorum_policy: stop',
      '  corosync: { transport: knet, wait_for_all: true, token: 10000, token_retransmits: 10 }',
      '$0',
    ].join('\n'),
  },
  {
    prefixes: ['ha-vip'],
    title: 'HA VIP',
    description: 'A virtual IP moved by a cluster.',
    body: ['${1:internal}: { address: ${2:10.0.0.11}, cidr: ${3:24}, cluster: ${4:controllers} }$0'].join('\n'),
  },
  {
    prefixes: ['ha-service'],
    title: 'HA service',
    description: 'A service placed on a cluster, with its mode and VIP.',
    body: [
      '${1:keystone}: { on: ${2:controllers}, mode: ${3|active-active,active-passive,clustered,client-side,per-node|}, vip: ${4:internal} }$0',
    ].join('\n'),
  },
  {
    prefixes: ['ha-node'],
    title: 'HA node',
    description: 'A node with its address, roles and failure domain.',
    body: [
      '${1:controller4}: { address: ${2:10.0.0.15}, roles: [${3|controller,compute,network,storage,database,messaging,loadbalancer|}], failure_domain: ${4:rack-a} }$0',
    ].join('\n'),
  },
];

/** Where a snippet may start: a line holding nothing but the word typed so far (a key's place). */
const KEY_PLACE = /^[ \t]*([A-Za-z][\w-]*)?$/;

/**
 * The snippet items at a position of a manifest: none elsewhere in a line (a value, a flow map),
 * each replacing the word typed so far, so the editor filters them by prefix.
 */
export function snippetItems(lineBefore: string, position: Position): CompletionItem[] {
  const m = KEY_PLACE.exec(lineBefore);
  if (!m) return [];
  const typed = m[1]?.length ?? 0;
  const range = { start: { line: position.line, character: position.character - typed }, end: position };
  return MANIFEST_SNIPPETS.flatMap((s) =>
    s.prefixes.map((prefix) => ({
      label: prefix,
      kind: CompletionItemKind.Snippet,
      detail: s.title,
      documentation: { kind: MarkupKind.Markdown, value: `${s.description}\n\n\`\`\`yaml\n${s.body}\n\`\`\`` },
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: s.body },
      // after the manifest's own keys and values
      sortText: `~${prefix}`,
    })),
  );
}
