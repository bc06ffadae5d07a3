/**
 * What a deployment tool's file holds, read once as its peer facts (languages/kolla.ts,
 * languages/openstack-ansible.ts), so that each file of a deployment sees the others.
 */
import type { KollaGlobals } from '../kolla/globals';
import type { IniInventory } from '../ansible/ini-inventory';
import type { OsaUserConfig } from '../osa/user-config';

/*
 * Each part keeps its file's text, so that a change is seen (the parsed maps do not compare).
 * `anchor`: the file that names the deployment (globals.yml, openstack_user_config.yml); files of
 * the same tool elsewhere join a lone anchor.
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
