/** The product's version, for `openstack-ha --version` and `openstack-ha-language-server --version`. */
export const VERSION = process.env.OPENSTACK_HA_VERSION ?? '0.1.0';
