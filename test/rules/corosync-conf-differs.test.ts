import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWorkspace, relatedOf } from '../support/workspace';

const NODELIST = `
  nodelist {
    node {
      name: ctl1
      ring0_addr: 10.0.0.11
      nodeid: 1
    }
    node {
      name: ctl2
      ring0_addr: 10.0.0.12
      nodeid: 2
    }
    node {
      name: ctl3
      ring0_addr: 10.0.0.13
      nodeid: 3
    }
  }`;

test('other crypto on another node of the cluster is an error on both files, with the other file as related location', () => {
  const out = checkWorkspace(
    `
  #- ctl1/etc/corosync/corosync.conf
  totem {
    version: 2
    cluster_name: ctl
    crypto_cipher: aes256
  #                ^^^^^^ error corosync-conf-differs: totem crypto_cipher is aes256 here but none in ../../../ctl2/etc/corosync/corosync.conf: the nodes cannot read each other's packets, and each side forms a cluster of its own
    crypto_hash: sha256
  }
  ${NODELIST}
  #- ctl2/etc/corosync/corosync.conf
  totem {
    version: 2
    cluster_name: ctl
    crypto_cipher: none
  #                ^^^^ error corosync-conf-differs: totem crypto_cipher is none here but aes256 in ../../../ctl1/etc/corosync/corosync.conf: the nodes cannot read each other's packets, and each side forms a cluster of its own
    crypto_hash: sha256
  }
  ${NODELIST}
  `,
    { rules: ['corosync-conf-differs'] },
  );
  assert.deepEqual(relatedOf(out, 'ctl1/etc/corosync/corosync.conf', 'corosync-conf-differs'), [
    'ctl2/etc/corosync/corosync.conf:4:18 totem crypto_cipher of ../../../ctl2/etc/corosync/corosync.conf',
  ]);
});

test('a nodelist that differs, and another cluster_name over shared nodes, are warnings', () => {
  checkWorkspace(
    `
  #- ctl1/etc/corosync/corosync.conf
  totem {
    version: 2
    cluster_name: ctl
  #               ^^^ warning corosync-conf-differs: cluster_name is ctl here but ctl-old in ../../../ctl2/etc/corosync/corosync.conf, whose nodelist shares nodes with this one
  }
  nodelist {
  #^^^^^^^ warning corosync-conf-differs: the nodelist differs from ../../../ctl2/etc/corosync/corosync.conf's (ctl3 only here): the nodes count votes over different member lists
    node {
      name: ctl1
      ring0_addr: 10.0.0.11
      nodeid: 1
    }
    node {
      name: ctl2
      ring0_addr: 10.0.0.12
      nodeid: 2
    }
    node {
      name: ctl3
      ring0_addr: 10.0.0.13
      nodeid: 3
    }
  }
  #- ctl2/etc/corosync/corosync.conf
  totem {
    version: 2
    cluster_name: ctl-old
  #               ^^^^^^^ warning corosync-conf-differs
  }
  nodelist {
  #^^^^^^^ warning corosync-conf-differs: the nodelist differs from ../../../ctl1/etc/corosync/corosync.conf's (ctl3 only there): the nodes count votes over different member lists
    node {
      name: ctl1
      ring0_addr: 10.0.0.11
      nodeid: 1
    }
    node {
      name: ctl2
      ring0_addr: 10.0.0.12
      nodeid: 2
    }
  }
  `,
    { rules: ['corosync-conf-differs'] },
  );
});

test("the same file on every node, another cluster's file, and a file that sets only secauth are quiet", () => {
  checkWorkspace(
    `
  #- ctl1/etc/corosync/corosync.conf
  totem {
    version: 2
    cluster_name: ctl
    secauth: on
  }
  ${NODELIST}
  #- ctl2/etc/corosync/corosync.conf
  totem {
    version: 2
    cluster_name: ctl
    crypto_cipher: aes256
    crypto_hash: sha1
  }
  ${NODELIST}
  #- ctl3/etc/corosync/corosync.conf
  totem {
    version: 2
    cluster_name: ctl
    crypto_cipher: aes256
    crypto_hash: sha1
  }
  ${NODELIST}
  #- db1/etc/corosync/corosync.conf
  totem {
    version: 2
    cluster_name: db
    crypto_cipher: none
  }
  nodelist {
    node {
      name: db1
      ring0_addr: 10.0.1.11
    }
  }
  `,
    { rules: ['corosync-conf-differs'] },
  );
});
