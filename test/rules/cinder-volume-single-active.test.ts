import { test } from 'node:test';
import { checkPm } from '../support/fixture';

const rules = ['cinder-volume-single-active'];

test('cinder-volume cloned in crm and in a CIB', () => {
  checkPm(
    'crm',
    `
  primitive p_cinder-volume systemd:openstack-cinder-volume op monitor interval=30s
  #         ^^^^^^^^^^^^^^^ warning cinder-volume-single-active: resource 'p_cinder-volume' (systemd:openstack-cinder-volume) is cloned as 'cl_cinder-volume', so cinder-volume runs on every node at once; run a single primitive (active-passive) so that only one owns the storage backend
  clone cl_cinder-volume p_cinder-volume
  `,
    { rules },
  );
  checkPm(
    'cib',
    `
  <cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
    <configuration>
      <crm_config/>
      <nodes/>
      <resources>
        <clone id="cinder-volume-clone">
          <primitive id="cinder-volume" class="systemd" type="openstack-cinder-volume">
  #                      ^^^^^^^^^^^^^ warning cinder-volume-single-active: resource 'cinder-volume' (systemd:openstack-cinder-volume) is cloned as 'cinder-volume-clone', so cinder-volume runs on every node at once; run a single primitive (active-passive) so that only one owns the storage backend
            <operations><op id="cv-mon" name="monitor" interval="30s"/></operations>
          </primitive>
        </clone>
      </resources>
      <constraints/>
    </configuration>
  </cib>
  `,
    { rules },
  );
});

test('a single cinder-volume primitive, and other cloned services, are fine', () =>
  checkPm(
    'pcs',
    `
  pcs resource create openstack-cinder-volume systemd:openstack-cinder-volume op monitor interval=30s
  pcs resource create openstack-cinder-api systemd:openstack-cinder-api op monitor interval=30s --clone
  `,
    { rules },
  ));
