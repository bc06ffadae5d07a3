/** HA terms, explained in our own words for hover and rule docs, each with the guide page it rests on. */
export interface Topic {
  title: string;
  text: string;
  guide: string;
}

export const TOPICS: Record<string, Topic> = {
  vip: {
    title: 'Virtual IP',
    guide: '2016:controller-ha-vip',
    text: 'An address that belongs to the cluster rather than to a machine. Pacemaker (IPaddr2) or keepalived moves it to a healthy node, so clients and config files that name the VIP need no change when a node fails. Use one VIP per network (internal, public).',
  },
  spof: {
    title: 'Single point of failure',
    guide: 'intro-ha-key-concepts',
    text: 'Any one part (a switch, a load balancer, a database node, a power feed) whose loss stops the service. HA removes them layer by layer; an unreplicated load balancer is the classic hidden one.',
  },
  'stateless-vs-stateful': {
    title: 'Stateless and stateful services',
    guide: 'intro-os-ha-state',
    text: 'A stateless service answers each request on its own, so more copies behind a balancer make it HA (the APIs, schedulers, conductors). A stateful one keeps data between requests (the database, the message queue): extra copies only help when the state is replicated or handed over.',
  },
  'active-passive': {
    title: 'Active/passive',
    guide: 'intro-ha-key-concepts',
    text: 'One instance serves, a standby waits. The cluster manager watches the active one and starts the standby, usually with the VIP, when it fails. The guide uses it for cinder-volume and for the Galera write path.',
  },
  'active-active': {
    title: 'Active/active',
    guide: 'intro-ha-key-concepts',
    text: 'Every instance serves at once. Stateless services sit behind a VIP and a load balancer; a failure only removes capacity.',
  },
  quorum: {
    title: 'Quorum',
    guide: 'intro-ha-key-concepts',
    text: 'The number of members that must agree before the cluster acts: a strict majority, floor(n/2)+1, so only one side of a split can ever have it. Without quorum enforcement both sides of a partition may run the same resources.',
  },
  'odd-cluster-size': {
    title: 'Odd cluster sizes',
    guide: '2016:intro-ha-arch-pacemaker',
    text: 'Use 3, 5 or 7 voting members. With an even count one fault can split the cluster N:N and neither half keeps a majority; with two nodes any split does. Corosync is tested up to about 16 members.',
  },
  'split-brain': {
    title: 'Split-brain',
    guide: 'intro-os-ha-cluster',
    text: 'Partitions that cannot see each other each act as the primary: both hold the VIP, both write. Majority quorum plus fencing prevents it.',
  },
  'fencing-stonith': {
    title: 'Fencing (STONITH)',
    guide: 'intro-os-ha-cluster',
    text: "Before recovering a silent node's resources elsewhere, the cluster powers it off or cuts it off, because a node that stopped answering may still be writing. Pacemaker needs a fence device per node; switching STONITH off is for demos only.",
  },
  'no-quorum-policy': {
    title: 'no-quorum-policy',
    guide: 'intro-ha-key-concepts',
    text: 'What a Pacemaker partition without quorum does: stop its resources (the default), freeze, demote, or ignore. ignore was a two-node workaround; with more than two nodes it invites split-brain.',
  },
  pacemaker: {
    title: 'Pacemaker',
    guide: '2016:intro-ha-arch-pacemaker',
    text: 'The cluster resource manager the guide recommends: it starts, monitors and moves services through resource agents, enforces order and colocation, and understands quorum and fencing.',
  },
  corosync: {
    title: 'Corosync',
    guide: '2016:controller-ha-pacemaker',
    text: 'The membership and messaging layer under Pacemaker. It decides who is in the cluster and provides quorum (votequorum); redundant links protect against losing one network.',
  },
  'corosync-token': {
    title: 'Corosync token timeout',
    guide: '2016:controller-ha-pacemaker',
    text: 'How long (ms) Corosync waits for the ring token before declaring a node lost, after token_retransmits_before_loss_const retries. The guide uses 10000 ms and 10 retransmits so short network blips do not cause failovers.',
  },
  'two-node-cluster': {
    title: 'Two-node clusters',
    guide: '2016:controller-ha-pacemaker',
    text: "Two members cannot form a majority after a split. Corosync's two_node mode lowers quorum to 1 and implies wait_for_all, so a node that boots alone does not fence its peer; a third node or a quorum device is better still.",
  },
  haproxy: {
    title: 'HAProxy',
    guide: 'control-plane-stateless',
    text: 'The load balancer in front of the APIs: one instance per controller, listening on the VIP, forwarding to every controller with health checks. The HAProxy instances themselves need Pacemaker or keepalived to keep the VIP on a live one.',
  },
  'ip-nonlocal-bind': {
    title: 'net.ipv4.ip_nonlocal_bind',
    guide: 'control-plane-stateless',
    text: 'Lets every HAProxy bind the VIP before it holds it, so a failover is only the address moving.',
  },
  keepalived: {
    title: 'keepalived',
    guide: '2016:intro-ha-arch-keepalived',
    text: 'A VRRP daemon that elects the holder of a VIP. It has no fencing and no service recovery, so a partition can leave the VIP on two nodes.',
  },
  'keepalived-vs-pacemaker': {
    title: 'keepalived or Pacemaker',
    guide: '2016:intro-ha-arch-keepalived',
    text: 'keepalived only moves addresses and suits purely active/active stacks; Pacemaker adds quorum, fencing, ordering and restarts, which stateful and active/passive services need.',
  },
  'vip-haproxy-colocation': {
    title: 'VIP with HAProxy',
    guide: 'control-plane-stateless',
    text: 'The VIP must only run where HAProxy runs: a colocation and an order constraint tie it to the HAProxy clone.',
  },
  galera: {
    title: 'Galera',
    guide: 'control-plane-stateful',
    text: 'Synchronous multi-master replication for MariaDB/MySQL, one node per controller, at least three. It needs binlog_format=ROW, InnoDB, innodb_autoinc_lock_mode=2 and the same cluster name and address list on every node.',
  },
  'galera-single-writer': {
    title: 'One Galera writer',
    guide: 'control-plane-stateless',
    text: "Galera accepts writes everywhere, but OpenStack's SELECT ... FOR UPDATE deadlocks across writers. The guide sends all traffic through HAProxy to one node and marks the others backup.",
  },
  'rabbitmq-cluster': {
    title: 'RabbitMQ cluster',
    guide: 'control-plane-stateful',
    text: 'Brokers that share an Erlang cookie form one logical broker. Exchanges and bindings are everywhere, but a queue lives on one node unless it is replicated (quorum queues today).',
  },
  'rabbitmq-no-haproxy': {
    title: 'RabbitMQ without a VIP',
    guide: 'control-plane-stateful',
    text: 'Clients list every broker in transport_url and oslo.messaging fails over itself. Through a VIP, connections to the old owner can hang for tens of minutes after a failover.',
  },
  'rabbitmq-mirrored-vs-quorum-queues': {
    title: 'Replicated queues',
    guide: 'control-plane-stateful',
    text: 'The guide mirrors classic queues (ha-mode: all). RabbitMQ 4 removed mirroring; quorum queues (rabbit_quorum_queue = true) are the current way.',
  },
  'memcached-client-hashing': {
    title: 'memcached: clients list every server',
    guide: 'intro-os-ha-memcached',
    text: 'memcached does not replicate. Each client is given every instance and hashes keys across them; a lost instance only costs its share of the cache. Never put it behind a proxy or VIP.',
  },
  'cinder-volume-ap': {
    title: 'cinder-volume active/passive',
    guide: 'storage-ha-block',
    text: 'cinder-volume owns the backend connections. The guide runs exactly one instance at a time under Pacemaker, with one shared [DEFAULT] host value so volumes stay manageable after failover.',
  },
  'neutron-l3-ha': {
    title: 'HA routers',
    guide: '2016:networking-ha-l3',
    text: 'With l3_ha = True each router is scheduled on several L3 agents and VRRP picks the active one.',
  },
  'neutron-dhcp-ha': {
    title: 'DHCP and L2 agents',
    guide: 'networking-ha-l3-agent',
    text: 'Schedule each network on two or more DHCP agents. The L2 agent runs once per forwarding node and cannot be made HA.',
  },
  'tooz-coordination': {
    title: 'tooz coordination',
    guide: 'control-plane-stateless',
    text: 'Telemetry agents split their work through a coordination group; [coordination] backend_url must point at ZooKeeper or Redis.',
  },
  'instance-ha': {
    title: 'Instance HA',
    guide: 'compute-node-ha',
    text: 'Control-plane HA does not restart guests when a hypervisor dies; that needs Masakari or similar tooling.',
  },
  'failure-domain': {
    title: 'Failure domains',
    guide: 'intro-ha-key-concepts',
    text: 'Nodes that share a rack, a power feed or a room fail together. Spread each quorum so that no single domain holds half of its votes.',
  },
  'network-redundancy': {
    title: 'Redundant network paths',
    guide: 'intro-ha-common-tech',
    text: 'Switches and links are single points of failure too: give controllers two NICs, bonded, on redundant switches.',
  },
  'shared-storage': {
    title: 'Shared storage',
    guide: 'storage-ha-backend',
    text: "RAID survives a disk, not a node. Backends on a node's own disk (file, LVM) lose their data with the node; Ceph RBD replicates across nodes.",
  },
};
