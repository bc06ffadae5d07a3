/** The example manifest of the manifest spec (shared/spec/manifest.md), as written there: the tests that read it share one copy. */
import { dedent } from './fixture';

export const SPEC_EXAMPLE = dedent(`
  apiVersion: openstack-ha/v1
  kind: Deployment
  metadata:
    name: region-one
    environment: production        # production (default) | staging | test | demo

  nodes:                           # every host, keyed by host name
    controller1: { address: 10.0.0.12, roles: [controller] }
    controller2: { address: 10.0.0.13, roles: [controller] }
    controller3: { address: 10.0.0.14, roles: [controller] }
    compute1:    { address: 10.0.0.31, roles: [compute] }

  clusters:                        # groups of nodes with shared membership and quorum
    controllers:
      manager: pacemaker           # pacemaker | keepalived | none
      members: [controller1, controller2, controller3]
      stonith: true                # pacemaker only: fencing configured
      no_quorum_policy: stop       # pacemaker only: stop | freeze | demote | ignore | suicide
      corosync: { transport: knet, two_node: false, wait_for_all: true, token: 10000 }

  vips:                            # virtual IPs keyed by name
    internal: { address: 10.0.0.11, cidr: 24, cluster: controllers }
    public:   { address: 203.0.113.11, cidr: 24, cluster: controllers }

  services:                        # keyed by service name; well-known names carry defaults
    haproxy:       { on: controllers, vips: [internal, public] }
    keystone:      { on: controllers, mode: active-active, vip: internal }
    nova-api:      { on: controllers, mode: active-active, vip: internal }
    nova-scheduler: { on: controllers, mode: active-active }
    galera:        { on: controllers, mode: clustered, vip: internal }
    rabbitmq:      { on: controllers, mode: clustered }
    memcached:     { on: controllers, mode: client-side }
    cinder-volume: { on: controllers, mode: active-passive }
    nova-compute:  { on: [compute1], mode: per-node }
`);
