#!/bin/bash
# Prepares this machine for the systemd-nspawn integration tests (SystemdNspawnIT):
# installs the host packages that are missing and builds or reuses the shared test image.
#
#   bash e2e/nspawn/prepare.sh        (as root; .ci/run calls it before `mvn verify`)
#
# It never fails the build: where it cannot prepare (not root, no Debian mirror), it says why
# and exits 0, and the tests that need the image are then reported as SKIPPED with that reason.
set -uo pipefail
cd "$(dirname "$0")/../.."

log() { echo "nspawn-prepare: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
  log "not root: skipping (systemd-nspawn tests will be skipped)"
  exit 0
fi

missing=()
command -v systemd-nspawn >/dev/null || missing+=(systemd-container)
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
command -v mkfs.ext4 >/dev/null || missing+=(e2fsprogs)
command -v nsenter >/dev/null || missing+=(util-linux)
command -v dbus-daemon >/dev/null || missing+=(dbus-daemon)
if [ ${#missing[@]} -gt 0 ]; then
  start=$(date +%s)
  log "installing ${missing[*]}"
  if ! { apt-get -o DPkg::Lock::Timeout=900 update -qq &&
    apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends "${missing[@]}"; } >&2; then
    log "could not install ${missing[*]}: systemd-nspawn tests will be skipped"
    exit 0
  fi
  log "installed in $(($(date +%s) - start)) s"
fi

start=$(date +%s)
if entry=$(bash e2e/image/build-image.sh); then
  log "image ready in $(($(date +%s) - start)) s: $entry"
else
  log "could not build the test image: systemd-nspawn tests will be skipped"
fi
exit 0
