/**
 * Every kind of file the product checks, written once: its name and where its files may be, as
 * globs. DocumentKind is this table's keys; languages/ says how each kind is recognised, checked and
 * served, and the compiler holds LANGUAGES to this list. The client's document selector and file
 * watchers read the globs (this module imports nothing, so the client bundle stays small). Content
 * decides in the end (languages/index.ts); a glob only says where a file of the kind may be.
 */
export const KIND_GLOBS = {
  kolla: [
    '**/globals.{yml,yaml}',
    '**/globals.d/*.{yml,yaml}',
    '**/{multinode,all-in-one}',
    '**/inventory/*',
    '**/inventories/**/*',
    '**/*.inventory',
    '**/inventory*.{yml,yaml}',
    '**/{group,host}_vars/**/*',
  ],
  'openstack-ansible': [
    '**/openstack_user_config.{yml,yaml}',
    '**/conf.d/*.{yml,yaml}',
    '**/user_variables*.{yml,yaml}',
    '**/{group,host}_vars/**/*',
  ],
  manifest: ['**/*.{yaml,yml}'],
  'oslo-conf': ['**/*.{conf,ini}'],
  haproxy: ['**/*.cfg'],
  corosync: ['**/*.conf'],
  keepalived: ['**/*.conf'],
  galera: ['**/*.cnf'],
  pacemaker: ['**/*.{xml,crm,pcs,sh,bash}'],
  firewall: [
    '**/iptables/rules.v{4,6}',
    '**/ufw/user{,6}.rules',
    '**/sysconfig/{iptables,ip6tables}',
    '**/*.nft',
    '**/nftables.conf',
    '**/firewalld/zones/*.xml',
    '**/*.{sh,bash}',
  ],
  clustercheck: ['**/{sysconfig,default}/clustercheck', '**/xinetd.d/*'],
} as const;

/** Every kind of file the product checks: the keys of KIND_GLOBS (languages/index.ts says how each is recognised). */
export type DocumentKind = keyof typeof KIND_GLOBS;

/** Files other files are checked against, though not checked themselves (sysctl, systemd sockets). */
export const FACT_GLOBS = ['**/sysctl.conf', '**/sysctl.d/*.conf', '**/*.socket', '**/xinetd.d/*'] as const;

/** Settings files (.openstack-ha.yaml). */
export const CONFIG_GLOBS = ['**/.openstack-ha.{yaml,yml}'] as const;

/** Every glob the product reads, without repeats: for a file watcher. */
export function allGlobs(): string[] {
  return [...new Set([...Object.values(KIND_GLOBS).flat(), ...FACT_GLOBS, ...CONFIG_GLOBS])];
}
