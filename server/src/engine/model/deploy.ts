/**
 * A deployment as a deployment tool's files describe it (kolla-ansible, OpenStack-Ansible), in the
 * HA manifest's terms: nodes, clusters, VIPs and services, each with the place in the user's files
 * that gave it (none when it is the tool's default). The readers (documents/kolla, documents/osa)
 * build it; documents/deploy/to-manifest.ts writes it as a manifest, which `convert` prints and the
 * manifest's topology rules check, their findings taken back to these places.
 */
import type { Span } from '../types';
import type { KollaGlobals } from '../documents/kolla/globals';
import type { IniInventory } from '../documents/ansible/ini-inventory';
import type { OsaUserConfig } from '../documents/osa/user-config';

/**
 * One file of a deployment tool's deployment, read once (its peer facts): the text is kept so that
 * a change is seen (the parsed maps do not compare). `anchor`: the file that names the deployment
 * (globals.yml, openstack_user_config.yml); files of the same tool elsewhere join a lone anchor.
 */
/** A kolla-ansible file: globals.yml or globals.d (the anchors), an inventory, group_vars or host_vars. */
export type KollaPart =
  | { tool: 'kolla'; role: 'globals'; anchor: true; text: string; globals: KollaGlobals }
  | { tool: 'kolla'; role: 'inventory'; anchor: false; text: string; inventory: IniInventory }
  | { tool: 'kolla'; role: 'vars'; anchor: false; text: string; scope: 'group' | 'host'; name: string; globals: KollaGlobals };

/**
 * An OpenStack-Ansible file: openstack_user_config.yml or a conf.d file (the anchors, one schema),
 * or a user_variables*.yml or a group_vars/host_vars file (top-level variables, read as globals.yml is).
 */
export type OsaPart =
  | { tool: 'openstack-ansible'; role: 'user-config'; anchor: true; text: string; config: OsaUserConfig }
  | {
      tool: 'openstack-ansible';
      role: 'variables';
      anchor: false;
      text: string;
      variables: KollaGlobals;
      /** group_vars/<name> or host_vars/<name>; none for user_variables*.yml. */
      scope?: 'group' | 'host';
      name?: string;
    };

/** Any deployment tool's file, as a peer carries it. */
export type DeployPart = KollaPart | OsaPart;

/** Where the user wrote a fact: a file of the deployment (its workspace path) and the range in it. */
export interface Place {
  file: string;
  span: Span;
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
}

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
