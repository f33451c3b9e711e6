#!/usr/bin/env bash
# The system packages the course's commands need beyond Python 3.11, make and git.
# One place for this list: the Makefile (make site, make test) and .ci/run call it.
#
#   tools/system-deps.sh test   Chromium (site checks, browser tests, PDFs) and LibreOffice Writer (Word export check)
#   tools/system-deps.sh site   Chromium (the PDFs of the course are printed from the built pages)
#   tools/system-deps.sh hub    Node.js and npm, then configurable-http-proxy from npm into
#                               /opt/academy-hub/node (JupyterHub's proxy; make hub-check)
#
# Installs what is missing when it can (as root, or with sudo that needs no password);
# otherwise stops at once with one plain message naming the packages and the command to run.
set -euo pipefail

purpose="${1:-test}"
chromium="${ACADEMY_CHROMIUM:-/usr/bin/chromium}"  # as in tests/conftest.py
missing=()
have() { command -v "$1" >/dev/null 2>&1; }

case "$purpose" in
  site) [ -x "$chromium" ] || missing+=(chromium) ;;
  test)
    [ -x "$chromium" ] || missing+=(chromium)
    have soffice || missing+=(libreoffice-writer-nogui)
    ;;
  hub)
    have node || missing+=(nodejs)
    have npm || missing+=(npm)
    have git || missing+=(git)
    ;;
  *) echo "usage: tools/system-deps.sh [site|test|hub]" >&2; exit 2 ;;
esac

# JupyterHub's proxy, from the npm registry (version pinned here, checked by make hub-check).
CHP_VERSION=5.3.0
HUB_NODE=/opt/academy-hub/node
install_proxy() {
  local bin="$HUB_NODE/node_modules/.bin/configurable-http-proxy"
  if [ -x "$bin" ] && [ "$("$bin" --version 2>/dev/null)" = "$CHP_VERSION" ]; then return 0; fi
  echo "Installing configurable-http-proxy $CHP_VERSION from npm into $HUB_NODE"
  mkdir -p "$HUB_NODE"
  npm install --silent --no-audit --no-fund --prefix "$HUB_NODE" "configurable-http-proxy@$CHP_VERSION" >/dev/null
}

if [ ${#missing[@]} -eq 0 ]; then
  if [ "$purpose" = hub ]; then install_proxy; fi
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif have sudo && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "make $purpose needs these system packages, which are not installed: ${missing[*]}." >&2
  echo "Install them, then run make $purpose again:" >&2
  echo "    sudo apt-get update && sudo apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
if ! have apt-get; then
  echo "make $purpose needs ${missing[*]}, and this machine has no apt-get to install them." >&2
  echo "Install them with your system's package manager (Chromium at /usr/bin/chromium), then run make $purpose again." >&2
  exit 1
fi

echo "Installing system packages for make $purpose: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
if [ "$purpose" = hub ]; then install_proxy; fi
