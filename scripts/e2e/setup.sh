#!/usr/bin/env bash
# Installs what the end-to-end tests need, offline but for Debian's mirrors and the npm registry:
# Debian's chromium, neovim, emacs-nox + elpa-eglot + elpa-yaml-mode and the packages code-server's native modules build
# with; code-server 4.100.3 (VS Code 1.100.3, the last release for Node 20) and playwright-core under
# .e2e/. Idempotent: a second run finds everything and returns at once.
# Recipe and pitfalls: ../shared/notes/editor-harness/RESULTS.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E=${OSHA_E2E_DIR:-$ROOT/.e2e}
CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1
mkdir -p "$E2E"

# haproxy, corosync, keepalived, pacemaker-cli-utils, crmsh, mariadb-server + galera-4, iptables, nftables: the real checkers (openssl makes the stand-in certificate of their sandbox, test/e2e/sandbox.ts) the differential suites compare with (-c, -t, -t, crm_verify, crm configure load, mariadbd --help --verbose, iptables-restore --test, nft -c)
APT_PACKAGES=(chromium fonts-dejavu-core build-essential python3 libkrb5-dev ripgrep neovim emacs-nox elpa-eglot elpa-yaml-mode haproxy corosync keepalived pacemaker-cli-utils crmsh mariadb-server galera-4 iptables nftables iproute2 openssl)
missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e setup: apt-get install ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then echo "e2e setup: needs root for apt-get (or install: ${missing[*]})" >&2; exit 1; fi
  apt-get -o DPkg::Lock::Timeout=900 update -q >/dev/null
  # another apt on the machine may hold the lock for minutes: wait for it rather than fail
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${missing[@]}" >"$E2E/apt.log" 2>&1 \
    || { tail -30 "$E2E/apt.log" >&2; exit 1; }
fi

CS_DIR=$E2E/cs
if [ "$(node -p "try{require('$CS_DIR/node_modules/code-server/package.json').version}catch{''}" 2>/dev/null)" != "$CODE_SERVER_VERSION" ] \
   || [ ! -d "$CS_DIR/node_modules/playwright-core" ]; then
  echo "e2e setup: npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION (native modules compile: a few minutes)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR/tmp"
  # @vscode/ripgrep's postinstall downloads rg from GitHub: seed its cache with Debian's rg instead
  mkdir -p "$CS_DIR/tmp/vscode-ripgrep-cache-1.15.11"
  tar czf "$CS_DIR/tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
  (cd "$CS_DIR" && echo '{"name":"osha-e2e","private":true}' > package.json && \
    TMPDIR="$CS_DIR/tmp" npm_config_nodedir=/usr npm_config_yes=true npm_config_unsafe_perm=true \
    npm_config_dangerously_allow_all_scripts=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false \
    npm install --no-save --unsafe-perm "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" >"$E2E/npm.log" 2>&1) \
    || { tail -40 "$E2E/npm.log" >&2; exit 1; }
fi
echo "e2e setup: ready ($(/usr/bin/chromium --version 2>/dev/null | head -1); code-server $CODE_SERVER_VERSION; $(nvim --version | head -1); $(emacs --version | head -1))"
