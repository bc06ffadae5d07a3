#!/bin/bash
# gen-release.sh - regenerate the OpenStack configuration-option catalogue of one release
# (Zed, from Debian 12's packages) that the .conf checks ship. Run by hand, not in CI:
#   npm run gen:catalog      (= RELEASE=zed scripts/catalog/gen-release.sh server/src/engine/knowledge/options/zed)
# What ships is facts only (types, defaults, choices, ranges, secret flags, deprecations):
# the help sentences of the generator output are dropped here, hover links to the official
# configuration reference for the prose.
#
# Usage:  sudo ./gen-release.sh OUTPUT_DIR
# Env:    SKIP_INSTALL=1   don't run apt-get (packages already present)
#         WORK=/tmp/os-catalog  scratch dir (raw generator JSON is kept there)
#
# Needs a Debian 12 (bookworm) machine, root for apt-get, nothing else: no pip,
# no git, no network except the Debian mirror.  Only python3-* library
# packages are installed (no nova-api/keystone/... daemons); any daemon a
# dependency might ship is not started (policy-rc.d / no systemd in
# containers).  ~555 MB installed, ~93 MB download, ~5 min.
#
# The namespace lists below are copied verbatim from each project's upstream
# oslo-config-generator config at the tag matching the Debian version:
#   nova 26.2.2       etc/nova/nova-config-generator.conf
#   keystone 22.0.2   config-generator/keystone.conf
#   glance 25.1.0     etc/oslo-config-generator/glance-*.conf
#   neutron 21.0.0    etc/oslo-config-generator/*.{conf,ini}
#   cinder 21.3.1     tools/config/cinder-config-generator.conf
#   heat 19.0.0       config-generator.conf
#   placement 8.0.0   etc/placement/config-generator.conf
#   octavia 11.0.0    tox.ini [testenv:genconfig] (no generator file upstream)
# Debian's own *-common packages ship samples generated from the same lists
# (e.g. /usr/share/nova-common/nova.conf), which is how they were cross-checked.
# When moving to another release (Debian 13 = OpenStack 2025.1), re-copy the
# lists from the new tags; everything else is version independent.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(mkdir -p "${1:-$HERE/catalog}" && cd "${1:-$HERE/catalog}" && pwd)
WORK=${WORK:-/tmp/os-catalog}
PY=/usr/bin/python3          # Debian's python (dist-packages), not a pyenv one
GENERATOR=/usr/bin/oslo-config-generator

PACKAGES="python3-nova python3-keystone python3-glance python3-neutron
  python3-cinder python3-heat python3-placement python3-octavia
  python3-oslo.config"

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update
  # shellcheck disable=SC2086
  apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends $PACKAGES
fi

mkdir -p "$WORK/gencfg" "$WORK/raw" "$WORK/nscheck"
: > "$WORK/failed-namespaces.txt"

# file|project|namespaces (order matters: it is the upstream order)
SPECS='
nova.conf|nova|nova.conf oslo.limit oslo.log oslo.messaging oslo.policy oslo.privsep oslo.service.periodic_task oslo.service.service oslo.middleware oslo.concurrency oslo.reports keystonemiddleware.auth_token osprofiler
keystone.conf|keystone|keystone oslo.cache oslo.log oslo.messaging oslo.policy oslo.db oslo.middleware osprofiler
glance-api.conf|glance|castellan.config glance.api glance.store os_brick glance.multi_store oslo.concurrency oslo.messaging oslo.db oslo.policy keystonemiddleware.auth_token oslo.limit oslo.log oslo.middleware.cors oslo.middleware.healthcheck oslo.middleware.http_proxy_to_wsgi oslo.reports
glance-cache.conf|glance|glance.cache glance.store os_brick oslo.log oslo.policy
glance-scrubber.conf|glance|glance.scrubber glance.store os_brick oslo.concurrency oslo.db oslo.log oslo.policy
glance-manage.conf|glance|glance.manage oslo.db oslo.log
glance-image-import.conf|glance|glance
neutron.conf|neutron|neutron neutron.agent neutron.db neutron.experimental neutron.extensions nova.auth ironic.auth placement.auth oslo.log oslo.cache oslo.db oslo.policy oslo.privsep oslo.concurrency oslo.messaging oslo.middleware.cors oslo.middleware.healthcheck oslo.middleware.http_proxy_to_wsgi oslo.reports oslo.service.periodic_task oslo.service.service oslo.service.sslutils oslo.service.wsgi keystonemiddleware.auth_token
ml2_conf.ini|neutron|neutron.ml2 oslo.log
openvswitch_agent.ini|neutron|neutron.ml2.ovs.agent oslo.log
linuxbridge_agent.ini|neutron|neutron.ml2.linuxbridge.agent oslo.log
sriov_agent.ini|neutron|neutron.ml2.sriov.agent oslo.log
macvtap_agent.ini|neutron|neutron.ml2.macvtap.agent oslo.log
ovn.ini|neutron|neutron.ml2.ovn oslo.log
dhcp_agent.ini|neutron|neutron.az.agent neutron.base.agent neutron.dhcp.agent oslo.log
l3_agent.ini|neutron|neutron.az.agent neutron.base.agent neutron.l3.agent oslo.log
metadata_agent.ini|neutron|neutron.metadata.agent oslo.log oslo.cache
metering_agent.ini|neutron|neutron.base.agent neutron.metering.agent oslo.log
neutron_ovn_metadata_agent.ini|neutron|neutron.ovn.metadata.agent oslo.log
cinder.conf|cinder|castellan.config cinder keystonemiddleware.auth_token osprofiler oslo.config oslo.concurrency oslo.db oslo.log oslo.messaging oslo.middleware oslo.policy oslo.privsep oslo.reports oslo.service.periodic_task oslo.service.service oslo.service.sslutils oslo.service.wsgi oslo.versionedobjects os_brick
heat.conf|heat|heat.common.config heat.common.context heat.common.crypt heat.engine.clients.os.keystone.heat_keystoneclient heat.common.wsgi heat.engine.clients heat.engine.notification heat.engine.resources heat.api.aws.ec2token keystonemiddleware.auth_token oslo.messaging oslo.middleware oslo.cache oslo.log oslo.policy oslo.reports oslo.service.service oslo.service.periodic_task oslo.service.sslutils
placement.conf|placement|placement.conf keystonemiddleware.auth_token oslo.log oslo.middleware.cors oslo.middleware.http_proxy_to_wsgi oslo.policy osprofiler
octavia.conf|octavia|octavia oslo.db oslo.log oslo.messaging keystonemiddleware.auth_token cotyledon
'

write_gencfg() {  # $1=file  $2..=namespaces
  local f=$1; shift
  { echo '[DEFAULT]'; echo 'wrap_width = 79'
    for n in "$@"; do echo "namespace = $n"; done; } > "$WORK/gencfg/$f.gen"
}

# A namespace whose entry point fails to import makes the whole generator run
# fail; only then test namespaces one by one (oslo.concurrency is added as a
# helper because os_brick's defaults hook reads [oslo_concurrency]/lock_path)
# and drop the broken ones.
ns_ok() {
  local n=$1
  if [ ! -f "$WORK/nscheck/$n.rc" ]; then
    if "$GENERATOR" --namespace oslo.concurrency --namespace "$n" --format json \
         --output-file /dev/null > "$WORK/nscheck/$n.log" 2>&1; then
      echo 0 > "$WORK/nscheck/$n.rc"
    else
      echo 1 > "$WORK/nscheck/$n.rc"
    fi
  fi
  [ "$(cat "$WORK/nscheck/$n.rc")" = 0 ]
}

cat > "$WORK/extract.py" <<'PYEOF'
#!/usr/bin/python3
"""Build the compact option catalogue from oslo-config-generator output.

Usage:
  extract.py GENERATOR_CONF RAW_OUT.json COMPACT_OUT.json FILE_NAME PROJECT
  extract.py --keystoneauth COMPACT_OUT.json

Mode 1 runs oslo_config.generator.main() itself (--format json; the raw JSON
is byte-identical to the oslo-config-generator CLI's).  _list_opts() is
wrapped only to keep the option objects the generator used, so the compact
form can add type details that the JSON format drops (list item type, regex,
IP version, URI schemes, max_length).

Mode 2 writes the options of keystoneauth1's auth plugins: sections such as
[keystone_authtoken] only declare auth_type/auth_section, and the plugin
named by auth_type (usually "password") adds auth_url, username, ... at run
time, so no generator output lists them.

Must run under Debian's /usr/bin/python3 (dist-packages).
"""
import json
import re
import sys
from importlib import metadata

from oslo_config import cfg, generator, types

HELP_MAX = 400
REASON_MAX = 300


# ---------------------------------------------------------------- helpers
def trim(text, limit):
    """First paragraph, whitespace-collapsed, at most `limit` chars.  A first
    paragraph that ends with ':' (an intro to a list/example) pulls in the
    next paragraph."""
    if not text:
        return None
    paras = [re.sub(r'\s+', ' ', p).strip()
             for p in re.split(r'\n\s*\n', text.strip()) if p.strip()]
    if not paras:
        return None
    para, i = paras[0], 1
    while para.endswith(':') and i < len(paras) and len(para) < limit:
        para += ' ' + paras[i]
        i += 1
    if len(para) > limit:
        cut = para[:limit].rsplit(' ', 1)[0]
        para = cut.rstrip(' ,;:') + '\u2026'
    return para


def ip_version(t):
    chk = getattr(t, 'version_checker', None)
    name = getattr(chk, '__name__', '')
    if name.endswith('ipv4'):
        return 4
    if name.endswith('ipv6'):
        return 6
    return None


_TYPE_BY_CLASS = {
    types.String: 'string', types.MultiString: 'multistr',
    types.Boolean: 'bool', types.Integer: 'int', types.Float: 'float',
    types.Port: 'port', types.Range: 'range', types.List: 'list',
    types.Dict: 'dict', types.IPAddress: 'ip', types.HostAddress:
    'hostaddress', types.HostDomain: 'hostdomain', types.Hostname:
    'hostname', types.URI: 'uri',
}

_TYPE_BY_JSON = {
    'string value': 'string', 'integer value': 'int',
    'boolean value': 'bool', 'floating point value': 'float',
    'list value': 'list', 'dict value': 'dict', 'multi valued': 'multistr',
    'port value': 'port', 'IP address value': 'ip',
    'host address value': 'hostaddress', 'host domain value': 'hostdomain',
    'hostname value': 'hostname', 'uri value': 'uri',
    'range value': 'range',
}


def type_name(t):
    # most specific class first (Port < Integer, HostDomain < HostAddress)
    for cls in type(t).__mro__:
        if cls in _TYPE_BY_CLASS:
            return _TYPE_BY_CLASS[cls]
    return None


def scalar_details(t, out, prefix=''):
    """Type refinements not present in the generator's JSON."""
    if isinstance(t, types.String) and not isinstance(t, types.MultiString):
        if t.regex is not None:
            out[prefix + 'regex'] = t.regex.pattern
        if t.max_length:
            out[prefix + 'max_length'] = t.max_length
        if t.ignore_case:
            out[prefix + 'ignore_case'] = True
        if prefix and t.choices:
            out[prefix + 'choices'] = list(t.choices)
    if isinstance(t, types.Number) and prefix:
        if t.min is not None:
            out[prefix + 'min'] = t.min
        if t.max is not None:
            out[prefix + 'max'] = t.max
        if t.choices:
            out[prefix + 'choices'] = list(t.choices)
    if isinstance(t, types.IPAddress):
        v = ip_version(t)
        if v:
            out[prefix + 'ip_version'] = v
    if isinstance(t, types.HostAddress) and not isinstance(t, types.HostDomain):
        v = ip_version(t.ip_address)
        if v:
            out[prefix + 'ip_version'] = v
    if isinstance(t, types.URI):
        if t.schemes:
            out[prefix + 'schemes'] = list(t.schemes)
        if t.max_length:
            out[prefix + 'max_length'] = t.max_length
    if isinstance(t, types.Range):
        out[prefix + 'range'] = [t.min, t.max]


def details_for(opt):
    t = opt.type
    d = {'_class': type(t).__name__, '_opt_class': type(opt).__name__}
    tn = type_name(t)
    if tn:
        d['type'] = tn
    if isinstance(t, types.List):
        if isinstance(t.item_type, types.ConfigType):
            d['item_type'] = type_name(t.item_type) or type(t.item_type).__name__
            scalar_details(t.item_type, d, 'item_')
        else:  # a plain converter function (e.g. oslo.privsep capabilities)
            d['item_type'] = 'string'
            d['item_converter'] = getattr(t.item_type, '__name__', '?')
        if t.bounds:
            d['bounds'] = True
    elif isinstance(t, types.Dict):
        d['value_type'] = type_name(t.value_type) or type(t.value_type).__name__
        scalar_details(t.value_type, d, 'value_')
        if t.bounds:
            d['bounds'] = True
    else:
        scalar_details(t, d)
    if type(opt).__name__ in ('_ConfigFileOpt', '_ConfigDirOpt'):
        # oslo.config's own --config-file/--config-dir: command line only
        if type(opt).__name__ == '_ConfigFileOpt':
            d['type'] = 'multistr'
        d['cli_only'] = True
    if isinstance(opt, cfg.MultiOpt) and not isinstance(t, types.MultiString):
        d['type'] = 'multi'
        d['item_type'] = tn or type(t).__name__
    return d


def norm_group(g):
    if isinstance(g, cfg.OptGroup):
        g = g.name
    return (g or 'DEFAULT').lower()


def ns_dist(namespace):
    for ep in metadata.entry_points(group='oslo.config.opts'):
        if ep.name == namespace:
            dist = getattr(ep, 'dist', None)
            if dist is not None:
                return {'dist': dist.metadata['Name'], 'version': dist.version}
            return {'module': ep.value}
    return None


# ---------------------------------------------------------------- compact
untyped = []


def compact_opt(o, det, gname):
    """One generator JSON entry (+ type details) -> compact entry."""
    name = o['name']
    ns = o['namespace']
    key = o.get('dest') or name.replace('-', '_')  # what a .conf file uses
    e = {}
    jt = _TYPE_BY_JSON.get(o['type'])
    tn = det.get('type') or jt or 'unknown'
    if tn == 'unknown':
        untyped.append('%s/%s (%s, %s)' % (gname, name, o['type'],
                                           det.get('_opt_class')))
        e['type_class'] = det.get('_opt_class') or o['type']
    choices = o.get('choices') or []
    if choices and tn == 'string':
        tn = 'enum'
    e['type'] = tn
    for k, v in det.items():
        if not k.startswith('_') and k != 'type':
            e[k] = v
    if o['sample_default'] is not None:
        # machine-dependent default (hostname, IP, install path):
        # keep only the documented placeholder
        e['sample_default'] = o['sample_default']
    elif o['default'] is not None:
        e['default'] = o['default']
    if o['min'] is not None:
        e['min'] = o['min']
    if o['max'] is not None:
        e['max'] = o['max']
    if choices:
        e['choices'] = [c[0] for c in choices]
    if o['secret']:
        e['secret'] = True
    if o['required']:
        e['required'] = True
    deps = []
    for d in o['deprecated_opts']:
        dep = [d.get('group') or gname,
               (d.get('name') or key).replace('-', '_')]
        if dep not in deps and dep != [gname, key]:
            deps.append(dep)
    if deps:
        e['deprecated_names'] = deps
    if o['deprecated_for_removal']:
        e['deprecated_for_removal'] = True
    if o.get('deprecated_since'):
        e['deprecated_since'] = str(o['deprecated_since'])
    e['ns'] = ns
    return key, e


def dump(obj, path):
    with open(path, 'w') as f:
        json.dump(obj, f, ensure_ascii=False, separators=(',', ':'),
                  default=str)


def run_generator(gen_conf, raw_out):
    captured = {}
    orig = generator._list_opts

    def wrapped(namespaces):
        res = orig(namespaces)
        captured['opts'] = res
        return res

    generator._list_opts = wrapped
    try:
        generator.main(['--config-file', gen_conf, '--format', 'json',
                        '--output-file', raw_out])
    finally:
        generator._list_opts = orig
    with open(raw_out) as f:
        raw = json.load(f)
    details = {}
    for namespace, groups in captured.get('opts', []):
        for group, opts in groups:
            gname = norm_group(group)
            for opt in opts:
                details[(gname, opt.name, namespace)] = details_for(opt)
    return raw, details


def build_file(raw, details, file_name, project):
    sections = {}
    ns_count = {}
    for gname, gdata in raw['options'].items():
        sec = {}
        if gdata.get('dynamic_group_owner'):
            sec['dynamic_group_owner'] = gdata['dynamic_group_owner']
        if gdata.get('driver_option'):
            sec['driver_option'] = gdata['driver_option']
            if gdata.get('driver_opts'):
                sec['driver_opts'] = gdata['driver_opts']
        opts = {}
        for o in gdata['opts']:
            ns = o['namespace']
            ns_count[ns] = ns_count.get(ns, 0) + 1
            det = details.get((gname.lower(), o['name'], ns), {})
            key, e = compact_opt(o, det, gname)
            if key in opts:
                # same option from two namespaces: keep the first, note it
                opts[key].setdefault('also_ns', []).append(ns)
                continue
            opts[key] = e
        sec['options'] = opts
        sections[gname] = sec

    namespaces = raw['generator_options']['namespace']
    out = {
        'format': 'os-options-catalog/1',
        'file': file_name,
        'project': project,
        'generator': 'oslo.config %s --format json' % metadata.version(
            'oslo.config'),
        'namespaces': {n: dict(ns_dist(n) or {}, options=ns_count.get(n, 0))
                       for n in namespaces},
        'option_count': sum(len(s['options']) for s in sections.values()),
        'sections': sections,
    }
    if untyped:
        out['untyped_options'] = untyped
    return out


def build_keystoneauth():
    from keystoneauth1 import loading
    conf = None  # _build_entry() does not use it
    plugins = {}
    ka_version = metadata.version('keystoneauth1')
    for ep in sorted(metadata.entry_points(group='keystoneauth1.plugin'),
                     key=lambda e: e.name):
        dist = getattr(ep, 'dist', None)
        if dist is not None and dist.metadata['Name'] != 'keystoneauth1':
            continue  # plugins of other clients (aodh, vitrage...)
        try:
            opts = loading.get_auth_plugin_conf_options(ep.name)
        except Exception as exc:  # pragma: no cover
            print('skip plugin %s: %s' % (ep.name, exc), file=sys.stderr)
            continue
        entries = {}
        for opt in opts:
            o = generator._build_entry(opt, '<section>', 'keystoneauth1',
                                       conf)
            key, e = compact_opt(o, details_for(opt), '<section>')
            entries[key] = e
        plugins[ep.name] = entries
    common = {}
    for opt in loading.get_auth_common_conf_options():
        o = generator._build_entry(opt, '<section>', 'keystoneauth1',
                                       conf)
        key, e = compact_opt(o, details_for(opt), '<section>')
        common[key] = e
    return {
        'format': 'os-options-keystoneauth/1',
        'keystoneauth1': ka_version,
        'note': 'Options a section gains when it sets auth_type=<plugin> '
                '(keystone_authtoken, service_user, nova, neutron, ...). '
                'deprecated_names group "<section>" means the same section.',
        'common': common,
        'plugins': plugins,
    }


def main(argv):
    if argv[1:2] == ['--keystoneauth']:
        out = build_keystoneauth()
        dump(out, argv[2])
        print('keystoneauth plugins: %d, options: %d' % (
            len(out['plugins']),
            sum(len(p) for p in out['plugins'].values())))
        return
    gen_conf, raw_out, compact_out, file_name, project = argv[1:6]
    raw, details = run_generator(gen_conf, raw_out)
    out = build_file(raw, details, file_name, project)
    dump(out, compact_out)
    print('%s: %d sections, %d options' % (file_name, len(out['sections']),
                                            out['option_count']))


if __name__ == '__main__':
    main(sys.argv)
PYEOF

cat > "$WORK/index.py" <<'PYEOF'
#!/usr/bin/python3
"""Build catalog/index.json (versions, counts, sizes) and the single-file
bundle catalog/openstack-options.json.gz (all per-file catalogues keyed by
file name, plus "_keystoneauth") from catalog/*.json + raw/*.json.

Usage: index.py CATALOG_DIR RAW_DIR FAILED_NS_FILE
"""
import glob
import gzip
import json
import os
import subprocess
import sys

cat_dir, raw_dir, failed_file = sys.argv[1:4]

PKGS = ['python3-nova', 'python3-keystone', 'python3-glance',
        'python3-neutron', 'python3-cinder', 'python3-heat',
        'python3-placement', 'python3-octavia', 'python3-oslo.config',
        'python3-oslo.messaging', 'python3-oslo.db', 'python3-oslo.cache',
        'python3-oslo.log', 'python3-oslo.middleware', 'python3-oslo.policy',
        'python3-oslo.service', 'python3-oslo.concurrency',
        'python3-keystonemiddleware', 'python3-glance-store',
        'python3-os-brick', 'python3-castellan', 'python3-oslo.limit',
        'python3-osprofiler', 'python3-cotyledon', 'python3-neutron-lib',
        'python3-oslo.privsep', 'python3-oslo.reports',
        'python3-oslo.versionedobjects']


def pkg_versions():
    out = {}
    for p in PKGS:
        r = subprocess.run(['dpkg-query', '-W', '-f=${Version}', p],
                           capture_output=True, text=True)
        out[p] = r.stdout.strip() if r.returncode == 0 else None
    return out


KSA = 'keystoneauth-plugins.json'


def gz_len(b):
    return len(gzip.compress(b, 9, mtime=0))


files = {}
bundle = {}
tot = dict(raw=0, raw_gz=0, compact=0, compact_gz=0, options=0)
for path in sorted(glob.glob(os.path.join(cat_dir, '*.json'))):
    base = os.path.basename(path)
    if base in ('index.json', KSA):
        continue
    with open(path, 'rb') as f:
        cb = f.read()
    d = json.loads(cb)
    rawp = os.path.join(raw_dir, base)
    rb = open(rawp, 'rb').read() if os.path.exists(rawp) else b''
    files[d['file']] = {
        'catalog': base,
        'project': d['project'],
        'sections': len(d['sections']),
        'options': d['option_count'],
        'namespaces': {n: v.get('options', 0)
                       for n, v in d['namespaces'].items()},
        'raw_json_bytes': len(rb), 'raw_json_gz_bytes': gz_len(rb),
        'compact_bytes': len(cb), 'compact_gz_bytes': gz_len(cb),
    }
    tot['raw'] += len(rb)
    tot['raw_gz'] += gz_len(rb)
    tot['compact'] += len(cb)
    tot['compact_gz'] += gz_len(cb)
    tot['options'] += d['option_count']
    bundle[d['file']] = d

extras = {}
ksa_path = os.path.join(cat_dir, KSA)
if os.path.exists(ksa_path):
    kb = open(ksa_path, 'rb').read()
    k = json.loads(kb)
    extras[KSA] = {
        'keystoneauth1': k['keystoneauth1'], 'plugins': len(k['plugins']),
        'options': sum(len(p) for p in k['plugins'].values()),
        'compact_bytes': len(kb), 'compact_gz_bytes': gz_len(kb)}
    tot['compact'] += len(kb)
    tot['compact_gz'] += gz_len(kb)
    bundle['_keystoneauth'] = k

failed = []
if os.path.exists(failed_file):
    failed = [l.strip() for l in open(failed_file) if l.strip()]

index = {
    'format': 'os-options-catalog-index/1',
    'release': os.environ.get('RELEASE', 'zed'),
    'source': 'Debian 12 (bookworm) packages, oslo-config-generator --format '
              'json, namespaces from each project\'s upstream generator '
              'config at the matching tag',
    'packages': pkg_versions(),
    'failed_namespaces': failed,
    'totals': {
        'files': len(files), 'options': tot['options'],
        'raw_json_bytes': tot['raw'], 'raw_json_gz_bytes': tot['raw_gz'],
        'compact_bytes': tot['compact'],
        'compact_gz_bytes': tot['compact_gz'],
    },
    'files': files,
    'extras': extras,
}
with open(os.path.join(cat_dir, 'index.json'), 'w') as f:
    json.dump(index, f, indent=1, sort_keys=False)
    f.write('\n')
print(json.dumps(index['totals']))
PYEOF

rm -f "$OUT"/*.json "$OUT"/*.json.gz
# EXTRA_NS="file=ns1,ns2;file2=ns3": namespaces a newer release adds to a file (see gen-catalog.sh)
echo "$SPECS" | while IFS='|' read -r file project nslist; do
  [ -n "$file" ] || continue
  extra=$(echo "${EXTRA_NS:-}" | tr ';' '\n' | awk -F= -v f="$file" '$1==f {print $2}' | tr ',' ' ')
  [ -z "$extra" ] || nslist="$nslist $extra"
  # shellcheck disable=SC2086
  write_gencfg "$file" $nslist
  # relative paths: the raw JSON records them, keep it independent of $WORK
  if ! (cd "$WORK" && "$PY" extract.py "gencfg/$file.gen" "raw/$file.json" \
        "$OUT/$file.json" "$file" "$project" 2> "raw/$file.err"); then
    echo "!! $file: generator failed, checking namespaces one by one" >&2
    good=()
    for n in $nslist; do
      if ns_ok "$n"; then good+=("$n"); else
        echo "$file: $n: $(grep -v '^WARNING' "$WORK/nscheck/$n.log" | tail -1)" \
          | tee -a "$WORK/failed-namespaces.txt" >&2
      fi
    done
    write_gencfg "$file" "${good[@]}"
    (cd "$WORK" && "$PY" extract.py "gencfg/$file.gen" "raw/$file.json" \
      "$OUT/$file.json" "$file" "$project" 2> "raw/$file.err") \
      || { echo "!! $file still fails, see $WORK/raw/$file.err" >&2; \
           echo "$file: WHOLE FILE FAILED" >> "$WORK/failed-namespaces.txt"; }
  fi
done

"$PY" "$WORK/extract.py" --keystoneauth "$OUT/keystoneauth-plugins.json" \
  2> "$WORK/raw/keystoneauth.err"
"$PY" "$WORK/index.py" "$OUT" "$WORK/raw" "$WORK/failed-namespaces.txt"
echo "catalogue written to $OUT"
