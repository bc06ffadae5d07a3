#!/usr/bin/env bash
# `npm run gen:catalog` (by hand, as root, not in CI): regenerates the shipped option catalogues of
# both releases from Debian's own OpenStack packages.
#   zed     Debian 12 (bookworm): this machine's packages
#   2025.1  Debian 13 (trixie): a debootstrap chroot under /var/tmp/osha-trixie (~1 GB, ~10 min the first time)
# Writes server/src/engine/knowledge/options/<release>/. Namespace lists are Zed's upstream generator
# lists (gen-release.sh); for 2025.1 the namespaces Debian 13's packages add are appended below.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/server/src/engine/knowledge/options
PACKAGES="python3-nova python3-keystone python3-glance python3-neutron python3-cinder python3-heat python3-placement python3-octavia python3-oslo.config"
only=${1:-all}

if [ "$only" = all ] || [ "$only" = zed ]; then
  . /etc/os-release
  [ "$VERSION_CODENAME" = bookworm ] || { echo "zed needs a Debian 12 host (this is $VERSION_CODENAME)" >&2; exit 1; }
  RELEASE=zed bash "$ROOT/scripts/catalog/gen-release.sh" "$OUT/zed"
fi

if [ "$only" = all ] || [ "$only" = 2025.1 ]; then
  CH=${TRIXIE_ROOT:-/var/tmp/osha-trixie}
  if [ ! -x "$CH/usr/bin/python3" ]; then
    apt-get -o DPkg::Lock::Timeout=900 install -y -q debootstrap
    debootstrap --variant=minbase --include=python3 trixie "$CH" http://deb.debian.org/debian
  fi
  printf '#!/bin/sh\nexit 101\n' > "$CH/usr/sbin/policy-rc.d"; chmod +x "$CH/usr/sbin/policy-rc.d"   # no daemons start
  mountpoint -q "$CH/proc" || mount -t proc proc "$CH/proc"
  chroot "$CH" /bin/sh -c "export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get install -y -q --no-install-recommends $PACKAGES"
  cp "$ROOT/scripts/catalog/gen-release.sh" "$CH/tmp/gen-release.sh"
  rm -rf "$CH/tmp/catalog-out"
  chroot "$CH" /bin/bash -c "RELEASE=2025.1 SKIP_INSTALL=1 EXTRA_NS='neutron.conf=designate.auth;heat.conf=heat.common.cache' bash /tmp/gen-release.sh /tmp/catalog-out"
  rm -rf "$OUT/2025.1"; mkdir -p "$OUT/2025.1"; cp "$CH"/tmp/catalog-out/*.json "$OUT/2025.1/"
fi
echo "catalogues in $OUT: $(ls "$OUT")"
node "$ROOT/scripts/catalog/write-releases.mjs"
