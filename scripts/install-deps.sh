#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the build needs when they are missing: zlib and
# ISA-L (gzip), OpenSSL's libcrypto (SHA-256), SQLite (the case database) and pkg-config
# (to find them). Runs
# `apt-get update` once, then one `apt-get install`; uses sudo only when not root; says
# what it installs; does nothing when everything is there. Called by `make test`,
# `make demo` (through `make deps`) and .ci/run.
#   DEPS_DRY_RUN=1  print the commands instead of running them
#   DEPS_PACKAGES   the package list (default below; for tests)
set -euo pipefail
PACKAGES=(${DEPS_PACKAGES:-zlib1g-dev libisal-dev libssl-dev libsqlite3-dev pkg-config})

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: not a Debian-based system; make sure zlib, ISA-L (libisal), OpenSSL's libcrypto and pkg-config are installed" >&2
  exit 0
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1 && [ -z "${DEPS_DRY_RUN:-}" ]; then
    echo "install-deps: missing ${missing[*]}; run as root or install sudo: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  SUDO=(sudo)
fi
run() { if [ -n "${DEPS_DRY_RUN:-}" ]; then echo "would run: $*"; else "$@"; fi; }
echo "install-deps: installing ${missing[*]} (needed to build distillscan)" >&2
run "${SUDO[@]}" apt-get update -qq
run "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
