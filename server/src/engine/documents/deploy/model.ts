/**
 * A deployment as a deployment tool's files describe it (kolla-ansible, OpenStack-Ansible), in the
 * HA manifest's terms: nodes, clusters, VIPs and services, each with the place in the user's files
 * that gave it (none when it is the tool's default). The readers (documents/kolla, documents/osa)
 * build it; documents/deploy/to-manifest.ts writes it as a manifest, which `convert` prints and the
 * manifest's topology rules check, their findings taken back to these places.
 */
import type { Span } from '../../types';

/** Where the user wrote a fact: a file of the deployment (its workspace path) and the range in it. */
export interface Place {
  file: string;
  span: Span;
  /** The whole definition when `span` is only its name (a manifest entry's key): what falls inside belongs to it. */
  extent?: Span;
}

export interface DeployNode {
  name: string;
  /** The management address, when the files give one (OSA's `ip`, an inventory's `ansible_host`). */
  address?: string;
  /** The manifest's roles: controller, compute, network, storage, database, messaging, loadbalancer. */
  roles: string[];
  failureDomain?: string;
  /** The host's line (kolla: its first line in the inventory; OSA: its entry under a `*_hosts` group). */
  place?: Place;
}

export interface DeployCluster {
  name: string;
  manager: 'pacemaker' | 'keepalived' | 'none';
  /** Node names, in the tool's order. */
  members: string[];
  /** The group that defines it (an inventory header, a `*_hosts` key). */
  place?: Place;
  /** keepalived: each member's VRRP priority, in the members' order, as the tool's template renders it. */
  priorities?: NodeNumber[];
  /** keepalived: whether the tool's template writes `nopreempt` (a returning member does not take the VIPs back). */
  nopreempt?: boolean;
}

/** A number the files give one node (a keepalived priority, a Galera weight) and where the user wrote it. */
export interface NodeNumber {
  node: string;
  value: number;
  place?: Place;
}

/** RabbitMQ's partition handling strategies (Mnesia, before 4.2). */
export type PartitionHandling = 'ignore' | 'pause_minority' | 'autoheal';

export interface DeployVip {
  name: 'internal' | 'external' | string;
  address: string;
  cidr?: number;
  /** The cluster that moves it (the load balancers' keepalived). */
  cluster?: string;
  place?: Place;
}

export interface DeployService {
  /** The manifest's service name (galera, rabbitmq, memcached, haproxy, ...). */
  name: string;
  /** A cluster's name, or node names. */
  on: string | string[];
  mode?: string;
  vip?: string;
  vips?: string[];
  /** The group its hosts come from. */
  place?: Place;
  /**
   * RabbitMQ: the series it runs ("4.0"), when the files or the release's image say; before 4.2 its
   * metadata store is Mnesia, from 4.2 Khepri. `versionFrom` says how it is known, for messages.
   */
  version?: string;
  versionFrom?: string;
  /** RabbitMQ before 4.2: cluster_partition_handling as the tool renders it (the user's, else the tool's default). */
  partitionHandling?: PartitionHandling;
  /** RabbitMQ: whether OpenStack's queues are quorum queues. */
  quorumQueues?: boolean;
  /** Galera: `pc.weight` of the nodes whose weight the files give (1 for the others). */
  weights?: NodeNumber[];
  /** Where the user wrote the facts above (none: the tool's default or its release's). */
  places?: { version?: Place; partitionHandling?: Place; quorumQueues?: Place };
}

export interface DeployModel {
  /** The tool, for messages and convert's header: 'kolla-ansible' or 'OpenStack-Ansible'. */
  tool: string;
  name: string;
  /** The OpenStack release the files name or imply, when known. */
  release?: string;
  nodes: DeployNode[];
  clusters: DeployCluster[];
  vips: DeployVip[];
  services: DeployService[];
}
