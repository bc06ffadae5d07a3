/**
 * The deployment as the failure simulator sees it (issue 13): nodes with their failure domains, the
 * clusters that decide who keeps running (corosync/Pacemaker, Galera, RabbitMQ, keepalived), the VIPs
 * and the services. Built from a manifest (from-manifest.ts), from a kolla-ansible or OpenStack-Ansible
 * deployment (from-deploy.ts) or from the stack's own files (from-stack.ts); scenario.ts runs failures
 * over it and graph/ draws it. Every entity keeps the place the user wrote it, for the editor.
 */
import type { Place } from '../documents/deploy/model';
import type { VotequorumConfig } from './votequorum';
import type { GaleraConfig } from './galera';
import type { RabbitConfig } from './rabbitmq';
import type { KeepalivedConfig } from './keepalived';
import type { PacemakerConfig } from './pacemaker';

export type { Place };

export interface SimNode {
  name: string;
  address?: string;
  /** The rack, room or power feed it shares fate with (manifest `failure_domain`). */
  domain?: string;
  roles: string[];
  place?: Place;
}

interface ClusterBase {
  name: string;
  /** Where the cluster is defined (its manifest key, inventory group, corosync nodelist). */
  place?: Place;
}

/** A corosync cluster; with `pacemaker`, Pacemaker runs resources on it. */
export interface SimCorosync extends ClusterBase {
  kind: 'pacemaker' | 'corosync';
  quorum: VotequorumConfig;
  /** Pacemaker's side: no-quorum-policy and fencing. Absent for a bare corosync cluster. */
  pacemaker?: PacemakerConfig;
  /** Where corosync-qnetd runs (a node of the model or another host), when there is a quorum device. */
  qnetdHost?: string;
}

export interface SimGalera extends ClusterBase {
  kind: 'galera';
  config: GaleraConfig;
}

export interface SimRabbit extends ClusterBase {
  kind: 'rabbitmq';
  config: RabbitConfig;
}

export interface SimKeepalived extends ClusterBase {
  kind: 'keepalived';
  config: KeepalivedConfig;
}

export type SimCluster = SimCorosync | SimGalera | SimRabbit | SimKeepalived;
export type ClusterKind = SimCluster['kind'];

export interface SimVip {
  name: string;
  address?: string;
  /** The cluster that moves it: a keepalived or pacemaker cluster of the model, by name. */
  cluster?: string;
  place?: Place;
}

export type SimMode = 'active-active' | 'active-passive' | 'clustered' | 'client-side' | 'per-node';

export interface SimService {
  name: string;
  mode: SimMode;
  /** The nodes it runs on (active-passive: the nodes it may run on). */
  nodes: string[];
  /**
   * The cluster that decides its fate: the Pacemaker cluster of an active-passive service, the Galera or
   * RabbitMQ cluster of a clustered one. Absent: every instance stands on its own.
   */
  cluster?: string;
  /** The VIPs clients reach it through, by name. */
  vips: string[];
  /** Reached through HAProxy (the load balancer's backends are its nodes). */
  balanced?: boolean;
  place?: Place;
}

export interface SimModel {
  /** The deployment's name (manifest metadata.name, the tool's folder). */
  name: string;
  /** What it was read from, for the output's first line: "site.ha.yaml", "kolla-ansible files in etc/kolla". */
  source: string;
  nodes: SimNode[];
  clusters: SimCluster[];
  vips: SimVip[];
  services: SimService[];
  /** What the model had to assume because the files do not say (each said once in the output). */
  assumptions: string[];
}

/** The failure domains of a model, in order of first appearance. */
export function domainsOf(m: SimModel): string[] {
  return [...new Set(m.nodes.flatMap((n) => (n.domain ? [n.domain] : [])))];
}

/** The members of a cluster, in its own order. */
export function membersOf(c: SimCluster): string[] {
  switch (c.kind) {
    case 'pacemaker':
    case 'corosync':
      return c.quorum.nodes.map((n) => n.name);
    case 'galera':
      return c.config.nodes.map((n) => n.name);
    case 'rabbitmq':
      return c.config.nodes;
    case 'keepalived':
      return c.config.instances.map((i) => i.node);
  }
}
