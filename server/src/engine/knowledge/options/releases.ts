/** The shipped catalogues, bundled by esbuild. Generated list: scripts/catalog lists every file of zed/. */
import type { FileCatalog, KeystoneauthCatalog, CatalogIndex } from './types';
import zed_cinder_conf from './zed/cinder.conf.json';
import zed_dhcp_agent_ini from './zed/dhcp_agent.ini.json';
import zed_glance_api_conf from './zed/glance-api.conf.json';
import zed_glance_cache_conf from './zed/glance-cache.conf.json';
import zed_glance_image_import_conf from './zed/glance-image-import.conf.json';
import zed_glance_manage_conf from './zed/glance-manage.conf.json';
import zed_glance_scrubber_conf from './zed/glance-scrubber.conf.json';
import zed_heat_conf from './zed/heat.conf.json';
import zed_keystone_conf from './zed/keystone.conf.json';
import zed_l3_agent_ini from './zed/l3_agent.ini.json';
import zed_linuxbridge_agent_ini from './zed/linuxbridge_agent.ini.json';
import zed_macvtap_agent_ini from './zed/macvtap_agent.ini.json';
import zed_metadata_agent_ini from './zed/metadata_agent.ini.json';
import zed_metering_agent_ini from './zed/metering_agent.ini.json';
import zed_ml2_conf_ini from './zed/ml2_conf.ini.json';
import zed_neutron_conf from './zed/neutron.conf.json';
import zed_neutron_ovn_metadata_agent_ini from './zed/neutron_ovn_metadata_agent.ini.json';
import zed_nova_conf from './zed/nova.conf.json';
import zed_octavia_conf from './zed/octavia.conf.json';
import zed_openvswitch_agent_ini from './zed/openvswitch_agent.ini.json';
import zed_ovn_ini from './zed/ovn.ini.json';
import zed_placement_conf from './zed/placement.conf.json';
import zed_sriov_agent_ini from './zed/sriov_agent.ini.json';
import zed_keystoneauth from './zed/keystoneauth-plugins.json';
import zed_index from './zed/index.json';

export const RELEASES = {
  zed: {
    files: [zed_cinder_conf, zed_dhcp_agent_ini, zed_glance_api_conf, zed_glance_cache_conf, zed_glance_image_import_conf, zed_glance_manage_conf, zed_glance_scrubber_conf, zed_heat_conf, zed_keystone_conf, zed_l3_agent_ini, zed_linuxbridge_agent_ini, zed_macvtap_agent_ini, zed_metadata_agent_ini, zed_metering_agent_ini, zed_ml2_conf_ini, zed_neutron_conf, zed_neutron_ovn_metadata_agent_ini, zed_nova_conf, zed_octavia_conf, zed_openvswitch_agent_ini, zed_ovn_ini, zed_placement_conf, zed_sriov_agent_ini] as unknown as FileCatalog[],
    keystoneauth: zed_keystoneauth as unknown as KeystoneauthCatalog,
    index: zed_index as unknown as CatalogIndex,
  },
};
